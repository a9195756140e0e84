"""`invalid-report`: a document that breaks the report format of SPEC §3."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, pack
from ipr_rules.i18n import Text

KIND = "invalid-report"
SEVERITY: Severity = "error"
SCOPE = "unit"
STAGE = "report"
DESCRIPTION = Text(
    "报告不符合格式：缺少必填字段（unit、year、tasks、status）、字段类型不对、状态值不在 done / partial / "
    'not_started / not_applicable 之中、任务编号写成了数字（1.1 应写作 "1-1"）、键重复、日期不存在、'
    "指标不是非负整数、done 或 partial 没有写 actions、not_applicable 没有写 reason、不认识的字段等。"
    "一份报告的所有问题一次列出；格式有误的条目不计入完成情况，但不算缺报，其余条目照常检查。"
    "Excel 工作簿中的问题指明工作表和单元格（如 任务!E5），另有：没有保存计算结果的公式、被 Excel 读成日期或数字的"
    "任务编号、同一任务编号出现两行、“产出”“指标”表中“任务”表没有的任务编号。",
    "The document breaks the report format: a required field missing (unit, year, tasks, status), a wrong type, "
    "a status outside done / partial / not_started / not_applicable, a task id YAML read as a number (write "
    '"1-1", not 1.1), a duplicate key, a date that does not exist, a metric that is not a non-negative whole '
    "number, done or partial without actions, not_applicable without a reason, an unknown field. All problems "
    "of a file are listed in one run; a broken entry carries nothing but is not missing, and the other entries "
    "are still checked. In a workbook each problem names its sheet and cell (任务!E5); a workbook may also hold a "
    "formula whose result was not saved, a task id Excel read as a date or number, a task id on two rows, or an "
    "output or metric row for a task that sheet 任务 does not list.",
)
PASSING = """\
unit: 区法院
year: 2020
tasks:
  "15-1":
    status: done
    actions: [审结知识产权民事案件 35 件，判处惩罚性赔偿 2 件]
"""
FAILING = """\
unit: 区法院
year: 2020
tasks:
  15.1:
    status: yes
"""


def check(ctx: ReportContext) -> Iterator[Finding]:
    unit = ctx.unit_name
    for problem in ctx.document.problems:
        task = (
            problem.path[1]
            if len(problem.path) > 1 and problem.path[0] == "tasks" and isinstance(problem.path[1], str)
            else None
        )
        yield Finding(KIND, SEVERITY, unit, task, ctx.file, problem.line, problem.message, pack(problem.args))
