"""`ipr-check convert SRC -o DEST`: a report from YAML to a workbook and back, without loss.

Each conversion checks itself: what it wrote is read back and must give the same data, or
nothing is written and the message names the first place that would not survive (a field a
workbook has no column for, a key YAML read as a number …). So checking either file gives the
same findings. A YAML stream of several reports becomes one workbook per report in a folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from ipr_rules.atomic_write import CANNOT_WRITE, write_atomic, write_outputs
from ipr_rules.diagnostic import Diagnostic
from ipr_rules.errors import UsageError
from ipr_rules.i18n import Lang, Localized, Text
from ipr_rules.loading.cells import cell_of
from ipr_rules.loading.limits import ReadLimits
from ipr_rules.loading.yamlpos import Document
from ipr_rules.model.ruleset import Ruleset

CANNOT_READ = Text("无法转换：{reason}", "cannot convert: {reason}")
BROKEN = Text(
    "无法转换：报告本身有格式问题（{problem}），请先用 ipr-check 检查并修正",
    "cannot convert: the report breaks the format ({problem}); check it with ipr-check and fix it first",
)
LOSSY = Text(
    "无法无损转换：“{field}”转换后会变样（{before} → {after}），请先按报告格式修正",
    "cannot convert without loss: '{field}' would change ({before} → {after}); fix it to the report format first",
)
UNKNOWN_DIRECTION = Text(
    "无法转换 {source} → {target}：只能在 .yaml/.yml 与 .xlsx 之间转换",
    "cannot convert {source} to {target}: convert between .yaml/.yml and .xlsx only",
)
SEVERAL_TO_FILE = Text(
    "{source} 含有 {count} 份报告，每份转换为一个工作簿：-o 请指定一个目录",
    "{source} holds {count} reports, one workbook each: give a folder to -o",
)
YAML_HEADER = Text(
    "# {unit} {year} 年打击侵权假冒工作年度报告（由 ipr-check convert 从 {source} 转换）\n",
    "# {unit}: {year} annual report (converted by ipr-check convert from {source})\n",
)
NOT_A_REPORT = Text("文档不是“键: 值”形式的报告", "the document is not a report of 'key: value' lines")
NO_TASKS = Text("没有 tasks（任务）映射", "there is no tasks mapping")
NOT_TEXT_KEY = Text("键 {key} 不是文字，如任务编号须加引号", "the key {key} is not text")
YAML_SUFFIXES = (".yaml", ".yml")
WORKBOOK_SUFFIXES = (".xlsx",)


def convert(source: Path, target: Path, ruleset: Ruleset, lang: Lang, limits: ReadLimits = ReadLimits()) -> list[Path]:
    """Convert and write; the files written. Raises UsageError (nothing written) when it cannot."""
    if source.suffix.lower() in YAML_SUFFIXES and (target.suffix.lower() in WORKBOOK_SUFFIXES or not target.suffix):
        return _to_workbooks(source, target, ruleset, lang, limits)
    if source.suffix.lower() in WORKBOOK_SUFFIXES and target.suffix.lower() in YAML_SUFFIXES:
        document = _read_workbook(source, limits)
        text = to_yaml(document.data, source.name, lang)
        _same(document.data, _read_yaml_text(text, str(target), limits).data, str(source), document)
        write_atomic(target, text)
        return [target]
    raise UsageError(UNKNOWN_DIRECTION, source=str(source), target=str(target))


def _to_workbooks(source: Path, target: Path, ruleset: Ruleset, lang: Lang, limits: ReadLimits) -> list[Path]:
    from ipr_rules.workbook.reader import read_workbook
    from ipr_rules.workbook.writer import write_workbook

    documents = _read_yaml(source, limits)
    into_folder = not target.suffix or target.is_dir() or len(documents) > 1
    if into_folder and target.suffix and not target.is_dir():
        raise UsageError(SEVERAL_TO_FILE, source=str(source), count=len(documents))
    planned: list[tuple[Path, bytes]] = []
    names: set[str] = set()
    for document in documents:
        if not isinstance(document.data.get("tasks"), dict):
            # A workbook always has its task sheet: a report without tasks would come back with some.
            raise UsageError(BROKEN, file=str(source), line=document.line, problem=Localized(NO_TASKS))
        data = write_workbook(ruleset, document.data, lang)
        back = read_workbook(data, limits)
        if isinstance(back, Diagnostic):
            raise UsageError(CANNOT_READ, reason=back.message.render(lang, **back.args))
        _same(document.data, back.data, str(source), document)
        planned.append((_name(target, document.data, ruleset, names) if into_folder else target, data))
    if into_folder:
        _make_folder(target)  # the folder is the output here, as for compile -o DIR
    write_outputs(planned)  # every workbook or none of them
    return [path for path, _ in planned]


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(CANNOT_WRITE, path=str(folder), reason=error.strerror or str(error)) from None


def _name(folder: Path, data: dict[str, Any], ruleset: Ruleset, taken: set[str]) -> Path:
    written = str(data.get("unit") or "report")
    unit = ruleset.registry.resolve(written)
    stem = (
        "".join("_" if char in '/\\:*?"<>|' else char for char in (unit.name if unit else written)).strip() or "report"
    )
    name, number = stem, 1
    while name in taken:
        number += 1
        name = f"{stem}-{number}"
    taken.add(name)
    return folder / f"{name}.xlsx"


def _read_yaml(source: Path, limits: ReadLimits) -> list[Document]:
    from ipr_rules.loading.decode import decode
    from ipr_rules.loading.reports import _read_bytes

    data = _read_bytes(str(source), str(source), limits)
    if isinstance(data, Diagnostic):
        raise UsageError(CANNOT_READ, reason=Localized(data.message, **data.args))
    decoded = decode(data)
    if isinstance(decoded, Diagnostic):
        reason = Localized(decoded.message, **decoded.args)
        raise UsageError(CANNOT_READ, file=str(source), line=decoded.line, reason=reason)
    return _documents(decoded.text, str(source), limits)


def _read_yaml_text(text: str, name: str, limits: ReadLimits) -> Document:
    return _documents(text, name, limits)[0]


def _documents(text: str, name: str, limits: ReadLimits) -> list[Document]:
    from ipr_rules.loading.yamlpos import is_syntax_error
    from ipr_rules.loading.yamlstream import read_stream

    documents: list[Document] = []
    for item in read_stream(text, limits.yaml):
        if isinstance(item, Diagnostic):
            # A syntax error in the parser's own words; a limit reached in ours.
            problem = item.args["problem"] if is_syntax_error(item) else Localized(item.message, **item.args)
            raise UsageError(BROKEN, file=name, line=item.line, problem=problem)
        if item.problems:
            problem = item.problems[0]
            raise UsageError(BROKEN, file=name, line=problem.line, problem=Localized(problem.message, **problem.args))
        if item.odd_keys:
            key = item.odd_keys[0]
            raise UsageError(BROKEN, file=name, line=item.lines.get(key), problem=Localized(NOT_TEXT_KEY, key=key[-1]))
        if item.data is not None and not isinstance(item.data, dict):
            raise UsageError(BROKEN, file=name, line=item.line, problem=Localized(NOT_A_REPORT))
        if item.data is not None:
            documents.append(item)
    if not documents:
        raise UsageError(BROKEN, file=name, line=None, problem="—")
    return documents


def _read_workbook(source: Path, limits: ReadLimits) -> Document:
    from ipr_rules.loading.reports import _read_bytes
    from ipr_rules.workbook.reader import read_workbook

    data = _read_bytes(str(source), str(source), limits)
    if isinstance(data, Diagnostic):
        raise UsageError(CANNOT_READ, reason=Localized(data.message, **data.args))
    document = read_workbook(data, limits)
    if isinstance(document, Diagnostic):
        raise UsageError(CANNOT_READ, file=str(source), reason=Localized(document.message, **document.args))
    if document.problems:
        problem = document.problems[0]
        where = f"{source}:{cell_of(problem.line) or problem.line}"
        raise UsageError(BROKEN, file=where, problem=Localized(problem.message, **problem.args))
    return document


class _TaskId(str):
    """A task id, written quoted as the template writes it (`"1-1":`)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_TaskId, lambda dumper, value: dumper.represent_scalar(_STR_TAG, str(value), style='"'))
