"""Plan text + unit registry → compiled plan. A pure function: no files, no clock.

Every name an assignment uses must resolve in the registry; a name it lacks is an error that
suggests the closest registered names (all such errors are collected, not just the first).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.errors import RulesetError
from ipr_rules.i18n import ROLE_LABELS, Lang, Names, Text
from ipr_rules.model.ruleset import Assignee, CompiledPlan, Item, Section, Task, UnitRegistry
from ipr_rules.requirements.derive import derive_requirements
from ipr_rules.ruleset.assignments import parse_assignment
from ipr_rules.ruleset.campaigns import find_campaigns
from ipr_rules.ruleset.plan_text import RawClause, RawPlan, parse_plan
from ipr_rules.suggest import closest

UNKNOWN_UNIT = Text(
    "任务 {task} 的责任单位“{name}”不在单位名录中，请在 units.yaml 中登记",
    "task {task}: the unit '{name}' is not in the unit registry; register it in units.yaml",
)
UNKNOWN_UNIT_NEAR = Text(
    "任务 {task} 的责任单位“{name}”不在单位名录中，是否为：{names}？请修改要点原文或在 units.yaml 中登记",
    "task {task}: the unit '{name}' is not in the unit registry; did you mean: {names}? Fix the plan or register it in units.yaml",
)
TWO_ROLES = Text(
    "任务 {task} 中“{unit}”同时作为{first}和{second}出现",
    "task {task}: '{unit}' is named both as {first} and as {second}",
)
NO_YEAR = Text(
    "无法从标题中读出年度，请用 --year 指定", "cannot read the year from the plan's title; give it with --year"
)
NO_ASSIGNEE = Text(
    "任务 {task} 没有点名任何单位，也没有“有关部门”等开放表述", "task {task} names no unit and is not open to others"
)


class CompileError(RulesetError):
    """The plan cannot be compiled: every problem found, each at its line and column of `source`."""

    def __init__(self, problems: list[Diagnostic], source: str) -> None:
        super().__init__(problems[0].message, line=problems[0].line)
        self.problems = [problem.at(source) for problem in problems]

    @property
    def source(self) -> str:
        return self.problems[0].file or ""

    @source.setter
    def source(self, source: str) -> None:
        self.problems = [problem.at(source) for problem in self.problems]

    def render(self, lang: Lang) -> str:
        return "\n".join(problem.render(lang) for problem in self.problems)


def compile_plan(
    text: str, registry: UnitRegistry, *, source: str = "plan.txt", year: int | None = None
) -> CompiledPlan:
    raw = parse_plan(text)
    problems: list[Diagnostic] = []
    tasks = tuple(_task(raw, clause, registry, problems) for clause in raw.clauses)
    plan_year = year if year is not None else raw.year
    if plan_year is None:
        problems.append(Diagnostic(NO_YEAR, 1, column=1))
    if problems:
        raise CompileError(problems, source)
    assert plan_year is not None
    return CompiledPlan(
        year=plan_year,
        title=raw.title,
        source=source,
        source_sha256=source_digest(text),
        sections=tuple(Section(s.number, s.title, s.line) for s in raw.sections),
        items=tuple(Item(i.number, i.section, i.title, i.line) for i in raw.items),
        tasks=tasks,
    )


def source_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def task_id(clause: RawClause) -> str:
    return f"{clause.item}-{clause.index}"


def _task(raw: RawPlan, clause: RawClause, registry: UnitRegistry, problems: list[Diagnostic]) -> Task:
    item = raw.items[clause.item - 1]
    assignment = parse_assignment(clause.assignment)
    identifier = task_id(clause)
    assignees: list[Assignee] = []
    roles: dict[str, str] = {}
    for named in assignment.named:
        line, column = clause.assignment_at.line, clause.assignment_at.column + named.offset
        unit = registry.resolve(named.written)
        if unit is None:
            args: dict[str, object] = {"task": identifier, "name": named.written}
            suggestions = closest(named.written, registry.all_names)
            if suggestions:
                args["names"] = Names(suggestions)
            problems.append(
                Diagnostic(UNKNOWN_UNIT_NEAR if suggestions else UNKNOWN_UNIT, line, args=args, column=column)
            )
            continue
        if unit.name in roles:
            if roles[unit.name] != named.role:
                problems.append(
                    Diagnostic(
                        TWO_ROLES,
                        line,
                        column=column,
                        args={
                            "task": identifier,
                            "unit": unit.name,
                            "first": ROLE_LABELS[roles[unit.name]],
                            "second": ROLE_LABELS[named.role],
                        },
                    )
                )
            continue  # a unit named twice in one assignment counts once (SPEC §2)
        roles[unit.name] = named.role
        written = named.written if named.written != unit.name else None
        assignees.append(Assignee(unit.name, named.role, written))
    if assignment.bare_alone and len(assignees) == 1:
        assignees[0] = replace(assignees[0], role="sole")  # one unit, however often it is written
    if not assignment.named and not assignment.open:
        problems.append(
            Diagnostic(
                NO_ASSIGNEE, clause.assignment_at.line, args={"task": identifier}, column=clause.assignment_at.column
            )
        )
    task = Task(
        id=identifier,
        section=item.section,
        item=item.number,
        item_title=item.title,
        text=clause.text,
        assignees=tuple(assignees),
        open=assignment.open,
        campaigns=find_campaigns(clause.text),
        line=clause.text_at.line,
        column=clause.text_at.column,
    )
    return replace(task, requirements=derive_requirements(task))
