"""Run a task's requirements on one report entry and say what is missing.

Cerberus runs only here, on entries of tasks that carry requirements and only for the units a
requirement applies to, so the per-report hot path never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ipr_rules.findings import pack
from ipr_rules.i18n import Names, Text
from ipr_rules.model.report import ENTRY_FIELDS, Entry
from ipr_rules.model.ruleset import Requirement, Task
from ipr_rules.requirements.validator import RequirementValidator

KIND_NAMES: dict[str, Text] = {
    "publication": Text("公开发布", "publication"),
    "standard": Text("标准", "standard"),
    "regulation": Text("制度规定", "regulation"),
    "event": Text("会议或活动", "event"),
    "survey": Text("调查", "survey"),
    "other": Text("其他产出", "other output"),
}
OR = Text("或", " or ")
ANY_OUTPUT = Text("产出", "output")
PERIOD_NAMES: dict[str, tuple[Text, ...]] = {
    "half": (
        Text("上半年（1–6 月）", "the first half (January–June)"),
        Text("下半年（7–12 月）", "the second half (July–December)"),
    ),
    "quarter": (
        Text("第一季度", "the first quarter"),
        Text("第二季度", "the second quarter"),
        Text("第三季度", "the third quarter"),
        Text("第四季度", "the fourth quarter"),
    ),
}
FEW_OUTPUTS = Text(
    "任务 {task} 要求“{source}”，但 outputs 中的{kinds}只有 {found} 项（至少应有 {count} 项）",
    "task {task} asks for '{source}', but outputs hold {found} {kinds} (at least {count} needed)",
)
PERIOD_MISSING = Text(
    "任务 {task} 要求“{source}”，但 outputs 中缺少{periods}注明日期的{kinds}",
    "task {task} asks for '{source}', but outputs hold no dated {kinds} in {periods}",
)
FEW_DATES = Text(
    "任务 {task} 要求“{source}”，但 outputs 中注明日期的{kinds}只有 {found} 个不同日期（至少应有 {count} 个）",
    "task {task} asks for '{source}', but outputs hold {kinds} on only {found} different date(s) (at least {count} needed)",
)
CAMPAIGN_MISSING = Text(
    "任务 {task} 点名了“{campaign}”专项行动，但条目既未在 campaigns 中列出，也未在 actions 中提及",
    "task {task} names the campaign '{campaign}', but the entry neither lists it under campaigns nor mentions it",
)
OTHER = Text(
    "任务 {task} 要求“{source}”，本条目未满足：{detail}",
    "task {task} asks for '{source}'; the entry does not meet it: {detail}",
)

# A requirement's validator and the fields of an entry its rules read, by requirement id.
Validators = dict[str, tuple[RequirementValidator, tuple[str, ...]]]
# Read by rules beside their own field (mentions_campaign looks in the actions, a rule may
# depend on the status).
_ALWAYS_READ = frozenset({"actions", "status"})


@dataclass(frozen=True, slots=True)
class Unmet:
    requirement: Requirement
    message: Text
    args: tuple[Any, ...]


def applies(requirement: Requirement, task: Task, unit: str) -> bool:
    role = task.role_of(unit)
    if requirement.applies_to == "lead":
        return role == "lead"
    if requirement.applies_to == "named":
        return role is not None
    return True


def unmet_requirements(
    task: Task, unit: str, entry: Entry, year: int, validators: Validators, *, campaigns: bool
) -> list[Unmet]:
    """Requirements of `task` that apply to `unit` and that `entry` fails: the campaign
    requirements when `campaigns`, the others otherwise. `validators`: the run's own, filled as
    requirements are met (a validator keeps the state of its last validation: never share one
    between threads)."""
    wanted = [r for r in task.requirements if (r.kind == "campaign") == campaigns and applies(r, task, unit)]
    if not wanted:
        return []
    document = entry_document(entry)
    result = []
    for requirement in wanted:
        validator, fields = _validator(requirement, year, validators)
        if validator.validate({name: document[name] for name in fields}):
            continue
        for rule, detail in validator.unmet or [("", {"detail": str(validator.errors)})]:
            message, args = _message(task, requirement, rule, detail)
            result.append(Unmet(requirement, message, pack(args)))
    return result


def entry_document(entry: Entry) -> dict[str, Any]:
    """The entry as the plain mapping requirement schemas are written over."""
    return {
        "status": entry.status,
        "actions": list(entry.actions),
        "campaigns": list(entry.campaigns),
        "outputs": [{"title": o.title, "date": o.date, "kind": o.kind, "url": o.url} for o in entry.outputs],
        "metrics": dict(entry.metrics),
        "evidence": list(entry.evidence),
        "reason": entry.reason,
    }


def _validator(
    requirement: Requirement, year: int, validators: Validators
) -> tuple[RequirementValidator, tuple[str, ...]]:
    """One validator per requirement, reused (building one parses its schema), and the fields of
    an entry its rules read: it is given those alone, which it checks faster."""
    built = validators.get(requirement.id)
    if built is None:
        fields = tuple(name for name in ENTRY_FIELDS if name in requirement.schema or name in _ALWAYS_READ)
        built = validators[requirement.id] = (RequirementValidator(requirement.schema, year=year), fields)
    return built


def _message(task: Task, requirement: Requirement, rule: str, detail: dict[str, Any]) -> tuple[Text, dict[str, Any]]:
    base = {"task": task.id, "source": requirement.source}
    if rule == "mentions_campaign":
        return CAMPAIGN_MISSING, {"task": task.id, "campaign": detail["name"]}
    if rule == "min_outputs_of_kind":
        return FEW_OUTPUTS, {
            **base,
            "kinds": _kinds(detail["kinds"]),
            "found": detail["found"],
            "count": detail["count"],
        }
    if rule == "covers_periods":
        names = PERIOD_NAMES[detail["periods"]]
        periods = Names([names[index] for index in detail["missing"]], OR)
        return PERIOD_MISSING, {**base, "periods": periods, "kinds": _kinds(detail.get("kinds"))}
    if rule == "min_dated_outputs":
        return FEW_DATES, {
            **base,
            "kinds": _kinds(detail.get("kinds")),
            "found": detail["found"],
            "count": detail["count"],
        }
    return OTHER, {**base, "detail": detail.get("detail", "")}


def _kinds(kinds: list[str] | None) -> Text | Names:
    """The kinds an output may be of, as a message argument (any output when none is named)."""
    if not kinds:
        return ANY_OUTPUT
    return Names([KIND_NAMES.get(kind, Text(kind, kind)) for kind in kinds], OR)
