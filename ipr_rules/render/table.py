"""`--format table` (the default): findings grouped by unit, errors first, a summary per kind."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.i18n import SEVERITY_LABELS, Lang, Text
from ipr_rules.render.grouping import by_unit
from ipr_rules.render.safe_text import one_line
from ipr_rules.render.tallies import kind_counts, uncarried_tasks
from ipr_rules.result import CheckResult

NO_UNIT = Text(
    "（不属于任何单位：无法读取的文件、无人承担的共同任务等）",
    "(no unit: unreadable files, shared duties nobody carried …)",
)
NO_FINDINGS = Text("未发现问题。", "No findings.")
SUMMARY_HEADERS = Text("类型|级别|数量", "kind|severity|count")
TOTALS = Text(
    "共检查 {reports} 份报告（{files} 个文件）：错误 {error}，警告 {warning}，提示 {info}",
    "checked {reports} report(s) in {files} file(s): {error} error(s), {warning} warning(s), {info} info",
)
COVERAGE = Text(
    "任务承担情况：{units} 个单位应承担 {obligations} 项次，已承担 {carried} 项次（{rate}）；"
    "{tasks} 项任务中 {tasks_carried} 项有单位承担",
    "coverage: {units} unit(s) owe {obligations} duties, {carried} carried ({rate}); {tasks_carried} of {tasks} "
    "tasks carried by some unit",
)
WAIVED_TOTAL = Text(
    "另有 {waived} 条问题经区打假办豁免，不计入", "{waived} more finding(s) waived by the office, not counted"
)
UNCARRIED = Text("无人承担的任务（{count} 项）：{tasks}", "tasks nobody carried ({count}): {tasks}")
ALL_CARRIED = Text("每项任务都有单位承担", "every task is carried by some unit")
SET_CHECKS_OFF = Text(
    "（只检查了一个单位，未做全区集合检查；需要时加 --complete）",
    "(one unit only: the set checks did not run; add --complete to run them)",
)

UNIT_ONLY = Text(
    "（{units} 个单位各自自查，未做全区集合检查：--unit-only）",
    "({units} units checked each on its own: the set checks did not run, --unit-only)",
)


def render(result: CheckResult, lang: Lang) -> Iterator[str]:
    """Line by line: a large run's table is written out as it is made, never held whole."""
    for unit, findings in by_unit(result):
        yield (one_line(unit) if unit is not None else NO_UNIT.render(lang)) + "\n"
        for finding in findings:
            where = finding.location or (f"[{finding.task}]" if finding.task else "-")
            severity = SEVERITY_LABELS[finding.severity].render(lang)
            yield f"  {one_line(where)}  {severity}  {finding.kind}  {one_line(finding.text(lang))}\n"
        yield "\n"
    yield from _waived(result, lang)
    if not result.findings:
        yield NO_FINDINGS.render(lang) + "\n\n"
    else:
        yield _kind_table(result, lang) + "\n\n"
    yield _totals(result, lang) + "\n"
    if result.waived:
        yield WAIVED_TOTAL.render(lang, waived=len(result.waived)) + "\n"
    if result.set_checks:
        yield _coverage(result, lang) + "\n"
        yield _uncarried(result, lang) + "\n"
    elif result.reports:
        units = len({report.unit for report in result.reports if report.known})
        if result.options.get("unit_only") and units > 1:
            yield UNIT_ONLY.render(lang, units=units) + "\n"
        else:
            yield SET_CHECKS_OFF.render(lang) + "\n"


def _waived(result: CheckResult, lang: Lang) -> Iterator[str]:
    """The findings office exemptions covered, each with the exemption, apart from the counted ones."""
    if not result.waived:
        return
    from ipr_rules.render.waived import HEADING, exemption_text

    yield HEADING.render(lang) + "\n"
    for item in result.waived:
        finding = item.finding
        where = finding.location or (f"[{finding.task}]" if finding.task else "-")
        yield f"  {one_line(where)}  {one_line(finding.unit or '')}  {finding.kind}  {one_line(finding.text(lang))}\n"
        yield f"      {one_line(exemption_text(item, lang))}\n"
    yield "\n"


def _kind_table(result: CheckResult, lang: Lang) -> str:
    from ipr_rules.views.tables import table

    rows = [
        [count.kind, SEVERITY_LABELS[count.severity].render(lang), str(count.count)] for count in kind_counts(result)
    ]
    return table(SUMMARY_HEADERS.render(lang).split("|"), rows)


def _uncarried(result: CheckResult, lang: Lang) -> str:
    # A task the office exempted every named unit from is owed by nobody: not a gap.
    tasks = [task for task in uncarried_tasks(result) if not result.coverage.exempted_task(task.id)]
    if not tasks:
        return ALL_CARRIED.render(lang)
    joiner = "；" if lang == "zh" else "; "
    named = joiner.join(
        f"{task.id}（{task.item_title}）" if lang == "zh" else f"{task.id} ({task.item_title})" for task in tasks
    )
    return UNCARRIED.render(lang, count=len(tasks), tasks=one_line(named))


def _totals(result: CheckResult, lang: Lang) -> str:
    return TOTALS.render(lang, reports=len(result.reports), files=result.files, **result.summary)


def _coverage(result: CheckResult, lang: Lang) -> str:
    coverage = result.coverage
    overall = coverage.overall
    reported = [unit for unit in coverage.units if unit in coverage.reported]
    rate = f"{overall.rate:.1%}" if overall.rate is not None else "-"
    return COVERAGE.render(
        lang,
        units=len(reported) if not result.set_checks else len(coverage.units),
        obligations=overall.obligations,
        carried=overall.carried,
        rate=rate,
        tasks=len(coverage.tasks),
        tasks_carried=coverage.tasks_carried,
    )
