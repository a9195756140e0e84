"""`wrong-unit`: a unit reports work (done/partial) on a task that neither names it nor is open."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Names, Text
from ipr_rules.model.entry import CARRYING
from ipr_rules.model.ruleset import Task
from ipr_rules.textsim import TextIndex

KIND = "wrong-unit"
SEVERITY: Severity = "error"
SCOPE = "unit"
STAGE = "report"
# The kind's short name in documents.
LABEL = Text("填报非本单位任务", "another unit's task")
DESCRIPTION = Text(
    "本单位对一项不属于自己的任务（要点没有点名本单位，且该任务不是“有关部门”“等”之类的开放任务）报告了"
    "已完成或部分完成。该条目不计入任何单位的完成情况。消息列出该任务的责任单位；如果所写工作与本单位"
    "自己的某项任务相近，会提示“是否应填报”该任务。",
    "The unit reports work (done or partial) on a task that does not name it and is not open to other units. "
    "The entry carries nothing. The message names the task's units and, where the work written matches one of "
    "the unit's own tasks, suggests reporting it there instead.",
)
PASSING = """\
unit: 区财政局
year: 2020
tasks:
  "21-4":
    status: done
    actions: [在政府采购网曝光供应商违法失信行为 3 起，限制其参加政府采购活动]
"""
FAILING = """\
unit: 区财政局
year: 2020
tasks:
  "21-6":
    status: done
    actions: [在政府采购网曝光供应商违法失信行为 3 起，限制其参加政府采购活动]
"""
NOT_YOURS = Text(
    "任务 {task} 不属于本单位（责任单位：{owners}），该条目不计入完成情况",
    "task {task} is not this unit's (it belongs to {owners}); the entry carries nothing",
)
NOT_YOURS_SUGGEST = Text(
    "任务 {task} 不属于本单位（责任单位：{owners}），该条目不计入完成情况；所写工作与本单位的任务 {suggested}"
    "（{suggested_title}）相近，是否应填报 {suggested}？",
    "task {task} is not this unit's (it belongs to {owners}); the entry carries nothing. The work reads like the "
    "unit's own task {suggested} ({suggested_title}): should it be reported under {suggested}?",
)
# A task of the unit's own is suggested when the work written is this similar to its text
# (cosine of TF-IDF weighted character bigrams) and at least twice as similar as to the task
# it was reported under. In the 2020 sample, misfiled procurement work scores 0.41 against 21-4.
SUGGEST_SIMILARITY = 0.25
SUGGEST_MARGIN = 2.0


def check(ctx: ReportContext) -> Iterator[Finding]:
    unit = ctx.unit
    if unit is None:
        return
    for task_id, entry in ctx.document.entries.items():
        task = ctx.ruleset.task(task_id)
        if task is None or entry.status not in CARRYING or task.may_carry(unit.name):
            continue
        owners = Names(task.units)
        line = ctx.entry_line(task_id)
        suggested = _suggest(ctx, unit.name, " ".join(entry.actions), task_id)
        if suggested is None:
            yield finding(KIND, SEVERITY, NOT_YOURS, unit.name, task_id, ctx.file, line, task=task_id, owners=owners)
        else:
            yield finding(
                KIND,
                SEVERITY,
                NOT_YOURS_SUGGEST,
                unit.name,
                task_id,
                ctx.file,
                line,
                task=task_id,
                owners=owners,
                suggested=suggested.id,
                suggested_title=suggested.item_title,
            )


def _suggest(ctx: ReportContext, unit: str, actions: str, reported: str) -> Task | None:
    ruleset = ctx.ruleset
    index = ctx.derived.get(KIND, lambda: TextIndex({task.id: task.text for task in ruleset.tasks}))
    own = [task.id for task in ruleset.tasks_of(unit)]
    if not own:
        return None
    scores = index.scores(actions, [*own, reported])
    best = max(own, key=lambda task_id: scores[task_id])
    if scores[best] >= SUGGEST_SIMILARITY and scores[best] >= SUGGEST_MARGIN * scores[reported]:
        return ruleset.task(best)
    return None
