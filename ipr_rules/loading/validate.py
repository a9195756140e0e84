"""A loaded YAML document to a validated report, with every problem at its `file:line`.

A report that is plainly valid (`loading.plain`) is taken as it is, without building the
pydantic models. Any other is validated whole in one pydantic call; when that fails, the
envelope (unit, year, …) and each entry are validated apart, so that one bad entry costs only
itself: the rest of the report is still checked. Either way the entries become the plain
records of `model.entry`.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ipr_rules.clerk import FieldPath
from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import Text
from ipr_rules.loading.ime_mistakes import (
    TextHints,
    caused_by_typing,
    not_a_mapping,
    typing_problems,
)
from ipr_rules.loading.plain import plain_report
from ipr_rules.loading.yaml_messages import DUPLICATE_KEY
from ipr_rules.loading.yaml_scalars import as_task_id
from ipr_rules.loading.yamlpos import INVISIBLE_CHARACTERS, Document, NonStringKey
from ipr_rules.loading.yamlpos import Path as DataPath
from ipr_rules.model.entry import CARRYING, CONTACT_FIELDS, ENTRY_FIELDS, OUTPUT_FIELDS, REPORT_FIELDS, Entry, Output

if TYPE_CHECKING:
    from pydantic import ValidationError

    from ipr_rules.model import report as model

WHOLE_REPORT = Text("（整份报告）", "(the whole report)")
EMPTY_DOCUMENT = Text("文件没有内容（空报告）", "the file is empty (no report)")
NUMERIC_TASK_ID = Text(
    '任务编号 {raw} 被 YAML 读作{kind}，请写成带引号的“"{suggested}"”',
    'the task id {raw} was read by YAML as a {kind}; write it quoted as "{suggested}"',
)
NON_STRING_KEY = Text("键 {raw} 被 YAML 读作{kind}，请加引号", "the key {raw} was read by YAML as a {kind}; quote it")
NO_ACTIONS = Text(
    "任务 {task} 的状态为“{status}”，须在工作内容（actions）中逐条写明实际开展的工作",
    "task {task} has the status '{status}', which needs the work actually done listed under actions",
)
NO_REASON = Text(
    "任务 {task} 的状态为“not_applicable”（不适用），须在原因说明（reason）中写明理由",
    "task {task} has the status 'not_applicable', which needs a reason",
)
INVISIBLE = Text(
    "{field}含有不可见字符：{codes}，删除后为“{cleaned}”，请删除后重新输入",
    "{field} contains invisible characters: {codes}; without them it reads '{cleaned}'; retype it",
)
INVISIBLE_KEY = Text(
    "键“{cleaned}”含有不可见字符：{codes}，请删除后重新输入",
    "the key '{cleaned}' contains invisible characters: {codes}; retype it",
)
THOUSANDS = Text(
    "{field}写成了“{number}”：数字中的千位分隔逗号被 YAML 当成了两项之间的分隔，请去掉逗号，写作 {joined}",
    "{field} was written '{number}': YAML took the thousands comma for a separator between two items; "
    "drop the comma and write {joined}",
)
KEY_KINDS = {
    "float": Text("小数", "decimal number"),
    "int": Text("整数", "whole number"),
    "bool": Text("真假值", "boolean"),
    "null": Text("空值", "null"),
    "timestamp": Text("日期", "date"),
}
_OTHER_KIND = Text("非文字", "non-text value")
_INVISIBLE = INVISIBLE_CHARACTERS
INVISIBLE_NAMES: dict[int, Text] = {
    0x200B: Text("零宽空格", "zero width space"),
    0x200C: Text("零宽非连接符", "zero width non-joiner"),
    0x200D: Text("零宽连接符", "zero width joiner"),
    0x200E: Text("从左到右标记", "left-to-right mark"),
    0x200F: Text("从右到左标记", "right-to-left mark"),
    0x2028: Text("行分隔符", "line separator"),
    0x2029: Text("段分隔符", "paragraph separator"),
    0x2060: Text("词连接符", "word joiner"),
    0xFEFF: Text("零宽不换行空格（BOM）", "zero width no-break space (BOM)"),
    0x00AD: Text("软连字符", "soft hyphen"),
    0x180E: Text("蒙古文元音分隔符", "Mongolian vowel separator"),
}
_DIRECTION = Text("文字方向控制符", "text direction control")
_INVISIBLE_OTHER = Text("不可见格式字符", "invisible format character")


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
    submitted: dt.date | None = None
    # The unit's own figures for the year (top-level `metrics:`), keys as written.
    metrics: dict[str, int | float] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    entry_lines: dict[str, int] = field(default_factory=dict)
    # Ids of entries present but invalid: they exist, so they are not missing, but carry nothing.
    broken_entries: dict[str, int] = field(default_factory=dict)
    # Task ids YAML read as numbers (`1.1:`, `13:`), as written, with their lines: not entries, but
    # the likely reason a task is missing.
    mistyped_ids: dict[str, int] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    lines: dict[DataPath, int] = field(default_factory=dict)
    empty: bool = False

    def line_of(self, *path: Any) -> int:
        data_path: DataPath = tuple(path)
        while data_path:
            if data_path in self.lines:
                return self.lines[data_path]
            data_path = data_path[:-1]
        return self.line


def validate_document(document: Document, file: str, hints: TextHints | None = None) -> ReportDocument:
    """`hints`: the file's text, for explaining what was typed where it broke the format."""
    report = ReportDocument(file=file, index=document.index, line=document.line, lines=document.lines)
    report.problems.extend(document.problems)
    data = document.data
    if data is None and not document.problems:
        report.empty = True
        return report
    typed = typing_problems(document, hints.lines) if hints is not None and hints.suspect else []
    report.problems.extend(typed)
    if not isinstance(data, dict):
        if data is not None and not typed:
            report.problems.append(not_a_mapping(data, document.line, hints.lines if hints is not None else None))
        return report
    if document.odd_keys:
        data = _clean_keys(data, report)
    report.tasks_line = document.lines.get(("tasks",))
    report.unit_line = document.lines.get(("unit",))
    report.year_line = document.lines.get(("year",))
    plain = plain_report(data)
    if plain is not None:
        report.unit, report.year, report.submitted, report.metrics, report.entries = plain
    else:
        _validate(data, report)
    # Task ids are kept by findings and the set state: one shared copy of each.
    report.entries = {sys.intern(task_id): entry for task_id, entry in report.entries.items()}
    for task_id in report.entries:
        report.entry_lines[task_id] = document.lines.get(("tasks", task_id), report.tasks_line or report.line)
    _cross_field(report)
    _invisible(report)
    return report