_STR_TAG = "tag:yaml.org,2002:str"


def to_yaml(data: dict[str, Any], source: str, lang: Lang) -> str:
    header = YAML_HEADER.render(lang, unit=data.get("unit", ""), year=data.get("year", ""), source=source)
    tasks = data.get("tasks")
    if isinstance(tasks, dict):
        data = {**data, "tasks": {_TaskId(key): entry for key, entry in tasks.items()}}
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=4096)
    return header + body


def _same(before: Any, after: Any, source: str, document: Document, path: tuple[Any, ...] = ()) -> None:
    """`after` (read back) must be `before`; the first difference is refused with its place."""
    if _plain(before) == _plain(after):
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in list(before) + [key for key in after if key not in before]:
            _same(before.get(key), after.get(key), source, document, (*path, key))
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for index, (one, other) in enumerate(zip(before, after, strict=True)):
            _same(one, other, source, document, (*path, index))
    line = document.lines.get(path, document.line)
    where = cell_of(line) or line
    field = ".".join(str(part) for part in path) or "—"
    raise UsageError(LOSSY, file=f"{source}:{where}", field=field, before=_shown(before), after=_shown(after))


def _plain(value: Any) -> Any:
    """Values as a report means them: text without its surrounding spaces, a datetime's date,
    and an empty text, list or mapping the same as none (a workbook leaves such a cell empty)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    if isinstance(value, dict):
        kept = {str(key): _plain(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item is not None} or None
    if isinstance(value, list):
        return [_plain(item) for item in value] or None
    return value


def _shown(value: Any) -> str:
    text = "（无）" if value is None else value if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:40] + "…"
