"""A space left out after a key's colon (`status:done`) or a list item's dash (`-受理…`).

libyaml reports either one line later, as a misplaced colon or a missing one; the message
names the line that left out the space and shows it written with the space.
"""

from __future__ import annotations

import re
from typing import Any

from ipr_rules.i18n import Text

NO_SPACE_AFTER_COLON = Text(
    "YAML 格式错误：第 {line} 行“{key}:”的冒号后面缺少空格，YAML 没有把它读成“键: 值”；请写作“{key}: {value}”",
    "YAML syntax error: line {line} has no space after the colon of '{key}:', so YAML did not read a 'key: value'; "
    "write '{key}: {value}'",
)
NO_SPACE_AFTER_DASH = Text(
    "YAML 格式错误：第 {line} 行开头的“-”后面缺少空格，YAML 没有把它读成列表项；请写作“- {value}”",
    "YAML syntax error: the '-' that starts line {line} has no space after it, so YAML did not read a list item; "
    "write '- {value}'",
)

# `status:done` and `-受理…`: the space after a key's colon or a list item's dash left out.
_KEY_NO_SPACE = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w\-]*|\"[^\"]*\"):([^\s:/\\].*)$")
_DASH_NO_SPACE = re.compile(r"^[ \t]*-([^\s\-\d].*)$")


def missing_space(lines: list[str], line: int | None) -> tuple[Text, int] | None:
    """The line at or just before the error that left out the space after `:` or `-`."""
    if line is None:
        return None
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            code = lines[number - 1].split(" #", 1)[0]
            if _KEY_NO_SPACE.match(code):
                return NO_SPACE_AFTER_COLON, number
            if _DASH_NO_SPACE.match(code):
                return NO_SPACE_AFTER_DASH, number
    return None


def spacing_args(message: Text, content: str) -> dict[str, Any]:
    """The key and value, or the item, to show written with the space."""
    code = content.split(" #", 1)[0]
    if message is NO_SPACE_AFTER_COLON:
        match = _KEY_NO_SPACE.match(code)
        return {"key": match.group(1), "value": match.group(2).strip()} if match else {"key": "", "value": ""}
    match = _DASH_NO_SPACE.match(code)
    value = match.group(1).strip() if match else ""
    return {"value": value if len(value) <= 20 else value[:20] + "…"}
