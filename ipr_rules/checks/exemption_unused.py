"""`exemption-unused`: an office exemption that matched no finding, like an unused `noqa`."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Names, Text
from ipr_rules.waiver import WaiverContext

KIND = "exemption-unused"
SEVERITY: Severity = "info"
SCOPE = "set"
STAGE = "waiver"
DESCRIPTION = Text(
    "区打假办的豁免（exemptions.yaml）没有对应任何问题：该单位已如实完成了任务，或豁免写错了任务、类型。"
    "只在集合检查中、且该单位的报告在本次检查之内时报告；可以删去这条豁免。",
    "An office exemption (exemptions.yaml) matched no finding: the unit did the work after all, or the "
    "exemption names the wrong task or kind. Reported only in set runs and only when the unit's report is "
    "among those checked; the exemption can be removed.",
)
PASSING = """\
# exemptions.yaml（规则集目录中）：
#   exemptions:
#     - {unit: 区税务局, task: "17-1", reason: 未发现涉税线索, approved_by: 区打假办主任办公会,
#        approved_on: 2020-12-28}
# 与下面这份报告一起做集合检查（--complete）：
unit: 区税务局
year: 2020
tasks:
  "17-1":
    status: not_started
    reason: 未收到移交的涉税线索
"""
FAILING = """\
# exemptions.yaml（规则集目录中）：
#   exemptions:
#     - {unit: 区税务局, task: "17-1", reason: 未发现涉税线索, approved_by: 区打假办主任办公会,
#        approved_on: 2020-12-28}
# 与下面这份报告一起做集合检查（--complete）：
unit: 区税务局
year: 2020
tasks:
  "17-1":
    status: done
    actions: [向区市场监管局移交涉税线索 2 条，查补税款 12 万元]
"""
UNUSED = Text(
    "区打假办对 {unit} 任务 {tasks} 的豁免没有对应任何问题，可以删去",
    "the office's exemption of {unit} for task(s) {tasks} matched no finding and can be removed",
)


def check(ctx: WaiverContext) -> Iterator[Finding]:
    if not ctx.set_checks:
        return
    for exemption in ctx.ruleset.exemptions:
        if exemption in ctx.waiving.matched or exemption.unit not in ctx.reported_units:
            continue
        task = exemption.tasks[0] if len(exemption.tasks) == 1 else None
        yield finding(
            KIND,
            SEVERITY,
            UNUSED,
            exemption.unit,
            task,
            exemption.file,
            exemption.line,
            unit=exemption.unit,
            tasks=Names(exemption.tasks),
        )
