"""`--format markdown`: a document the office can paste into its notice."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from ipr_rules.i18n import SEVERITY_LABELS, Lang, Text
from ipr_rules.render import narrative
from ipr_rules.render.grouping import by_unit
from ipr_rules.render.safe_text import markdown as md
from ipr_rules.render.safe_text import markdown_prose
from ipr_rules.render.summary import Summary, summarize
from ipr_rules.result import CheckResult

TITLE = Text("# {year} 年打击侵权假冒工作年度报告核查结果", "# Check of the {year} annual reports on IP protection")
CHECKED = Text(
    "规则集：{title}（{tasks} 项任务，{units} 个成员单位）；检查时间：{time}；输入：{inputs}",
    "Ruleset: {title} ({tasks} tasks, {units} member units); checked at {time}; inputs: {inputs}",
)
SUMMARY = Text("## 汇总", "## Summary")
FIGURE_HEADERS = Text("| 项目 | 数值 |\n| --- | ---: |", "| figure | value |\n| --- | ---: |")
FIGURES = {
    "reports": Text("报告份数", "reports"),
    "units": Text("提交报告的单位", "units that reported"),
    "error": Text("错误", "errors"),
    "warning": Text("警告", "warnings"),
    "info": Text("提示", "info"),
    "waived": Text("已豁免", "waived"),
    "rate": Text("应承担任务的承担率", "share of duties carried"),
    "tasks": Text("有单位承担的任务", "tasks carried by some unit"),
}
PER_UNIT = Text("## 各单位存在的问题", "## Gaps by unit")
FINDING_HEADERS = Text(
    "| 位置 | 级别 | 类型 | 任务 | 说明 |\n| --- | --- | --- | --- | --- |",
    "| where | severity | kind | task | message |\n| --- | --- | --- | --- | --- |",
)
NO_UNIT = Text(
    "其他（无法读取的文件、无人承担的共同任务等）", "Other (unreadable files, shared duties nobody carried …)"
)
UNCARRIED = Text("## 无人承担的共同任务", "## Shared duties nobody carried")
UNCARRIED_HEADERS = Text(
    "| 任务 | 事项 | 责任单位 | 开放 |\n| --- | --- | --- | --- |",
    "| task | item | units | open |\n| --- | --- | --- | --- |",
)
WRONG = Text("## 填报了非本单位任务的条目", "## Entries for other units' tasks")
WRONG_HEADERS = Text(
    "| 填报单位 | 任务 | 该任务的责任单位 | 位置 |\n| --- | --- | --- | --- |",
    "| reporting unit | task | the task's units | where |\n| --- | --- | --- | --- |",
)
NONE = Text("无。", "None.")
KINDS = Text("## 按类型统计", "## By kind")
KIND_HEADERS = Text("| 类型 | 级别 | 数量 |\n| --- | --- | ---: |", "| kind | severity | count |\n| --- | --- | ---: |")
YES = Text("是", "yes")
NO = Text("否", "no")


def render(result: CheckResult, lang: Lang) -> Iterator[str]:
    """Section by section, and the findings line by line: never the whole document at once."""
    plan = result.ruleset.plan
    summary = summarize(result)
    head = [
        TITLE.render(lang, year=result.ruleset.year),
        "",
        CHECKED.render(
            lang,
            title=md(plan.title),
            tasks=len(plan.tasks),
            units=len(result.ruleset.registry.units),
            time=summary.headline.checked_at,
            inputs="、".join(map(md, result.inputs)),  # each on its own: a thousand folders are a long line
        ),
        "",
        *_summary(summary, lang),
        *_totals(summary, lang),
    ]
    yield "\n".join(head) + "\n"
    for line in _per_unit(result, lang):
        yield line + "\n"
    for line in (*_waived(result, lang), *_uncarried(result, lang)):
        yield line + "\n"
    for line in _wrong_unit(result, lang):
        yield line + "\n"
    yield "\n".join(_kinds(summary, lang)).rstrip() + "\n"
    for line in _work(summary, lang):
        yield line + "\n"


def _summary(summary: Summary, lang: Lang) -> list[str]:
    headline = summary.headline
    rate = headline.rate
    rows = [
        ("reports", str(headline.reports)),
        ("units", str(headline.units_reported)),
        *((severity, str(headline.counts[severity])) for severity in ("error", "warning", "info")),
        ("waived", str(headline.counts.get("waived", 0))),
    ]
    if headline.set_checks:
        rows.append(("rate", f"{rate:.1%}" if rate is not None else "-"))
        rows.append(("tasks", f"{headline.tasks_carried} / {headline.tasks}"))
    lines = [SUMMARY.render(lang), "", FIGURE_HEADERS.render(lang)]
    lines += [f"| {FIGURES[key].render(lang)} | {value} |" for key, value in rows]
    return [*lines, ""]


def _per_unit(result: CheckResult, lang: Lang) -> Iterator[str]:
    yield from (PER_UNIT.render(lang), "")
    if not result.findings:
        yield from (NONE.render(lang), "")
        return
    for unit, findings in by_unit(result):
        yield from (f"### {md(unit) if unit is not None else NO_UNIT.render(lang)}", "", FINDING_HEADERS.render(lang))
        for finding in findings:
            yield (
                f"| {md(finding.location) or '-'} | {SEVERITY_LABELS[finding.severity].render(lang)} | {finding.kind} "
                f"| {md(finding.task or '')} | {md(finding.text(lang))} |"
            )
        yield ""


def _waived(result: CheckResult, lang: Lang) -> list[str]:
    """The findings office exemptions covered, with each exemption's reason, approver and document."""
    from ipr_rules.render.waived import HEADERS, HEADING, exemption_text

    lines = [f"## {HEADING.render(lang)}", ""]
    if not result.waived:
        return [*lines, NONE.render(lang), ""]
    lines.append("| " + " | ".join(h.render(lang) for h in HEADERS) + " |")
    lines.append("|" + " --- |" * len(HEADERS))
    for item in result.waived:
        finding = item.finding
        cells = (finding.unit or "", finding.task or "", finding.kind, finding.text(lang), exemption_text(item, lang))
        lines.append("| " + " | ".join(md(cell) for cell in cells) + f" | {md(finding.location) or '-'} |")
    return [*lines, ""]


