"""Run a task's requirements on one report entry and say what is missing.

Cerberus runs only here, on entries of tasks that carry requirements and only for the units a
requirement applies to, so the per-report hot path never pays for it; and a requirement whose
schema is one of the custom rules and nothing else (all that `derive` writes) runs that rule's
function (`rules`) without it, with the same result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ipr_rules import textnorm
from ipr_rules.findings import pack
from ipr_rules.i18n import Localized, Names, Text
from ipr_rules.model.entry import ENTRY_FIELDS, Entry
from ipr_rules.model.ruleset import Requirement, Task
from ipr_rules.records import record
from ipr_rules.requirements import rules

if TYPE_CHECKING:
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

# Read by rules beside their own field (mentions_campaign looks in the actions, a rule may
# depend on the status).
_ALWAYS_READ = frozenset({"actions", "status"})
# The rules run without cerberus when a requirement's schema holds one of them on one of the
# fields an entry always holds as a list, with no other rule but `type: list`: cerberus would
# check nothing more.
_DIRECT = {
    "min_outputs_of_kind": rules.min_outputs_of_kind,
    "covers_periods": rules.covers_periods,
    "min_dated_outputs": rules.min_dated_outputs,
}
_CAMPAIGN_RULE = "mentions_campaign"
_LIST_FIELDS = frozenset({"actions", "campaigns", "outputs", "evidence"})


@record
class Prepared:
    """One requirement made ready to run: its validator and the fields of an entry its rules read
    (it is given those alone, which it checks faster); or, for a schema of one custom rule and
    nothing else, that rule's field, name and constraint, to run without the validator (then
    there is none: a run whose requirements all run directly never imports cerberus)."""

    requirement: Requirement
    validator: RequirementValidator | None
    fields: tuple[str, ...]
    direct: tuple[str, str, dict[str, Any]] | None


class Requirements:
    """The run's requirements made ready as they are first met, and for each task, unit and
    kind (campaign or not) the ones that apply. A validator keeps the state of its last
    validation: never share one between threads. `direct=False` runs every requirement through
    its validator (what the direct path is compared with)."""

    __slots__ = ("_direct", "_prepared", "_wanted")

    def __init__(self, *, direct: bool = True) -> None:
        self._direct = direct
        self._prepared: dict[str, Prepared] = {}
        self._wanted: dict[tuple[str, str, bool], tuple[Prepared, ...]] = {}

    def wanted(self, task: Task, unit: str, year: int, campaigns: bool) -> tuple[Prepared, ...]:
        key = (task.id, unit, campaigns)
        found = self._wanted.get(key)
        if found is None:
            found = self._wanted[key] = tuple(
                self._prepare(r, year)
                for r in task.requirements
                if (r.kind == "campaign") == campaigns and applies(r, task, unit)
            )
        return found

    def _prepare(self, requirement: Requirement, year: int) -> Prepared:
        """Built once per requirement: building a validator parses its schema."""
        built = self._prepared.get(requirement.id)
        if built is None:
            fields = tuple(name for name in ENTRY_FIELDS if name in requirement.schema or name in _ALWAYS_READ)
            direct = _direct(requirement) if self._direct else None
            validator = None
            if direct is None:
                from ipr_rules.requirements.validator import RequirementValidator

                validator = RequirementValidator(requirement.schema, year=year)
            built = self._prepared[requirement.id] = Prepared(requirement, validator, fields, direct)
        return built


def _direct(requirement: Requirement) -> tuple[str, str, dict[str, Any]] | None:
    """(field, rule, constraint) of a schema that holds one custom rule and nothing else to check."""
    if len(requirement.schema) != 1:
        return None
    ((field, definition),) = requirement.schema.items()
    if field not in _LIST_FIELDS or not isinstance(definition, dict):
        return None
    named = [name for name in definition if name in _DIRECT or name == _CAMPAIGN_RULE]
    others = set(definition) - set(named)
    if len(named) != 1 or not others <= {"type"} or definition.get("type", "list") != "list":
        return None
    constraint = definition[named[0]]
    return (field, named[0], constraint) if isinstance(constraint, dict) else None


@record
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
    task: Task,
    unit: str,
    entry: Entry,
    year: int,
    *,
    campaigns: bool,
    requirements: Requirements | None = None,
    fold: Callable[[str], str] = textnorm.fold,
) -> list[Unmet]:
    """Requirements of `task` that apply to `unit` and that `entry` fails: the campaign
    requirements when `campaigns`, the others otherwise. `requirements`: the run's own (none
    given, this call makes its own); `fold`: `textnorm.fold` or a report's cache of it."""
    if requirements is None:
        requirements = Requirements()
    wanted = requirements.wanted(task, unit, year, campaigns)
    if not wanted:
        return []
    document: dict[str, Any] | None = None
    result = []
    for prepared in wanted:
        if prepared.direct is not None:
            field, rule, constraint = prepared.direct
            detail = _run_direct(entry, field, rule, constraint, year, fold)
            if detail is None:
                continue
            unmet: list[tuple[str, dict[str, Any]]] = [(rule, detail)]
        else:
            if document is None:
                document = entry_document(entry)
            validator = prepared.validator
            assert validator is not None  # made for every requirement that does not run directly
            if validator.validate({name: document[name] for name in prepared.fields}):
                continue
            unmet = validator.unmet or [("", {"detail": str(validator.errors)})]
        for rule, detail in unmet:
            message, args = _message(task, prepared.requirement, rule, detail)
            result.append(Unmet(prepared.requirement, message, pack(args)))
    return result


def _run_direct(
    entry: Entry, field: str, rule: str, constraint: dict[str, Any], year: int, fold: Callable[[str], str]
) -> dict[str, Any] | None:
    """What the validator would find for a requirement of one rule, without it."""
    if field == "outputs":
        value: list[Any] = _outputs(entry)
    else:
        value = list(getattr(entry, field))
    if rule == _CAMPAIGN_RULE:
        return rules.mentions_campaign(constraint, value, entry.actions, fold)
    return _DIRECT[rule](constraint, value, year)


def entry_document(entry: Entry) -> dict[str, Any]:
    """The entry as the plain mapping requirement schemas are written over."""
    return {
        "status": entry.status,
        "actions": list(entry.actions),
        "campaigns": list(entry.campaigns),
        "outputs": _outputs(entry),
        "metrics": dict(entry.metrics),
        "evidence": list(entry.evidence),
        "reason": entry.reason,
    }


def _outputs(entry: Entry) -> list[dict[str, Any]]:
    return [{"title": o.title, "date": o.date, "kind": o.kind, "url": o.url} for o in entry.outputs]


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
