"""Layout typed by people: tabs, full-width colons, spaces and quotes from a Chinese input
method, empty files, pasted prose, a list where a mapping belongs. Each gets a finding at its
line whose message says what to type instead."""

from __future__ import annotations

import pytest

from tests.hardening.support import FIXTURES, check_json, kinds, messages

# fixture -> exit code, the findings other than missing-task as (kind, line), words of the message
CASES: dict[str, tuple[int, list[tuple[str, int]], list[str]]] = {
    "tab-indent.yaml": (2, [("unreadable", 4)], ["第 4 行", "制表符（Tab）", "空格"]),
    "full-width-colon-top.yaml": (
        1,
        [("invalid-report", 1), ("invalid-report", 2), ("invalid-report", 3)],
        ["第 1 行使用了全角冒号“：”，请改为半角“:”"],
    ),
    "full-width-colon-nested.yaml": (
        1,
        [("invalid-report", 5), ("invalid-report", 6)],
        ["第 5 行使用了全角冒号“：”，请改为半角“:”"],
    ),
    "full-width-colon-key.yaml": (2, [("unreadable", 4)], ["第 4 行使用了全角冒号“：”，请改为半角“:”"]),
    "full-width-space.yaml": (1, [("invalid-report", 3), ("invalid-report", 4)], ["第 4 行使用了全角空格"]),
    # One finding for the quoted id (unknown-task, naming the quotes), not a second one for the same line.
    "full-width-quotes.yaml": (1, [("unknown-task", 4)], ["全角引号", '"15-1"']),
    "empty.yaml": (1, [("invalid-report", 1)], ["空报告"]),
    "blank-and-comments.yaml": (1, [("invalid-report", 1)], ["空报告"]),
    "pasted-prose.yaml": (1, [("invalid-report", 1)], ["“键: 值”形式的映射", "文字"]),
    "list-for-report.yaml": (1, [("invalid-report", 1)], ["“键: 值”形式的映射", "列表"]),
    "list-for-tasks.yaml": (1, [("invalid-report", 3)], ["任务清单（tasks）应为映射", "列表"]),
    "list-for-entry.yaml": (1, [("invalid-report", 4)], ["任务 15-1 的条目应为映射", "列表"]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_layout_mistakes_get_a_finding_at_their_line(name: str) -> None:
    code, document = check_json(FIXTURES / name)
    expected_code, expected, words = CASES[name]
    assert code == expected_code
    assert [item for item in kinds(document) if item[0] != "missing-task"] == sorted(expected)
    shown = " ".join(f["message"] for f in document["findings"])
    for word in words:
        assert word in shown
    assert "Traceback" not in shown


def test_the_structural_error_a_full_width_colon_causes_is_not_reported_twice() -> None:
    _, document = check_json(FIXTURES / "full-width-colon-nested.yaml")
    assert not any("应为映射" in message for message in messages(document, "invalid-report"))


def test_text_with_full_width_colons_in_values_is_not_flagged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.hardening.support import HEAD, write

    text = HEAD + (
        'tasks:\n  "15-1":\n    status: done\n    actions:\n'
        "      - 开展检查：共 5 次\n      - 结果：立案 2 件\n    reason: 说明：无\n"
    )
    _, document = check_json(write(tmp_path, "区法院.yaml", text))
    assert kinds(document, "invalid-report", "unreadable") == []


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            'unit: 区法院\nyear: 2020\ntasks:\n  "15-1":\n    status: done\n    actions: ["审结案件]\n',
            6,
            ["第 6 行开始的引号没有闭合"],
        ),
        ('unit: 区法院\nyear: 2020\ntasks:\n  "15-1":\n    status: done\n    actions: [审结案件\n', 6, ["方括号"]),
        ('unit: 区法院\nyear: 2020\ntasks:\n  "15-1":\n    status: done\n   actions: [x]\n', 6, ["缩进"]),
        ('unit: 区法院\nyear: 2020\nreason: "C:\\Users\\报告"\ntasks: {}\n', 3, ["反斜杠", "单引号"]),
        ("unit: 区法院\nyear: 2020\ntasks: {}\nnote: @张三\n", 4, ["“@”", "引号"]),
        ("unit: 区法院\nyear: 2020\ntasks: {}\nnote: a\x01b\n", 4, ["控制字符", "U+0001"]),
        ("%YAML 2.0\n---\nunit: 区法院\n", 1, ["% 指令"]),
        ("unit: 区法院\nyear: 2020\ntasks: {}\nsee: *above\n", 4, ["未定义的别名"]),
        ("unit: 区法院\nyear: 2020\ntasks: {}\nsee: *上文\n", 4, ["“&”或“*”后缺少名称"]),
    ],
    ids=[
        "unclosed-quote",
        "unclosed-bracket",
        "indentation",
        "backslash",
        "at-sign",
        "control",
        "directive",
        "alias",
        "anchor",
    ],
)
def test_syntax_errors_are_said_in_chinese(tmp_path, text: str, line: int, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    from tests.hardening.support import write

    code, document = check_json(write(tmp_path, "报告.yaml", text))
    assert code == 2
    assert ("unreadable", line) in kinds(document, "unreadable")
    (message,) = messages(document, "unreadable")
    for word in words:
        assert word in message
    assert "found" not in message and "expected" not in message  # libyaml's own words are explained
