"""`invalid-report`: a document that breaks the report format of SPEC §3."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, pack
from ipr_rules.i18n import Localized, Text
from ipr_rules.loading.ime_mistakes import FULL_WIDTH_QUOTES
from ipr_rules.loading.validate import NUMERIC_TASK_ID
from ipr_rules.report_metrics import shown
from ipr_rules.taskids import ITEM_MANY, ITEM_ONE

KIND = "invalid-report"
SEVERITY: Severity = "error"
SCOPE = "unit"
STAGE = "report"
# The kind's short name in documents.
LABEL = Text("格式错误", "invalid report")
DESCRIPTION = Text(
    "报告不符合格式：缺少必填字段（unit、year、tasks、status）、字段类型不对、状态值不在 done / partial / "
    'not_started / not_applicable 之中、任务编号写成了数字（1.1 应写作 "1-1"）、键重复、日期不存在、'
    "指标不是非负数（计数指标须为整数，金额可有小数）、同一指标写了两次、done 或 partial 没有写 actions、not_applicable 没有写 reason、不认识的字段等。"
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
NUMERIC_ID = Text(
    '任务编号 {raw} 没有加引号，被 YAML 读作{kind}，请写成带引号的 "{suggested}"{missing}',
    'the task id {raw} is not quoted, so YAML read it as a {kind}; write it quoted as "{suggested}"{missing}',
)
NUMERIC_ITEM = Text(
    "任务编号 {raw} 没有加引号，被 YAML 读作数字；{detail}",
    "the task id {raw} is not quoted, so YAML read it as a number; {detail}",
)


def check(ctx: ReportContext) -> Iterator[Finding]:
    unit = ctx.unit_name
    for problem in ctx.document.problems:
        task = (
            problem.path[1]
            if len(problem.path) > 1 and problem.path[0] == "tasks" and isinstance(problem.path[1], str)
            else None
        )
        if problem.message is FULL_WIDTH_QUOTES and _quoted_task_id_at(ctx, problem.line):
            continue  # the unknown-task finding for that id says it, with the task it leaves unentered
        if problem.message is NUMERIC_TASK_ID and (said := _numeric_id(ctx, problem.args)) is not None:
            problem = replace(problem, message=said[0], args=said[1])
        yield Finding.of(problem.at(ctx.file), KIND, SEVERITY, unit, task)
    yield from _metric_problems(ctx)


def _numeric_id(ctx: ReportContext, args: dict[str, Any]) -> tuple[Text, dict[str, Any]] | None:
    """`13:` is item (十三), `13.1:` task 13-1: said with the tasks the plan has, and with the
    task it leaves unentered (instead of a second finding, `missing-task`)."""
    from ipr_rules.taskids import explain, meant

    raw = str(args["raw"])
    found = explain(raw, ctx.ruleset, ctx.unit.name if ctx.unit else None, _present(ctx))
    if found is None:
        return None
    message, explained = found
    if meant(raw, ctx.ruleset) is not None and message is not ITEM_ONE and message is not ITEM_MANY:
        return NUMERIC_ID, {**args, "suggested": explained["task"], "missing": explained["missing"]}
    return NUMERIC_ITEM, {"raw": raw, "detail": Localized(message, **explained)}


def _quoted_task_id_at(ctx: ReportContext, line: int | None) -> bool:
    from ipr_rules.taskids import meant

    for task_id in (*ctx.document.entries, *ctx.document.broken_entries):
        if ctx.entry_line(task_id) == line and ctx.ruleset.task(task_id) is None:
            found = meant(task_id, ctx.ruleset)
            return found is not None and found.how == "quotes"
    return False


def _present(ctx: ReportContext) -> set[str]:
    return {*ctx.document.entries, *ctx.document.broken_entries}


NOT_WHOLE = Text(
    "指标“{key}”（{label}）是计数，应为非负整数，实为小数 {value}",
    "the metric '{key}' ({label}) is a count: it should be a whole number, not {value}",
)
WRITTEN_TWICE = Text(
    "“{key}”与“{first}”是同一个指标“{label}”，只能写一次",
    "'{key}' and '{first}' are the same metric '{label}'; give it once",
)


def _metric_problems(ctx: ReportContext) -> Iterator[Finding]:
    """Figures the report format allows but the vocabulary does not: a count with decimals,
    and one metric under two of its names in one mapping."""
    vocabulary = ctx.ruleset.metrics
    if vocabulary is None:
        return
    seen: dict[tuple[str | None, str], str] = {}
    for figure in ctx.figures:
        metric = figure.metric
        if metric is None:
            continue
        fits = figure.fits
        first = seen.setdefault((figure.task, metric.id), figure.key)
        if fits and first == figure.key:
            continue  # most figures: nothing to say, nor a line to look up
        line = ctx.document.line_of(*figure.path)
        args: dict[str, object] = {"key": figure.key, "label": metric.label}
        found: list[tuple[Text, dict[str, object]]] = []
        if not fits:
            found.append((NOT_WHOLE, {**args, "value": shown(figure.value)}))
        if first != figure.key:
            found.append((WRITTEN_TWICE, {**args, "first": first}))
        for message, values in found:
            yield Finding(KIND, SEVERITY, ctx.unit_name, figure.task, ctx.file, line, message, pack(values))
