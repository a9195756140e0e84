"""Escaping for the HTML report: every piece of report text goes through `esc`."""

from __future__ import annotations

import html

from ipr_rules.findings import Finding
from ipr_rules.i18n import SEVERITY_LABELS, Lang
from ipr_rules.render.safe_text import terminal


def esc(text: object) -> str:
    """Text for an element or a quoted attribute: markup shown as text, control and
    bidirectional characters shown as visible escapes, newlines kept as spaces."""
    shown = terminal(str(text)).replace("\r", " ").replace("\n", " ")
    return html.escape(shown, quote=True)


def severity_cell(finding: Finding, lang: Lang) -> str:
    label = SEVERITY_LABELS[finding.severity].render(lang)
    return f'<td class="sev sev-{esc(finding.severity)}">{esc(label)}</td>'


def where(finding: Finding) -> str:
    """file:line, or a dash for a finding that belongs to no file."""
    return f'<span class="where">{esc(finding.location)}</span>' if finding.location else "–"


def unit_anchor(units: tuple[str, ...] | list[str], unit: str | None) -> str:
    """The id of a unit's section: its position, never its name (names may hold anything)."""
    if unit is not None and unit in units:
        return f"unit-{list(units).index(unit) + 1}"
    return "unit-other"
