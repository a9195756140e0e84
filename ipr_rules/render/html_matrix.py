"""The coverage matrix of the HTML report: units × tasks as a heatmap, its legend and task key.

Every cell comes from `result.coverage`; nothing here decides a state.
"""

from __future__ import annotations

from itertools import groupby

from ipr_rules.i18n import ROLE_LABELS, Lang, Text
from ipr_rules.model.ruleset import Task
from ipr_rules.render.html_kit import esc, unit_anchor
from ipr_rules.render.states import LEAD_NOTE, LOOKS, look_of
from ipr_rules.result import CheckResult
from ipr_rules.ruleset.plan_text import plan_number

UNIT = Text("成员单位", "member unit")
RATE = Text("承担", "carried")
RATE_TITLE = Text(
    "应承担 {obligations} 项，已承担 {carried} 项（其中已完成 {done} 项）",
    "{carried} of {obligations} duties carried ({done} done)",
)
NO_REPORT = Text("（未提交）", " (no report)")
CARRIERS = Text("承担单位数", "units carrying")
CARRIERS_TITLE = Text("{task}：{count} 个单位承担", "{task}: carried by {count} unit(s)")
NOTES = Text("任务编号说明", "Task key")
CAPTION = Text(
    "各成员单位任务承担情况（行：成员单位；列：任务编号，按工作要点各部分分组）",
    "Duties by member unit (rows: member units; columns: task ids, grouped by the plan's sections)",
)
NOT_NAMED = Text("未点名", "not named")


def matrix_units(result: CheckResult) -> list[str]:
    """Every unit when the whole set was checked; otherwise only the units that reported."""
    coverage = result.coverage
    if result.set_checks:
        return list(coverage.units)
    return [unit for unit in coverage.units if unit in coverage.reported]


def section_heading(result: CheckResult, number: int, lang: Lang) -> str:
    section = result.ruleset.section(number)
    title = section.title if section else ""
    mark = plan_number(number, lang)
    return f"{mark}、{title}" if lang == "zh" else f"{mark}. {title}"


def render_matrix(result: CheckResult, lang: Lang) -> str:
    tasks = [task for task_id in result.coverage.tasks if (task := result.ruleset.task(task_id)) is not None]
    groups = [(number, list(members)) for number, members in groupby(tasks, key=lambda task: task.section)]
    parts = [
        '<div class="matrix-wrap">',
        f'<table class="matrix" style="--tasks: {len(tasks)}" aria-label="{esc(CAPTION.render(lang))}">',
        _columns(groups),
        _head(result, groups, lang),
        _body(result, tasks, lang),
    ]
    if result.set_checks:
        parts.append(_foot(result, tasks, lang))
    parts += ["</table>", "</div>"]
    return "\n".join(parts)


def _columns(groups: list[tuple[int, list[Task]]]) -> str:
    cols = ['<colgroup><col class="unit"><col class="rate"></colgroup>']
    for _, members in groups:
        inner = "".join('<col class="task first">' if i == 0 else '<col class="task">' for i in range(len(members)))
        cols.append(f"<colgroup>{inner}</colgroup>")
    return "".join(cols)


def _head(result: CheckResult, groups: list[tuple[int, list[Task]]], lang: Lang) -> str:
    sections = "".join(
        f'<th class="sec" scope="colgroup" colspan="{len(members)}" title="{esc(heading)}">{esc(heading)}</th>'
        for number, members in groups
        for heading in [section_heading(result, number, lang)]
    )
    ids = "".join(
        f'<th class="task" scope="col" title="{esc(f"{task.id} {task.item_title}")}"><span>{esc(task.id)}</span></th>'
        for _, members in groups
        for task in members
    )
    corner = f'<th class="corner" rowspan="2" scope="col">{esc(UNIT.render(lang))}</th>'
    rate = f'<th class="corner" rowspan="2" scope="col">{esc(RATE.render(lang))}</th>'
    return f"<thead><tr>{corner}{rate}{sections}</tr><tr>{ids}</tr></thead>"


def _body(result: CheckResult, tasks: list[Task], lang: Lang) -> str:
    coverage = result.coverage
    rows = []
    for unit in matrix_units(result):
        figures = coverage.unit_figures(unit)
        absent = unit not in coverage.reported
        name = unit + (NO_REPORT.render(lang) if absent else "")
        anchor = unit_anchor(coverage.units, unit)
        link = f'<a href="#{anchor}">{esc(name)}</a>'
        head = f'<th scope="row" class="{"absent" if absent else ""}" title="{esc(name)}">{link}</th>'
        rate_title = RATE_TITLE.render(
            lang, obligations=figures.obligations, carried=figures.carried, done=figures.done
        )
        rate = f'<td class="rate" title="{esc(rate_title)}">{figures.carried}/{figures.obligations}</td>'
        cells = "".join(_cell(result, unit, task, lang) for task in tasks)
        rows.append(f"<tr>{head}{rate}{cells}</tr>")
    return "<tbody>\n" + "\n".join(rows) + "\n</tbody>"


def _cell(result: CheckResult, unit: str, task: Task, lang: Lang) -> str:
    cell = result.coverage.cell(unit, task.id)
    look = look_of(cell)
    if look.key == "not_assigned":
        return '<td class="c s-not_assigned"></td>'
    role = ROLE_LABELS[cell.role].render(lang) if cell.role else NOT_NAMED.render(lang)
    title = f"{unit} · {task.id} {task.item_title} · {role} · {look.label.render(lang)}"
    lead = " lead" if cell.role == "lead" else ""
    return f'<td class="c s-{look.key}{lead}" title="{esc(title)}">{esc(look.glyph)}</td>'


def _foot(result: CheckResult, tasks: list[Task], lang: Lang) -> str:
    coverage = result.coverage
    cells = []
    for task in tasks:
        count = len(coverage.carried_by.get(task.id, ()))
        title = CARRIERS_TITLE.render(lang, task=task.id, count=count)
        zero = count == 0 and not coverage.exempted_task(task.id)
        cells.append(f'<td class="{"zero" if zero else ""}" title="{esc(title)}">{count}</td>')
    return f'<tfoot><tr><th colspan="2" scope="row">{esc(CARRIERS.render(lang))}</th>{"".join(cells)}</tr></tfoot>'


def render_legend(lang: Lang) -> str:
    items = [
        f'<li><span class="swatch s-{look.key}">{esc(look.glyph)}</span>{esc(look.label.render(lang))}</li>'
        for look in LOOKS
    ]
    items.append(f'<li><span class="swatch lead"></span>{esc(LEAD_NOTE.render(lang))}</li>')
    return '<ul class="legend">' + "".join(items) + "</ul>"


def render_task_notes(result: CheckResult, lang: Lang) -> str:
    """The key to the column heads for paper, where there is no hover: item titles by section."""
    ruleset = result.ruleset
    lines = [f'<div class="task-notes" role="note" aria-label="{esc(NOTES.render(lang))}">']
    for section in ruleset.plan.sections:
        entries = []
        for item in (item for item in ruleset.plan.items if item.section == section.number):
            ids = [task.id for task in ruleset.tasks if task.item == item.number]
            if not ids:
                continue
            span = ids[0] if len(ids) == 1 else f"{ids[0]}～{ids[-1]}"
            entries.append(f"{esc(span)} {esc(item.title)}")
        if entries:
            heading = section_heading(result, section.number, lang)
            colon, separator = ("：", "；") if lang == "zh" else (": ", "; ")
            lines.append(f"<p><b>{esc(heading)}</b>{colon}{separator.join(entries)}</p>")
    lines.append("</div>")
    return "\n".join(lines)
