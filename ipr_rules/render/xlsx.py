"""`--format xlsx`: a workbook the office can filter, sort and annotate.

Six sheets: 汇总 (what was checked, the figures, counts by kind and by unit), 问题清单 (every
finding, one row each, with an autofilter, a frozen header and two empty columns for the
office's notes), 覆盖矩阵 (units × tasks with the heatmap's fills and a legend), 指标汇总 (the
district's totals with each unit's own figures), 工作内容 (per task, what each unit did) and
已豁免 (the findings office exemptions covered). Every text
cell is written as text; the same result gives the same bytes (fixed document properties).
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from typing import Any

from ipr_rules.findings import SEVERITIES
from ipr_rules.i18n import SEVERITY_LABELS, Lang, Text, join_names
from ipr_rules.render.grouping import by_unit
from ipr_rules.render.labels import kind_label
from ipr_rules.render.summary import Summary, local_time, summarize
from ipr_rules.render.xlsx_kit import Formats, cell_text, fit_width
from ipr_rules.render.xlsx_matrix import write_matrix
from ipr_rules.render.xlsx_totals import SHEET as TOTALS_SHEET
from ipr_rules.render.xlsx_totals import WORK_SHEET, write_totals, write_work
from ipr_rules.result import CheckResult

SHEETS = (Text("汇总", "Summary"), Text("问题清单", "Findings"), Text("覆盖矩阵", "Coverage"))
WAIVED_SHEET = Text("已豁免", "Waived")
TITLE = Text("{year} 年打击侵权假冒工作年度报告核查结果", "Check of the {year} annual reports on IP protection")
FACTS = (
    Text("规则集", "ruleset"),
    Text("年度", "year"),
    Text("任务数", "tasks"),
    Text("成员单位数", "member units"),
    Text("输入", "inputs"),
    Text("文件数", "files"),
    Text("报告份数", "reports"),
    Text("无法读取的文件", "unreadable files"),
    Text("检查时间", "checked at"),
    Text("检查方式", "scope"),
)
SET_ON = Text("全区集合检查", "the whole set")
SET_OFF = Text("单位自查（未做集合检查）", "per unit only (no set checks)")
FIGURES = Text("汇总数字", "Figures")
UNITS_REPORTED = Text("提交报告的单位", "units that reported")
UNITS_NAMED = Text("工作要点点名的单位", "units the plan names")
RATE = Text("应承担任务的承担率", "share of duties carried")
TASKS_CARRIED = Text("有单位承担的任务", "tasks carried by some unit")
BY_KIND = Text("按问题类型", "By kind")
KIND_HEADERS = (Text("问题类型", "kind"), Text("代码", "code"), Text("级别", "severity"), Text("数量", "count"))
BY_UNIT = Text("按成员单位", "By unit")
UNIT_HEADERS = (
    Text("成员单位", "member unit"),
    Text("提交报告", "reported"),
    Text("应承担", "duties"),
    Text("已承担", "carried"),
    Text("已完成", "done"),
    Text("承担率", "rate"),
    *SEVERITY_LABELS.values(),
)
YES_NO = {True: Text("是", "yes"), False: Text("否", "no")}
FINDING_HEADERS = (
    Text("序号", "no."),
    Text("单位", "unit"),
    Text("任务", "task"),
    Text("事项", "item"),
    Text("级别", "severity"),
    Text("问题类型", "kind"),
    Text("代码", "code"),
    Text("说明", "message"),
    Text("文件", "file"),
    Text("行", "line"),
    Text("处理情况", "follow-up"),
    Text("备注", "notes"),
)
FOLLOW_UP = (
    Text("待整改", "open"),
    Text("已整改", "fixed"),
    Text("已说明情况", "explained"),
    Text("无需整改", "no action"),
)
FOLLOW_UP_PROMPT = Text("可从列表中选择，也可直接填写", "pick from the list or type your own")
# Used when the result's time cannot be read, so the bytes still do not depend on the clock.
FALLBACK_CREATED = datetime(2000, 1, 1, tzinfo=timezone.utc)


def render(result: CheckResult, lang: Lang) -> bytes:
    import xlsxwriter  # type: ignore[import-untyped]  # imported here: a table run never pays for it

    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(buffer, options)
    title = TITLE.render(lang, year=result.ruleset.year)
    workbook.set_properties(
        {
            "title": title,
            "subject": cell_text(result.ruleset.plan.title),
            "author": "ipr-check",
            "created": _created(result),
        }
    )
    formats = Formats(workbook, lang)
    digest = summarize(result)
    summary, findings, matrix, totals, work = (
        workbook.add_worksheet(sheet.render(lang)) for sheet in (*SHEETS, TOTALS_SHEET, WORK_SHEET)
    )
    _summary(summary, result, digest, formats, lang, title)
    _findings(findings, result, formats, lang)
    write_matrix(matrix, result, formats, lang)
    amount = workbook.add_format(
        {"font_name": "等线" if lang == "zh" else "Calibri", "font_size": 10, "valign": "top", "num_format": "#,##0.00"}
    )
    write_totals(totals, digest, formats, amount, lang)
    write_work(work, digest, formats, lang)
    _waived(workbook.add_worksheet(WAIVED_SHEET.render(lang)), result, formats, lang)
    workbook.close()
    return buffer.getvalue()


def _created(result: CheckResult) -> datetime:
    try:
        created = datetime.fromisoformat(result.checked_at)
    except ValueError:
        return FALLBACK_CREATED
    return created if created.tzinfo else created.replace(tzinfo=timezone.utc)


def _headers(sheet: Any, row: int, headers: tuple[Text, ...], formats: Formats, lang: Lang) -> None:
    for column, header in enumerate(headers):
        sheet.write_string(row, column, header.render(lang), formats.header)


def _summary(sheet: Any, result: CheckResult, digest: Summary, formats: Formats, lang: Lang, title: str) -> None:
    ruleset = result.ruleset
    sheet.write_string(0, 0, title, formats.title)
    sheet.write_string(1, 0, cell_text(ruleset.plan.title), formats.subtitle)
    facts: list[str | int] = [
        cell_text(ruleset.plan.title),
        ruleset.year,
        len(ruleset.tasks),
        len(ruleset.registry.units),
        cell_text(join_names(result.inputs, lang)),
        result.files,
        len(result.reports),
        result.unreadable,
        cell_text(local_time(result.checked_at)),
        (SET_ON if result.set_checks else SET_OFF).render(lang),
    ]
    row = 3
    for label, value in zip(FACTS, facts, strict=True):
        sheet.write_string(row, 0, label.render(lang), formats.label)
        _value(sheet, row, 1, value, formats)
        row += 1
    row += 1
    sheet.write_string(row, 0, FIGURES.render(lang), formats.title)
    row += 1
    figures: list[tuple[str, int | float | None]] = [
        (SEVERITY_LABELS[severity].render(lang), result.summary[severity]) for severity in SEVERITIES
    ]
    figures.append((WAIVED_SHEET.render(lang), len(result.waived)))
    coverage = result.coverage
    if result.set_checks:
        figures += [
            (UNITS_REPORTED.render(lang), len(coverage.reported)),
            (UNITS_NAMED.render(lang), len(ruleset.named_units)),
            (RATE.render(lang), coverage.overall.rate),
            (TASKS_CARRIED.render(lang), coverage.tasks_carried),
            (FACTS[2].render(lang), len(coverage.tasks)),
        ]
    for label_text, number in figures:
        sheet.write_string(row, 0, label_text, formats.label)
        if isinstance(number, float):
            sheet.write_number(row, 1, number, formats.percent)
        elif number is not None:
            sheet.write_number(row, 1, number, formats.number)
        row += 1
    row = _kinds(sheet, row + 1, digest, formats, lang)
    _units(sheet, row + 1, digest, formats, lang)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 2 + len(SEVERITIES) + 3, 11)
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _value(sheet: Any, row: int, column: int, value: str | int, formats: Formats) -> None:
    if isinstance(value, int):
        sheet.write_number(row, column, value, formats.number)
    else:
        sheet.write_string(row, column, value, formats.wrap)


def _kinds(sheet: Any, row: int, digest: Summary, formats: Formats, lang: Lang) -> int:
    sheet.write_string(row, 0, BY_KIND.render(lang), formats.title)
    _headers(sheet, row + 1, KIND_HEADERS, formats, lang)
    row += 2
    for count in digest.kinds:
        severity = count.severity
        sheet.write_string(row, 0, kind_label(count.kind, lang), formats.base)
        sheet.write_string(row, 1, count.kind, formats.base)
        sheet.write_string(row, 2, SEVERITY_LABELS[severity].render(lang), formats.severity[severity])
        sheet.write_number(row, 3, count.count, formats.number)
        row += 1
    return row


def _units(sheet: Any, row: int, digest: Summary, formats: Formats, lang: Lang) -> None:
    sheet.write_string(row, 0, BY_UNIT.render(lang), formats.title)
    _headers(sheet, row + 1, UNIT_HEADERS, formats, lang)
    row += 2
    for unit in digest.units:
        figures = unit.figures
        sheet.write_string(row, 0, unit.unit, formats.base)
        sheet.write_string(row, 1, YES_NO[unit.reported].render(lang), formats.base)
        for column, number in enumerate((figures.obligations, figures.carried, figures.done), start=2):
            sheet.write_number(row, column, number, formats.number)
        if figures.rate is not None:
            sheet.write_number(row, 5, figures.rate, formats.percent)
        for column, severity in enumerate(SEVERITIES, start=6):
            sheet.write_number(row, column, unit.counts.get(severity, 0), formats.number)
        row += 1


def _waived(sheet: Any, result: CheckResult, formats: Formats, lang: Lang) -> None:
    """The findings office exemptions covered, one row each, with the exemption."""
    from ipr_rules.render.waived import HEADERS, HEADING, exemption_text

    sheet.write_string(0, 0, HEADING.render(lang), formats.title)
    _headers(sheet, 1, HEADERS, formats, lang)
    for row, item in enumerate(result.waived, start=2):
        finding = item.finding
        values = (finding.unit or "", finding.task or "", finding.kind, finding.text(lang), exemption_text(item, lang))
        for column, value in enumerate(values):
            sheet.write_string(row, column, cell_text(value), formats.wrap if column >= 3 else formats.base)
        sheet.write_string(row, len(values), cell_text(finding.location), formats.base)
    for column, width in enumerate((16, 8, 20, 60, 60, 30)):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(2, 0)
    sheet.set_landscape()
    sheet.set_paper(9)


def _findings(sheet: Any, result: CheckResult, formats: Formats, lang: Lang) -> None:
    rows: list[list[str | int | None]] = []
    severities: list[str] = []
    for unit, findings in by_unit(result):
        for finding in findings:
            task = result.ruleset.task(finding.task) if finding.task else None
            severities.append(finding.severity)
            rows.append(
                [
                    len(rows) + 1,
                    cell_text(unit or ""),
                    cell_text(finding.task or ""),
                    task.item_title if task else "",
                    SEVERITY_LABELS[finding.severity].render(lang),
                    kind_label(finding.kind, lang),
                    finding.kind,
                    cell_text(finding.text(lang)),
                    cell_text(finding.file or ""),
                    finding.line,
                    "",
                    "",
                ]
            )
    _headers(sheet, 0, FINDING_HEADERS, formats, lang)
    for index, (values, severity) in enumerate(zip(rows, severities, strict=True), start=1):
        for column, value in enumerate(values):
            if isinstance(value, int):
                sheet.write_number(index, column, value, formats.number)
            elif value is None or value == "":
                sheet.write_blank(index, column, None, formats.base)
            else:
                style = (
                    formats.severity[severity] if column == 4 else formats.wrap if column in (3, 7) else formats.base
                )
                sheet.write_string(index, column, value, style)
    last = max(len(rows), 1)
    sheet.autofilter(0, 0, last, len(FINDING_HEADERS) - 1)
    sheet.freeze_panes(1, 0)
    sheet.data_validation(
        1,
        10,
        max(last, 1000),
        10,
        {
            "validate": "list",
            "source": [choice.render(lang) for choice in FOLLOW_UP],
            "error_type": "information",
            "input_message": FOLLOW_UP_PROMPT.render(lang),
        },
    )
    limits = {0: (5, 6), 3: (10, 24), 7: (30, 70), 8: (12, 40), 10: (10, 12), 11: (16, 30)}
    for column, header in enumerate(FINDING_HEADERS):
        texts = [header.render(lang), *(str(row[column]) for row in rows if row[column] is not None)]
        low, high = limits.get(column, (6, 30))
        sheet.set_column(column, column, fit_width(texts, low, high))
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)
