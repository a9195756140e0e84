"""The workbook's sheets of what the office hands upward: 指标汇总 (each metric's district total and
every unit's own figure) and 工作内容 (per task, what each carrying unit reported doing)."""

from __future__ import annotations

from typing import Any

from ipr_rules.coverage import STATE_LABELS
from ipr_rules.i18n import ROLE_LABELS, Lang, Text
from ipr_rules.render import narrative
from ipr_rules.render.summary import Summary
from ipr_rules.render.xlsx_kit import Formats, cell_text, fit_width

SHEET = Text("指标汇总", "Totals")
HEADERS = (Text("指标编号", "id"), Text("指标", "metric"), Text("计量单位", "unit"), Text("全区合计", "district total"))
WORK_SHEET = Text("工作内容", "Work done")
WORK_HEADERS = (
    Text("任务", "task"),
    Text("事项", "item"),
    Text("单位", "unit"),
    Text("分工", "role"),
    Text("状态", "status"),
    Text("工作内容", "actions"),
    Text("产出", "outputs"),
    Text("专项行动", "campaigns"),
)


def write_totals(sheet: Any, summary: Summary, formats: Formats, amount: Any, lang: Lang) -> None:
    """One row per metric some unit gave; one column per unit that gave any."""
    units = list(dict.fromkeys(unit for total in summary.totals for unit in total.by_unit))
    ordered = [unit.unit for unit in summary.units if unit.unit in units]
    units = ordered + [unit for unit in units if unit not in ordered]
    sheet.write_string(0, 0, narrative.TOTALS.render(lang), formats.title)
    sheet.write_string(1, 0, narrative.TOTALS_NOTE.render(lang), formats.subtitle)
    headers = [header.render(lang) for header in HEADERS] + units
    for column, header in enumerate(headers):
        sheet.write_string(3, column, header, formats.header)
    if not summary.totals:
        sheet.write_string(4, 0, narrative.NO_TOTALS.render(lang), formats.base)
    for row, total in enumerate(summary.totals, start=4):
        style = formats.number if total.type == "count" else amount
        sheet.write_string(row, 0, total.metric, formats.base)
        sheet.write_string(row, 1, total.label, formats.base)
        sheet.write_string(row, 2, total.unit, formats.base)
        sheet.write_number(row, 3, float(total.total), style)
        for column, unit in enumerate(units, start=4):
            value = total.by_unit.get(unit)
            if value is not None:
                sheet.write_number(row, column, float(value), style)
    widths = [fit_width([headers[0], *(t.metric for t in summary.totals)], 10, 26)]
    widths.append(fit_width([headers[1], *(t.label for t in summary.totals)], 10, 30))
    widths += [9, 12]
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    for column, unit in enumerate(units, start=4):
        sheet.set_column(column, column, fit_width([unit], 10, 22))
    sheet.freeze_panes(4, 2)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def write_work(sheet: Any, summary: Summary, formats: Formats, lang: Lang) -> None:
    """One row per task and carrying unit (a task nobody carried has a row saying so), one
    action or output per line of its cell; filterable, the header frozen."""
    for column, header in enumerate(WORK_HEADERS):
        sheet.write_string(0, column, header.render(lang), formats.header)
    row = 1
    for item in summary.work:
        if not item.units and not summary.headline.set_checks:
            continue
        task = item.task
        if not item.units:
            sheet.write_string(row, 0, task.id, formats.base)
            sheet.write_string(row, 1, cell_text(task.item_title), formats.wrap)
            sheet.write_string(row, 5, narrative.NOBODY.render(lang), formats.severity["error"])
            row += 1
            continue
        for unit in item.units:
            role = (ROLE_LABELS[unit.role] if unit.role else narrative.OPEN_ROLE).render(lang)
            actions = [action for work in unit.work for action in work.actions]
            outputs = [
                narrative.output_line(title, date, lang) for work in unit.work for title, date, _ in work.outputs
            ]
            campaigns = list(dict.fromkeys(name for work in unit.work for name in work.campaigns))
            values = (
                task.id,
                task.item_title,
                unit.unit,
                role,
                STATE_LABELS[unit.status].render(lang),
                "\n".join(actions),
                "\n".join(outputs),
                ("、" if lang == "zh" else ", ").join(campaigns),
            )
            for column, value in enumerate(values):
                if value:
                    sheet.write_string(row, column, cell_text(value), formats.wrap)
            row += 1
    sheet.autofilter(0, 0, max(row - 1, 1), len(WORK_HEADERS) - 1)
    sheet.freeze_panes(1, 0)
    for column, width in enumerate((7, 18, 16, 9, 9, 70, 36, 14)):
        sheet.set_column(column, column, width)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)