def _uncarried(result: CheckResult, lang: Lang) -> list[str]:
    lines = [UNCARRIED.render(lang), ""]
    tasks = [f.task for f in result.findings if f.kind == "unaddressed-shared-duty" and f.task]
    if not tasks:
        return [*lines, NONE.render(lang), ""]
    lines.append(UNCARRIED_HEADERS.render(lang))
    for task_id in tasks:
        task = result.ruleset.task(task_id)
        if task is None:
            continue
        open_text = (YES if task.open else NO).render(lang)
        lines.append(f"| {task.id} | {md(task.item_title)} | {md('、'.join(task.units))} | {open_text} |")
    return [*lines, ""]


def _wrong_unit(result: CheckResult, lang: Lang) -> Iterator[str]:
    """Line by line: a large run has thousands of these entries."""
    yield from (WRONG.render(lang), "")
    wrong = (f for f in result.findings if f.kind == "wrong-unit")
    first = next(wrong, None)
    if first is None:
        yield from (NONE.render(lang), "")
        return
    yield WRONG_HEADERS.render(lang)
    for finding in chain((first,), wrong):
        task = result.ruleset.task(finding.task or "")
        owners = "、".join(task.units) if task else ""
        yield f"| {md(finding.unit or '')} | {md(finding.task or '')} | {md(owners)} | {md(finding.location)} |"
    yield ""


def _kinds(summary: Summary, lang: Lang) -> list[str]:
    lines = [KINDS.render(lang), ""]
    if not summary.kinds:
        return [*lines, NONE.render(lang), ""]
    lines.append(KIND_HEADERS.render(lang))
    for count in summary.kinds:
        lines.append(f"| {count.kind} | {SEVERITY_LABELS[count.severity].render(lang)} | {count.count} |")
    return [*lines, ""]


def _totals(summary: Summary, lang: Lang) -> list[str]:
    lines = [f"## {narrative.TOTALS.render(lang)}", ""]
    if not summary.totals:
        return [*lines, narrative.NO_TOTALS.render(lang), ""]
    headers = [header.render(lang) for header in narrative.TOTALS_HEADERS]
    lines += [narrative.TOTALS_NOTE.render(lang), "", f"| {' | '.join(headers)} |", "| --- | --- | ---: | --- |"]
    for total in summary.totals:
        lines.append(
            f"| {markdown_prose(total.label)} | {markdown_prose(total.unit)} | {narrative.figure(total.total)} "
            f"| {markdown_prose(narrative.by_unit(total, lang))} |"
        )
    return [*lines, ""]


def _work(summary: Summary, lang: Lang) -> Iterator[str]:
    """Per task, what each carrying unit reported doing; a unit's own run shows its tasks only."""
    yield from (f"## {narrative.WORK.render(lang)}", "", narrative.WORK_NOTE.render(lang), "")
    for item in summary.work:
        if not item.units and not summary.headline.set_checks:
            continue
        task = item.task
        yield from (f"### {task.id} {markdown_prose(task.item_title)}", "")
        if not item.units:
            yield from (f"*{narrative.NOBODY.render(lang)}*", "")
            continue
        for unit in item.units:
            yield f"- **{markdown_prose(narrative.unit_heading(unit, lang))}**"
            yield from (f"  - {markdown_prose(line)}" for line in narrative.work_lines(unit, lang))
        yield ""
