"""`unknown-metric`: a metric key that is neither an id, an alias nor a label of the vocabulary."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Names, Text

KIND = "unknown-metric"
SEVERITY: Severity = "warning"
SCOPE = "unit"
STAGE = "report"
DESCRIPTION = Text(
    "报告中的指标名称不在规则集的指标词表（metrics.yaml）中：既不是指标编号，也不是别名或中文名称。"
    "这样的数字无法汇总到全区合计中。消息会列出最接近的名称；`ipr-check metrics` 列出全部指标。",
    "A metric key is not in the ruleset's vocabulary (metrics.yaml): neither an id, an alias nor a label, so the "
    "figure cannot be added to the district's totals. The message suggests the closest names; `ipr-check metrics` "
    "lists them all.",
)
PASSING = """\
unit: 区市场监管局
year: 2020
metrics: {admin_cases: 1849, 案值: 3749.29}
tasks:
  "4-1":
    status: done
    actions: [检查批发市场 14 个，立案 47 件]
    metrics: {cases: 47}
"""
FAILING = """\
unit: 区市场监管局
year: 2020
metrics: {case_count: 1849}
tasks:
  "4-1":
    status: done
    actions: [检查批发市场 14 个，立案 47 件]
"""
UNKNOWN = Text(
    "指标“{key}”不在指标词表中，不计入汇总", "the metric '{key}' is not in the vocabulary; it is left out of the totals"
)
UNKNOWN_NEAR = Text(
    "指标“{key}”不在指标词表中，不计入汇总；是否为：{names}？",
    "the metric '{key}' is not in the vocabulary; it is left out of the totals; did you mean: {names}?",
)


def check(ctx: ReportContext) -> Iterator[Finding]:
    vocabulary = ctx.ruleset.metrics
    if vocabulary is None:
        return
    for figure in ctx.figures:
        if figure.metric is not None:
            continue
        line = ctx.document.line_of(*figure.path)
        near = vocabulary.suggest(figure.key)
        if near:
            yield finding(
                KIND,
                SEVERITY,
                UNKNOWN_NEAR,
                ctx.unit_name,
                figure.task,
                ctx.file,
                line,
                key=figure.key,
                names=Names(near),
            )
        else:
            yield finding(KIND, SEVERITY, UNKNOWN, ctx.unit_name, figure.task, ctx.file, line, key=figure.key)
