"""A space left out after a key's colon (`status:done`) or a list item's dash (`-受理…`), and
a value that opens with a quote or bracket but goes on after it closes (`- "外观设计"专利…`).

libyaml reports the first two one line later, as a misplaced colon or a missing one, and the
last as inconsistent indentation; the message names the line and shows it written right.
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


OPENS_THEN_MORE = Text(
    "YAML 格式错误：第 {line} 行的值以{opener}开头，YAML 只把{closed}读作值，后面的“{rest}”就多出来了；"
    "请给整项加单引号（'…'），或把其中的{opener}改为全角",
    "YAML syntax error: the value on line {line} starts with {opener}, so YAML reads only {closed} as the value "
    "and '{rest}' is left over; put the whole text in single quotes ('…'), or use full-width characters",
)
_OPENERS = {'"': Text("双引号", "a double quote"), "[": Text("方括号“[”", "a '['"), "{": Text("花括号“{{”", "a '{{'")}
_CLOSED = {
    '"': Text("引号里的部分", "the quoted part"),
    "[": Text("方括号里的部分（当作列表）", "the bracketed part (as a list)"),
    "{": Text("花括号里的部分（当作映射）", "the braced part (as a mapping)"),
}
_OPENS = re.compile(r"^[ \t]*(?:-[ \t]+|[\w\-\"]+:[ \t]+)(\"[^\"]*\"|\[[^\]]*\]|\{[^}]*\})[ \t]*([^\s#,].*)$")


def opens_then_more(lines: list[str], line: int | None) -> dict[str, Any] | None:
    """`- "外观设计"专利…`, `- [1]受理…`: the arguments of OPENS_THEN_MORE, or None."""
    if line is None or not 1 <= line <= len(lines):
        return None
    match = _OPENS.match(lines[line - 1])
    if match is None:
        return None
    from ipr_rules.i18n import Localized

    opener, rest = match.group(1)[0], match.group(2).strip()
    if rest.startswith("＃"):  # a comment typed with a full-width hash: FULL_WIDTH_HASH says so
        return None
    return {
        "line": line,
        "opener": Localized(_OPENERS[opener]),
        "closed": Localized(_CLOSED[opener]),
        "rest": rest if len(rest) <= 20 else rest[:20] + "…",
    }


FULL_WIDTH_HASH = Text(
    "YAML 格式错误：第 {line} 行的全角“＃”不是注释符号，YAML 把它后面的文字当成了内容；请改为半角“#”（前面留一个空格）",
    "YAML syntax error: the full-width '＃' on line {line} does not start a comment, so YAML read what follows "
    "as content; use an ASCII '#' with a space before it",
)


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
