"""A line that also names its workbook cell: the row, plus `任务!F12`.

A report read from a workbook carries these wherever a YAML report carries line numbers, so
every check that takes a line from the document passes the cell on unchanged, and a finding
names the sheet and cell (SPEC §7) without any check knowing where its report came from.
"""

from __future__ import annotations

from typing import Any


class CellLine(int):
    """The 1-based row as an int, with the cell it stands for."""

    cell: str

    def __new__(cls, row: int, cell: str) -> CellLine:
        value = super().__new__(cls, row)
        value.cell = cell
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        return (CellLine, (int(self), self.cell))

    def __repr__(self) -> str:
        return f"CellLine({int(self)}, {self.cell!r})"


def cell_of(line: object) -> str | None:
    """The sheet and cell a line stands for, when it came from a workbook."""
    return line.cell if isinstance(line, CellLine) else None
