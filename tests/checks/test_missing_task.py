"""`missing-task`: a unit's report has no entry for a task that names it."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, keys, messages, report, write

KIND = "missing-task"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_union_of_two_files_of_one_unit(tmp_path: Path, ruleset: Ruleset) -> None:
    """Two files of 区财政局: their entries are taken together; the finding points at the first."""
    first = write(tmp_path, "a.yaml", report("区财政局", '{"11-1": {status: done, actions: [核查正版软件 126 台]}}'))
    write(tmp_path, "b.yaml", report("区财政局", '{"21-4": {status: done, actions: [曝光失信供应商 3 家]}}'))
    result = check([tmp_path], ruleset)
    assert keys(result, KIND) == [(KIND, "区财政局", "20-1", 3)]
    assert [item.file for item in result.findings if item.kind == KIND] == [str(first)]


def test_every_task_of_the_unit_with_its_role(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "r.yaml", report("区检察院"))
    result = check([path], ruleset)
    assert sorted(str(item[2]) for item in keys(result, KIND)) == sorted(
        task.id for task in ruleset.tasks_of("区检察院")
    )
    led = [text for text in messages(result, KIND, "en") if "16-1" in text]
    assert len(led) == 1 and "lead" in led[0]


def test_reported_with_unit_only(ruleset: Ruleset) -> None:
    """A unit's own gaps, not a set check: --unit-only keeps it."""
    result = check([CASES / KIND / "fail" / "empty-tasks.yaml"], ruleset, unit_only=True)
    assert keys(result, KIND) == [(KIND, "区税务局", "17-1", 6)]


def test_the_sample_year(ruleset: Ruleset) -> None:
    result = check([Path(__file__).resolve().parents[2] / "reports" / "2020"], ruleset)
    assert [item[1:3] for item in keys(result, KIND)] == [("区科信局", "1-4")]
