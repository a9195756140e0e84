"""The office's exemptions (SPEC §6): `exemptions.yaml` in the ruleset directory, or `--exemptions FILE`.

An exemption is the office's verdict that a unit need not answer for a task (for some kinds of
finding, or all). The file is hand-kept like `units.yaml`, validated with unknown fields
forbidden, and every problem is reported at its file:line. Reading never raises: it returns the
exemptions it could resolve and the problems it found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipr_rules.i18n import Text
from ipr_rules.model.exemption import OWN_KINDS, Exemption

if TYPE_CHECKING:
    from ipr_rules.diagnostic import Diagnostic
    from ipr_rules.model.ruleset import CompiledPlan, UnitRegistry
    from ipr_rules.ruleset.exemptions_model import ExemptionEntry
    from ipr_rules.ruleset.files import CheckedFile

EXEMPTIONS_FILE = "exemptions.yaml"


UNKNOWN_UNIT = Text("豁免中的单位“{unit}”不在成员单位名录中", "the exemption's unit '{unit}' is not a member unit")
UNKNOWN_TASK = Text("豁免引用了不存在的任务“{task}”", "the exemption refers to task '{task}', which does not exist")
NOT_NAMED = Text(
    "任务 {task} 没有点名“{unit}”，无需豁免（未点名单位的 not_applicable 本来就不报告）",
    "task {task} does not name '{unit}'; there is nothing to exempt",
)
UNKNOWN_KIND = Text(
    "豁免引用了不存在的检查类型“{kind}”（见 ipr-check rules）",
    "no finding kind is called '{kind}' (see ipr-check rules)",
)
OWN_KIND = Text(
    "“{kind}”是关于豁免本身的提示，不能被豁免", "'{kind}' is about exemptions themselves and cannot be waived"
)
NO_TASK = Text("豁免须写明 task 或 tasks", "an exemption needs task or tasks")
BOTH_TASKS = Text("task 与 tasks 只能写一个", "give task or tasks, not both")
EXPIRES_EARLY = Text(
    "失效日期 {expires} 早于批准日期 {approved}", "expires ({expires}) is before approved_on ({approved})"
)


def read_exemptions(
    path: Path, plan: CompiledPlan | None, registry: UnitRegistry | None
) -> tuple[tuple[Exemption, ...], list[Diagnostic]]:
    """The file's exemptions resolved against the plan and units (when given), and its problems."""
    from ipr_rules.ruleset.files import read_checked

    return exemptions_from_checked(read_checked(path), plan, registry)


def exemptions_from_checked(
    checked: CheckedFile, plan: CompiledPlan | None, registry: UnitRegistry | None
) -> tuple[tuple[Exemption, ...], list[Diagnostic]]:
    """The exemptions of a file read once (see `files.read_ruleset_files`), and its problems."""
    from ipr_rules.diagnostic import Diagnostic
    from ipr_rules.ruleset.exemptions_model import ExemptionsFile
    from ipr_rules.ruleset.files import field_path
    from ipr_rules.ruleset.schema import validate_as

    path = checked.path
    if checked.data is None and not checked.problems:
        return (), []  # an empty file exempts nothing
    parsed: ExemptionsFile | None = validate_as(checked, ExemptionsFile)
    problems = list(checked.problems)
    entries = list(enumerate(parsed.exemptions)) if parsed is not None else _valid_entries(checked.data)
    resolved: list[Exemption] = []
    for index, entry in entries:
        found = [
            Diagnostic(
                message,
                checked.line(("exemptions", index, *where)),
                args=args,
                file=str(path),
                field=field_path(("exemptions", index, *where)),
            )
            for where, message, args in _entry_problems(entry, plan, registry)
        ]
        problems += found
        if not found and getattr(entry, "valid", True):
            resolved.append(_resolve(entry, registry, shown_path(path), checked.line(("exemptions", index)) or 1))
    return tuple(resolved), problems


