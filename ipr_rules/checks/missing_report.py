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
    "要点点名的成员单位在本次检查的报告中没有任何一份。只在检查一组报告（两个及以上单位，或使用 --complete）时报告。"
    "某份报告的 unit 无法识别、但文件名或写法指向该单位时，消息会指出那份文件，并说明该单位的任务暂时无法确认。",
    "A unit named on at least one task has no report in the set. Reported only when a set is checked (two or "
    "more units, or --complete). When a report's unit could not be recognised but its file name or spelling "
    "points to the unit, the message names that file and says the unit's duties are unresolved.",
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
UNRESOLVED = Text(
    "“{unit}”没有可识别的报告：{file} 的 unit 写作“{written}”，无法识别，这份报告没有计入"
    "（要点点名该单位的任务 {count} 项，在改正前都算作无法确认）；请把 unit 改为“{unit}”后重新检查",
    "'{unit}' has no report that could be recognised: {file} gives its unit as '{written}', which matches no unit, "
    "so the report did not count ({count} task(s) name the unit and stay unresolved until it is corrected); "
    "write unit: {unit} and check again",
)


def check(ctx: SetContext) -> Iterator[Finding]:
    if not ctx.set_checks:
        return
    for unit in ctx.ruleset.registry.units:
        if ctx.state.reports.get(unit.name):
            continue
        count = len(ctx.ruleset.tasks_of(unit.name))
        if not count:
            continue
        unresolved = ctx.state.unresolved.get(unit.name)
        if unresolved:
            file, line, written = unresolved[0]
            yield finding(
                KIND,
                SEVERITY,
                UNRESOLVED,
                unit.name,
                None,
                file,
                line,
                unit=unit.name,
                count=count,
                file=file,
                written=written,
            )
        else:
            yield finding(KIND, SEVERITY, MISSING, unit.name, None, None, None, unit=unit.name, count=count)
