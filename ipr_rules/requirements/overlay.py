"""The office's hand-kept adjustments to derived requirements (`requirements.yaml`).

Three lists: `add` a requirement the text does not yield, `change` the severity (or who it
applies to) of one, `drop` one. Every item gives its reason. The overlay is applied when the
ruleset is loaded and is checked by `validate-ruleset` like the rest of the ruleset. Pure data
and functions: reading the file is the ruleset loader's (`ipr_rules.ruleset.loader`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any, Literal

from ipr_rules.errors import RulesetError
from ipr_rules.i18n import Text
from ipr_rules.model.ruleset import CompiledPlan, Requirement
from ipr_rules.records import record

Severity = Literal["error", "warning", "info"]
AppliesTo = Literal["lead", "named", "carriers"]
_STRICT: Any = {"extra": "forbid"}

UNKNOWN_TASK = Text("要求调整引用了不存在的任务“{task}”", "the overlay refers to task '{task}', which does not exist")
UNKNOWN_REQUIREMENT = Text(
    "要求调整引用了不存在的要求“{requirement}”（可用 ipr-check explain 查看任务的要求）",
    "the overlay refers to requirement '{requirement}', which does not exist (ipr-check explain lists a task's requirements)",
)
DUPLICATE_REQUIREMENT = Text("要求“{requirement}”已存在，不能重复增加", "requirement '{requirement}' already exists")
NO_REASON = Text("每项调整都必须写明理由（reason）", "every adjustment needs a reason")
BAD_GRACE = Text(
    "grace_months 应为 0 到 12 之间的整数，实为 {value}",
    "grace_months must be a whole number from 0 to 12, not {value}",
)
BAD_SCHEMA = Text(
    "要求的 schema 不是有效的 cerberus 规则：{problem}",
    "the requirement's schema is not a valid cerberus rule set: {problem}",
)


@record
class AddRequirement:
    __pydantic_config__ = _STRICT
    task: str
    id: str
    kind: str
    source: str
    applies_to: AppliesTo
    schema: dict[str, Any]
    reason: str
    severity: Severity = "warning"
    description: str = ""


@record
class ChangeRequirement:
    __pydantic_config__ = _STRICT
    requirement: str
    reason: str
    severity: Severity | None = None
    applies_to: AppliesTo | None = None
    # Months after a period's (or the year's) end during which a dated output still counts.
    grace_months: int | None = None


@record
class DropRequirement:
    __pydantic_config__ = _STRICT
    requirement: str
    reason: str


@record
class Overlay:
    __pydantic_config__ = _STRICT
    add: tuple[AddRequirement, ...] = ()
    change: tuple[ChangeRequirement, ...] = ()
    drop: tuple[DropRequirement, ...] = ()


def overlay_from_data(data: Any) -> Overlay:
    """Trusted construction (bundled data, or data the loader has validated)."""
    data = data or {}
    return Overlay(
        add=tuple(AddRequirement(**item) for item in data.get("add") or ()),
        change=tuple(ChangeRequirement(**item) for item in data.get("change") or ()),
        drop=tuple(DropRequirement(**item) for item in data.get("drop") or ()),
    )


def problems(overlay: Overlay, plan: CompiledPlan) -> Iterator[tuple[tuple[Any, ...], Text, dict[str, Any]]]:
    """Referential and schema problems: (data path, message, arguments)."""
    task_ids = {task.id for task in plan.tasks}
    existing = {requirement.id for task in plan.tasks for requirement in task.requirements}
    for index, item in enumerate(overlay.add):
        full_id = f"{item.task}/{item.id}"
        if item.task not in task_ids:
            yield ("add", index, "task"), UNKNOWN_TASK, {"task": item.task}
        elif full_id in existing:
            yield ("add", index, "id"), DUPLICATE_REQUIREMENT, {"requirement": full_id}
        existing.add(full_id)
        from ipr_rules.requirements.validator import schema_problem  # cerberus, only when adding

        if problem := schema_problem(item.schema):
            yield ("add", index, "schema"), BAD_SCHEMA, {"problem": problem}
    for index, added in enumerate(overlay.add):
        if not added.reason.strip():
            yield ("add", index, "reason"), NO_REASON, {}
    adjustments: tuple[tuple[str, tuple[ChangeRequirement | DropRequirement, ...]], ...] = (
        ("change", overlay.change),
        ("drop", overlay.drop),
    )
    for index, change in enumerate(overlay.change):
        if change.grace_months is not None and not 0 <= change.grace_months <= 12:
            yield ("change", index, "grace_months"), BAD_GRACE, {"value": change.grace_months}
    for section, items in adjustments:
        for index, adjustment in enumerate(items):
            if not adjustment.reason.strip():
                yield (section, index, "reason"), NO_REASON, {}
            if adjustment.requirement not in existing:
                args = {"requirement": adjustment.requirement}
                yield (section, index, "requirement"), UNKNOWN_REQUIREMENT, args


def apply_overlay(plan: CompiledPlan, overlay: Overlay) -> CompiledPlan:
    first = next(problems(overlay, plan), None)
    if first is not None:
        _, message, args = first
        raise RulesetError(message, **args)
    dropped = {item.requirement for item in overlay.drop}
    changes = {item.requirement: item for item in overlay.change}
    tasks = []
    for task in plan.tasks:
        kept = [_changed(r, changes.get(r.id)) for r in task.requirements if r.id not in dropped]
        kept += [_added(item) for item in overlay.add if item.task == task.id]
        tasks.append(replace(task, requirements=tuple(kept)) if kept != list(task.requirements) else task)
    return replace(plan, tasks=tuple(tasks))


def _changed(requirement: Requirement, change: ChangeRequirement | None) -> Requirement:
    if change is None:
        return requirement
    return replace(
        requirement,
        severity=change.severity or requirement.severity,
        applies_to=change.applies_to or requirement.applies_to,
        schema=_with_grace(requirement.schema, change.grace_months),
        origin="overlay",
        reason=change.reason,
    )


GRACE_RULES = ("covers_periods", "min_outputs_of_kind", "min_dated_outputs")


def _with_grace(schema: dict[str, Any], grace_months: int | None) -> dict[str, Any]:
    """The schema with every dated-output rule given the overlay's grace."""
    if grace_months is None:
        return schema
    changed: dict[str, Any] = {}
    for field, rules in schema.items():
        if isinstance(rules, dict):
            rules = {
                name: {**spec, "grace_months": grace_months} if name in GRACE_RULES and isinstance(spec, dict) else spec
                for name, spec in rules.items()
            }
        changed[field] = rules
    return changed


def _added(item: AddRequirement) -> Requirement:
    return Requirement(
        id=f"{item.task}/{item.id}",
        kind=item.kind,
        source=item.source,
        applies_to=item.applies_to,
        schema=item.schema,
        severity=item.severity,
        description=item.description,
        origin="overlay",
        reason=item.reason,
    )
