"""`exemption-expired`: an exemption past its date is not applied, and the run says so."""

from __future__ import annotations

from ipr_rules.model.ruleset import Ruleset

from .exemption_support import exempted, exemption_case_tests
from .support import CASES, check, of_kind

KIND = "exemption-expired"
test_failing_fixture, test_passing_fixture = exemption_case_tests(KIND)


def test_the_covered_finding_still_counts(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "expired.yaml"], exempted(ruleset, KIND))
    assert [item.kind for item in result.findings if item.unit == "区税务局"].count("task-not-started") == 1
    assert result.waived == []
    [expired] = of_kind(result, KIND)
    assert expired.severity == "info" and expired.file is not None and expired.file.endswith("exemptions.yml")
    assert "2021-03-31" in expired.text("zh") and "task-not-started" in expired.text("en")


def test_an_exemption_in_force_is_applied(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "pass" / "in-force.yaml"], exempted(ruleset, KIND))
    assert of_kind(result, "task-not-applicable") == []
    assert [item.finding.kind for item in result.waived] == ["task-not-applicable"]