def empty_report(file: str) -> ReportDocument:
    return ReportDocument(file=file, index=0, line=1, problems=[Diagnostic(EMPTY_DOCUMENT, 1, ())])


def _clean_keys(data: dict[Any, Any], report: ReportDocument) -> dict[Any, Any]:
    """The data without keys YAML did not read as text, each reported once where it stands.

    A task id read as a number (`1.1:`) gets a message saying how to write it; a key with
    invisible characters is reported too (it would otherwise be an unknown field or task).
    Walked with a stack, not recursion: nesting is bounded by --max-depth, which may be large.
    """
    seen: set[tuple[int, str]] = set()
    root = _clean_one(data, (), report, seen)
    stack: list[tuple[Any, DataPath]] = [(root, ())]
    while stack:
        container, path = stack.pop()
        items = list(container.items()) if isinstance(container, dict) else list(enumerate(container))
        children = []
        for key, item in items:
            if isinstance(item, (dict, list)):
                cleaned = _clean_one(item, (*path, key), report, seen)
                container[key] = cleaned
                children.append((cleaned, (*path, key)))
        stack.extend(reversed(children))
    assert isinstance(root, dict)
    return root


def _clean_one(
    value: dict[Any, Any] | list[Any], path: DataPath, report: ReportDocument, seen: set[tuple[int, str]]
) -> Any:
    """A copy of one mapping without its non-string keys (or of one list), problems reported."""
    if isinstance(value, list):
        return list(value)
    kept: dict[Any, Any] = {}
    previous: tuple[Any, Any] | None = None
    for key, item in value.items():
        key_path = (*path, key)
        line = report.lines.get(key_path, report.line_of(*path))
        if isinstance(key, NonStringKey):
            if (line, key.raw) not in seen:
                seen.add((line, key.raw))
                report.problems.append(
                    _thousands(previous, key, item, path, line) or _non_string_key(key, key_path, line)
                )
                if path == ("tasks",):
                    report.mistyped_ids[key.raw] = line
            continue
        # A task id with an invisible character is an unknown task, whose message names it.
        if isinstance(key, str) and _INVISIBLE.search(key) and (line, key) not in seen and path != ("tasks",):
            seen.add((line, key))
            report.problems.append(Diagnostic(INVISIBLE_KEY, line, key_path, _invisible_args(key)))
        kept[key] = item
        previous = (key, item)
    return kept


