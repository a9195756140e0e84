"""A plan as written: sections, items and duty clauses with their source positions."""

from __future__ import annotations

from ipr_rules.records import record


@record
class Position:
    line: int
    column: int

    def as_pair(self) -> tuple[int, int]:
        return self.line, self.column


@record
class RawClause:
    """A duty clause as written: its text and the assignment that closes it."""

    item: int
    # The duty's number as the document writes it (`1.`, `（1）`), else its position in the item.
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


@record
class RawItem:
    number: int
    section: int
    title: str
    line: int
    clauses: tuple[RawClause, ...]
    trailing_text: str
    trailing_at: Position | None


@record
class RawSection:
    number: int
    title: str
    line: int


@record
class RawPlan:
    title: str
    year: int | None
    sections: tuple[RawSection, ...]
    items: tuple[RawItem, ...]

    @property
    def clauses(self) -> tuple[RawClause, ...]:
        return tuple(clause for item in self.items for clause in item.clauses)
