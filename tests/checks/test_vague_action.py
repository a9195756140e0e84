"""`vague-action`: done or partial work that states no checkable fact."""

from __future__ import annotations

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, messages

KIND = "vague-action"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_is_a_warning_that_says_what_to_write(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "padded.yaml"], ruleset)
    assert [item.severity for item in result.findings if item.kind == KIND] == ["warning"]
    assert "做了多少" in messages(result, KIND)[0]
