"""`missing-task`: the unit's report has no entry for a task that names it."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import SetContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import ROLE_LABELS, Text

KIND = "missing-task"
SEVERITY: Severity = "error"
SCOPE = "unit"
STAGE = "set"
# The kind's short name in documents.
LABEL = Text("缺报任务", "missing task")
DESCRIPTION = Text(
    "要点点名本单位（牵头、分工负责或负责）的任务，在本单位的报告里没有条目。一个单位提交多份报告时，"
    "按所有报告条目的合集判断。`ipr-check template 单位` 生成的模板包含本单位的全部任务。",
    "A task that names the unit (as lead, co-responsible or sole) has no entry in the unit's report. When a unit "
    "submits several reports, their entries are taken together. `ipr-check template UNIT` writes a skeleton "
    "with all of the unit's tasks.",
)
PASSING = """\
unit: 区税务局
year: 2020
tasks:
  "17-1":
    status: done
    actions: [移交侵权假冒涉税案件线索 4 条，查补税款 56 万元]
"""
FAILING = """\
unit: 区税务局
year: 2020
tasks: {}
"""
MISSING = Text(
    "报告中没有本单位{role}的任务 {task}（{title}）",
    "the report has no entry for task {task} ({title}), {role} for this unit",
)


def check(ctx: SetContext) -> Iterator[Finding]:
    ruleset, state = ctx.ruleset, ctx.state
    for unit in ruleset.registry.units:
        refs = state.reports.get(unit.name)
        if not refs:
            continue
        present = state.present.get(unit.name, set())
        first = refs[0]
        line = first.tasks_line or first.line
        for task in ruleset.tasks:
            role = task.role_of(unit.name)
            if role is None or task.id in present:
                continue
            yield finding(
                KIND,
                SEVERITY,
                MISSING,
                unit.name,
                task.id,
                first.file,
                line,
                role=ROLE_LABELS[role],
                task=task.id,
                title=task.item_title,
            )