def _thousands(
    previous: tuple[Any, Any] | None, key: NonStringKey, item: Any, path: DataPath, line: int
) -> Diagnostic | None:
    """`{cases: 1,860}`: YAML reads the number 1 and a key 860 with no value."""
    if previous is None or item is not None or key.tag != "int" or not re.fullmatch(r"[0-9]{3}", key.raw):
        return None
    name, number = previous
    if not isinstance(name, str) or isinstance(number, bool) or not isinstance(number, int):
        return None
    from ipr_rules.clerk import FieldPath

    args = {"field": FieldPath((*path, name)), "number": f"{number},{key.raw}", "joined": f"{number}{key.raw}"}
    return Diagnostic(THOUSANDS, line, (*path, name), args)


def _non_string_key(key: NonStringKey, path: DataPath, line: int) -> Diagnostic:
    kind = KEY_KINDS.get(key.tag, _OTHER_KIND)
    if path[:1] == ("tasks",) and len(path) == 2 and key.tag in ("float", "int"):
        suggested = as_task_id(key.raw)
        return Diagnostic(NUMERIC_TASK_ID, line, path, {"raw": key.raw, "kind": kind, "suggested": suggested})
    return Diagnostic(NON_STRING_KEY, line, path, {"raw": key.raw, "kind": kind})


def _validate(data: dict[str, Any], report: ReportDocument) -> None:
    """The report validated by the models, whole, or else part by part."""
    from pydantic import ValidationError

    from ipr_rules.model.report import Report

    try:
        whole = Report.model_validate(data)
    except ValidationError:
        _salvage(data, report)
    else:
        report.unit, report.year, report.submitted = whole.unit, whole.year, whole.submitted
        report.metrics = dict(whole.metrics)
        report.entries = {task_id: _record(entry) for task_id, entry in whole.tasks.items()}


def _record(entry: model.Entry) -> Entry:
    """A validated entry as the plain record the checks read."""
    return Entry(
        entry.status,
        list(entry.actions),
        list(entry.campaigns),
        [Output(output.title, output.date, output.kind, output.url) for output in entry.outputs],
        dict(entry.metrics),
        list(entry.evidence),
        entry.reason,
    )


def _salvage(data: dict[str, Any], report: ReportDocument) -> None:
    from pydantic import ValidationError

    from ipr_rules.model.report import Entry as EntryModel
    from ipr_rules.model.report import Envelope

    envelope_data = {
        **data,
        "tasks": data.get("tasks", {}) if isinstance(data.get("tasks"), dict) else data.get("tasks"),
    }
    if "tasks" not in data:
        envelope_data.pop("tasks")
    try:
        envelope = Envelope.model_validate(envelope_data)
        report.unit, report.year = envelope.unit, envelope.year
        report.submitted = envelope.submitted
        report.metrics = dict(envelope.metrics)
    except ValidationError as error:
        _problems(error, (), report, REPORT_FIELDS)
        unit, year = data.get("unit"), data.get("year")
        report.unit = unit.strip() if isinstance(unit, str) and unit.strip() else None
        report.year = year if isinstance(year, int) and not isinstance(year, bool) else None
    tasks = data.get("tasks")
    if not isinstance(tasks, dict):
        return
    for task_id, raw_entry in tasks.items():
        try:
            report.entries[task_id] = _record(EntryModel.model_validate(raw_entry))
        except ValidationError as error:
            report.broken_entries[task_id] = report.lines.get(("tasks", task_id), report.line)
            _problems(error, ("tasks", task_id), report, ENTRY_FIELDS)


