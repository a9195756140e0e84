"""--format github: workflow command annotations, one a line, that report text cannot break out of."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from ipr_rules.render.github import escape_data, escape_property, render
from ipr_rules.render.safe_text import terminal
from ipr_rules.result import CheckResult

LINE = re.compile(r"^::(error|warning|notice) (?:file=([^,:]+),(?:line=(\d+),)?)?title=([^,:]+)::(.*)$")


def unescape(text: str) -> str:
    """What the Actions runner does to a message or property value."""
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def test_one_annotation_per_finding(sample: CheckResult) -> None:
    lines = render(sample, "zh").splitlines()
    assert len(lines) == len(sample.findings) + len(sample.waived)
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    levels = sorted(match.group(1) for match in parsed)
    assert levels.count("error") == sample.summary["error"] and levels.count("warning") == sample.summary["warning"]
    missing = next(match for match in parsed if "missing-task" in match.group(4))
    assert unescape(missing.group(2)) == "reports/2020/区科信局.yaml" and missing.group(3) == "6"
    assert missing.group(4) == "ipr-check missing-task 1-4"
    assert missing.group(5).startswith("区科信局：报告中没有本单位分工负责的任务 1-4")
    shared = next(match for match in parsed if "unaddressed-shared-duty" in match.group(4))
    assert shared.group(2) is None and shared.group(1) == "error"
    waived = [match for match in parsed if "已豁免" in match.group(4)]
    assert [match.group(1) for match in waived] == ["notice"] * len(sample.waived) and sample.waived
    assert "官打假办〔2020〕9号" in waived[0].group(5)


def test_english_messages(sample: CheckResult) -> None:
    assert "区科信局: " in render(sample, "en")


def test_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    assert escape_data("\x1b[31mred") == "\\x1b[31mred"


def test_hostile_text_cannot_start_a_command(hostile: CheckResult) -> None:
    output = render(hostile, "zh")
    assert "\x1b" not in output and "\r" not in output and "\u202e" not in output
    lines = output.splitlines()
    assert len(lines) == len(hostile.findings) + len(hostile.waived)
    assert all(LINE.match(line) for line in lines)
    reason = next(line for line in lines if "task-not-started" in line)
    assert "%0D%0A::error::x%250A" in reason  # the reason's line break and its literal %0A
    unit = next(line for line in lines if "区假冒局" in line)
    assert unit.split("::", 2)[2].startswith("\\x1b[31m区假冒局\\x1b[0m, title=x::y：")
    image = next(line for line in lines if "onerror" in line)
    assert "file=<img src=x onerror=alert(1)>.yaml,line=3," in image


@given(st.text())
def test_properties_hold_no_separator_or_line_break(text: str) -> None:
    escaped = escape_property(text)
    assert not re.search(r"[,:\r\n\x00-\x08\x0a-\x1f]", escaped)
    if terminal(text) == text:  # nothing that must be shown as an escape
        assert unescape(escaped) == text


@given(st.text())
def test_messages_hold_no_line_break(text: str) -> None:
    escaped = escape_data(text)
    assert "\n" not in escaped and "\r" not in escaped and "\x1b" not in escaped
    plain = text.replace("\r", "").replace("\n", "")
    if terminal(plain) == plain:  # line breaks aside, nothing that must be shown as an escape
        assert unescape(escaped) == text
