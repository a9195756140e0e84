"""What Chinese input methods type by mistake, found in the text and said at its line.

A full-width colon after a key (`status：done`), full-width indentation, a key in full-width
quotes: YAML reads each of them as something else, and the error it then gives names neither.
Only lines holding one of these marks can be such a mistake, so a file is split into lines
only when one of them does.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import Localized, Text
from ipr_rules.loading.yamlpos import Document
from ipr_rules.model.entry import CONTACT_FIELDS, ENTRY_FIELDS, OUTPUT_FIELDS, REPORT_FIELDS
from ipr_rules.model.messages import describe_value

NOT_A_MAPPING = Text(
    "报告应为“键: 值”形式的映射（unit、year、tasks …），实为{actual}",
    "a report is a mapping of 'key: value' lines (unit, year, tasks …), not {actual}",
)
FULL_WIDTH_COLON = Text(
    "第 {line} 行使用了全角冒号“：”，请改为半角“:”（冒号后加一个空格）",
    "line {line} uses a full-width colon '：'; use a half-width ':' followed by a space",
)
FULL_WIDTH_SPACE = Text(
    "第 {line} 行使用了全角空格缩进，请改为半角空格",
    "line {line} is indented with full-width spaces; use ordinary spaces",
)
FULL_WIDTH_QUOTES = Text(
    '第 {line} 行的键用了全角引号“”，YAML 只认半角引号，请改为 "{key}"',
    'line {line} quotes a key with full-width quotes “”; YAML only knows half-width quotes: write "{key}"',
)
# Keys a report may hold, at any level: a line that starts with one of them followed by a
# full-width colon was meant as `key: value`.
_KNOWN_KEYS = frozenset((*REPORT_FIELDS, *ENTRY_FIELDS, *OUTPUT_FIELDS, *CONTACT_FIELDS))
_KEY_WITH_FULL_WIDTH_COLON = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?:\{[ \t]*)?([\"']?)([A-Za-z_]+|\d+\s*[-.．－]\s*\d+)\1[ \t\u3000]*："
)
_FULL_WIDTH_INDENT = re.compile(r"^[ \t]*\u3000")
_KEY_IN_FULL_WIDTH_QUOTES = re.compile(r"^[ \t]*(?:-[ \t]+)?(?:\{[ \t]*)?[“‘]([^”’\n]{1,40})[”’][ \t]*[:：]")
# Lines that may hold a typing mistake the validator explains (a full-width colon after a key,
# full-width indentation, a key in full-width quotes). Only lines holding one of these marks can;
# the marks are few, so looking at their lines alone is cheap, and clean files, however many
# “quotes” their actions hold, are not split into lines at all.
_TYPING_MARK = re.compile("[：\u3000“‘]")
_TYPING_LINE = re.compile(
    "[ \t]*\u3000"
    "|[ \t]*(?:-[ \t]+)?(?:\\{[ \t]*)?[“‘][^”’\n]{1,40}[”’][ \t]*[:：]"
    "|[ \t]*(?:-[ \t]+)?(?:\\{[ \t]*)?[\"']?(?:[A-Za-z_]+|\\d+\\s*[-.．－]\\s*\\d+)[\"']?[ \t\u3000]*："
)


def may_hold_typing_mistakes(text: str) -> bool:
    line_end = -1
    for mark in _TYPING_MARK.finditer(text):
        position = mark.start()
        if position < line_end:
            continue  # this line was looked at already
        start = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        line_end = len(text) if end < 0 else end
        if _TYPING_LINE.match(text, start):
            return True
    return False


class TextHints:
    """A file's text, split into lines only if a typing mistake may be in it (or when asked)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def suspect(self) -> bool:
        return may_hold_typing_mistakes(self.text)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def typing_problems(document: Document, text_lines: list[str]) -> list[Diagnostic]:
    """Full-width colons after a key and full-width indentation, in the document's own lines.

    They are what Chinese input methods type by default; YAML then reads `status：done` as one
    text, and the structural error it causes names neither.
    """
    problems: list[Diagnostic] = []
    first = max(document.line, 1)
    last = min(max(document.end_line, first), len(text_lines))
    for number in range(first, last + 1):
        content = text_lines[number - 1]
        if "\u3000" not in content and "：" not in content and "“" not in content and "‘" not in content:
            continue
        if _FULL_WIDTH_INDENT.match(content):
            problems.append(Diagnostic(FULL_WIDTH_SPACE, number, (), {"line": number}))
            continue
        quoted = _KEY_IN_FULL_WIDTH_QUOTES.match(content)
        if quoted:
            problems.append(Diagnostic(FULL_WIDTH_QUOTES, number, (), {"line": number, "key": quoted.group(1)}))
            continue
        match = _KEY_WITH_FULL_WIDTH_COLON.match(content)
        if match and (match.group(2) in _KNOWN_KEYS or not match.group(2).isalpha()):
            problems.append(Diagnostic(FULL_WIDTH_COLON, number, (), {"line": number}))
    return problems


def caused_by_typing(detail: Any, problems: list[Diagnostic]) -> bool:
    """An error that only restates a full-width colon or space already reported on its line."""
    typed = {problem.message for problem in problems if problem.message in (FULL_WIDTH_COLON, FULL_WIDTH_SPACE)}
    if not typed:
        return False
    value = detail.get("input")
    if (
        isinstance(value, str)
        and FULL_WIDTH_COLON in typed
        and any(_KEY_WITH_FULL_WIDTH_COLON.match(line) for line in value.split("\n"))
    ):
        return True
    if detail["type"] == "extra_forbidden" and detail["loc"]:
        name = str(detail["loc"][-1])
        return ("\u3000" in name and FULL_WIDTH_SPACE in typed) or ("：" in name and FULL_WIDTH_COLON in typed)
    return False


def not_a_mapping(data: Any, line: int, text_lines: list[str] | None) -> Diagnostic:
    for number, text in enumerate(text_lines or [], start=1):
        stripped = text.lstrip(" ")
        if stripped.startswith("\u3000"):
            return Diagnostic(FULL_WIDTH_SPACE, number, (), {"line": number})
        if re.match(r"^\s*[\w\u4e00-\u9fff-]+\s*：", text):
            return Diagnostic(FULL_WIDTH_COLON, number, (), {"line": number})
    return Diagnostic(NOT_A_MAPPING, line, (), {"actual": Localized(describe_value(data), value=str(data)[:40])})