def _problems(error: ValidationError, prefix: DataPath, report: ReportDocument, known: tuple[str, ...]) -> None:
    from ipr_rules.model.messages import message_for

    for detail in error.errors():
        location = (*prefix, *detail["loc"])
        if prefix == () and location and location[0] == "tasks" and len(location) > 1:
            continue  # entries are validated one by one, after the envelope
        if _under_existing_problem(location, report) or caused_by_typing(detail, report.problems):
            continue
        field: Any = FieldPath(location, known=detail["type"] != "extra_forbidden") if location else WHOLE_REPORT
        message, args = message_for(dict(detail), field, _fields_at(location[:-1], known, len(prefix)))
        report.problems.append(Diagnostic(message, report.line_of(*location), location, args))


def _fields_at(parent: DataPath, known: tuple[str, ...], depth: int) -> tuple[str, ...]:
    """The fields a mapping at `parent` may hold, for suggesting one in place of an unknown key."""
    if len(parent) == depth:
        return known
    if parent == ("contact",):
        return CONTACT_FIELDS
    if len(parent) == 4 and parent[0] == "tasks" and parent[2] == "outputs":
        return OUTPUT_FIELDS
    return ()


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
            report.problems.append(
                Diagnostic(
                    NO_ACTIONS,
                    report.line_of("tasks", task_id, "status"),
                    ("tasks", task_id, "actions"),
                    {"status": entry.status, "task": task_id},
                )
            )
        elif entry.status == "not_applicable" and not (entry.reason and entry.reason.strip()):
            report.problems.append(
                Diagnostic(
                    NO_REASON,
                    report.line_of("tasks", task_id, "status"),
                    ("tasks", task_id, "reason"),
                    {"task": task_id},
                )
            )
        else:
            continue
        # An entry that breaks the format carries nothing, but it is there: not missing.
        del report.entries[task_id]
        report.broken_entries[task_id] = line


def _invisible(report: ReportDocument) -> None:
    """Invisible characters in the names that are matched exactly (the unit and campaigns) and
    in actions, where they hide copied text from comparison and show as nothing (keys, task ids
    among them, are looked at while their non-string siblings are removed)."""
    if report.unit and _INVISIBLE.search(report.unit):
        args = {"field": FieldPath(("unit",)), **_invisible_args(report.unit)}
        report.problems.append(Diagnostic(INVISIBLE, report.unit_line or report.line, ("unit",), args))
    for task_id, entry in report.entries.items():
        for index, campaign in enumerate(entry.campaigns):
            if _INVISIBLE.search(campaign):
                path = ("tasks", task_id, "campaigns", index)
                args = {"field": FieldPath(path), **_invisible_args(campaign)}
                report.problems.append(Diagnostic(INVISIBLE, report.line_of(*path), path, args))
        for index, action in enumerate(entry.actions):
            if _INVISIBLE.search(action):
                path = ("tasks", task_id, "actions", index)
                field = f"tasks.{task_id}.actions[{index}]"
                args = {"field": field, **_invisible_args(action)}
                report.problems.append(Diagnostic(INVISIBLE, report.line_of(*path), path, args))


def _invisible_args(text: str) -> dict[str, Any]:
    codes = [ord(char) for char in dict.fromkeys(_INVISIBLE.findall(text))]
    names = [
        (code, INVISIBLE_NAMES.get(code, _DIRECTION if 0x202A <= code <= 0x2069 else _INVISIBLE_OTHER))
        for code in codes
    ]
    listed = Text(
        "、".join(f"U+{code:04X}（{name.zh}）" for code, name in names),
        ", ".join(f"U+{code:04X} ({name.en})" for code, name in names),
    )
    cleaned = _INVISIBLE.sub("", text).strip()
    return {"codes": listed, "cleaned": cleaned if len(cleaned) <= 40 else cleaned[:40] + "…"}
