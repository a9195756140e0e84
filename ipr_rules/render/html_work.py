"""The parts of the HTML report the office hands upward: the district's totals (a table with a
bar per unit, inline SVG, no script) and, per task, what each carrying unit reported doing.

The narrative is collapsed on screen (`<details>`) and printed expanded: a browser prints a
closed `<details>` closed, so the printed copy is a second, plain rendering shown only on paper.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ipr_rules.i18n import Lang
from ipr_rules.render import narrative
from ipr_rules.render.html_kit import esc
from ipr_rules.render.summary import MetricTotal, Summary, TaskWork

BAR_WIDTH = 220  # px of the longest bar
BAR_HEIGHT = 16
LABEL_WIDTH = 150
LABEL_CHARS = 12  # Chinese characters of 11 px that fit in the label column

STYLE = """
table.totals td.chart { width: 55%; }
table.totals td:nth-child(2), table.totals td:nth-child(3) { width: 1%; white-space: nowrap; }
table.totals svg { display: block; max-width: 100%; height: auto; }
table.totals svg text { font-size: 11px; fill: #374151; }
table.totals svg rect { fill: #2563eb; }
section.work details { border: 1px solid var(--line); border-radius: 4px; margin: 4px 0; padding: 2px 10px; }
section.work summary { cursor: pointer; font-weight: 600; }
section.work summary .muted { font-weight: 400; }
section.work h4 { font-size: 14px; margin: 8px 0 2px; }
section.work ul { margin: 2px 0 6px; padding-left: 22px; }
section.work .nobody { color: var(--error); }
section.work p.uncarried { margin: 4px 0; padding: 2px 10px; border: 1px dashed var(--error); border-radius: 4px;
  font-weight: 600; }
.print-only { display: none; }
@media print {
  .print-only { display: block; }
  .screen-only { display: none; }
  section.work h3 { font-size: 10.5pt; margin: 8px 0 2px; break-after: avoid; }
  section.work h4 { font-size: 9.5pt; }
}
"""


def render_totals(summary: Summary, lang: Lang) -> str:
    heading = f'<section class="totals" id="totals"><h2>{esc(narrative.TOTALS.render(lang))}</h2>'
    if not summary.totals:
        return f'{heading}<p class="none">{esc(narrative.NO_TOTALS.render(lang))}</p></section>'
    classes = ("", "", ' class="num"', "")
    head = "".join(
        f"<th{cls}>{esc(header.render(lang))}</th>"
        for cls, header in zip(classes, narrative.TOTALS_HEADERS, strict=True)
    )
    rows = [
        f'<tr><td>{esc(total.label)}<span class="kind">{esc(total.metric)}</span></td><td>{esc(total.unit)}</td>'
        f'<td class="num">{esc(narrative.figure(total.total))}</td><td class="chart">{_bars(total)}</td></tr>'
        for total in summary.totals
    ]
    return (
        f'{heading}<p class="muted">{esc(narrative.TOTALS_NOTE.render(lang))}</p>'
        f'<table class="list totals"><thead><tr>{head}</tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table></section>"
    )


def _bars(total: MetricTotal) -> str:
    """One bar per unit, scaled to the largest; names and figures as SVG text (escaped)."""
    largest = max(total.by_unit.values(), default=Decimal(0))
    width = LABEL_WIDTH + BAR_WIDTH + 70
    height = BAR_HEIGHT * len(total.by_unit) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{esc(total.label)}">'
    ]
    for row, (unit, value) in enumerate(total.by_unit.items()):
        top = 2 + row * BAR_HEIGHT
        length = round(float(value / largest) * BAR_WIDTH, 1) if largest else 0
        # A name longer than the label column is shortened; the bar's tooltip has it whole.
        label = unit if len(unit) <= LABEL_CHARS else unit[: LABEL_CHARS - 1] + "…"
        parts.append(
            f"<g><title>{esc(unit)} {esc(narrative.figure(value))}</title>"
            f'<text x="{LABEL_WIDTH - 6}" y="{top + 12}" text-anchor="end">{esc(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{top + 2}" width="{max(length, 1)}" height="{BAR_HEIGHT - 5}"></rect>'
            f'<text x="{LABEL_WIDTH + length + 4}" y="{top + 12}">{esc(narrative.figure(value))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render_work(summary: Summary, lang: Lang) -> Iterator[str]:
    """The section a task at a time, ending in a newline: with many reports, the narrative of
    every task at once would be the largest piece of the page."""
    items = [item for item in summary.work if item.units or summary.headline.set_checks]
    yield (
        f'<section class="work" id="work"><h2>{esc(narrative.WORK.render(lang))}</h2>'
        f'<p class="muted">{esc(narrative.WORK_NOTE.render(lang))}</p>\n<div class="screen-only">\n'
    )
    for index, item in enumerate(items):
        yield ("\n" if index else "") + _details(item, lang)
    yield '\n</div>\n<div class="print-only">\n'
    for index, item in enumerate(items):
        yield ("\n" if index else "") + _printed(item, lang)
    yield "\n</div></section>\n"


def _title(item: TaskWork) -> str:
    return f"{esc(item.task.id)} {esc(item.task.item_title)}"


def _units_text(item: TaskWork, lang: Lang) -> str:
    if not item.units:
        return f'<span class="nobody">{esc(narrative.NOBODY.render(lang))}</span>'
    return esc(("、" if lang == "zh" else ", ").join(unit.unit for unit in item.units))


def _body(item: TaskWork, lang: Lang) -> str:
    parts = []
    for unit in item.units:
        lines = "".join(f"<li>{esc(line)}</li>" for line in narrative.work_lines(unit, lang))
        parts.append(f"<h4>{esc(narrative.unit_heading(unit, lang))}</h4><ul>{lines}</ul>")
    return "".join(parts)


def _details(item: TaskWork, lang: Lang) -> str:
    summary = f'<summary>{_title(item)} <span class="muted">— {_units_text(item, lang)}</span></summary>'
    return (
        f"<details>{summary}{_body(item, lang)}</details>"
        if item.units
        else f'<p class="uncarried">{_title(item)} — {_units_text(item, lang)}</p>'
    )


def _printed(item: TaskWork, lang: Lang) -> str:
    heading = f"<h3>{_title(item)}</h3>"
    return heading + (_body(item, lang) if item.units else f"<p>{_units_text(item, lang)}</p>")
