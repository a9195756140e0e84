"""`validate-ruleset`: schema, referential integrity and drift of a ruleset directory.

Errors make the command fail; the plan's own lint warnings are reported beside them and never
fail it. Every problem names its file, line and field, one per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ipr_rules.errors import RulesetError
from ipr_rules.i18n import ROLE_LABELS, Lang, Text
from ipr_rules.model.ruleset import CompiledPlan, Task, UnitRegistry, UnitsFile
from ipr_rules.ruleset.build import read_plan_text
from ipr_rules.ruleset.compile import CompileError, compile_plan, source_digest
from ipr_rules.ruleset.lint import PlanWarning, lint_plan
from ipr_rules.ruleset.plan_text import parse_plan
from ipr_rules.ruleset.schema import CheckedFile, RulesetProblem, read_checked, validate_as
from ipr_rules.ruleset.store import EXEMPTIONS_FILE, OVERLAY_FILE, RULESET_FILE, UNITS_FILE, dump_plan

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
SOURCE_MISSING = Text("源文本 {source} 不存在", "the source text {source} does not exist")
SOURCE_CHANGED = Text(
    "源文本 {source} 在编译后被修改（sha256 不符），请运行 ipr-check compile 重新编译",
    "the source text {source} changed after compiling (sha256 differs); run ipr-check compile again",
)
DRIFT = Text(
    "与从 {source} 重新编译的结果不一致：此行应为“{expected}”，请运行 ipr-check compile 重新编译",
    "differs from what compiling {source} gives: this line should read '{expected}'; run ipr-check compile again",
)
DRIFT_LENGTH = Text(
    "与从 {source} 重新编译的结果不一致（行数不同），请运行 ipr-check compile 重新编译",
    "differs from what compiling {source} gives (different length); run ipr-check compile again",
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


@dataclass(slots=True)
class Validation:
    errors: list[RulesetProblem] = field(default_factory=list)
    warnings: list[PlanWarning] = field(default_factory=list)
    source: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    def render(self, lang: Lang) -> list[str]:
        lines = [error.render(lang) for error in self.errors]
        lines += [warning.render(lang, self.source) for warning in self.warnings]
        return lines


def validate_ruleset(folder: Path) -> Validation:
    result = Validation()
    plan_file = read_checked(folder / RULESET_FILE)
    units_file = read_checked(folder / UNITS_FILE)
    plan: CompiledPlan | None = validate_as(plan_file, CompiledPlan)
    units: UnitsFile | None = validate_as(units_file, UnitsFile)
    result.errors += plan_file.problems + units_file.problems
    overlay_path = folder / OVERLAY_FILE
    if overlay_path.exists():
        from ipr_rules.requirements.overlay import read_overlay

        result.errors += read_overlay(overlay_path, plan)[1]
    exemptions_path = folder / EXEMPTIONS_FILE
    if exemptions_path.exists():
        from ipr_rules.ruleset.exemptions import read_exemptions

        registry = UnitRegistry(units.units) if units is not None else None
        result.errors += read_exemptions(exemptions_path, plan, registry)[1]
    if units is not None:
        result.errors += _alias_problems(units_file, units)
    if plan is not None:
        result.errors += _task_problems(plan_file, plan, units)
    if plan is not None and units is not None:
        registry = UnitRegistry(units.units)
        _drift(folder, plan_file, plan, registry, result)
    return result


def _task_problems(checked: CheckedFile, plan: CompiledPlan, units: UnitsFile | None) -> Iterator[RulesetProblem]:
    shown = str(checked.path)
    items = {item.number for item in plan.items}
    sections = {section.number for section in plan.sections}
    canonical = {unit.name for unit in units.units} if units else None
    seen: dict[str, int] = {}
    for index, item in enumerate(plan.items):
        if item.section not in sections:
            yield RulesetProblem(
                shown,
                checked.line(("items", index, "section")),
                f"items[{index}].section",
                UNKNOWN_SECTION,
                {"section": item.section},
            )
    for index, task in enumerate(plan.tasks):
        where = ("tasks", index)

        def problem(
            suffix: tuple[object, ...], name: str, message: Text, *, at: tuple[object, ...] = where, **args: object
        ) -> RulesetProblem:
            return RulesetProblem(shown, checked.line((*at, *suffix)), f"tasks[{at[1]}]{name}", message, args)

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


def _requirement_problems(task: Task, index: int, problem: Any) -> Iterator[RulesetProblem]:
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


def _alias_problems(checked: CheckedFile, units: UnitsFile) -> Iterator[RulesetProblem]:
    owner: dict[str, str] = {}
    for index, unit in enumerate(units.units):
        names: list[tuple[str | tuple[str, int], str]] = [("name", unit.name), ("full_name", unit.full_name)]
        names += [(("aliases", position), alias) for position, alias in enumerate(unit.aliases)]
        for key, name in names:
            data_path = ("units", index, *(key if isinstance(key, tuple) else (key,)))
            if name in owner and owner[name] != unit.name:
                yield RulesetProblem(
                    str(checked.path),
                    checked.line(data_path),
                    _dotted(data_path),
                    AMBIGUOUS_ALIAS,
                    {"name": name, "first": owner[name], "second": unit.name},
                )
                continue
            owner.setdefault(name, unit.name)


def _dotted(data_path: tuple[object, ...]) -> str:
    from ipr_rules.ruleset.schema import field_path

    return field_path(tuple(data_path))


def _drift(folder: Path, checked: CheckedFile, plan: CompiledPlan, registry: UnitRegistry, result: Validation) -> None:
    source_path = folder / plan.source
    shown = str(checked.path)
    result.source = str(source_path)
    if not source_path.is_file():
        result.errors.append(
            RulesetProblem(shown, checked.line(("source",)), "source", SOURCE_MISSING, {"source": plan.source})
        )
        return
    try:
        text = read_plan_text(source_path)
    except RulesetError as error:
        result.errors.append(RulesetProblem(str(source_path), error.line, "", error.message, error.args_))
        return
    digest = source_digest(text)
    if digest != plan.source_sha256:
        result.errors.append(
            RulesetProblem(
                shown, checked.line(("source_sha256",)), "source_sha256", SOURCE_CHANGED, {"source": plan.source}
            )
        )
    try:
        expected = dump_plan(compile_plan(text, registry, source=plan.source, year=plan.year))
        result.warnings = lint_plan(parse_plan(text), registry)
    except CompileError as error:
        result.errors += [
            RulesetProblem(str(source_path), problem.line, "", problem.message, problem.args)
            for problem in error.problems
        ]
        return
    except RulesetError as error:
        result.errors.append(RulesetProblem(str(source_path), error.line, "", error.message, error.args_))
        return
    actual = checked.text
    # The digest line is reported above; drift points at the content that changed.
    actual = actual.replace(f"source_sha256: {plan.source_sha256}\n", f"source_sha256: {digest}\n", 1)
    if actual == expected:
        return
    actual_lines, expected_lines = actual.splitlines(), expected.splitlines()
    for number, (have, want) in enumerate(zip(actual_lines, expected_lines, strict=False), start=1):
        if have != want:
            shown_want = want if len(want) <= 80 else want[:80] + "…"
            result.errors.append(
                RulesetProblem(shown, number, "", DRIFT, {"source": plan.source, "expected": shown_want})
            )
            return
    line = min(len(actual_lines), len(expected_lines)) + 1
    result.errors.append(RulesetProblem(shown, line, "", DRIFT_LENGTH, {"source": plan.source}))
