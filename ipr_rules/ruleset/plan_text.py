"""Split a plan text into sections, items and duty clauses, keeping source positions.

The layout is the one such notices share: section headings `一、…`, items `（一）…` whose first
sentence is the item title, and duty clauses that each end in a parenthesised assignment
ending in `负责）`. Copies of plans often carry half-width brackets and commas; both are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipr_rules.errors import RulesetError
from ipr_rules.i18n import Text

CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_NUMERAL = "[一二三四五六七八九十]+"
SECTION_HEADING = re.compile(rf"^\s*({_NUMERAL})、\s*(\S.*?)\s*$")
ITEM_HEADING = re.compile(rf"^\s*[（(]\s*({_NUMERAL})\s*[）)]\s*(.*?)\s*$")
# An assignment never nests brackets; a bracket that does not end in 负责 (such as
# `（IP地址）`) is ordinary text.
ASSIGNMENT = re.compile(r"[（(]([^（）()]*?负责)\s*[）)]")
TITLE_LINE = re.compile(r"关于印发(.+?)的通知")
YEAR = re.compile(r"(\d{4})年")


NO_ITEMS = Text("未找到任何事项（形如“（一）……”的行）", "no items found (lines such as '（一）…')")
ITEM_BEFORE_SECTION = Text(
    "事项出现在第一个部分标题（如“一、……”）之前", "an item comes before the first section heading (such as '一、…')"
)
BAD_NUMERAL = Text("无法识别的中文序号“{numeral}”", "cannot read the Chinese numeral '{numeral}'")
ITEM_NUMBERING = Text(
    "事项序号不连续：此处应为第 {expected} 项，实为第 {found} 项",
    "items are not numbered in sequence: item {expected} expected here, found {found}",
)


class PlanSyntaxError(RulesetError):
    """The plan's layout cannot be read."""


@dataclass(frozen=True, slots=True)
class Position:
    line: int
    column: int

    def as_pair(self) -> tuple[int, int]:
        return self.line, self.column


@dataclass(frozen=True, slots=True)
class RawClause:
    """A duty clause as written: its text and the assignment that closes it."""

    item: int
    index: int
    text: str
    text_at: Position
    assignment: str
    assignment_at: Position
    # (offset in text, line, column) where each source line of the text begins.
    segments: tuple[tuple[int, int, int], ...] = ()

    def position(self, offset: int) -> Position:
        """Where the character at `offset` of the clause's text stands in the source."""
        line, column, start = self.text_at.line, self.text_at.column, 0
        for segment_start, segment_line, segment_column in self.segments:
            if segment_start > offset:
                break
            start, line, column = segment_start, segment_line, segment_column
        return Position(line, column + offset - start)


@dataclass(frozen=True, slots=True)
class RawItem:
    number: int
    section: int
    title: str
    line: int
    clauses: tuple[RawClause, ...]
    trailing_text: str
    trailing_at: Position | None


@dataclass(frozen=True, slots=True)
class RawSection:
    number: int
    title: str
    line: int


@dataclass(frozen=True, slots=True)
class RawPlan:
    title: str
    year: int | None
    sections: tuple[RawSection, ...]
    items: tuple[RawItem, ...]

    @property
    def clauses(self) -> tuple[RawClause, ...]:
        return tuple(clause for item in self.items for clause in item.clauses)


def chinese_numeral(text: str) -> int:
    """`一` → 1, `十` → 10, `十一` → 11, `二十` → 20, `三十一` → 31 (up to 99)."""
    if "十" not in text:
        if len(text) != 1:
            raise ValueError(text)
        return CHINESE_DIGITS[text]
    tens_text, _, units_text = text.partition("十")
    if len(tens_text) > 1 or len(units_text) > 1 or "十" in units_text:
        raise ValueError(text)
    tens = CHINESE_DIGITS[tens_text] if tens_text else 1
    units = CHINESE_DIGITS[units_text] if units_text else 0
    return tens * 10 + units


