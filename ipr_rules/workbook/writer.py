"""A report as a workbook: the template (`template UNIT -o 区法院.xlsx`) and `convert` to xlsx.

One writer for both: a template is a report whose entries all say 未开展. The plan's own text
and the unit's role stand beside each entry in protected cells; status and kind are drop-downs,
dates are date cells, every header cell says what goes below it. The same report gives the
same bytes (fixed document properties), like the gap workbook.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import Any

from ipr_rules.i18n import ROLE_LABELS, Lang, Text
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.render.xlsx_kit import display_width
from ipr_rules.workbook.layout import (
    COVER,
    COVER_HEADERS,
    COVER_ROWS,
    KIND_LABELS,
    METRIC_COLUMNS,
    METRICS,
    OUTPUT_COLUMNS,
    OUTPUTS,
    STATUS_LABELS,
    TASK_COLUMNS,
    TASKS,
    Column,
)

TITLE = Text("{unit} {year} 年打击侵权假冒工作年度报告", "{unit}: {year} annual report on IP protection")
HOW_TO = Text(
    "填写说明：在“任务”表逐项选择状态、填写工作内容（每行一项），产出和数字分别填在“产出”“指标”表；"
    "填完后用 ipr-check 本文件.xlsx 自查，再提交。",
    "How to fill in: on sheet 任务 pick each status and write the work done (one action per line); outputs go "
    "on 产出, figures on 指标; then check the file with ipr-check FILE.xlsx before submitting.",
)
# Rows below the outputs the kind drop-down reaches (new rows take their columns' formats).
OPEN_ROWS = 200
# The workbook's fixed creation time: the same report gives the same bytes.
CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
DATE_FORMAT = "yyyy-mm-dd"
# Points per line of 10-point text.
LINE_HEIGHT = 13.5
_PROTECTION = {
    "format_cells": False,
    "format_columns": True,
    "format_rows": True,
    "select_locked_cells": True,
    "select_unlocked_cells": True,
    "autofilter": True,
    "sort": False,
}


class _Formats:
    def __init__(self, workbook: Any, lang: Lang) -> None:
        base = {"font_name": "等线" if lang == "zh" else "Calibri", "font_size": 10, "valign": "top"}
        border = {"border": 1, "border_color": "#9CA3AF"}
        self.header = workbook.add_format(
            {**base, **border, "bold": True, "bg_color": "#DBEAFE", "valign": "vcenter", "text_wrap": True}
        )
        self.plan = workbook.add_format({**base, **border, "text_wrap": True, "bg_color": "#F3F4F6", "locked": True})
        self.input = workbook.add_format({**base, **border, "text_wrap": True, "locked": False})
        self.text_input = workbook.add_format({**base, **border, "locked": False, "num_format": "@"})
        self.date = workbook.add_format({**base, **border, "locked": False, "num_format": DATE_FORMAT})
        self.number = workbook.add_format({**base, **border, "locked": False, "num_format": "General"})
        self.label = workbook.add_format({**base, **border, "bold": True, "bg_color": "#F3F4F6", "locked": True})
        self.title = workbook.add_format({**base, "bold": True, "font_size": 14, "locked": True})
        self.note = workbook.add_format({**base, "text_wrap": True, "font_color": "#4B5563", "locked": True})


def write_workbook(ruleset: Ruleset, report: dict[str, Any], lang: Lang) -> bytes:
    """`report`: a report as plain data (what the YAML reader gives), already known to fit."""
    import xlsxwriter  # type: ignore[import-untyped]  # imported here: a YAML run never pays for it

    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(buffer, options)
    unit = str(report.get("unit") or "")
    title = TITLE.render(lang, unit=unit, year=report.get("year", ruleset.year))
    workbook.set_properties({"title": title, "author": "ipr-check", "created": CREATED})
    formats = _Formats(workbook, lang)
    tasks = report.get("tasks") or {}
    _task_sheet(workbook.add_worksheet(TASKS), ruleset, unit, tasks, formats, lang)
    _output_sheet(workbook.add_worksheet(OUTPUTS), tasks, formats, lang)
    _metric_sheet(workbook.add_worksheet(METRICS), report, formats, lang)
    _cover_sheet(workbook.add_worksheet(COVER), report, title, formats, lang)
    workbook.close()
    return buffer.getvalue()


def _headers(
    sheet: Any, columns: tuple[Column, ...], formats: _Formats, lang: Lang, styles: tuple[Any, ...] = ()
) -> None:
    """The header row with its input messages; `styles`: each column's format for rows typed in later."""
    for index, column in enumerate(columns):
        sheet.write_string(0, index, column.header, formats.header)
        sheet.data_validation(
            0,
            index,
            0,
            index,
            {"validate": "any", "input_title": column.header, "input_message": column.help.render(lang)[:255]},
        )
        sheet.set_column(index, index, column.width, styles[index] if index < len(styles) else None)
    sheet.set_row(0, 22)
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)


