"""`year-mismatch`: the report's year is not the ruleset's; the report is still checked in full."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset

from .support import case_tests, check, keys, kinds, report, write

KIND = "year-mismatch"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_still_checked_in_full(tmp_path: Path, ruleset: Ruleset) -> None:
    entries = '{"17-1": {status: not_started}, "21-6": {status: done, actions: [推行信用承诺制]}}'
    path = write(tmp_path, "r.yaml", report("区税务局", entries, year=2021))
    result = check([path], ruleset)
    assert keys(result, KIND) == [(KIND, "区税务局", None, 2)]
    assert {"task-not-started", "wrong-unit"} <= kinds(result)


def test_still_counts_as_the_units_submission(tmp_path: Path, ruleset: Ruleset) -> None:
    write(tmp_path, "a.yaml", report("区税务局", '{"17-1": {status: done, actions: [查补税款 56 万元]}}', year=2019))
    write(tmp_path, "b.yaml", report("区法院"))
    result = check([tmp_path], ruleset)
    assert result.set_checks, "two distinct known units, one of them for another year"
    missing = {item.unit for item in result.findings if item.kind == "missing-report"}
    assert "区税务局" not in missing and "区法院" not in missing
    assert "17-1" not in {item.task for item in result.findings if item.kind == "unaddressed-shared-duty"}


def test_message_names_both_years(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "r.yaml", report("区法院", year=2021))
    [item] = [item for item in check([path], ruleset).findings if item.kind == KIND]
    assert "2021" in item.text("en") and "2020" in item.text("en")
