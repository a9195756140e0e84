"""`unknown-unit`: the report's `unit` names no member unit and no registered alias."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Names, Text

KIND = "unknown-unit"
SEVERITY: Severity = "error"
SCOPE = "unit"
STAGE = "report"
DESCRIPTION = Text(
    "报告的 unit 既不是成员单位的规范名称，也不是已登记的全称或别名（须完全一致）。消息会列出最接近的名称。"
    "这样的报告只检查任务编号是否存在，不计入任何单位的提交情况。可用 `ipr-check units` 查看规范名称和别名。",
    "The report's unit is neither a member unit's canonical name nor a registered full name or alias (an exact "
    "match is needed). The message suggests the closest names. Such a report gets only the unknown-task check "
    "and counts for no unit; `ipr-check units` lists names and aliases.",
)
PASSING = """\
unit: 区市场监管局
year: 2020
tasks: {}
"""
FAILING = """\
unit: 区市场监督局
year: 2020
tasks: {}
"""
UNKNOWN = Text("“{unit}”不是成员单位的名称或别名", "'{unit}' is not the name or alias of a member unit")
UNKNOWN_NEAR = Text(
    "“{unit}”不是成员单位的名称或别名，是否为：{names}？",
    "'{unit}' is not the name or alias of a member unit; did you mean: {names}?",
)


def check(ctx: ReportContext) -> Iterator[Finding]:
    written = ctx.document.unit
    if ctx.unit is not None or written is None:
        return
    from ipr_rules.suggest import closest

    near = closest(written, ctx.ruleset.registry.all_names)
    line = ctx.document.unit_line or ctx.document.line
    if near:
        yield finding(KIND, SEVERITY, UNKNOWN_NEAR, written, None, ctx.file, line, unit=written, names=Names(near))
    else:
        yield finding(KIND, SEVERITY, UNKNOWN, written, None, ctx.file, line, unit=written)
