"""`--format table` (the default): findings grouped by unit, errors first, a summary per kind."""

from __future__ import annotations

from ipr_rules.findings import SEVERITY_RANK
from ipr_rules.i18n import SEVERITY_LABELS, Lang, Text
from ipr_rules.render.grouping import by_unit
from ipr_rules.render.safe_text import one_line
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
SET_CHECKS_OFF = Text(
    "（只检查了一个单位，未做全区集合检查；需要时加 --complete）",
    "(one unit only: the set checks did not run; add --complete to run them)",
)


def render(result: CheckResult, lang: Lang) -> str:
    lines: list[str] = []
    for unit, findings in by_unit(result):
        lines.append(one_line(unit) if unit is not None else NO_UNIT.render(lang))
        for finding in findings:
            where = finding.location or (f"[{finding.task}]" if finding.task else "-")
            severity = SEVERITY_LABELS[finding.severity].render(lang)
            lines.append(f"  {one_line(where)}  {severity}  {finding.kind}  {one_line(finding.text(lang))}")
        lines.append("")
    if not result.findings:
        lines += [NO_FINDINGS.render(lang), ""]
    else:
        lines += [_kind_table(result, lang), ""]
    lines.append(_totals(result, lang))
    if result.set_checks:
        lines.append(_coverage(result, lang))
    elif result.reports:
        lines.append(SET_CHECKS_OFF.render(lang))
    return "\n".join(lines) + "\n"


def _kind_table(result: CheckResult, lang: Lang) -> str:
    from ipr_rules.views.tables import table

    rows = [
        [kind, SEVERITY_LABELS[str(data["severity"])].render(lang), str(data["count"])]
        for kind, data in sorted(
            result.by_kind().items(), key=lambda item: (SEVERITY_RANK[str(item[1]["severity"])], item[0])
        )
    ]
    return table(SUMMARY_HEADERS.render(lang).split("|"), rows)


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