def _task_sheet(sheet: Any, ruleset: Ruleset, unit: str, tasks: dict[str, Any], formats: _Formats, lang: Lang) -> None:
    _headers(sheet, TASK_COLUMNS, formats, lang)
    known = ruleset.registry.resolve(unit) if unit else None
    row = 0
    for row, (task_id, entry) in enumerate(tasks.items(), start=1):
        task = ruleset.task(task_id)
        role = task.role_of(known.name) if task is not None and known is not None else None
        plan = {
            "事项": task.item_title if task else "",
            "任务内容": task.text if task else "",
            "分工": ROLE_LABELS[role].render(lang) if role else "",
        }
        entry = entry if isinstance(entry, dict) else {}
        sheet.set_row(row, _height(plan, entry))
        for index, column in enumerate(TASK_COLUMNS):
            if column.field is None:
                sheet.write_string(row, index, plan[column.header], formats.plan)
            elif column.field == "id":
                sheet.write_string(row, index, str(task_id), formats.plan)
            else:
                value = entry.get(column.field)
                if column.field == "status" and isinstance(value, str):
                    value = STATUS_LABELS.get(value, value) if lang == "zh" else value
                _cell(sheet, row, index, value, formats, formats.input)
    if row:
        labels = list(STATUS_LABELS.values()) if lang == "zh" else list(STATUS_LABELS)
        status = next(index for index, column in enumerate(TASK_COLUMNS) if column.field == "status")
        sheet.data_validation(1, status, row, status, {"validate": "list", "source": labels, "error_type": "warning"})
    sheet.autofilter(0, 0, max(row, 1), len(TASK_COLUMNS) - 1)
    sheet.protect("", _PROTECTION)


def _output_sheet(sheet: Any, tasks: dict[str, Any], formats: _Formats, lang: Lang) -> None:
    styles = tuple(
        formats.date if column.field == "date" else formats.text_input if column.field == "task" else formats.input
        for column in OUTPUT_COLUMNS
    )
    _headers(sheet, OUTPUT_COLUMNS, formats, lang, styles)
    row = 0
    for task_id, entry in tasks.items():
        outputs = entry.get("outputs") if isinstance(entry, dict) else None
        for output in outputs or ():
            row += 1
            sheet.write_string(row, 0, str(task_id), formats.text_input)
            for index, column in enumerate(OUTPUT_COLUMNS[1:], start=1):
                value = output.get(column.field) if isinstance(output, dict) else None
                if column.field == "kind" and isinstance(value, str) and lang == "zh":
                    value = KIND_LABELS.get(value, value)
                _cell(sheet, row, index, value, formats, formats.input)
    last = row + OPEN_ROWS
    kinds = list(KIND_LABELS.values()) if lang == "zh" else list(KIND_LABELS)
    sheet.data_validation(1, 3, last, 3, {"validate": "list", "source": kinds, "error_type": "warning"})


def _metric_sheet(sheet: Any, report: dict[str, Any], formats: _Formats, lang: Lang) -> None:
    _headers(sheet, METRIC_COLUMNS, formats, lang, (formats.text_input, formats.input, formats.number))
    rows: list[tuple[str, Any, Any]] = []
    top = report.get("metrics")
    for name, value in top.items() if isinstance(top, dict) else ():
        rows.append(("", name, value))
    for task_id, entry in (report.get("tasks") or {}).items():
        metrics = entry.get("metrics") if isinstance(entry, dict) else None
        for name, value in metrics.items() if isinstance(metrics, dict) else ():
            rows.append((str(task_id), name, value))
    for row, (task_id, name, value) in enumerate(rows, start=1):
        _cell(sheet, row, 0, task_id or None, formats, formats.text_input)
        _cell(sheet, row, 1, name, formats, formats.input)
        _cell(sheet, row, 2, value, formats, formats.number)


def _cover_sheet(sheet: Any, report: dict[str, Any], title: str, formats: _Formats, lang: Lang) -> None:
    given = report.get("contact")
    contact: dict[str, Any] = given if isinstance(given, dict) else {}
    sheet.write_string(0, 0, COVER_HEADERS[0], formats.header)
    sheet.write_string(0, 1, COVER_HEADERS[1], formats.header)
    for row, column in enumerate(COVER_ROWS, start=1):
        sheet.write_string(row, 0, column.header, formats.label)
        field = str(column.field)
        value = contact.get(field.split(".", 1)[1]) if field.startswith("contact.") else report.get(field)
        _cell(sheet, row, 1, value, formats, formats.date if field == "submitted" else formats.input)
        sheet.data_validation(
            row, 1, row, 1, {"validate": "any", "input_title": column.header, "input_message": column.help.render(lang)}
        )
    note = len(COVER_ROWS) + 2
    sheet.write_string(note, 0, title, formats.title)
    sheet.merge_range(note + 1, 0, note + 1, 1, HOW_TO.render(lang), formats.note)
    sheet.set_row(note + 1, 64)
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, 60)
    sheet.set_paper(9)
    sheet.protect("", _PROTECTION)


def _height(plan: dict[str, str], entry: dict[str, Any]) -> float:
    """A row tall enough for its longest cell's wrapped lines (Excel does not grow rows it is given)."""
    lines = 1
    for column in TASK_COLUMNS:
        value = plan.get(column.header) if column.field is None else entry.get(str(column.field))
        if isinstance(value, list):
            value = "\n".join(str(item) for item in value)
        if value is None:
            continue
        per_line = max(column.width - 1, 1)
        needed = sum(max(1, math.ceil(display_width(line) / per_line)) for line in str(value).split("\n"))
        lines = max(lines, needed)
    return min(LINE_HEIGHT * lines + 3, 409)


def _cell(sheet: Any, row: int, column: int, value: Any, formats: _Formats, style: Any) -> None:
    """One value as the cell that keeps it: text as text, lists one item per line, dates as dates."""
    if value is None:
        sheet.write_blank(row, column, None, style)
    elif isinstance(value, bool):
        sheet.write_boolean(row, column, value, style)
    elif isinstance(value, (int, float)) and math.isfinite(value) and abs(value) < 2**53:
        sheet.write_number(row, column, value, formats.number)
    elif isinstance(value, dt.datetime):
        sheet.write_datetime(row, column, value.replace(tzinfo=None), formats.date)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, column, dt.datetime(value.year, value.month, value.day), formats.date)
    elif isinstance(value, list):
        sheet.write_string(row, column, "\n".join(str(item) for item in value), style)
    else:
        sheet.write_string(row, column, str(value), style)
