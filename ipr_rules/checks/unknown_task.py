"""`unknown-task`: an entry whose id is not a task of the ruleset."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Names, Text
from ipr_rules.taskids import explain

KIND = "unknown-task"
SEVERITY: Severity = "error"
SCOPE = "unit"
STAGE = "report"
DESCRIPTION = Text(
    '报告中的任务编号不是工作要点中的任务（编号格式为“事项-序号”，如 "1-1" 表示第（一）项的第 1 处分工）。'
    "写成事项序号（“（十三）”“十三”“第十三项”）时，消息说明该事项有哪些任务、应写作哪个编号；"
    "写成“15—1”、全角数字“２-３”、带全角引号或夹有不换行空格、零宽字符时，消息指出是哪个字符并给出正确写法；"
    "能确定是本单位哪项任务时，说明改正前该任务算作没有填写（不再另报 missing-task）。"
    "其他情况列出最接近的编号（先列本单位同一事项的任务）；`ipr-check tasks` 列出全部编号。",
    "An entry's id is not a task of the plan (ids are 'item-position': \"1-1\" is the first duty of item (一)). "
    "An item number (（十三）, 十三, 第十三项) gets the item's tasks and the id to write; 15—1, full-width digits, "
    "full-width quotes, a no-break space or an invisible character gets the character named and the id to "
    "write. When the one task meant is the unit's own, the message says it counts as not entered until the id "
    "is corrected (and no missing-task is added). Otherwise the message suggests the closest ids, the unit's "
    "own tasks of the same item first; `ipr-check tasks` lists them all.",
)
PASSING = """\
unit: 区法院
year: 2020
tasks:
  "15-1":
    status: done
    actions: [审结知识产权民事案件 35 件]
"""
FAILING = """\
unit: 区法院
year: 2020
tasks:
  "15-2":
    status: done
    actions: [审结知识产权民事案件 35 件]
"""
UNKNOWN = Text("任务编号“{task}”不在 {year} 年工作要点中", "'{task}' is not a task of the {year} plan")
UNKNOWN_NEAR = Text(
    "任务编号“{task}”不在 {year} 年工作要点中，是否为：{ids}？",
    "'{task}' is not a task of the {year} plan; did you mean: {ids}?",
)


def check(ctx: ReportContext) -> Iterator[Finding]:
    ruleset = ctx.ruleset
    ids = (*ctx.document.entries, *ctx.document.broken_entries)
    present = set(ids)
    for task_id in ids:
        if ruleset.task(task_id) is not None:
            continue
        line = ctx.entry_line(task_id)
        explained = explain(task_id, ruleset, ctx.unit.name if ctx.unit else None, present)
        if explained is not None:
            message, args = explained
            yield finding(KIND, SEVERITY, message, ctx.unit_name, task_id, ctx.file, line, **args)
            continue
        near = _near_ids(task_id, ctx)
        if near:
            yield finding(
                KIND,
                SEVERITY,
                UNKNOWN_NEAR,
                ctx.unit_name,
                task_id,
                ctx.file,
                line,
                task=task_id,
                year=ruleset.year,
                ids=Names(near),
            )
        else:
            yield finding(
                KIND, SEVERITY, UNKNOWN, ctx.unit_name, task_id, ctx.file, line, task=task_id, year=ruleset.year
            )


def _near_ids(task_id: str, ctx: ReportContext) -> list[str]:
    from ipr_rules.suggest import closest

    # Prefer the unit's own tasks of the same item: "2-4" from a unit named on 2-3 meant 2-3,
    # not 2-1 or 24-1; then the unit's own tasks, then any task, by spelling.
    own = [task.id for task in ctx.ruleset.tasks_of(ctx.unit.name)] if ctx.unit else []
    item = task_id.split("-", 1)[0]
    same_item = [task for task in own if task.split("-", 1)[0] == item] if "-" in task_id else []
    return same_item[:3] or closest(task_id, own) or closest(task_id, [task.id for task in ctx.ruleset.tasks])