def _valid_entries(data: Any) -> list[tuple[int, Any]]:
    """When the file as a whole is not valid, each entry's references are still checked, as far
    as its fields have the right types, so that one run reports every problem. Entries that did
    not validate are checked but never used."""
    from types import SimpleNamespace

    items = data.get("exemptions") if isinstance(data, dict) else None
    entries = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        texts = {name: item.get(name) if isinstance(item.get(name), str) else None for name in ("unit", "task")}
        lists = {name: _texts(item.get(name)) for name in ("tasks", "kinds")}
        dates = {
            name: item.get(name) if isinstance(item.get(name), dt.date) else None for name in ("approved_on", "expires")
        }
        entries.append((index, SimpleNamespace(**texts, **lists, **dates, valid=False)))
    return entries


def _texts(value: Any) -> list[str] | None:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else None


def _entry_problems(
    entry: ExemptionEntry, plan: CompiledPlan | None, registry: UnitRegistry | None
) -> Iterable[tuple[tuple[Any, ...], Text, dict[str, Any]]]:
    from ipr_rules.checks import KINDS

    unit = registry.resolve(entry.unit) if registry is not None and entry.unit is not None else None
    if registry is not None and entry.unit is not None and unit is None:
        yield ("unit",), UNKNOWN_UNIT, {"unit": entry.unit}
    if entry.task is None and entry.tasks is None:
        yield (), NO_TASK, {}
    if entry.task is not None and entry.tasks is not None:
        yield ("tasks",), BOTH_TASKS, {}
    tasks = {task.id: task for task in plan.tasks} if plan is not None else None
    listed: list[tuple[tuple[Any, ...], str]] = [(("task",), entry.task)] if entry.task is not None else []
    listed += [(("tasks", position), task_id) for position, task_id in enumerate(entry.tasks or ())]
    for where, task_id in listed:
        task = tasks.get(task_id) if tasks is not None else None
        if tasks is not None and task is None:
            yield where, UNKNOWN_TASK, {"task": task_id}
        elif task is not None and unit is not None and task.role_of(unit.name) is None:
            yield where, NOT_NAMED, {"task": task_id, "unit": unit.name}
    for position, kind in enumerate(entry.kinds or ()):
        if kind in OWN_KINDS:
            yield ("kinds", position), OWN_KIND, {"kind": kind}
        elif kind not in KINDS:
            yield ("kinds", position), UNKNOWN_KIND, {"kind": kind}
    if entry.expires is not None and entry.approved_on is not None and entry.expires < entry.approved_on:
        yield (
            ("expires",),
            EXPIRES_EARLY,
            {"expires": entry.expires.isoformat(), "approved": entry.approved_on.isoformat()},
        )


def shown_path(path: Path) -> str:
    """The file as findings name it: relative to the working directory when it lies inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


def trusted_exemptions(path: Path, registry: UnitRegistry) -> tuple[Exemption, ...]:
    """The exemptions of a file shipped with the package (validated by its tests and CI), read
    without pydantic so that the commands that never check start fast."""
    from types import SimpleNamespace

    from ipr_rules.ruleset.files import read_checked

    checked = read_checked(path)
    items = (checked.data or {}).get("exemptions") or [] if isinstance(checked.data, dict) else []
    return tuple(
        _resolve(
            SimpleNamespace(**{**_DEFAULTS, **item}),  # type: ignore[arg-type]
            registry,
            shown_path(path),
            checked.line(("exemptions", index)) or 1,
        )
        for index, item in enumerate(items)
    )


_DEFAULTS: dict[str, Any] = {"task": None, "tasks": None, "kinds": None, "document": None, "expires": None}


def _resolve(entry: ExemptionEntry, registry: UnitRegistry | None, file: str, line: int) -> Exemption:
    unit = registry.resolve(entry.unit) if registry is not None else None
    return Exemption(
        unit=unit.name if unit is not None else entry.unit,
        tasks=tuple(entry.tasks or ()) if entry.task is None else (entry.task,),
        kinds=frozenset(entry.kinds) if entry.kinds is not None else None,
        reason=entry.reason,
        approved_by=entry.approved_by,
        approved_on=entry.approved_on,
        document=entry.document,
        expires=entry.expires,
        file=file,
        line=line,
    )
