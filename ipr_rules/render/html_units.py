"""The per-unit part of the HTML report: one section per unit, its duties and its findings.

The office forwards the report to every member unit, so each unit that reported (or has a
finding) gets a section of its own, starting a new page when printed.
"""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.findings import Finding
from ipr_rules.i18n import ROLE_LABELS, Lang, Text
from ipr_rules.render.grouping import findings_by_unit, unit_order
from ipr_rules.render.html_kit import esc, severity_cell, unit_anchor, where
from ipr_rules.render.html_matrix import matrix_units
from ipr_rules.render.labels import kind_label
from ipr_rules.render.states import look_of
from ipr_rules.result import CheckResult

HEADING = Text("各单位情况", "By unit")
OTHER = Text("其他（无法读取的文件、无人承担的共同任务等）", "Other (unreadable files, shared duties nobody carried …)")
REPORTS = Text("报告：{files}", "report: {files}")
ENTRIES = Text("{file}（{entries} 个条目）", "{file} ({entries} entries)")
NO_REPORT = Text("未提交报告", "no report submitted")
DUTIES = Text(
    "应承担 {obligations} 项，已承担 {carried} 项，其中已完成 {done} 项",
    "{obligations} duties: {carried} carried, {done} of them done",
)
UNKNOWN = Text("（不是规则集中的成员单位）", "(not a member unit of the ruleset)")
DUTY_LIST = Text("本单位任务及报告状态", "The unit's duties and what it reported")
HEADERS = (
    Text("级别", "severity"),
    Text("任务", "task"),
    Text("问题", "finding"),
    Text("说明", "message"),
    Text("位置", "where"),
)
NONE = Text("未发现问题。", "No findings.")


def render_units(result: CheckResult, lang: Lang) -> Iterator[str]:
    """The heading, then one unit's section after another; the pieces carry their line breaks."""
    shown = set(matrix_units(result)) | {finding.unit for finding in result.findings}
    known: list[str | None] = [unit for unit in result.coverage.units if unit in shown]
    extra = [unit for unit in unit_order(result) if unit not in result.coverage.units]
    yield f'<h2 id="units">{esc(HEADING.render(lang))}</h2>\n'
    for index, (unit, findings) in enumerate(findings_by_unit(result, known + extra)):
        if index < len(known):
            anchor = unit_anchor(result.coverage.units, unit)
        else:
            anchor = "unit-other" if unit is None else f"unit-x{index - len(known) + 1}"
        yield from _unit_section(result, unit, anchor, findings, lang)


def _unit_section(
    result: CheckResult, unit: str | None, anchor: str, findings: list[Finding], lang: Lang
) -> Iterator[str]:
    coverage = result.coverage
    title = esc(unit) if unit is not None else esc(OTHER.render(lang))
    if unit is not None and unit not in coverage.units:
        title += f' <span class="muted">{esc(UNKNOWN.render(lang))}</span>'
    yield f'<section class="unit-report" id="{anchor}">\n<h3>{title}</h3>'
    if unit is not None:
        yield "\n"
        yield from _facts(result, unit, lang)
    if unit in coverage.units:
        yield "\n" + _duties(result, unit, lang)
    yield "\n"
    for piece in _findings(findings, lang):
        yield piece + "\n"
    yield "</section>\n"


def _facts(result: CheckResult, unit: str, lang: Lang) -> Iterator[str]:
    """The unit's reports and duties in a line, its files a block at a time (a unit may have sent
    hundreds); escaping is character by character, so the pieces escape as the whole would."""
    joiner = "；" if lang == "zh" else "; "
    files = (
        ENTRIES.render(lang, file=report.file, entries=report.entries)
        for report in result.reports
        if report.unit == unit
    )
    first = next(files, None)
    yield '<p class="facts">'
    if first is None:
        yield esc(NO_REPORT.render(lang))
    else:
        before, after = REPORTS.render(lang, files="\0").split("\0")
        block = [before, first]
        for file in files:
            block += (joiner, file)
            if len(block) >= 2 * ROWS_PER_PIECE:
                yield esc("".join(block))
                block = []
        yield esc("".join([*block, after]))
    if unit in result.coverage.units:
        figures = result.coverage.unit_figures(unit)
        if figures.obligations:
            duties = DUTIES.render(lang, obligations=figures.obligations, carried=figures.carried, done=figures.done)
            yield esc(joiner + duties)
    yield "</p>"


def _duties(result: CheckResult, unit: str, lang: Lang) -> str:
    """The unit's row of the matrix, readable on its own page: task id, glyph, colour."""
    chips = []
    for task_id in result.coverage.tasks:
        cell = result.coverage.cell(unit, task_id)
        look = look_of(cell)
        if look.key == "not_assigned":
            continue
        task = result.ruleset.task(task_id)
        role = ROLE_LABELS[cell.role].render(lang) if cell.role else ""
        title = " · ".join(
            part for part in (task_id, task.item_title if task else "", role, look.label.render(lang)) if part
        )
        lead = " lead" if cell.role == "lead" else ""
        chips.append(f'<li class="s-{look.key}{lead}" title="{esc(title)}">{esc(task_id)} {esc(look.glyph)}</li>')
    if not chips:
        return ""
    return f'<ul class="chips" aria-label="{esc(DUTY_LIST.render(lang))}">{"".join(chips)}</ul>'


# Rows of a findings table written at a time: a unit may have thousands in a large run.
ROWS_PER_PIECE = 200


def _findings(findings: list[Finding], lang: Lang) -> Iterator[str]:
    if not findings:
        yield f'<p class="none">{esc(NONE.render(lang))}</p>'
        return
    head = "".join(f"<th>{esc(header.render(lang))}</th>" for header in HEADERS)
    yield f'<table class="list findings"><thead><tr>{head}</tr></thead><tbody>'
    for start in range(0, len(findings), ROWS_PER_PIECE):
        rows = []
        for finding in findings[start : start + ROWS_PER_PIECE]:
            kind = f'{esc(kind_label(finding.kind, lang))}<span class="kind">{esc(finding.kind)}</span>'
            rows.append(
                f'<tr>{severity_cell(finding, lang)}<td class="nowrap">{esc(finding.task or "–")}</td>'
                f'<td class="nowrap">{kind}</td><td>{esc(finding.text(lang))}</td>'
                f'<td class="loc">{where(finding)}</td></tr>'
            )
        yield "\n".join(rows)
    yield "</tbody></table>"
