"""YAML's implicit typing and repeated keys: `1.1` is not a task id, `yes` is not a status,
NaN is not a count, 2020-02-30 is not a date, and a key twice is an error, never last-one-wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hardening.support import FIXTURES, HEAD, check_json, kinds, messages, write

CASES: dict[str, tuple[list[tuple[str, int]], list[str]]] = {
    "numeric-task-ids.yaml": (
        [("invalid-report", 4), ("invalid-report", 7), ("invalid-report", 10)],
        ['任务编号 15.1 没有加引号，被 YAML 读作小数，请写成带引号的 "15-1"', '“"1-10"”'],
    ),
    "yes-no-status.yaml": ([("invalid-report", 5), ("invalid-report", 8)], ["yes/no/on/off", "true", "false"]),
    "non-string-keys.yaml": (
        [("invalid-report", 3), ("invalid-report", 4), ("invalid-report", 5), ("invalid-report", 10)],
        [
            "键 true 被 YAML 读作真假值",
            "键 2020-12-20 被 YAML 读作日期",
            "键 null 被 YAML 读作空值",
            "键 1 被 YAML 读作整数",
        ],
    ),
    "bad-metrics.yaml": (
        # 1.5 (line 12) is a number: whether a metric may have decimals is its vocabulary's to say.
        [("invalid-report", n) for n in range(8, 16) if n != 12],
        ["实为小数 nan", "实为小数 inf", "实为日期 2020-12-20", "应为非负数", "不能小于 0", "不能大于"],
    ),
    "null-and-wrong-types.yaml": (
        [("invalid-report", n) for n in (1, 2, 3, 4, 7, 8, 9, 10, 11)],
        [
            "单位名称（unit）没有填写（冒号后面没有内容）",
            "年度（year）应为整数，实为文字“2020”",
            "联系人（contact）应为映射",
            "任务 15-1 的工作内容（actions）应为列表",
        ],
    ),
    "impossible-dates.yaml": (
        [("invalid-report", 3), ("invalid-report", 9), ("invalid-report", 10)],
        ["日期 2020-02-30 不存在", "日期 2020-13-01 不存在", "日期 2020-06-31 不存在"],
    ),
    "duplicate-keys.yaml": (
        [("invalid-report", 3), ("invalid-report", 7), ("invalid-report", 9)],
        [
            "键“year”重复出现（第 2 行和第 3 行）",
            "键“status”重复出现（第 6 行和第 7 行）",
            "键“15-1”重复出现（第 5 行和第 9 行）",
        ],
    ),
    "second-tasks-block.yaml": ([("invalid-report", 7)], ["键“tasks”重复出现（第 3 行和第 7 行），请合并为一处"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_implicit_typing_and_duplicates_are_findings_at_their_lines(name: str) -> None:
    code, document = check_json(FIXTURES / name)
    expected, words = CASES[name]
    assert code == 1
    assert [item for item in kinds(document) if item[0] != "missing-task"] == sorted(expected)
    shown = " ".join(messages(document, "invalid-report"))
    for word in words:
        assert word in shown
    assert "NonStringKey" not in shown and "Keys should be strings" not in shown


def test_a_numeric_task_id_is_never_read_as_some_task() -> None:
    _, document = check_json(FIXTURES / "numeric-task-ids.yaml")
    (report,) = document["reports"]
    assert report["entries"] == 0
    assert ("missing-task", 3) in kinds(document, "missing-task")  # 15-1 is still missing


def test_duplicates_keep_the_first_value_and_never_the_last() -> None:
    _, document = check_json(FIXTURES / "duplicate-keys.yaml")
    assert not kinds(document, "year-mismatch")  # `year: 2021` came second
    assert not kinds(document, "task-not-started", "task-partial")  # nor the second 15-1, nor `status: partial`


def test_a_second_tasks_block_is_not_merged_silently() -> None:
    _, document = check_json(FIXTURES / "second-tasks-block.yaml")
    assert document["reports"][0]["entries"] == 1
    assert [f["task"] for f in document["findings"] if f["kind"] == "missing-task" and f["task"] == "2-3"] == ["2-3"]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2020-02-30", "日期 2020-02-30 不存在"),
        ("2021-02-29", "不存在"),
        ("2020-12-20T25:00:00", "不存在"),
        ("20201220", None),
    ],
)
def test_dates(tmp_path: Path, value: str, words: str | None) -> None:
    text = HEAD + f"submitted: {value}\ntasks: {{}}\n"
    _, document = check_json(write(tmp_path, "区法院.yaml", text))
    if words is None:
        assert any("submitted" in m for m in messages(document, "invalid-report"))
    else:
        assert any(words in m for m in messages(document, "invalid-report"))


def test_a_leap_day_is_a_date(tmp_path: Path) -> None:
    _, document = check_json(write(tmp_path, "区法院.yaml", HEAD + "submitted: 2020-02-29\ntasks: {}\n"))
    assert kinds(document, "invalid-report") == []


def test_explicitly_tagged_scalars_that_do_not_convert_are_findings(tmp_path: Path) -> None:
    text = HEAD + (
        'tasks:\n  "15-1":\n    status: done\n    actions: [x]\n'
        "    metrics: {a: !!int 十二, b: !!float x, c: !!bool maybe, d: !!timestamp soon}\n"
    )
    code, document = check_json(write(tmp_path, "区法院.yaml", text))
    assert code == 1
    shown = messages(document, "invalid-report")
    assert len([m for m in shown if "被标为" in m or "不存在" in m]) == 4
    assert any("!!int" in m and "十二" in m for m in shown)
