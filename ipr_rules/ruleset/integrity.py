"""Referential integrity of a ruleset's records: ids, items, sections, units, aliases, and
the hand-kept files checked against the compiled plan. Each problem at its file:line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import ROLE_LABELS, Text
from ipr_rules.model.ruleset import CompiledPlan, Task, UnitsFile
from ipr_rules.requirements.overlay import Overlay, problems
from ipr_rules.ruleset.files import CheckedFile, field_path
from ipr_rules.ruleset.schema import validate_as

TASK_ID = re.compile(r"^[1-9][0-9]*-[1-9][0-9]*$")

BAD_ID = Text(
    "任务编号“{id}”格式不对，应为“项-序”，如 “1-1”", "task id '{id}' is not of the form 'item-position' such as '1-1'"
)
DUPLICATE_ID = Text("任务编号“{id}”重复（另见第 {other} 行）", "task id '{id}' appears twice (see also line {other})")
ID_MISMATCH = Text("任务编号“{id}”与所在事项（第 {item} 项）不符", "task id '{id}' does not match its item ({item})")
UNKNOWN_ITEM = Text("引用了不存在的事项 {item}", "refers to item {item}, which does not exist")
UNKNOWN_SECTION = Text("引用了不存在的部分 {section}", "refers to section {section}, which does not exist")
UNREGISTERED = Text(
    "单位“{unit}”不在 units.yaml 的名录中（须使用规范名称）", "unit '{unit}' is not a canonical name in units.yaml"
)
TWO_ROLES = Text(
    "单位“{unit}”在同一任务中既是{first}又是{second}", "unit '{unit}' is both {first} and {second} on one task"
)
NAMED_TWICE = Text("单位“{unit}”在同一任务中出现了两次", "unit '{unit}' is listed twice on one task")
AMBIGUOUS_ALIAS = Text(
    "名称“{name}”同时指向“{first}”和“{second}”，别名必须唯一",
    "the name '{name}' denotes both '{first}' and '{second}'; aliases must be unique",
)
REQUIREMENT_TASK = Text(
    "要求“{requirement}”不属于任务 {task}（编号应以“{task}/”开头）",
    "requirement '{requirement}' does not belong to task {task} (its id must start with '{task}/')",
)
DUPLICATE_REQUIREMENT = Text("要求编号“{requirement}”重复", "requirement id '{requirement}' appears twice")
BAD_REQUIREMENT_SCHEMA = Text(
    "要求的 schema 不是有效的 cerberus 规则：{problem}",
    "the requirement's schema is not a valid cerberus rule set: {problem}",
)
NOT_A_MAPPING = Text("应为一个映射（键: 值），或留空", "should be a mapping (key: value), or empty")


def overlay_problems(checked: CheckedFile, plan: CompiledPlan | None) -> tuple[Overlay | None, list[Diagnostic]]:
    """The overlay file validated, and its problems; checked against `plan` when there is one."""
    if checked.data is None and not checked.problems:
        return Overlay(), []  # an empty overlay adjusts nothing
    overlay: Overlay | None = validate_as(checked, Overlay)
    found = list(checked.problems)
    if overlay is not None and plan is not None:
        for data_path, message, args in problems(overlay, plan):
            found.append(
                Diagnostic(
                    message, checked.line(data_path), args=args, file=str(checked.path), field=field_path(data_path)
                )
            )
    return overlay, found


def mapping_problems(checked: CheckedFile) -> list[Diagnostic]:
    """What every optional file must be before its own reader sees it: readable YAML, a mapping."""
    found = list(checked.problems)
    if not found and checked.data is not None and not isinstance(checked.data, dict):
        found.append(Diagnostic(NOT_A_MAPPING, 1, file=str(checked.path)))
    return found


def task_problems(checked: CheckedFile, plan: CompiledPlan, units: UnitsFile | None) -> Iterator[Diagnostic]:
    shown = str(checked.path)
    items = {item.number for item in plan.items}
    sections = {section.number for section in plan.sections}
    canonical = {unit.name for unit in units.units} if units else None
    seen: dict[str, int] = {}
    for index, item in enumerate(plan.items):
        if item.section not in sections:
            yield Diagnostic(
                UNKNOWN_SECTION,
                checked.line(("items", index, "section")),
                args={"section": item.section},
                file=shown,
                field=f"items[{index}].section",
            )
    for index, task in enumerate(plan.tasks):
        where = ("tasks", index)

        def problem(
            suffix: tuple[object, ...], name: str, message: Text, *, at: tuple[object, ...] = where, **args: object
        ) -> Diagnostic:
            return Diagnostic(
                message, checked.line((*at, *suffix)), args=args, file=shown, field=f"tasks[{at[1]}]{name}"
            )

        if not TASK_ID.match(task.id):
            yield problem(("id",), ".id", BAD_ID, id=task.id)
        elif task.id.split("-")[0] != str(task.item):
            yield problem(("id",), ".id", ID_MISMATCH, id=task.id, item=task.item)
        if task.id in seen:
            yield problem(("id",), ".id", DUPLICATE_ID, id=task.id, other=seen[task.id])
        seen.setdefault(task.id, checked.line((*where, "id")) or 0)
        if task.item not in items:
            yield problem(("item",), ".item", UNKNOWN_ITEM, item=task.item)
        yield from _requirement_problems(task, index, problem)
        roles: dict[str, str] = {}
        for position, assignee in enumerate(task.assignees):
            suffix = ("assignees", position, "unit")
            name = f".assignees[{position}].unit"
            if canonical is not None and assignee.unit not in canonical:
                yield problem(suffix, name, UNREGISTERED, unit=assignee.unit)
            if assignee.unit in roles:
                first = roles[assignee.unit]
                if first != assignee.role:
                    yield problem(
                        suffix,
                        name,
                        TWO_ROLES,
                        unit=assignee.unit,
                        first=ROLE_LABELS[first],
                        second=ROLE_LABELS[assignee.role],
                    )
                else:
                    yield problem(suffix, name, NAMED_TWICE, unit=assignee.unit)
            roles.setdefault(assignee.unit, assignee.role)


def _requirement_problems(task: Task, index: int, problem: Any) -> Iterator[Diagnostic]:
    from ipr_rules.requirements.validator import schema_problem

    seen: set[str] = set()
    for position, requirement in enumerate(task.requirements):
        where = ("requirements", position)
        name = f".requirements[{position}]"
        if not requirement.id.startswith(f"{task.id}/"):
            yield problem((*where, "id"), f"{name}.id", REQUIREMENT_TASK, requirement=requirement.id, task=task.id)
        if requirement.id in seen:
            yield problem((*where, "id"), f"{name}.id", DUPLICATE_REQUIREMENT, requirement=requirement.id)
        seen.add(requirement.id)
        if reason := schema_problem(requirement.schema):
            yield problem((*where, "schema"), f"{name}.schema", BAD_REQUIREMENT_SCHEMA, problem=reason)


def alias_problems(checked: CheckedFile, units: UnitsFile) -> Iterator[Diagnostic]:
    owner: dict[str, str] = {}
    for index, unit in enumerate(units.units):
        names: list[tuple[str | tuple[str, int], str]] = [("name", unit.name), ("full_name", unit.full_name)]
        names += [(("aliases", position), alias) for position, alias in enumerate(unit.aliases)]
        for key, name in names:
            data_path = ("units", index, *(key if isinstance(key, tuple) else (key,)))
            if name in owner and owner[name] != unit.name:
                yield Diagnostic(
                    AMBIGUOUS_ALIAS,
                    checked.line(data_path),
                    args={"name": name, "first": owner[name], "second": unit.name},
                    file=str(checked.path),
                    field=_dotted(data_path),
                )
                continue
            owner.setdefault(name, unit.name)


def _dotted(data_path: tuple[object, ...]) -> str:
    return field_path(tuple(data_path))
