"""Read one assignment such as `区市场监管局牵头负责，有关部门按职责分工负责` (SPEC §2).

The assignment is split at commas of either width into parts; each part is a list of names
joined by `、` and closed by a role phrase. A part without a role phrase shares the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipr_rules.model.ruleset import Role

LEAD = re.compile(r"(?:按(?:职责|部门)分工)?牵头负责$")
CO = re.compile(r"按(?:职责|部门)分工(?:分别)?负责$")
BARE = re.compile(r"负责$")
PART_SEPARATOR = re.compile(r"[，,；;]")
NAME_SEPARATOR = re.compile(r"[、/]")
# `等`, `等部门`, `等单位` close a list that admits units it does not name.
ET_CETERA = re.compile(r"等(?:部门|单位|成员单位)?$")
PLACEHOLDERS = frozenset({"有关部门", "相关部门", "有关单位", "相关单位", "相关成员单位", "有关成员单位", "各成员单位"})


@dataclass(frozen=True, slots=True)
class Named:
    """A unit named in an assignment, as written, at its offset inside the assignment."""

    written: str
    role: Role
    offset: int


@dataclass(frozen=True, slots=True)
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
    parts: list[tuple[str, int, str]] = []  # (names text, offset, role phrase kind)
    pending: list[tuple[str, int]] = []
    offset = 0
    for raw_part in PART_SEPARATOR.split(text):
        part_offset = offset + len(raw_part) - len(raw_part.lstrip())
        offset += len(raw_part) + 1
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
        cursor = part_offset
        for raw_name in NAME_SEPARATOR.split(names_text):
            name_offset = cursor + len(raw_name) - len(raw_name.lstrip())
            cursor += len(raw_name) + 1
            name = raw_name.strip()
            if match := ET_CETERA.search(name):
                et_cetera.append(name_offset + match.start())
                name = name[: match.start()].strip()
            if not name:
                continue
            if name in PLACEHOLDERS:
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
