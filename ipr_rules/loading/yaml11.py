"""Numbers only YAML 1.1 reads as numbers: `0x7E4`, `2_020`, `33:40`, `010`, `1:30`.

PyYAML follows YAML 1.1, where hexadecimal, octal (a leading 0), binary, digits with
underscores and base-60 "times" are all integers or decimals: `year: 33:40` is 2020 and
`cases: 010` is 8. Nobody writes a year or a count that way on purpose, and the value read is
not the one written, so such a value is refused with what YAML made of it (SPEC §7): never a
silent number.
"""

from __future__ import annotations

import re

from ipr_rules.i18n import Text

YAML11_NUMBER = Text(
    '“{raw}”会被 YAML 1.1 读作{form}，即 {value}，与字面不同，未采用；数字请写成普通的十进制数，文字请加引号写成 "{raw}"',
    "'{raw}' is read by YAML 1.1 as {form}, giving {value}, not what it says; not used. Write a number in plain "
    'decimal digits, or quote text ("{raw}")',
)
FORMS: dict[str, Text] = {
    "sexagesimal": Text("六十进制数（如时:分:秒）", "a base-60 number (like hours:minutes:seconds)"),
    "hexadecimal": Text("十六进制数", "a hexadecimal number"),
    "binary": Text("二进制数", "a binary number"),
    "octal": Text("八进制数（以 0 开头）", "an octal number (it starts with 0)"),
    "underscores": Text("数字（下划线被忽略）", "a number (the underscores are ignored)"),
}
_SIGN = r"[-+]?"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sexagesimal", re.compile(_SIGN + r"[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")),
    ("hexadecimal", re.compile(_SIGN + r"0x[0-9a-fA-F_]+")),
    ("binary", re.compile(_SIGN + r"0b[01_]+")),
    ("octal", re.compile(_SIGN + r"0[0-7_]+")),
    ("underscores", re.compile(_SIGN + r"(?:[0-9][0-9_]*_[0-9_]*|[0-9_]*\.[0-9_]*_[0-9_]*)(?:[eE][-+][0-9]+)?")),
)


def yaml11_form(text: str) -> str | None:
    """The YAML 1.1-only form of a plain scalar that resolved to an int or float, if it is one."""
    for name, pattern in _PATTERNS:
        if pattern.fullmatch(text):
            return name
    return None


def as_task_id(raw: str) -> str:
    """A numeric key as the task id it probably means: `1.1`, `2:3`, `1_10` → "1-1", "2-3", "1-10"."""
    return re.sub(r"[._:]", "-", raw)
