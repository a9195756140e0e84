"""The 覆盖矩阵 sheet: units × tasks with the heatmap's fills, a legend and a key to the tasks.

States are read from `result.coverage`; a task id's item title shows when its head is selected
(an input message), and in the key below the legend.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from ipr_rules.i18n import ROLE_LABELS, Lang, Text, join_names
from ipr_rules.render.states import LEAD_NOTE, LOOKS, look_of
from ipr_rules.render.xlsx_kit import Formats, fit_width
from ipr_rules.result import CheckResult
from ipr_rules.ruleset.plan_text import plan_number, section_heading

TITLE = Text("任务覆盖矩阵", "Coverage matrix")
NOTE = Text(
    "行：成员单位；列：任务编号（按工作要点各部分分组，选中编号可看到事项名称）；粗框为牵头单位。",
    "Rows: member units; columns: task ids, grouped by the plan's sections (select an id for its item); "
    "a heavy frame marks the lead unit.",
)
HEADERS = (Text("成员单位", "member unit"), Text("应承担", "duties"), Text("已承担", "carried"), Text("承担率", "rate"))
NO_REPORT = Text("（未提交）", " (no report)")
CARRIERS = Text("承担单位数", "units carrying")
LEGEND = Text("图例", "Legend")
KEY = Text("任务编号说明", "Task key")
KEY_HEADERS = (Text("任务", "task"), Text("部分", "section"), Text("事项", "item"), Text("责任单位", "units"))
FIXED = len(HEADERS)
HEAD_ROW = 3  # section heads; task ids on the next row, units below


def write_matrix(sheet: Any, result: CheckResult, formats: Formats, lang: Lang) -> None:
    ruleset = result.ruleset
    coverage = result.coverage
    tasks = [task for task_id in coverage.tasks if (task := ruleset.task(task_id)) is not None]
    units = list(coverage.units) if result.set_checks else [u for u in coverage.units if u in coverage.reported]
    sheet.write_string(0, 0, TITLE.render(lang), formats.title)
    sheet.write_string(1, 0, NOTE.render(lang), formats.subtitle)
    ids_row = HEAD_ROW + 1
    for column, header in enumerate(HEADERS):
        sheet.merge_range(HEAD_ROW, column, ids_row, column, "", formats.header)
        sheet.write_string(HEAD_ROW, column, header.render(lang), formats.header)
    column = FIXED
    for number, members in groupby(tasks, key=lambda task: task.section):
        width = len(list(members))
        section = ruleset.section(number)
        heading = section_heading(number, section.title if section else "", lang)
        if width > 1:
            sheet.merge_range(HEAD_ROW, column, HEAD_ROW, column + width - 1, "", formats.section_head)
        sheet.write_string(HEAD_ROW, column, heading, formats.section_head)
        column += width
    for offset, task in enumerate(tasks):
        sheet.write_string(ids_row, FIXED + offset, task.id, formats.task_head)
        sheet.data_validation(
            ids_row,
            FIXED + offset,
            ids_row,
            FIXED + offset,
            {
                "validate": "any",
                "input_title": task.id[:32],
                "input_message": task.item_title[:255],
            },
        )
    row = ids_row + 1
    for unit in units:
        _unit_row(sheet, row, unit, result, tasks, formats, lang)
        row += 1
    if result.set_checks:
        sheet.write_string(row, 0, CARRIERS.render(lang), formats.label)
        for offset, task in enumerate(tasks):
            count = len(coverage.carried_by.get(task.id, ()))
            zero = count == 0 and not coverage.exempted_task(task.id)
            sheet.write_number(row, FIXED + offset, count, formats.zero if zero else formats.count)
        row += 1
    row = _legend(sheet, row + 1, formats, lang)
    _key(sheet, row + 1, result, formats, lang)
    names = [HEADERS[0].render(lang), *(unit + NO_REPORT.render(lang) for unit in units)]
    sheet.set_column(0, 0, fit_width(names, 16, 34))
    sheet.set_column(1, FIXED - 1, 7)
    sheet.set_column(FIXED, FIXED + len(tasks) - 1, 3.6)
    sheet.set_row(ids_row, 34)
    sheet.freeze_panes(ids_row + 1, FIXED)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _unit_row(
    sheet: Any, row: int, unit: str, result: CheckResult, tasks: list[Any], formats: Formats, lang: Lang
) -> None:
    coverage = result.coverage
    figures = coverage.unit_figures(unit)
    absent = unit not in coverage.reported
    sheet.write_string(row, 0, unit + (NO_REPORT.render(lang) if absent else ""), formats.base)
    sheet.write_number(row, 1, figures.obligations, formats.number)
    sheet.write_number(row, 2, figures.carried, formats.number)
    if figures.rate is not None:
        sheet.write_number(row, 3, figures.rate, formats.percent)
    for offset, task in enumerate(tasks):
        cell = coverage.cell(unit, task.id)
        look = look_of(cell)
        style = (formats.lead_states if cell.role == "lead" else formats.states)[look.key]
        if look.glyph:
            sheet.write_string(row, FIXED + offset, look.glyph, style)
        else:
            sheet.write_blank(row, FIXED + offset, None, style)


def _legend(sheet: Any, row: int, formats: Formats, lang: Lang) -> int:
    sheet.write_string(row, 0, LEGEND.render(lang), formats.label)
    row += 1
    for look in LOOKS:
        if look.glyph:
            sheet.write_string(row, 1, look.glyph, formats.states[look.key])
        else:
            sheet.write_blank(row, 1, None, formats.states[look.key])
        sheet.write_string(row, 2, look.label.render(lang), formats.base)
        row += 1
    sheet.write_string(row, 1, LOOKS[0].glyph, formats.lead_states[LOOKS[0].key])
    sheet.write_string(row, 2, LEAD_NOTE.render(lang), formats.base)
    return row + 1


def _key(sheet: Any, row: int, result: CheckResult, formats: Formats, lang: Lang) -> None:
    """Task id → section, item and units, for paper and for readers who do not hover."""
    sheet.write_string(row, 0, KEY.render(lang), formats.label)
    row += 1
    for column, header in enumerate(KEY_HEADERS):
        sheet.write_string(row, column, header.render(lang), formats.header)
    for task in result.ruleset.tasks:
        row += 1
        owners = join_names(
            [
                f"{a.unit}（{ROLE_LABELS[a.role].render(lang)}）"
                if lang == "zh"
                else f"{a.unit} ({ROLE_LABELS[a.role].render(lang)})"
                for a in task.assignees
            ],
            lang,
        )
        sheet.write_string(row, 0, task.id, formats.base)
        sheet.write_string(row, 1, plan_number(task.section, lang), formats.base)
        sheet.write_string(row, 2, task.item_title, formats.base)
        sheet.write_string(row, 3, owners, formats.base)
