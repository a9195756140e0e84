"""`requirement-unmet`: fixture files; the derivation and evaluation are tested in tests/requirements."""

from __future__ import annotations

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check

KIND = "requirement-unmet"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_takes_the_requirements_severity(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "half-year.yaml"], ruleset)
    assert [item.severity for item in result.findings if item.kind == KIND] == ["warning"]
