"""Split a plan text into sections, items and duty clauses, keeping source positions.

The layout is the one such notices share: section headings `一、…`, items `（一）…` whose first
sentence is the item title, and duty clauses that each end in a parenthesised assignment
ending in `负责）`. Copies of plans often carry half-width brackets and commas; both are read.
"""

from __future__ import annotations

import re

from ipr_rules.errors import RulesetError
from ipr_rules.i18n import Text
from ipr_rules.ruleset.duties import ASSIGNMENT, Body, split_item
from ipr_rules.ruleset.numerals import CHINESE_DIGITS, chinese_numeral, numeral_text, plan_number, section_heading
from ipr_rules.ruleset.raw import Position, RawClause, RawItem, RawPlan, RawSection

__all__ = [
    "ASSIGNMENT",
    "CHINESE_DIGITS",
    "PlanSyntaxError",
    "Position",
    "RawClause",
    "RawItem",
    "RawPlan",
    "RawSection",
    "chinese_numeral",
    "numeral_text",
    "parse_plan",
    "plan_number",
    "section_heading",
]

_NUMERAL = "[一二三四五六七八九十]+"
SECTION_HEADING = re.compile(rf"^\s*({_NUMERAL})、\s*(\S.*?)\s*$")
ITEM_HEADING = re.compile(rf"^\s*[（(]\s*({_NUMERAL})\s*[）)]\s*(.*?)\s*$")
TITLE_LINE = re.compile(r"关于印发(.+?)的通知")
# Without a covering notice: the title as the heading runs, `2022年全国……工作要点`.
PLAN_HEADING = re.compile(r"(\d{4})年[^。，,；;：:《》“”]{0,60}?(?:工作要点|工作计划|实施方案)")
YEAR = re.compile(r"(\d{4})年")
PREAMBLE_YEAR = re.compile(r"((?:19|20)\d{2})(?:年|〕|\])")
# Page numbers of a PDF copy (`— 2 —`, `- 2 -`, `2`, `第 2 页`), which are not text.
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－―]+\s*\d{1,4}\s*[-—–－―]+|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)\s*$"
)


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


def parse_plan(text: str) -> RawPlan:
    """Read the plan's structure; raises PlanSyntaxError where the layout cannot be read."""
    sections: list[RawSection] = []
    # (written number or None for a section's own duties, section, line, body)
    open_items: list[tuple[int | None, int, int, Body]] = []
    section_body: Body | None = None
    title = ""
    preamble = ""
    lines = text.splitlines()
    # A short plan may have items and no sections: they stand in one section without a heading.
    sectioned = any(SECTION_HEADING.match(line) for line in lines)
    for line_number, line in enumerate(lines, start=1):
        if PAGE_NUMBER.match(line):
            continue
        if not title and (match := TITLE_LINE.search(line)):
            title = match.group(1).strip("《》")
        if match := SECTION_HEADING.match(line):
            _close_section(section_body, sections, open_items)
            sections.append(RawSection(_numeral(match.group(1), line_number), match.group(2), line_number))
            section_body = Body()
            continue
        if match := ITEM_HEADING.match(line):
            if not sections and not sectioned:
                sections.append(RawSection(1, "", line_number))
            if not sections:
                raise PlanSyntaxError(ITEM_BEFORE_SECTION, line=line_number)
            section_body = None  # a section with items: its opening text belongs to no item
            body = Body()
            body.append_line(match.group(2), line_number, match.start(2) + 1)
            open_items.append((_numeral(match.group(1), line_number), sections[-1].number, line_number, body))
            continue
        stripped = line.strip()
        if not stripped:
            continue
        column = len(line) - len(line.lstrip()) + 1
        if section_body is not None:
            section_body.append_line(stripped, line_number, column)
        elif open_items:
            open_items[-1][3].append_line(stripped, line_number, column)
        elif not sections:
            preamble += stripped
    _close_section(section_body, sections, open_items)
    _check_numbering(open_items)
    items: list[RawItem] = []
    for ordinal, (_, section, item_line, body) in enumerate(open_items, start=1):
        # Duties numbered through the plan go on from the last numbered duty of the item before.
        continues = items[-1].clauses[-1].index + 1 if items and items[-1].clauses else 1
        items.append(split_item(ordinal, section, item_line, body, continues=continues))
    title, year = _title_and_year(title, preamble)
    return RawPlan(title=title, year=year, sections=tuple(sections), items=tuple(items))


def _close_section(
    body: Body | None, sections: list[RawSection], open_items: list[tuple[int | None, int, int, Body]]
) -> None:
    """A section without items whose duties stand directly under it is read as one item."""
    if body is None or not ASSIGNMENT.search(body.text):
        return
    section = sections[-1]
    item_body = Body()
    item_body.append_line(section.title + ("" if section.title.endswith("。") else "。"), section.line, 1)
    for text, line, column in body.lines:
        item_body.append_line(text, line, column)
    open_items.append((None, section.number, section.line, item_body))


def _title_and_year(title: str, preamble: str) -> tuple[str, int | None]:
    """The plan's title and year; without a year in the title, the first year the text before
    the first section names (`2015年5月28日`, `〔2021〕1号`)."""
    if not title and (match := PLAN_HEADING.search(preamble)):
        title = match.group(0)
    year_match = YEAR.search(title) or PREAMBLE_YEAR.search(preamble)
    return title, int(year_match.group(1)) if year_match else None


def _numeral(text: str, line: int) -> int:
    try:
        return chinese_numeral(text)
    except (KeyError, ValueError):
        raise PlanSyntaxError(BAD_NUMERAL, line=line, numeral=text) from None


def _check_numbering(items: list[tuple[int | None, int, int, Body]]) -> None:
    """Items run on in sequence, through the plan or starting again at （一） in each section."""
    previous: tuple[int, int] | None = None  # (written number, section)
    for written, section, line, _ in items:
        if written is None:
            continue
        restarts = previous is not None and written == 1 and section != previous[1]
        expected = previous[0] + 1 if previous else 1
        if written != expected and not restarts:
            raise PlanSyntaxError(ITEM_NUMBERING, line=line, expected=expected, found=written)
        previous = (written, section)
