"""`task-not-started`: the unit's own task is reported as not started."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, messages, report, write

KIND = "task-not-started"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_message_gives_the_reason_or_says_there_is_none(ruleset: Ruleset) -> None:
    with_reason = messages(check([CASES / KIND / "fail" / "with-reason.yaml"], ruleset), KIND)
    assert len(with_reason) == 1 and "全年未收到行政执法部门移交的涉税线索" in with_reason[0]
    without = messages(check([CASES / KIND / "fail" / "without-reason.yaml"], ruleset), KIND, "en")
    assert len(without) == 2 and all("no reason is given" in text for text in without)


def test_a_long_reason_is_shortened(tmp_path: Path, ruleset: Ruleset) -> None:
    reason = "因" + "疫情防控工作安排" * 20
    path = write(tmp_path, "r.yaml", report("区税务局", f'{{"17-1": {{status: not_started, reason: {reason}}}}}'))
    [text] = messages(check([path], ruleset), KIND)
    assert reason[:60] in text and reason not in text and text.endswith("…")


def test_every_not_started_task_of_a_unit_is_reported(tmp_path: Path, ruleset: Ruleset) -> None:
    tasks = [task.id for task in ruleset.tasks_of("区检察院")]
    entries = ", ".join(f'"{task}": {{status: not_started}}' for task in tasks)
    path = write(tmp_path, "r.yaml", report("区检察院", "{" + entries + "}"))
    found = check([path], ruleset).findings
    assert sorted(str(item.task) for item in found if item.kind == KIND) == sorted(tasks)
    assert {item.kind for item in found} == {KIND}
