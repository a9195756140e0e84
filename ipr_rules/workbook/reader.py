"""A report workbook read into the same raw document the YAML reader gives (SPEC §7).

openpyxl reads it in read-only mode, values only: cached results of formulas, never a macro.
Every position is a `CellLine` (the row, naming its cell), so validation and every check are
the YAML path's own. The bytes are inspected first (`guard`), and the cells read are counted
against --max-nodes and their text against --max-text-length, so no workbook reads unbounded.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import Text
from ipr_rules.loading.limits import ReadLimits
from ipr_rules.loading.yamlpos import Document
from ipr_rules.workbook.guard import CORRUPT, inspect
from ipr_rules.workbook.layout import COVER, METRICS, OUTPUTS, SHEET_NAMES, TASKS
from ipr_rules.workbook.sheets import Builder, NoValue, Row

NO_TASK_SHEET = Text(
    "工作簿中没有“任务”工作表，不是报告工作簿；可用 ipr-check template 单位 -o 单位.xlsx 生成模板",
    "the workbook has no sheet 任务 (tasks), so it is not a report; "
    "ipr-check template UNIT -o UNIT.xlsx writes a template",
)
TOO_MANY_CELLS = Text(
    "工作簿中有内容的单元格超过 {limit} 个，从 {cell} 起未读取（可用 --max-nodes 调整）",
    "the workbook has more than {limit} filled cells; not read from {cell} on (see --max-nodes)",
)
# Only this many columns are read: the report's columns and a few added beside them.
MAX_COLUMNS = 40


class _TooManyCells(Exception):
    def __init__(self, cell: str) -> None:
        super().__init__(cell)
        self.cell = cell


def read_workbook(data: bytes, limits: ReadLimits) -> Document | Diagnostic:
    looked = inspect(data, limits.max_file_bytes)
    if looked.refusal is not None:
        return Diagnostic(looked.refusal, args=dict(looked.args or {}))
    try:
        return _read(data, limits, looked.formulas)
    except _TooManyCells as stop:
        return Diagnostic(TOO_MANY_CELLS, args={"limit": limits.yaml.max_nodes, "cell": stop.cell})
    except Exception:  # openpyxl on a hostile file may raise anything: the file is damaged
        return Diagnostic(CORRUPT)


def _read(data: bytes, limits: ReadLimits, formulas: bool) -> Document | Diagnostic:
    import openpyxl  # type: ignore[import-untyped]

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    try:
        sheets = _sheets(book.sheetnames)
        if TASKS not in sheets:
            return Diagnostic(NO_TASK_SHEET)
        pending = _pending_formulas(data, sheets) if formulas else set()
        budget = [limits.yaml.max_nodes]
        builder = Builder(limits.yaml.max_text)
        if COVER in sheets:
            builder.cover(_rows(book[sheets[COVER]], COVER, budget, pending))
        builder.tasks(_rows(book[sheets[TASKS]], TASKS, budget, pending))
        if OUTPUTS in sheets:
            builder.outputs(_rows(book[sheets[OUTPUTS]], OUTPUTS, budget, pending))
        if METRICS in sheets:
            builder.metrics(_rows(book[sheets[METRICS]], METRICS, budget, pending))
    finally:
        book.close()
    return builder.document()


def _sheets(names: list[str]) -> dict[str, str]:
    """Each report sheet's name in this workbook, matched without regard to case or spaces."""
    found: dict[str, str] = {}
    for name in names:
        key = name.strip().lower()
        for sheet, accepted in SHEET_NAMES.items():
            if key in accepted and sheet not in found:
                found[sheet] = name
    return found


def _pending_formulas(data: bytes, sheets: dict[str, str]) -> set[tuple[str, int, int]]:
    """(sheet, row, column) of each cell that may hold a formula: read again without values.

    Read so, a formula is its text (`=A1+1`); so is a text typed with a leading `=`, but that
    one has a value in the values pass, so only formulas without a saved result come out.
    """
    import openpyxl
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula  # type: ignore[import-untyped]

    formulas = (ArrayFormula, DataTableFormula)
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    found: set[tuple[str, int, int]] = set()
    try:
        for sheet, name in sheets.items():
            worksheet = book[name]
            worksheet.reset_dimensions()
            rows = worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
            for number, values in enumerate(rows, start=1):
                if values.count(None) == len(values):
                    continue
                for column, value in enumerate(values, start=1):
                    if (isinstance(value, str) and value.startswith("=")) or isinstance(value, formulas):
                        found.add((sheet, number, column))
    finally:
        book.close()
    return found


def _rows(worksheet: Any, sheet: str, budget: list[int], pending: set[tuple[str, int, int]]) -> Iterator[Row]:
    """The sheet's rows as (row number, values), trailing empty cells dropped, empty rows skipped."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    formula_rows = {row for name, row, _ in pending if name == sheet}
    worksheet.reset_dimensions()  # a wrong stored size must neither cut rows off nor invent them
    for number, values in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
        if values.count(None) == len(values) and number not in formula_rows:
            continue  # the common empty row, a million of them at C speed
        cells = [None if value is None else _value(value) for value in values]
        if number in formula_rows:
            for column, value in enumerate(cells, start=1):
                if value is None and (sheet, number, column) in pending:
                    cells[column - 1] = NoValue()
        while cells and cells[-1] is None:
            cells.pop()
        if not cells:
            continue
        budget[0] -= sum(1 for value in cells if value is not None)
        if budget[0] < 0:
            raise _TooManyCells(f"{sheet}!{get_column_letter(1)}{number}")
        yield Row(number, tuple(cells))


def _value(value: Any) -> Any:
    """A cell's value as a report holds it: whole numbers as int, dates as dates, text as typed."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value if value.strip() else None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value
    if isinstance(value, (dt.time, dt.timedelta)):
        return str(value)
    return value
