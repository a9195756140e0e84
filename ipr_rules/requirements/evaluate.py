"""Run a task's requirements on one report entry and say what is missing.

Cerberus runs only here, on entries of tasks that carry requirements and only for the units a
requirement applies to, so the per-report hot path never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ipr_rules.findings import pack
from ipr_rules.i18n import Localized, Names, Text
from ipr_rules.model.entry import ENTRY_FIELDS, Entry
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
    "half": (Text("上半年", "the first half"), Text("下半年", "the second half")),
    "quarter": (
        Text("第一季度", "the first quarter"),
        Text("第二季度", "the second quarter"),
        Text("第三季度", "the third quarter"),
        Text("第四季度", "the fourth quarter"),
    ),
}
AND = Text("和", " and ")
PERIOD_WINDOW = Text("{period}（{start} 至 {end}）", "{period} ({start} to {end})")
FEW_OUTPUTS = Text(
    "任务 {task} 要求“{source}”，但 outputs 中本年度注明日期的{kinds}只有 {found} 项（至少应有 {count} 项）{notes}",
    "task {task} asks for '{source}', but outputs hold {found} {kinds} dated in the year (at least {count} needed){notes}",
)
PERIOD_MISSING = Text(
    "任务 {task} 要求“{source}”，但 outputs 中缺少{periods}注明日期的{kinds}（日期在括号内时段之间的才计入，"
    "一项产出只计入一个时段）{notes}",
    "task {task} asks for '{source}', but outputs hold no {kinds} dated for {periods} (only dates inside the "
    "bracketed span count, and one output serves one period){notes}",
)
FEW_DATES = Text(
    "任务 {task} 要求“{source}”，但 outputs 中本年度注明日期的{kinds}只有 {found} 个不同日期（至少应有 {count} 个）{notes}",
    "task {task} asks for '{source}', but outputs hold {kinds} on only {found} different date(s) in the year (at "
    "least {count} needed){notes}",
)
UNDATED = Text(
    "；有 {count} 项未注明日期，不计入，请补上日期", "; {count} have no date and count for nothing: add the date"
)
UNFIT = Text(
    "；“{titles}”的标题未写明要点所要求的文件（应称{heads}等，并写明{words}之一），不计入",
    "; '{titles}' does not name in its title what the plan asks for (a {heads} or the like, about one of {words}) "
    "and does not count",
)
NO_NOTES = Text("", "")
CAMPAIGN_MISSING = Text(
    "任务 {task} 点名了“{campaign}”专项行动，但条目既未在 campaigns 中列出，也未在 actions 中提及",
    "task {task} names the campaign '{campaign}', but the entry neither lists it under campaigns nor mentions it",
)
CAMPAIGN_NEGATED = Text(
    "任务 {task} 点名了“{campaign}”专项行动，但条目写明未开展或未参加该行动，不算报告了该行动",
    "task {task} names the campaign '{campaign}', but the entry says it was not carried out or joined, "
    "which does not report it",
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
    task: Task, unit: str, entry: Entry, year: int, *, campaigns: bool, validators: Validators | None = None
) -> list[Unmet]:
    """Requirements of `task` that apply to `unit` and that `entry` fails: the campaign
    requirements when `campaigns`, the others otherwise. `validators`: the run's own, filled as
    requirements are met (a validator keeps the state of its last validation: never share one
    between threads); none given, this call builds its own."""
    if validators is None:
        validators = {}
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
        if detail.get("negated"):
            return CAMPAIGN_NEGATED, {"task": task.id, "campaign": detail["name"]}
        return CAMPAIGN_MISSING, {"task": task.id, "campaign": detail["name"]}
    if rule == "min_outputs_of_kind":
        return FEW_OUTPUTS, {
            **base,
            "kinds": _kinds(detail["kinds"]),
            "found": detail["found"],
            "count": detail["count"],
            "notes": _notes(detail),
        }
    if rule == "covers_periods":
        names = PERIOD_NAMES[detail["periods"]]
        periods = Names(
            [
                Localized(PERIOD_WINDOW, period=names[index], start=start.isoformat(), end=end.isoformat())
                for index, (start, end) in zip(detail["missing"], detail["windows"], strict=True)
            ],
            AND,
        )
        return PERIOD_MISSING, {
            **base,
            "periods": periods,
            "kinds": _kinds(detail.get("kinds")),
            "notes": _notes(detail),
        }
    if rule == "min_dated_outputs":
        return FEW_DATES, {
            **base,
            "kinds": _kinds(detail.get("kinds")),
            "found": detail["found"],
            "count": detail["count"],
            "notes": _notes(detail),
        }
    return OTHER, {**base, "detail": detail.get("detail", "")}


def _notes(detail: dict[str, Any]) -> Names:
    """Why outputs the unit gave did not count: no date, or a title that names something else."""
    notes: list[str | Text | Localized] = []
    if detail.get("unfit"):
        notes.append(
            Localized(
                UNFIT,
                titles="”“".join(detail["unfit"]),
                heads=Names(list(detail.get("heads") or ())[:4]),
                words=Names(detail.get("words") or ()),
            )
        )
    if detail.get("undated"):
        notes.append(Localized(UNDATED, count=detail["undated"]))
    return Names(notes or [NO_NOTES], Text("", ""))


def _kinds(kinds: list[str] | None) -> Text | Names:
    """The kinds an output may be of, as a message argument (any output when none is named)."""
    if not kinds:
        return ANY_OUTPUT
    return Names([KIND_NAMES.get(kind, Text(kind, kind)) for kind in kinds], OR)
