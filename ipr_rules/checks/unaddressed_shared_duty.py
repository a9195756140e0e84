"""`unaddressed-shared-duty`: a shared task that no report in the set carries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ipr_rules.checks.context import SetContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Localized, Names, Text
from ipr_rules.model.ruleset import Task

KIND = "unaddressed-shared-duty"
SEVERITY: Severity = "error"
SCOPE = "set"
STAGE = "set"
DESCRIPTION = Text(
    "点名两个及以上单位、或对其他单位开放（“有关部门”“相关成员单位”“等”）的任务，本组报告中没有任何单位"
    "以已完成或部分完成承担。多家共管的任务最容易互相推诿，这里把它单独列出。开放任务由任何成员单位承担都算。",
    "A task naming two or more units, or open to others (有关部门, 相关成员单位, 等), that no report in the set "
    "carries as done or partial. Duties shared by several units are the ones each leaves to the others; this "
    "lists them. Any member unit carrying an open task counts.",
)
PASSING = """\
unit: 区税务局
year: 2020
tasks:
  "17-1": {status: done, actions: [移交涉税案件线索 4 条]}
---
unit: 区市场监管局
year: 2020
tasks:
  "17-1": {status: not_started}
"""
FAILING = """\
unit: 区税务局
year: 2020
tasks:
  "17-1": {status: not_started}
---
unit: 区市场监管局
year: 2020
tasks:
  "17-1": {status: not_started}
"""
NOBODY = Text(
    "共同任务 {task}（{title}）无人承担：{units}均未报告已完成或部分完成{open}",
    "the shared task {task} ({title}) is carried by nobody: none of {units} reports it done or partial{open}",
)
OPEN = Text("；该任务对其他成员单位开放，也无其他单位承担", "; it is open to other member units, and none carried it")
CLOSED = Text("", "")
# One named unit, open to others (7-1, 9-1): not "shared" in the plan's words, and no "均" for one.
OPEN_ONE = Text(
    "任务 {task}（{title}）由{units}负责，并对其他成员单位开放，但无人承担：{units}未报告已完成或部分完成，"
    "其他单位也没有承担",
    "task {task} ({title}) names {units} and is open to other member units, but nobody carried it: {units} "
    "does not report it done or partial, and no other unit took it on",
)
OPEN_NONE = Text(
    "开放任务 {task}（{title}）无人承担：没有任何成员单位报告已完成或部分完成",
    "the open task {task} ({title}) is carried by nobody: no member unit reports it done or partial",
)
UNRESOLVED = Text(
    "任务 {task}（{title}）的承担情况无法确认：{unresolved}的报告 unit 无法识别，没有计入{others}",
    "who carried task {task} ({title}) cannot be told: the report of {unresolved} has a unit that matches no "
    "unit and did not count{others}",
)
OTHERS = Text("；{units}未报告已完成或部分完成", "; not reported done or partial by {units}")


def check(ctx: SetContext) -> Iterator[Finding]:
    if not ctx.set_checks:
        return
    for task in ctx.ruleset.tasks:
        if not task.shared or ctx.state.carried_by.get(task.id):
            continue
        message, args = _message(task, ctx)
        yield finding(KIND, SEVERITY, message, None, task.id, None, None, task=task.id, title=task.item_title, **args)


def _message(task: Task, ctx: SetContext) -> tuple[Text, dict[str, Any]]:
    """Worded by the real count of units and the real reason: several named, one named and open,
    none named, or a unit whose report could not be recognised."""
    unresolved = [unit for unit in task.units if ctx.state.unresolved.get(unit) and unit not in ctx.state.reports]
    if unresolved:
        others = [unit for unit in task.units if unit not in unresolved]
        rest = Localized(OTHERS, units=Names(others)) if others else Localized(CLOSED)
        return UNRESOLVED, {"unresolved": Names(unresolved), "others": rest}
    if len(task.units) >= 2:
        return NOBODY, {"units": Names(task.units), "open": Localized(OPEN if task.open else CLOSED)}
    if task.units:
        return OPEN_ONE, {"units": Names(task.units)}
    return OPEN_NONE, {}