def numeral_text(number: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 31 → 三十一 (up to 99): the inverse of chinese_numeral."""
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def plan_number(number: int, lang: str) -> str:
    """How the plan numbers a section or item: 二十 in Chinese output, 20 in English."""
    return numeral_text(number) if lang == "zh" else str(number)


def section_heading(number: int, title: str, lang: str) -> str:
    """A section as the plan heads it: 一、… in Chinese output, 1. … in English."""
    return f"{numeral_text(number)}、{title}" if lang == "zh" else f"{number}. {title}"


class _Body:
    """An item's text after its heading, with a map from offsets back to line and column."""

    def __init__(self) -> None:
        self.text = ""
        self._starts: list[tuple[int, int, int]] = []  # (offset in text, line, column of offset)

    def append(self, text: str, line: int, column: int) -> None:
        self._starts.append((len(self.text), line, column))
        self.text += text

    def segments(self, start: int, end: int) -> tuple[tuple[int, int, int], ...]:
        """Line starts inside text[start:end], relative to `start`."""
        result = [(0, *self.position(start).as_pair())]
        for offset, line, column in self._starts:
            if start < offset < end:
                result.append((offset - start, line, column))
        return tuple(result)

    def position(self, offset: int) -> Position:
        start, line, column = self._starts[0]
        for candidate in self._starts:
            if candidate[0] > offset:
                break
            start, line, column = candidate
        return Position(line, column + offset - start)


def parse_plan(text: str) -> RawPlan:
    """Read the plan's structure; raises PlanSyntaxError where the layout cannot be read."""
    sections: list[RawSection] = []
    open_items: list[tuple[int, int, int, _Body]] = []  # (number, section, line, body)
    title = ""
    year: int | None = None
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not title and (match := TITLE_LINE.search(line)):
            title = match.group(1)
            if year_match := YEAR.search(title):
                year = int(year_match.group(1))
        if match := SECTION_HEADING.match(line):
            sections.append(RawSection(_numeral(match.group(1), line_number), match.group(2), line_number))
            continue
        if match := ITEM_HEADING.match(line):
            if not sections:
                raise PlanSyntaxError(ITEM_BEFORE_SECTION, line=line_number)
            body = _Body()
            body.append(match.group(2), line_number, match.start(2) + 1)
            open_items.append((_numeral(match.group(1), line_number), sections[-1].number, line_number, body))
            continue
        if open_items and line.strip():
            stripped = line.lstrip()
            open_items[-1][3].append(stripped.rstrip(), line_number, len(line) - len(stripped) + 1)
    if not open_items:
        raise PlanSyntaxError(NO_ITEMS, line=1)
    items = tuple(_split_item(number, section, line, body) for number, section, line, body in open_items)
    _check_numbering(items)
    return RawPlan(title=title, year=year, sections=tuple(sections), items=items)


def _numeral(text: str, line: int) -> int:
    try:
        return chinese_numeral(text)
    except (KeyError, ValueError):
        raise PlanSyntaxError(BAD_NUMERAL, line=line, numeral=text) from None


def _split_item(number: int, section: int, line: int, body: _Body) -> RawItem:
    text = body.text
    title_end = text.find("。")
    title = text[:title_end] if title_end >= 0 else text
    cursor = title_end + 1 if title_end >= 0 else len(text)
    clauses: list[RawClause] = []
    for match in ASSIGNMENT.finditer(text, cursor):
        clause_text = text[cursor : match.start()]
        leading = len(clause_text) - len(clause_text.lstrip())
        clauses.append(
            RawClause(
                item=number,
                index=len(clauses) + 1,
                text=clause_text.strip(),
                text_at=body.position(cursor + leading),
                assignment=match.group(1).strip(),
                assignment_at=body.position(match.start(1)),
                segments=body.segments(cursor + leading, match.start()),
            )
        )
        cursor = match.end()
    trailing = text[cursor:].strip()
    trailing_at = body.position(cursor + len(text[cursor:]) - len(text[cursor:].lstrip())) if trailing else None
    return RawItem(number, section, title, line, tuple(clauses), trailing, trailing_at)


def _check_numbering(items: tuple[RawItem, ...]) -> None:
    for expected, item in enumerate(items, start=1):
        if item.number != expected:
            raise PlanSyntaxError(ITEM_NUMBERING, line=item.line, expected=expected, found=item.number)
