"""`missing-report`: a unit named on some task submitted no report in the set."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, of_kind

KIND = "missing-report"
test_failing_fixture, test_passing_fixture = case_tests(KIND)
REPO = Path(__file__).resolve().parents[2]


def test_message_counts_the_units_tasks(ruleset: Ruleset) -> None:
    [item] = of_kind(check([CASES / KIND / "fail" / "one-unit-missing.yaml"], ruleset), KIND)
    assert "区税务局" in item.text("en") and "(1 task" in item.text("en")
    assert "1 项" in item.text("zh")


def test_every_named_unit_is_expected(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "one-unit-complete.yaml"], ruleset, complete=True)
    assert {item.unit for item in of_kind(result, KIND)} == set(ruleset.named_units) - {"区司法局"}
    assert len(ruleset.named_units) == 19


def test_the_sample_year_misses_no_report(ruleset: Ruleset) -> None:
    """The sample's 区法院 reports under its full name and is not missing."""
    assert of_kind(check([REPO / "reports" / "2020"], ruleset), KIND) == []
