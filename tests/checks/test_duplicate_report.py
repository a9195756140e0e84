"""`duplicate-report`: two reports for one unit, after alias resolution."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset

from .support import case_tests, check, keys, of_kind, report, write

KIND = "duplicate-report"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_across_files(tmp_path: Path, ruleset: Ruleset) -> None:
    first = write(tmp_path, "a/区法院.yaml", report("区法院"))
    second = write(tmp_path, "b/区法院-修改稿.yaml", "# 修改稿\n" + report("区人民法院"))
    write(tmp_path, "c/区检察院.yaml", report("区检察院"))
    result = check([tmp_path], ruleset)
    [item] = of_kind(result, KIND)
    assert (item.unit, item.task, item.file, item.line) == ("区法院", None, str(second), 2)
    assert f"{first}:1" in item.text("zh")


def test_entries_are_checked_together(tmp_path: Path, ruleset: Ruleset) -> None:
    """区税务局's 17-1 is in its second report only: not missing, and carried."""
    write(tmp_path, "a.yaml", report("区税务局"))
    write(tmp_path, "b.yaml", report("区税务局", '{"17-1": {status: done, actions: [查补税款 56 万元]}}'))
    write(tmp_path, "c.yaml", report("区市场监管局"))
    result = check([tmp_path], ruleset)
    assert keys(result, KIND) == [(KIND, "区税务局", None, 1)]
    assert "区税务局" not in {item.unit for item in of_kind(result, "missing-task")}
    assert "17-1" not in {item.task for item in of_kind(result, "unaddressed-shared-duty")}


def test_the_same_file_twice_is_one_report(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "区法院.yaml", report("区法院"))
    write(tmp_path, "区检察院.yaml", report("区检察院"))
    result = check([path, tmp_path, path], ruleset)
    assert of_kind(result, KIND) == []
    assert len(result.reports) == 2
