"""`missing-report`: a unit named on at least one task submitted no report."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import SetContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Text

KIND = "missing-report"
SEVERITY: Severity = "error"
SCOPE = "set"
STAGE = "set"
DESCRIPTION = Text(
    "要点点名的成员单位在本次检查的报告中没有任何一份。只在检查一组报告（两个及以上单位，或使用 --complete）时报告。",
    "A unit named on at least one task has no report in the set. Reported only when a set is checked (two or "
    "more units, or --complete).",
)
PASSING = """\
# 19 个成员单位的报告都在目录中
"""
FAILING = """\
unit: 区法院
year: 2020
tasks: {}
---
unit: 区检察院
year: 2020
tasks: {}
"""
MISSING = Text(
    "“{unit}”没有提交报告（要点点名该单位的任务 {count} 项）", "'{unit}' submitted no report ({count} task(s) name it)"
)


def check(ctx: SetContext) -> Iterator[Finding]:
    if not ctx.set_checks:
        return
    for unit in ctx.ruleset.registry.units:
        if ctx.state.reports.get(unit.name):
            continue
        count = len(ctx.ruleset.tasks_of(unit.name))
        if count:
            yield finding(KIND, SEVERITY, MISSING, unit.name, None, None, None, unit=unit.name, count=count)
