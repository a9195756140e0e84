"""When the set checks run: two or more distinct known units, or --complete; never with --unit-only."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipr_rules.model.ruleset import Ruleset

from .support import check, kinds, report, write

SET_KINDS = {"missing-report", "duplicate-report", "unaddressed-shared-duty"}


def _set_kinds(paths: list[Path], ruleset: Ruleset, **options: bool) -> tuple[bool, set[str]]:
    result = check(paths, ruleset, **options)
    return result.set_checks, kinds(result) & SET_KINDS


def test_on_for_two_distinct_known_units(tmp_path: Path, ruleset: Ruleset) -> None:
    paths = [write(tmp_path, "a.yaml", report("区法院")), write(tmp_path, "b.yaml", report("区检察院"))]
    on, found = _set_kinds(paths, ruleset)
    assert on and found == {"missing-report", "unaddressed-shared-duty"}


def test_off_for_one_unit(tmp_path: Path, ruleset: Ruleset) -> None:
    paths = [write(tmp_path, "a.yaml", report("区法院"))]
    assert _set_kinds(paths, ruleset) == (False, set())


@pytest.mark.parametrize(
    "second", ["昆明市官渡区人民法院", "区人民法院", "官渡法院"], ids=["full-name", "alias", "unknown"]
)
def test_off_when_the_second_report_is_no_other_known_unit(second: str, tmp_path: Path, ruleset: Ruleset) -> None:
    paths = [write(tmp_path, "a.yaml", report("区法院")), write(tmp_path, "b.yaml", report(second))]
    assert _set_kinds(paths, ruleset) == (False, set())


def test_on_with_complete_for_one_unit(tmp_path: Path, ruleset: Ruleset) -> None:
    paths = [write(tmp_path, "a.yaml", report("区法院"))]
    on, found = _set_kinds(paths, ruleset, complete=True)
    assert on and found == {"missing-report", "unaddressed-shared-duty"}


def test_off_with_unit_only(tmp_path: Path, ruleset: Ruleset) -> None:
    paths = [
        write(tmp_path, "a.yaml", report("区法院")),
        write(tmp_path, "b.yaml", report("区检察院")),
        write(tmp_path, "c.yaml", report("区检察院")),
    ]
    on, found = _set_kinds(paths, ruleset, unit_only=True)
    assert not on and found == set()
    assert "missing-task" in kinds(check(paths, ruleset, unit_only=True)), "a unit check, kept with --unit-only"


def test_the_sample_year_is_a_set(ruleset: Ruleset) -> None:
    result = check([Path(__file__).resolve().parents[2] / "reports" / "2020"], ruleset)
    assert result.set_checks and len(result.reports) == 19
