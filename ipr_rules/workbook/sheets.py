"""Rows of the report sheets into a report's plain data, each path with the cell it came from.

What people type is read as they mean it where there is no doubt: 已完成 is `done`, one action
per line in a cell, `2020` typed as text is 2020, full-width digits are digits. Where there is
doubt (a task id Excel turned into a date, a formula with no saved result, a row without a
task id) the row becomes a `Diagnostic` at its cell, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import Text
from ipr_rules.loading.cells import CellLine
from ipr_rules.loading.yaml_messages import TEXT_TOO_LONG
from ipr_rules.loading.yamlpos import INVISIBLE_CHARACTERS, Document
from ipr_rules.loading.yamlpos import Path as DataPath
from ipr_rules.records import record
from ipr_rules.workbook.layout import (
    COVER,
    COVER_ROWS,
    KIND_VALUES,
    METRIC_COLUMNS,
    METRICS,
    OUTPUT_COLUMNS,
    OUTPUTS,
    STATUS_VALUES,
    TASK_COLUMNS,
    TASKS,
    Column,
    header_names,
)

NO_VALUE = Text(
    "单元格 {cell} 是公式，但文件中没有保存计算结果；请在 Excel 或 WPS 中打开、重新计算并保存，或直接填写数值",
    "cell {cell} holds a formula whose result was not saved; open, recalculate and save the file, or type the value",
)
NUMERIC_ID = Text(
    "任务编号被 Excel 读成了{kind}“{raw}”；请把该单元格设为文本格式后重新输入，如“{suggested}”",
    "Excel read the task id as a {kind} '{raw}'; format the cell as text and type it again, such as '{suggested}'",
)
NO_NAME = Text("第 {row} 行填写了数值，但没有指标名称", "row {row} has a value but no metric name")
NO_ID = Text("第 {row} 行填写了内容，但没有任务编号", "row {row} has content but no task id")
NOT_LISTED = Text(
    "“{sheet}”表第 {row} 行的任务编号“{task}”不在“任务”表中；请先在“任务”表中填写这项任务",
    "row {row} of sheet {sheet} names task '{task}', which sheet 任务 does not list; add the task there first",
)
DUPLICATE = Text(
    "“{key}”在“{sheet}”表中出现两次（第 {first} 行和第 {second} 行），请合并为一行",
    "'{key}' appears twice on sheet {sheet} (rows {first} and {second}); keep one row",
)
NO_HEADER = Text(
    "“{sheet}”表的前 {rows} 行中没有表头“{header}”，该表未读取",
    "sheet {sheet} has no header '{header}' in its first {rows} rows; the sheet was not read",
)
KINDS = {"float": Text("小数", "decimal number"), "int": Text("数字", "number"), "date": Text("日期", "date")}
# The header row is looked for in this many rows from the top.
HEADER_ROWS = 10
_SPLIT_NAMES = re.compile(r"[\n、,，;；]")
_NUMBER = re.compile(r"[0-9]{1,3}(,[0-9]{3})+|[0-9]+(\.[0-9]+)?")


class NoValue:
    """A formula cell whose result was never saved (the file was written by a program)."""


@record
class Row:
    number: int
    values: tuple[Any, ...]

    def get(self, index: int | None) -> Any:
        return self.values[index] if index is not None and index < len(self.values) else None


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    return str(get_column_letter(index + 1))


def _text(value: Any) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()


class Builder:
    def __init__(self, max_text: int) -> None:
        self.max_text = max_text
        self.data: dict[str, Any] = {}
        self.lines: dict[DataPath, int] = {}
        self.problems: list[Diagnostic] = []
        self.odd_keys: list[DataPath] = []
        self.line: CellLine | None = None
        self.rows: dict[str, int] = {}

    def document(self) -> Document:
        line = self.line or CellLine(1, f"{TASKS}!A1")
        return Document(self.data, self.lines, line, 0, self.problems, line, self.odd_keys)

    # -- cells ---------------------------------------------------------------------------------

    def at(self, sheet: str, row: int, column: int) -> CellLine:
        return CellLine(row, f"{sheet}!{_letter(column)}{row}")

    def take(self, value: Any, path: DataPath, line: CellLine) -> Any:
        """A cell's value for `path`, with its position; a problem (and None) when it cannot be read."""
        self.lines[path] = line
        if isinstance(value, NoValue):
            self.problems.append(Diagnostic(NO_VALUE, line, path, {"cell": line.cell}))
            return None
        if isinstance(value, str) and len(value) > self.max_text:
            self.problems.append(Diagnostic(TEXT_TOO_LONG, line, path, {"length": len(value), "limit": self.max_text}))
            return None
        return value

    def task_id(self, value: Any, line: CellLine, path: DataPath) -> str | None:
        if isinstance(value, str):
            return _text(value)
        if isinstance(value, (dt.date, int, float)) and not isinstance(value, bool):
            if isinstance(value, dt.date):
                kind, raw, suggested = KINDS["date"], value.isoformat(), f"{value.month}-{value.day}"
            else:
                kind, raw = KINDS["float" if isinstance(value, float) else "int"], str(value)
                suggested = raw.replace(".", "-") if "." in raw else f"{raw}-1"
            self.problems.append(Diagnostic(NUMERIC_ID, line, path, {"kind": kind, "raw": raw, "suggested": suggested}))
        return None

    # -- sheets ----------------------------------------------------------------------------------

    def _header(self, rows: Any, sheet: str, columns: tuple[Column, ...]) -> tuple[int, dict[str, int]] | None:
        """The header row and where each known column stands; rows before it are passed over."""
        for row in rows:
            found: dict[str, int] = {}
            for index, value in enumerate(row.values):
                text = _text(value).lower() if isinstance(value, str) else ""
                for column in columns:
                    key = column.field or column.header
                    if key not in found and text in header_names(column):
                        found[key] = index
            if columns[0].field in found:
                return row.number, found
            if row.number >= HEADER_ROWS:
                break
        args = {"sheet": sheet, "rows": HEADER_ROWS, "header": columns[0].header}
        self.problems.append(Diagnostic(NO_HEADER, CellLine(1, f"{sheet}!A1"), (), args))
        return None

    def cover(self, rows: Any) -> None:
        labels = {name: column for column in COVER_ROWS for name in header_names(column)}
        for row in rows:
            column = labels.get(_text(row.get(0)).lower()) if isinstance(row.get(0), str) else None
            if column is None or column.field is None:
                continue
            field = column.field
            line = self.at(COVER, row.number, 1)
            path: DataPath = ("contact", field.split(".", 1)[1]) if field.startswith("contact.") else (field,)
            if path in self.lines:
                continue
            self.line = self.line or self.at(COVER, row.number, 0)
            value = self.take(row.get(1), path, line)
            if value is None:
                continue
            if field == "year":
                value = _number(value)
            elif path[0] == "contact" and isinstance(value, (int, float)):
                value = str(value)
            elif isinstance(value, str) and field != "submitted":
                value = value.strip()
            if path[0] == "contact":
                self.lines.setdefault(("contact",), line)
                self.data.setdefault("contact", {})[path[1]] = value
            else:
                self.data[field] = value

    def tasks(self, rows: Any) -> None:
        rows = iter(rows)
        header = self._header(rows, TASKS, TASK_COLUMNS)
        self.data["tasks"] = tasks = {}
        if header is None:
            return
        number, where = header
        self.lines[("tasks",)] = CellLine(number, f"{TASKS}!A{number}")
        self.line = self.line or CellLine(number, f"{TASKS}!A{number}")
        inputs = [column for column in TASK_COLUMNS if column.field not in (None, "id")]
        for row in rows:
            id_at = where["id"]
            filled = [column for column in inputs if row.get(where.get(str(column.field))) is not None]
            line = self.at(TASKS, row.number, id_at)
            task_id = self.task_id(row.get(id_at), line, ("tasks",))
            if task_id is None:
                if filled and row.get(id_at) is None:
                    self.problems.append(Diagnostic(NO_ID, line, ("tasks",), {"row": row.number}))
                continue
            if task_id in tasks:
                args = {"key": task_id, "sheet": TASKS, "first": self.rows[task_id], "second": row.number}
                self.problems.append(Diagnostic(DUPLICATE, line, ("tasks", task_id), args))
                continue
            if INVISIBLE_CHARACTERS.search(task_id):
                self.odd_keys.append(("tasks", task_id))
            self.rows[task_id] = row.number
            self.lines[("tasks", task_id)] = line
            tasks[task_id] = self._entry(row, where, task_id)

    def _entry(self, row: Row, where: dict[str, int], task_id: str) -> dict[str, Any]:
        entry: dict[str, Any] = {}
        for column in TASK_COLUMNS:
            field = column.field
            if field in (None, "id") or field not in where:
                continue
            line = self.at(TASKS, row.number, where[field])
            path: DataPath = ("tasks", task_id, field)
            value = self.take(row.get(where[field]), path, line)
            if value is None:
                continue
            if field == "status":
                value = STATUS_VALUES.get(_text(value).lower(), value) if isinstance(value, str) else value
            elif field in ("actions", "evidence", "campaigns"):
                value = _items(value, field == "campaigns")
                for index in range(len(value)):
                    self.lines[(*path, index)] = line
            entry[field] = value
        return entry

    def outputs(self, rows: Any) -> None:
        rows = iter(rows)
        header = self._header(rows, OUTPUTS, OUTPUT_COLUMNS)
        if header is None:
            return
        _, where = header
        for row in rows:
            if all(row.get(index) is None for index in where.values()):
                continue
            task_id = self._owner(row, where["task"], OUTPUTS)
            if task_id is None:
                continue
            outputs = self.data["tasks"][task_id].setdefault("outputs", [])
            path: DataPath = ("tasks", task_id, "outputs", len(outputs))
            line = self.at(OUTPUTS, row.number, where["task"])
            self.lines.setdefault(path[:-1], line)
            self.lines[path] = line
            output: dict[str, Any] = {}
            for column in OUTPUT_COLUMNS[1:]:
                field = str(column.field)
                if field not in where:
                    continue
                value = self.take(row.get(where[field]), (*path, field), self.at(OUTPUTS, row.number, where[field]))
                if value is None:
                    continue
                if field == "kind" and isinstance(value, str):
                    value = KIND_VALUES.get(_text(value).lower(), value)
                elif field in ("title", "url") and isinstance(value, (int, float)):
                    value = str(value)
                output[field] = value
            outputs.append(output)

    def metrics(self, rows: Any) -> None:
        rows = iter(rows)
        header = self._header(rows, METRICS, METRIC_COLUMNS)
        if header is None:
            return
        _, where = header
        seen: dict[tuple[str, str], int] = {}
        for row in rows:
            name = row.get(where.get("name"))
            raw_task = row.get(where["task"])
            if all(row.get(index) is None for index in where.values()):
                continue
            if raw_task is None:
                owner: DataPath = ()
                target = self.data
            else:
                task_id = self._owner(row, where["task"], METRICS)
                if task_id is None:
                    continue
                owner, target = ("tasks", task_id), self.data["tasks"][task_id]
            line = self.at(METRICS, row.number, where.get("name", where["task"]))
            name = self.take(name, (*owner, "metrics"), line)
            if name is None:
                if not isinstance(row.get(where.get("name")), NoValue):
                    self.problems.append(Diagnostic(NO_NAME, line, (*owner, "metrics"), {"row": row.number}))
                continue
            key = name.strip() if isinstance(name, str) else str(name)  # as typed: the checker matches names
            marker = (owner[1] if owner else "", key)
            if marker in seen:
                args = {"key": key, "sheet": METRICS, "first": seen[marker], "second": row.number}
                self.problems.append(Diagnostic(DUPLICATE, line, (*owner, "metrics", key), args))
                continue
            seen[marker] = row.number
            metrics = target.setdefault("metrics", {})
            self.lines.setdefault((*owner, "metrics"), line)
            value_at = where.get("value", len(row.values))
            value = self.take(row.get(value_at), (*owner, "metrics", key), self.at(METRICS, row.number, value_at))
            metrics[key] = _number(value)

    def _owner(self, row: Row, at: int, sheet: str) -> str | None:
        """The task a row of 产出 or 指标 belongs to; a problem when 任务 does not list it."""
        line = self.at(sheet, row.number, at)
        task_id = self.task_id(row.get(at), line, ("tasks",))
        if task_id is None:
            if row.get(at) is None:
                self.problems.append(Diagnostic(NO_ID, line, ("tasks",), {"row": row.number}))
            return None
        if task_id not in self.data.get("tasks", {}):
            self.problems.append(
                Diagnostic(NOT_LISTED, line, ("tasks",), {"sheet": sheet, "row": row.number, "task": task_id})
            )
            return None
        return task_id


def _items(value: Any, names: bool) -> list[Any]:
    """One item per line (names also split at 、 and commas); a number stays one item."""
    if not isinstance(value, str):
        return [value]
    pieces = _SPLIT_NAMES.split(value) if names else value.split("\n")
    return [piece.strip() for piece in pieces if piece.strip()]


def _number(value: Any) -> Any:
    """A number typed as text (`2020`, `１２`, `1,234`, `2020年`) as the number; anything else as it is."""
    if not isinstance(value, str):
        return value
    text = _text(value).removesuffix("年").strip()
    if not _NUMBER.fullmatch(text):
        return value
    text = text.replace(",", "")
    return float(text) if "." in text else int(text)
