"""One item's text split into its title and duty clauses.

Two layouts share the genre. Duties may be numbered (`1.`, `1、`, `（1）`), each closed by its
assignment; the id's second number is then the document's own. Or the duties run on after the
item's first sentence, each closed by a parenthesised assignment, and are counted in order.
"""

from __future__ import annotations

import re

from ipr_rules.records import record
from ipr_rules.ruleset.raw import Position, RawClause, RawItem

# An assignment ends in 负责 (or 配合) and never nests more than one bracket deep; a bracket
# group that does not (such as `（IP地址）`) is ordinary text.
ASSIGNMENT = re.compile(r"[（(]((?:[^（）()]|[（(][^（）()]*[）)])*?(?:负责|配合))\s*[）)]")
# A duty's number where a duty may begin: `1.` (not `1.5`), `1、` or `（1）`.
DUTY_NUMBER = re.compile(
    r"[ \t]*(?:(\d{1,2})[ \t]*[.．](?!\d)|(\d{1,2})[ \t]*、|[（(][ \t]*(\d{1,2})[ \t]*[）)])[ \t]*"
)
# Spaces a hard wrap or a PDF copy leaves between two Chinese characters.
INNER_SPACE = re.compile(r"(?<=[^\x00-\x7f])[ \t\u3000]+(?=[^\x00-\x7f])")
TITLE_END = "。"


class Body:
    """An item's text after its heading, with a map from offsets back to line and column."""

    def __init__(self) -> None:
        self.text = ""
        self._starts: list[tuple[int, int, int]] = []  # (offset in text, line, column of offset)
        self.line_starts: list[int] = []  # offsets where a source line begins
        self.lines: list[tuple[str, int, int]] = []  # each source line as given: (text, line, column)

    def append_line(self, text: str, line: int, column: int) -> None:
        """One source line, less the spaces a hard wrap left inside words."""
        self.line_starts.append(len(self.text))
        self.lines.append((text, line, column))
        cursor = 0
        for match in INNER_SPACE.finditer(text):
            self._append(text[cursor : match.start()], line, column + cursor)
            cursor = match.end()
        self._append(text[cursor:], line, column + cursor)

    def _append(self, text: str, line: int, column: int) -> None:
        if text:
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
        start, line, column = self._starts[0] if self._starts else (0, 1, 1)
        for candidate in self._starts:
            if candidate[0] > offset:
                break
            start, line, column = candidate
        return Position(line, column + offset - start)

    @property
    def first_line(self) -> str:
        end = self.line_starts[1] if len(self.line_starts) > 1 else len(self.text)
        return self.text[:end]


@record
class _Duty:
    number: int
    marker: int  # where its number stands
    start: int  # where its text begins, after the number
    end: int


def split_item(number: int, section: int, line: int, body: Body, *, continues: int = 1) -> RawItem:
    """The item's title and clauses; `continues` is the number a duty would take if the plan
    numbers its duties through all items rather than from 1 in each."""
    duties = numbered_duties(body, continues)
    if duties:
        return _numbered_item(number, section, line, body, duties)
    text = body.text
    first_line = body.first_line
    if TITLE_END not in first_line and len(body.line_starts) > 1:
        title, cursor = first_line.strip(), len(first_line)  # a heading on its own line, without 。
    else:
        title_end = text.find(TITLE_END)
        title = text[:title_end] if title_end >= 0 else text
        cursor = title_end + 1 if title_end >= 0 else len(text)
    clauses: list[RawClause] = []
    for match in ASSIGNMENT.finditer(text, cursor):
        start = cursor
        if not clauses and not text[cursor : match.start()].strip():
            start = 0  # an item that is one duty: its title sentence is the duty's text
        clauses.append(_clause(number, len(clauses) + 1, body, start, match.start(), [match]))
        cursor = match.end()
    trailing, trailing_at = _trailing(body, cursor, len(text))
    return RawItem(number, section, title.strip(), line, tuple(clauses), trailing, trailing_at)


def numbered_duties(body: Body, continues: int = 1) -> list[_Duty]:
    """The item's numbered duties, 1, 2, 3 … (or `continues`, `continues` + 1 …) in one style;
    none when the item has no numbering.

    A duty begins where a source line begins, after the item's first sentence, or after an
    assignment; the numbers must run on in sequence, so a stray `3.` in the text is not one.
    """
    text = body.text
    candidates = set(body.line_starts[1:])
    first_line = body.first_line
    if TITLE_END in first_line:
        candidates.add(first_line.index(TITLE_END) + 1)
    candidates.update(match.end() for match in ASSIGNMENT.finditer(text))
    found: list[tuple[int, int, int]] = []  # (number, marker start, text start)
    style = 0
    for offset in sorted(candidates):
        match = DUTY_NUMBER.match(text, offset)
        if match is None:
            continue
        groups = [index for index in (1, 2, 3) if match.group(index)]
        value, kind = int(match.group(groups[0])), groups[0]
        expected = {found[-1][0] + 1} if found else {1, continues}
        if value not in expected or (style and kind != style):
            continue
        style = kind
        found.append((value, offset, match.end()))
    duties = []
    for index, (value, marker, start) in enumerate(found):
        end = found[index + 1][1] if index + 1 < len(found) else len(text)
        duties.append(_Duty(value, marker, start, end))
    return duties


def _numbered_item(number: int, section: int, line: int, body: Body, duties: list[_Duty]) -> RawItem:
    text = body.text
    head = text[: duties[0].marker]
    title = head[: head.index(TITLE_END)] if TITLE_END in head else head.strip().rstrip("：:")
    clauses: list[RawClause] = []
    trailing, trailing_at = "", None
    for duty in duties:
        matches = list(ASSIGNMENT.finditer(text, duty.start, duty.end))
        if not matches:
            trailing, trailing_at = _trailing(body, duty.start, duty.end)
            continue
        clauses.append(_clause(number, duty.number, body, duty.start, matches[0].start(), matches))
        trailing, trailing_at = _trailing(body, matches[-1].end(), duty.end)
        trailing = "" if trailing in ("。", "；", ";") else trailing
        trailing_at = trailing_at if trailing else None
    return RawItem(number, section, title.strip(), line, tuple(clauses), trailing, trailing_at)


def _clause(item: int, index: int, body: Body, start: int, end: int, matches: list[re.Match[str]]) -> RawClause:
    clause_text = body.text[start:end]
    leading = len(clause_text) - len(clause_text.lstrip())
    # A duty with more than one assignment: they are read as one, in the order written.
    assignment = "，".join(match.group(1).strip() for match in matches)
    return RawClause(
        item=item,
        index=index,
        text=clause_text.strip(),
        text_at=body.position(start + leading),
        assignment=assignment,
        assignment_at=body.position(matches[0].start(1)),
        segments=body.segments(start + leading, end),
    )


def _trailing(body: Body, start: int, end: int) -> tuple[str, Position | None]:
    rest = body.text[start:end]
    trailing = rest.strip()
    if not trailing:
        return "", None
    return trailing, body.position(start + len(rest) - len(rest.lstrip()))
