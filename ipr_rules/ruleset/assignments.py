"""Read one assignment such as `区市场监管局牵头负责，有关部门按职责分工负责` (SPEC §2).

The assignment is split at commas of either width into parts; each part is a list of names
joined by `、` and closed by a role phrase. A part without a role phrase shares the next one.
"""

from __future__ import annotations

import re

from ipr_rules.model.ruleset import Role
from ipr_rules.records import record

_BY_DUTY = r"(?:(?:按|依|根据|按照|依照)(?:各自)?(?:职责|部门|职能)(?:分工)?)"
LEAD = re.compile(rf"{_BY_DUTY}?(?:分别|共同)?牵头(?:负责)?$")
CO = re.compile(
    rf"(?:{_BY_DUTY}(?:分别|共同)?负责|(?:分别|共同)负责|{_BY_DUTY}?(?:分别|共同)?(?:配合|协助|参与)(?:负责)?)$"
)
BARE = re.compile(r"负责$")
PART_SEPARATOR = "，,；;"
NAME_SEPARATOR = "、/"
# `等`, `等部门`, `等单位` close a list that admits units it does not name.
ET_CETERA = re.compile(r"等(?:有关|相关|其他)?(?:部门|单位|成员单位)?$")
PLACEHOLDERS = frozenset({"有关部门", "相关部门", "有关单位", "相关单位", "相关成员单位", "有关成员单位", "各成员单位"})
# Names that admit units they do not name: the whole membership (`…领导小组各成员单位`),
# `有关部门`, `各地`, `各省（区、市）…`, `有关行业协会`, `地方各级人民政府`.
PLACEHOLDER = re.compile(r"(?:成员单位|部门)$|^(?:各|有关|相关|其他|其余|地方各级)")


@record
class Named:
    """A unit named in an assignment, as written, at its offset inside the assignment."""

    written: str
    role: Role
    offset: int


@record
class Assignment:
    named: tuple[Named, ...]
    placeholders: tuple[tuple[str, int], ...]  # (placeholder as written, offset)
    et_cetera: tuple[int, ...]  # offsets of each `等`
    # One part closed by a bare 负责 and open to nobody else: `sole` if it names one unit, which
    # only the registry can tell when one unit is written two ways.
    bare_alone: bool = False

    @property
    def open(self) -> bool:
        return bool(self.placeholders or self.et_cetera)


def parse_assignment(text: str) -> Assignment:
    """Names and roles of one assignment; the text is what stands between the brackets."""
    # Read as if on one line: a hard wrap inside an assignment leaves spaces and breaks.
    text = "".join(text.split())
    # `甲局会同乙局负责` lists two units: read 会同 as a list separator (same length, same offsets).
    text = text.replace("会同", "、 ")
    parts: list[tuple[str, int, str]] = []  # (names text, offset, role phrase kind)
    pending: list[tuple[str, int]] = []
    for raw_part, part_offset in split_outside_brackets(text, PART_SEPARATOR):
        part = raw_part.strip()
        if not part:
            continue
        kind, names_text = _role_phrase(part)
        if kind is None:
            pending.append((part, part_offset))
            continue
        for pending_text, pending_offset in pending:
            parts.append((pending_text, pending_offset, kind))
        pending.clear()
        parts.append((names_text, part_offset, kind))
    for pending_text, pending_offset in pending:
        parts.append((pending_text, pending_offset, "bare"))

    named: list[tuple[str, str, int]] = []
    placeholders: list[tuple[str, int]] = []
    et_cetera: list[int] = []
    for names_text, part_offset, kind in parts:
        for raw_name, name_offset in split_outside_brackets(names_text, NAME_SEPARATOR):
            name_offset += part_offset
            name = raw_name.strip()
            if match := ET_CETERA.search(name):
                et_cetera.append(name_offset + match.start())
                name = name[: match.start()].strip()
            if not name:
                continue
            if is_placeholder(name):
                placeholders.append((name, name_offset))
            else:
                named.append((name, kind, name_offset))

    only_one = len({name for name, _, _ in named}) == 1 and len(parts) == 1
    is_open = bool(placeholders or et_cetera)
    return Assignment(
        named=tuple(Named(name, _role(kind, alone=only_one and not is_open), at) for name, kind, at in named),
        placeholders=tuple(placeholders),
        et_cetera=tuple(et_cetera),
        bare_alone=len(parts) == 1 and parts[0][2] == "bare" and not is_open,
    )


def is_placeholder(name: str) -> bool:
    return name in PLACEHOLDERS or bool(PLACEHOLDER.search(name))


def split_outside_brackets(text: str, separators: str) -> list[tuple[str, int]]:
    """`text` cut at each separator that stands outside brackets: (piece, offset)."""
    pieces: list[tuple[str, int]] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        elif char in separators and depth == 0:
            pieces.append((text[start:index], start))
            start = index + 1
    pieces.append((text[start:], start))
    return pieces


def _role_phrase(part: str) -> tuple[str | None, str]:
    for kind, pattern in (("lead", LEAD), ("co", CO), ("bare", BARE)):
        if match := pattern.search(part):
            return kind, part[: match.start()]
    return None, part


def _role(kind: str, *, alone: bool) -> Role:
    if kind == "lead":
        return "lead"
    if kind == "bare" and alone:
        return "sole"
    return "co"
