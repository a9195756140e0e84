"""`metric-inconsistent`: a unit's per-task figures of one metric add up to more than its own total."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Names, Text
from ipr_rules.report_metrics import known, shown

KIND = "metric-inconsistent"
SEVERITY: Severity = "warning"
SCOPE = "unit"
STAGE = "report"
# The kind's short name in documents.
LABEL = Text("指标数字不一致", "metrics inconsistent")
DESCRIPTION = Text(
    "报告顶层的 metrics 是本单位全年的数字，各任务下的 metrics 是分项数字。同一指标的分项数字之和"
    "大于全年数字时，两者至少有一处写错了（或同一个案件在几项任务中重复计算）。全区合计只加总全年数字。",
    "A report's top-level metrics are the unit's figures for the year; the metrics under its tasks are the "
    "breakdown. When the breakdown of one metric adds up to more than the unit's own figure, one of them is wrong "
    "(or one case was counted under several tasks). District totals add up the yearly figures only.",
)
PASSING = """\
unit: 区市场监管局
year: 2020
metrics: {admin_cases: 50}
tasks:
  "2-1":
    status: done
    actions: [查处销售“山寨”饮料案件 23 件]
    metrics: {admin_cases: 23}
  "2-2":
    status: done
    actions: [查处假冒伪劣食品案件 27 件]
    metrics: {admin_cases: 27}
"""
FAILING = """\
unit: 区市场监管局
year: 2020
metrics: {admin_cases: 40}
tasks:
  "2-1":
    status: done
    actions: [查处销售“山寨”饮料案件 23 件]
    metrics: {admin_cases: 23}
  "2-2":
    status: done
    actions: [查处假冒伪劣食品案件 27 件]
    metrics: {admin_cases: 27}
"""
EXCEEDS = Text(
    "指标“{label}”各任务分项合计 {parts}{unit}（{tasks}），大于本单位全年数字 {total}{unit}",
    "the tasks' figures of '{label}' add up to {parts} {unit} ({tasks}), more than the unit's own total of "
    "{total} {unit}",
)


def check(ctx: ReportContext) -> Iterator[Finding]:
    vocabulary = ctx.ruleset.metrics
    totals: dict[str, tuple[Decimal, tuple[object, ...]]] = {}
    parts: dict[str, Decimal] = {}
    tasks: dict[str, list[str]] = {}
    labels: dict[str, tuple[str, str]] = {}
    if not any(figure.task is None for figure in ctx.figures):
        return  # no total of the unit's own for the tasks' figures to exceed
    for figure in ctx.figures:
        if not known(figure, vocabulary):
            continue
        metric_id = figure.metric_id
        metric = figure.metric
        labels[metric_id] = (metric.label, metric.unit) if metric is not None else (figure.key, "")
        if figure.task is None:
            totals.setdefault(metric_id, (figure.value, figure.path))
        else:
            parts[metric_id] = parts.get(metric_id, Decimal(0)) + figure.value
            tasks.setdefault(metric_id, []).append(figure.task)
    for metric_id, (total, path) in totals.items():
        breakdown = parts.get(metric_id)
        if breakdown is None or breakdown <= total:
            continue
        label, unit = labels[metric_id]
        yield finding(
            KIND,
            SEVERITY,
            EXCEEDS,
            ctx.unit_name,
            None,
            ctx.file,
            ctx.document.line_of(*path),
            label=label,
            unit=unit,
            parts=shown(breakdown),
            total=shown(total),
            tasks=Names(dict.fromkeys(tasks[metric_id])),
        )
