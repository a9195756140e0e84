"""Warnings about the plan itself, for the office to fix in next year's plan.

Each rule is a small function over the parsed plan and the unit registry yielding warnings:
`Diagnostic`s at the line and column of the plan's text, with the rule's name and the task
they are about as the arguments `rule` and `task`. `compile` and `validate-ruleset` print
them (`render_warning`), and neither fails on them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import Lang, Names, Text
from ipr_rules.model.ruleset import UnitRegistry
from ipr_rules.ruleset.assignments import parse_assignment
from ipr_rules.ruleset.compile import task_id
from ipr_rules.ruleset.plan_text import RawClause, RawPlan
from ipr_rules.textsim import tfidf_cosines

# Cosine of 4-gram TF-IDF vectors above which two duties read as one: in the 2020 plan the
# two duties on lead-acid batteries (5-4, 5-5) score 0.13 and every other pair 0.09 or less.
NEAR_DUPLICATE_SIMILARITY = 0.12
# District-level names start with their level; a name without one is an abbreviation.
LEVEL_PREFIXES = ("区", "市", "县", "中共", "昆明", "官渡", "国家")
# Wording of national or provincial plans that a district cannot act on as written.
BEYOND_DISTRICT = re.compile(
    r"(?<=举办|开展|推进|组织|建立)全国|各地|京津冀|长三角|泛珠三角|丝绸之路经济带|中央企业|省属"
)


def plan_warning(rule: str, task: str | None, line: int, column: int, message: Text, **args: object) -> Diagnostic:
    """A warning about the plan's text at `line` and `column`, found by `rule`, about `task`."""
    return Diagnostic(message, line, args={**args, "rule": rule, "task": task}, column=column)


def render_warning(warning: Diagnostic, lang: Lang) -> str:
    """`plan.txt:21:17: [11-1] message (rule)`: the warning, the task and the rule that found it."""
    task = f" [{warning.args['task']}]" if warning.args["task"] else ""
    return f"{warning.where}:{task} {warning.text(lang)} ({warning.args['rule']})"


REPEATED = Text("同一分工中“{name}”出现了两次", "'{name}' is named twice in one assignment")
SPELLING = Text(
    "“{written}”与任务 {tasks} 中的“{usual}”是同一单位，写法不一致，建议统一为“{usual}”",
    "'{written}' is the same unit as '{usual}' in task(s) {tasks}; spell it one way ('{usual}')",
)
ABBREVIATED = Text(
    "“{written}”是简称，建议写作“{suggested}”（全称：{full_name}）",
    "'{written}' is an abbreviation; write '{suggested}' (full name: {full_name})",
)
VAGUE = Text(
    "“{written}”未点名具体单位，年终无法据此核对，建议列明单位",
    "'{written}' names no unit, so nobody can be checked against it; list the units",
)
ET_CETERA = Text(
    "单位列表以“等”结尾，未列明的单位无法核对，建议列全",
    "the list of units ends in '等' (etc.): units it leaves out cannot be checked; list them all",
)
NEAR_DUPLICATE = Text(
    "与任务 {other} 内容相近（相似度 {score:.2f}），可能重复布置，建议合并",
    "reads much like task {other} (similarity {score:.2f}); consider merging the two duties",
)
BEYOND = Text(
    "“{word}”超出区级工作范围，疑为照搬上级文件，建议改为本区可执行的表述",
    "'{word}' is beyond a district's reach, likely copied from a higher-level plan; reword it for the district",
)
ORPHAN_TEXT = Text(
    "第（{item}）项最后一处分工之后还有文字，不属于任何任务：“{text}”",
    "item {item} has text after its last assignment that belongs to no task: '{text}'",
)

NO_ASSIGNMENT = Text(
    "要点中没有找到任何分工（形如“（……负责）”），编译得到 0 项任务",
    "the plan holds no assignment (such as '（…负责）'): it compiles to 0 tasks",
)

LintRule = Callable[[RawPlan, UnitRegistry], Iterator[Diagnostic]]


def _warning(rule: str, clause: RawClause | None, line: int, column: int, message: Text, **args: object) -> Diagnostic:
    return plan_warning(rule, task_id(clause) if clause else None, line, column, message, **args)


def repeated_unit(plan: RawPlan, registry: UnitRegistry) -> Iterator[Diagnostic]:
    for clause in plan.clauses:
        seen: set[str] = set()
        for named in parse_assignment(clause.assignment).named:
            unit = registry.resolve(named.written)
            key = unit.name if unit else named.written
            if key in seen:
                at = clause.assignment_at
                yield _warning("repeated-unit", clause, at.line, at.column + named.offset, REPEATED, name=named.written)
            seen.add(key)


