"""Helpers for the workbook tests: templates, filled the way a script or a clerk fills them."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.views.template import template_report
from ipr_rules.workbook.writer import write_workbook


def template(ruleset: Ruleset, unit: str = "区法院", lang: str = "zh") -> bytes:
    found = ruleset.registry.resolve(unit)
    assert found is not None
    return write_workbook(ruleset, template_report(ruleset, found), "en" if lang == "en" else "zh")


def columns(sheet: Any) -> dict[str, int]:
    """Header name -> 1-based column, found by the header row's cells (as a script would)."""
    return {str(cell.value): cell.column for cell in sheet[1] if cell.value is not None}


def rows_by_task(sheet: Any) -> dict[str, int]:
    heads = columns(sheet)
    return {
        str(sheet.cell(row, heads["任务编号"]).value): row
        for row in range(2, sheet.max_row + 1)
        if sheet.cell(row, heads["任务编号"]).value
    }


def edit(data: bytes, change: Callable[[Any], None]) -> bytes:
    """The workbook after `change(workbook)`, saved by openpyxl (as another program would save it)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    change(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def fill_tasks(data: bytes, values: dict[str, dict[str, Any]]) -> bytes:
    """Set cells of sheet 任务 by task id and header name: {"15-1": {"状态": "已完成", ...}}."""

    def change(book: Any) -> None:
        sheet = book["任务"]
        heads, rows = columns(sheet), rows_by_task(sheet)
        for task_id, cells in values.items():
            for header, value in cells.items():
                sheet.cell(rows[task_id], heads[header]).value = value

    return edit(data, change)


def append_rows(data: bytes, sheet_name: str, rows: list[list[Any]]) -> bytes:
    def change(book: Any) -> None:
        sheet = book[sheet_name]
        start = 2
        while any(sheet.cell(start, column).value is not None for column in range(1, 6)):
            start += 1
        for offset, values in enumerate(rows):
            for column, value in enumerate(values, start=1):
                sheet.cell(start + offset, column).value = value

    return edit(data, change)


def check(path: Path, ruleset: Ruleset) -> list[tuple[str, str | None, str | None]]:
    """(kind, task, cell) of each finding of one file, checked on its own."""
    result = check_paths([str(path)], ruleset, CheckOptions(unit_only=True))
    return sorted(((f.kind, f.task, f.cell) for f in result.findings), key=lambda item: tuple(p or "" for p in item))


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
