"""A loaded YAML document to a validated report, with every problem at its `file:line`.

The whole report is validated in one pydantic call on the fast path. When that fails, the
envelope (unit, year, …) and each entry are validated apart, so that one bad entry costs only
itself: the rest of the report is still checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ipr_rules.i18n import Text
from ipr_rules.loading.yamlpos import DUPLICATE_KEY, Document, NonStringKey, Problem
from ipr_rules.loading.yamlpos import Path as DataPath
from ipr_rules.model.messages import describe_value, message_for
from ipr_rules.model.report import CARRYING, ENTRY_FIELDS, REPORT_FIELDS, Entry, Envelope, Report

EMPTY_DOCUMENT = Text("文件没有内容（空报告）", "the file is empty (no report)")
NOT_A_MAPPING = Text(
    "报告应为“键: 值”形式的映射（unit、year、tasks …），实为{actual}",
    "a report is a mapping of 'key: value' lines (unit, year, tasks …), not {actual}",
)
FULL_WIDTH_COLON = Text(
    "第 {line} 行使用了全角冒号“：”，请改为半角“:”（冒号后加一个空格）",
    "line {line} uses a full-width colon '：'; use a half-width ':' followed by a space",
)
FULL_WIDTH_SPACE = Text(
    "第 {line} 行使用了全角空格缩进，请改为半角空格", "line {line} is indented with full-width spaces; use ordinary spaces"
)
NUMERIC_TASK_ID = Text(
    "任务编号 {raw} 被 YAML 读作{kind}，请写成带引号的“\"{suggested}\"”",
    "the task id {raw} was read by YAML as a {kind}; write it quoted as \"{suggested}\"",
)
NON_STRING_KEY = Text("键 {raw} 被 YAML 读作{kind}，请加引号", "the key {raw} was read by YAML as a {kind}; quote it")
NO_ACTIONS = Text(
    "状态为“{status}”时必须在 actions 中写明实际开展的工作", "status '{status}' needs the work actually done listed under actions"
)
NO_REASON = Text("状态为“not_applicable”（不适用）时必须在 reason 中说明理由", "status 'not_applicable' needs a reason")
INVISIBLE = Text(
    "“{field}”含有不可见字符（{codes}），请删除后重新输入", "'{field}' contains invisible characters ({codes}); retype it"
)
KEY_KINDS = {
    "float": Text("小数", "decimal number"),
    "int": Text("整数", "whole number"),
    "bool": Text("真假值", "boolean"),
    "null": Text("空值", "null"),
    "timestamp": Text("日期", "date"),
}
_OTHER_KIND = Text("非文字", "non-text value")
_INVISIBLE = re.compile("[\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\u00ad]")


@dataclass(slots=True)
class ReportDocument:
    """One report from one file: what validated, and what did not, each with its line."""

    file: str
    index: int
    line: int
    unit: str | None = None
    unit_line: int | None = None
    year: int | None = None
    year_line: int | None = None
    tasks_line: int | None = None
    entries: dict[str, Entry] = field(default_factory=dict)
    entry_lines: dict[str, int] = field(default_factory=dict)
    # Ids of entries present but invalid: they exist, so they are not missing, but carry nothing.
    broken_entries: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    lines: dict[DataPath, int] = field(default_factory=dict)
    empty: bool = False

    def line_of(self, *path: Any) -> int:
        data_path: DataPath = tuple(path)
        while data_path:
            if data_path in self.lines:
                return self.lines[data_path]
            data_path = data_path[:-1]
        return self.line

    @property
    def carried(self) -> list[str]:
        return [task for task, entry in self.entries.items() if entry.status in CARRYING]


def validate_document(document: Document, file: str, text_lines: list[str] | None = None) -> ReportDocument:
    report = ReportDocument(file=file, index=document.index, line=document.line, lines=document.lines)
    report.problems.extend(document.problems)
    data = document.data
    if data is None and not document.problems:
        report.empty = True
        return report
    if not isinstance(data, dict):
        if data is not None:
            report.problems.append(_not_a_mapping(data, document.line, text_lines))
        return report
    tasks = data.get("tasks")
    if isinstance(tasks, dict):
        data = {**data, "tasks": _string_keyed(tasks, report)}
    report.tasks_line = document.lines.get(("tasks",))
    report.unit_line = document.lines.get(("unit",))
    report.year_line = document.lines.get(("year",))
    try:
        whole = Report.model_validate(data)
    except ValidationError:
        _salvage(data, report)
    else:
        report.unit, report.year = whole.unit, whole.year
        report.entries = dict(whole.tasks)
    for task_id in report.entries:
        report.entry_lines[task_id] = document.lines.get(("tasks", task_id), report.tasks_line or report.line)
    _cross_field(report)
    _invisible(report)
    return report


def empty_report(file: str) -> ReportDocument:
    return ReportDocument(file=file, index=0, line=1, problems=[Problem(EMPTY_DOCUMENT, 1, ())])


def _string_keyed(tasks: dict[Any, Any], report: ReportDocument) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for key, value in tasks.items():
        if isinstance(key, NonStringKey):
            line = report.lines.get(("tasks", key), report.line)
            kind = KEY_KINDS.get(key.tag, _OTHER_KIND)
            if key.tag in ("float", "int"):
                suggested = key.raw.replace(".", "-")
                report.problems.append(Problem(NUMERIC_TASK_ID, line, ("tasks", key), {"raw": key.raw, "kind": kind, "suggested": suggested}))
            else:
                report.problems.append(Problem(NON_STRING_KEY, line, ("tasks", key), {"raw": key.raw, "kind": kind}))
            continue
        kept[key] = value
    return kept


def _salvage(data: dict[str, Any], report: ReportDocument) -> None:
    envelope_data = {**data, "tasks": data.get("tasks", {}) if isinstance(data.get("tasks"), dict) else data.get("tasks")}
    if "tasks" not in data:
        envelope_data.pop("tasks")
    try:
        envelope = Envelope.model_validate(envelope_data)
        report.unit, report.year = envelope.unit, envelope.year
    except ValidationError as error:
        _record(error, (), report, REPORT_FIELDS)
        unit, year = data.get("unit"), data.get("year")
        report.unit = unit.strip() if isinstance(unit, str) and unit.strip() else None
        report.year = year if isinstance(year, int) and not isinstance(year, bool) else None
    tasks = data.get("tasks")
    if not isinstance(tasks, dict):
        return
    for task_id, raw_entry in tasks.items():
        try:
            report.entries[task_id] = Entry.model_validate(raw_entry)
        except ValidationError as error:
            report.broken_entries[task_id] = report.lines.get(("tasks", task_id), report.line)
            _record(error, ("tasks", task_id), report, ENTRY_FIELDS)


def _record(error: ValidationError, prefix: DataPath, report: ReportDocument, known: tuple[str, ...]) -> None:
    for detail in error.errors():
        location = (*prefix, *detail["loc"])
        if prefix == () and location and location[0] == "tasks" and len(location) > 1:
            continue  # entries are validated one by one, after the envelope
        if _under_existing_problem(location, report):
            continue
        field = ".".join(str(part) for part in location) or "(报告)"
        message, args = message_for(detail, field, known if len(location) == len(prefix) + 1 else ())
        report.problems.append(Problem(message, report.line_of(*location), location, args))


def _under_existing_problem(location: DataPath, report: ReportDocument) -> bool:
    """A value the loader already refused (bad date, unknown tag) is not reported twice.

    A duplicate key refuses only its second value; the first one is kept and still validated.
    """
    return any(
        location[: len(problem.path)] == problem.path and problem.path and problem.message is not DUPLICATE_KEY
        for problem in report.problems
    )


def _cross_field(report: ReportDocument) -> None:
    for task_id, entry in list(report.entries.items()):
        line = report.entry_lines[task_id]
        if entry.status in CARRYING and not entry.actions:
            report.problems.append(Problem(NO_ACTIONS, report.line_of("tasks", task_id, "status"), ("tasks", task_id, "actions"), {"status": entry.status}))
        elif entry.status == "not_applicable" and not (entry.reason and entry.reason.strip()):
            report.problems.append(Problem(NO_REASON, report.line_of("tasks", task_id, "status"), ("tasks", task_id, "reason")))
        else:
            continue
        # An entry that breaks the format carries nothing, but it is there: not missing.
        del report.entries[task_id]
        report.broken_entries[task_id] = line


def _invisible(report: ReportDocument) -> None:
    if report.unit and _INVISIBLE.search(report.unit):
        codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(_INVISIBLE.findall(report.unit)))
        report.problems.append(Problem(INVISIBLE, report.unit_line or report.line, ("unit",), {"field": "unit", "codes": codes}))


def _not_a_mapping(data: Any, line: int, text_lines: list[str] | None) -> Problem:
    for number, text in enumerate(text_lines or [], start=1):
        stripped = text.lstrip(" ")
        if stripped.startswith("\u3000"):
            return Problem(FULL_WIDTH_SPACE, number, (), {"line": number})
        if re.match(r"^\s*[\w\u4e00-\u9fff-]+\s*：", text):
            return Problem(FULL_WIDTH_COLON, number, (), {"line": number})
    from ipr_rules.i18n import Localized

    return Problem(NOT_A_MAPPING, line, (), {"actual": Localized(describe_value(data), value=str(data)[:40])})