def inconsistent_spelling(plan: RawPlan, registry: UnitRegistry) -> Iterator[Diagnostic]:
    uses: dict[str, list[tuple[str, RawClause, int]]] = defaultdict(list)
    for clause in plan.clauses:
        for named in parse_assignment(clause.assignment).named:
            if unit := registry.resolve(named.written):
                uses[unit.name].append((named.written, clause, named.offset))
    for occurrences in uses.values():
        spellings = Counter(written for written, _, _ in occurrences)
        if len(spellings) < 2:
            continue
        usual = spellings.most_common(1)[0][0]
        usual_tasks = Names(dict.fromkeys(task_id(c) for w, c, _ in occurrences if w == usual))
        for written, clause, offset in occurrences:
            if written != usual:
                at = clause.assignment_at
                yield _warning(
                    "inconsistent-spelling",
                    clause,
                    at.line,
                    at.column + offset,
                    SPELLING,
                    written=written,
                    usual=usual,
                    tasks=usual_tasks,
                )


def abbreviated_name(plan: RawPlan, registry: UnitRegistry) -> Iterator[Diagnostic]:
    for clause in plan.clauses:
        for named in parse_assignment(clause.assignment).named:
            unit = registry.resolve(named.written)
            if unit is None or named.written.startswith(LEVEL_PREFIXES) or named.written == unit.full_name:
                continue
            prefixed = [name for name in (unit.name, *unit.aliases) if name.startswith(LEVEL_PREFIXES)]
            at = clause.assignment_at
            yield _warning(
                "abbreviated-name",
                clause,
                at.line,
                at.column + named.offset,
                ABBREVIATED,
                written=named.written,
                suggested=prefixed[0] if prefixed else unit.full_name,
                full_name=unit.full_name,
            )


def vague_assignee(plan: RawPlan, registry: UnitRegistry) -> Iterator[Diagnostic]:
    for clause in plan.clauses:
        assignment = parse_assignment(clause.assignment)
        at = clause.assignment_at
        for written, offset in assignment.placeholders:
            yield _warning("vague-assignee", clause, at.line, at.column + offset, VAGUE, written=written)
        for offset in assignment.et_cetera:
            yield _warning("vague-assignee", clause, at.line, at.column + offset, ET_CETERA)


def near_duplicate(plan: RawPlan, registry: UnitRegistry) -> Iterator[Diagnostic]:
    clauses = plan.clauses
    for (i, j), score in sorted(tfidf_cosines([c.text for c in clauses], 4).items()):
        if score >= NEAR_DUPLICATE_SIMILARITY:
            later = clauses[j]
            yield _warning(
                "near-duplicate",
                later,
                later.text_at.line,
                later.text_at.column,
                NEAR_DUPLICATE,
                other=task_id(clauses[i]),
                score=score,
            )


def beyond_district(plan: RawPlan, registry: UnitRegistry) -> Iterator[Diagnostic]:
    for clause in plan.clauses:
        for match in BEYOND_DISTRICT.finditer(clause.text):
            at = clause.position(match.start())
            yield _warning("beyond-district", clause, at.line, at.column, BEYOND, word=match.group(0))


def orphan_text(plan: RawPlan, registry: UnitRegistry) -> Iterator[Diagnostic]:
    for item in plan.items:
        if item.trailing_text and item.trailing_at:
            shown = item.trailing_text if len(item.trailing_text) <= 30 else item.trailing_text[:30] + "…"
            at = item.trailing_at
            yield _warning("orphan-text", None, at.line, at.column, ORPHAN_TEXT, item=item.number, text=shown)


def no_assignment(plan: RawPlan, registry: UnitRegistry) -> Iterator[Diagnostic]:
    if not plan.clauses:
        line = plan.items[0].line if plan.items else 1
        yield _warning("no-assignment", None, line, 1, NO_ASSIGNMENT)


RULES: tuple[LintRule, ...] = (
    no_assignment,
    repeated_unit,
    inconsistent_spelling,
    abbreviated_name,
    vague_assignee,
    near_duplicate,
    beyond_district,
    orphan_text,
)


def lint_plan(plan: RawPlan, registry: UnitRegistry, file: str | None = None) -> list[Diagnostic]:
    """Every warning about the plan, in the order of the text; in `file`, the plan's text, when given."""
    warnings = [warning for rule in RULES for warning in rule(plan, registry)]
    if file is not None:
        warnings = [warning.at(file) for warning in warnings]
    return sorted(warnings, key=_position)


def _position(warning: Diagnostic) -> tuple[int, int, str]:
    return warning.line or 0, warning.column or 0, str(warning.args["rule"])
