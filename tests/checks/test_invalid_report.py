"""`invalid-report`: every branch its documentation lists, each with its own fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipr_rules.i18n import Lang
from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, keys, of_kind, report, write

KIND = "invalid-report"
test_failing_fixture, test_passing_fixture = case_tests(KIND)
FAIL = CASES / KIND / "fail"


def _texts(name: str, ruleset: Ruleset, lang: Lang = "zh") -> list[str]:
    return [item.text(lang) for item in of_kind(check([FAIL / name], ruleset), KIND)]


# Each branch that DESCRIPTION lists, and the fixture that shows it.
BRANCHES = {
    "a required field missing": "missing-fields.yaml",
    "a wrong type": "wrong-types.yaml",
    "a status outside the four": "bad-status.yaml",
    "yes as status": "yes-as-status.yaml",
    "a task id read as a number": "numeric-task-ids.yaml",
    "a duplicate key": "duplicate-keys.yaml",
    "a second tasks block": "second-tasks-block.yaml",
    "a date that does not exist": "impossible-dates.yaml",
    "a metric not a non-negative whole number": "bad-metrics.yaml",
    "done or partial without actions": "work-statuses-without-actions.yaml",
    "not_applicable without a reason": "not-applicable-without-reason.yaml",
    "an unknown field": "unknown-fields.yaml",
}


@pytest.mark.parametrize("fixture", sorted(BRANCHES.values()))
def test_every_branch_has_a_fixture(fixture: str) -> None:
    assert (FAIL / fixture).is_file()


def test_numeric_task_ids_say_how_to_write_them(ruleset: Ruleset) -> None:
    texts = _texts("numeric-task-ids.yaml", ruleset)
    assert len(texts) == 2
    assert '"1-1"' in texts[0] and '"1-10"' in texts[1]
    english = _texts("numeric-task-ids.yaml", ruleset, "en")
    assert '"1-1"' in english[0] and '"1-10"' in english[1]


def test_a_numeric_task_id_is_never_read_as_a_task(ruleset: Ruleset) -> None:
    """1.1 is not taken for "1-1": the entry carries nothing, and the one finding about the key
    says that 1-1 counts as not entered (no second, `missing-task`, finding for it)."""
    result = check([FAIL / "numeric-task-ids.yaml"], ruleset)
    assert ("missing-task", "区科信局", "1-1", 4) not in keys(result, "missing-task")
    [first, _] = [item for item in result.findings if item.kind == "invalid-report"]
    assert first.line == 5 and "改正前，任务 1-1 算作没有填写" in first.text("zh")
    assert "task 1-1 counts as not entered" in first.text("en")
    assert result.reports[0].entries == 0
    assert result.coverage.cell("区科信局", "1-1").state == "invalid"


def test_duplicate_keys_name_both_lines(ruleset: Ruleset) -> None:
    texts = _texts("duplicate-keys.yaml", ruleset)
    assert any("status" in text and "9" in text and "10" in text for text in texts)
    assert any("21-4" in text and "5" in text and "12" in text for text in texts)
    english = _texts("duplicate-keys.yaml", ruleset, "en")
    assert any("lines 9 and 10" in text for text in english)
    assert any("lines 5 and 12" in text for text in english)


def test_a_duplicate_key_is_not_last_one_wins(ruleset: Ruleset) -> None:
    """The second 21-4 (not_started) does not replace the first (done), nor does the second
    status of 11-1 (done) replace its first (not_started)."""
    result = check([FAIL / "duplicate-keys.yaml"], ruleset)
    assert keys(result, "task-not-started") == [("task-not-started", "区财政局", "11-1", 9)]


def test_the_first_tasks_block_is_still_validated(ruleset: Ruleset) -> None:
    result = check([FAIL / "second-tasks-block.yaml"], ruleset)
    texts = [item.text("en") for item in of_kind(result, KIND)]
    assert any("tasks" in text and "4" in text and "9" in text for text in texts)
    assert any("metrics.cases" in text for text in texts)


def test_yes_as_status_is_explained(ruleset: Ruleset) -> None:
    [zh] = _texts("yes-as-status.yaml", ruleset)
    [en] = _texts("yes-as-status.yaml", ruleset, "en")
    assert "yes" in zh and "done" in zh
    assert "true" in en and "quote" in en


def test_unknown_fields_suggest_the_field_meant(ruleset: Ruleset) -> None:
    texts = _texts("unknown-fields.yaml", ruleset, "en")
    assert any("submited" in text and "'submitted'" in text for text in texts)
    assert any("actoins" in text and "'actions'" in text for text in texts)


def test_impossible_dates_are_named(ruleset: Ruleset) -> None:
    texts = _texts("impossible-dates.yaml", ruleset)
    assert any("2020-02-30" in text for text in texts)
    assert any("2020-13-01" in text for text in texts)


def test_all_problems_of_a_file_in_one_run(tmp_path: Path, ruleset: Ruleset) -> None:
    entries = '\n  "17-1":\n    status: finished\n    metrics: {cases: -1}\n    colour: red\n'
    text = "unit: 区税务局\nyear: 二〇二〇\nsubmitted: 2020-02-30\ntasks:" + entries
    result = check([write(tmp_path, "r.yaml", text)], ruleset)
    assert [item[3] for item in keys(result, KIND)] == [2, 3, 6, 7, 8]


def test_a_broken_entry_spoils_only_itself(tmp_path: Path, ruleset: Ruleset) -> None:
    entries = (
        "\n"
        '  "2-3": {status: done}\n'
        '  "14-1": {status: not_started}\n'
        '  "29-4": {status: partial, actions: [培养检察人才 2 名]}\n'
    )
    result = check([write(tmp_path, "r.yaml", report("区检察院", entries))], ruleset)
    assert keys(result, KIND) == [(KIND, "区检察院", "2-3", 4)]
    assert ("task-not-started", "区检察院", "14-1", 5) in keys(result, "task-not-started")
    assert ("task-partial", "区检察院", "29-4", 6) in keys(result, "task-partial")
    assert "2-3" not in {item.task for item in of_kind(result, "missing-task")}
