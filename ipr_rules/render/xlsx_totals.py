"""The workbook's 指标汇总 sheet: each metric's district total and every unit's own figure."""

from __future__ import annotations

from typing import Any

from ipr_rules.i18n import Lang, Text
from ipr_rules.render import narrative
from ipr_rules.render.summary import Summary
from ipr_rules.render.xlsx_kit import Formats, fit_width

SHEET = Text("指标汇总", "Totals")
HEADERS = (Text("指标编号", "id"), Text("指标", "metric"), Text("计量单位", "unit"), Text("全区合计", "district total"))


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
