"""A space left out after a key's colon (`status:done`) or a list item's dash (`-受理…`), and
a value that opens with a quote or bracket but goes on after it closes (`- "外观设计"专利…`).

libyaml reports the first two one line later, as a misplaced colon or a missing one, and the
last as inconsistent indentation; the message names the line and shows it written right.
"""

from __future__ import annotations

import re
from typing import Any

from ipr_rules.i18n import Localized, Text
from ipr_rules.loading.yaml_messages import CLOSED_PARTS, NO_SPACE_AFTER_COLON, NO_SPACE_AFTER_DASH, OPENERS

# `status:done` and `-受理…`: the space after a key's colon or a list item's dash left out.
_KEY_NO_SPACE = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w\-]*|\"[^\"]*\"):([^\s:/\\].*)$")
_DASH_NO_SPACE = re.compile(r"^[ \t]*-([^\s\-\d].*)$")


_OPENS = re.compile(r"^[ \t]*(?:-[ \t]+|[\w\-\"]+:[ \t]+)(\"[^\"]*\"|\[[^\]]*\]|\{[^}]*\})[ \t]*([^\s#,].*)$")


def opens_then_more(lines: list[str], line: int | None) -> dict[str, Any] | None:
    """`- "外观设计"专利…`, `- [1]受理…`: the arguments of OPENS_THEN_MORE, or None."""
    if line is None or not 1 <= line <= len(lines):
        return None
    match = _OPENS.match(lines[line - 1])
    if match is None:
        return None
    opener, rest = match.group(1)[0], match.group(2).strip()
    if rest.startswith("＃"):  # a comment typed with a full-width hash: FULL_WIDTH_HASH says so
        return None
    return {
        "line": line,
        "opener": Localized(OPENERS[opener]),
        "closed": Localized(CLOSED_PARTS[opener]),
        "rest": rest if len(rest) <= 20 else rest[:20] + "…",
    }


def full_width_hash(lines: list[str], line: int | None) -> int | None:
    """The line at or just before the error where a full-width `＃` after a value was meant as a comment."""
    if line is None:
        return None
    for number in (line, line - 1):
        if 1 <= number <= len(lines) and re.search(r"[\]}\"'\w)）]\s+＃", lines[number - 1].split(" #", 1)[0]):
            return number
    return None


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
