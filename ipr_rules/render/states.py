"""How a coverage cell looks in the matrix (HTML and spreadsheet alike): fill, ink, glyph.

A state is told by its colour and by a glyph, so the matrix still reads in a grey print and for
readers who do not tell red from green. Cells are read from `Coverage`, never recomputed.
"""

from __future__ import annotations

from ipr_rules.coverage import CARRIED_STATES, STATE_LABELS, Cell
from ipr_rules.i18n import Lang, Text
from ipr_rules.records import record


@record
class Look:
    key: str
    fill: str
    ink: str
    glyph: str
    label: Text


# Legend order: from carried to the gaps that need action, then what is no obligation at all.
LOOKS: tuple[Look, ...] = (
    Look("done", "#9fd69a", "#14532d", "✓", STATE_LABELS["done"]),
    Look("partial", "#fcd66b", "#713f12", "◐", STATE_LABELS["partial"]),
    Look("extra", "#d3eccf", "#14532d", "+", Text("承担开放任务（未点名）", "carried an open task (not named)")),
    Look("exempted", "#c7d7f5", "#1e3a8a", "◇", STATE_LABELS["exempted"]),
    Look("not_applicable", "#d6d9de", "#374151", "–", STATE_LABELS["not_applicable"]),
    Look("not_started", "#f58b8b", "#7f1d1d", "✗", STATE_LABELS["not_started"]),
    Look("missing", "#b42318", "#ffffff", "!", STATE_LABELS["missing"]),
    Look("invalid", "#b9a3f5", "#2e1065", "?", STATE_LABELS["invalid"]),
    Look("no_report", "#6b7280", "#ffffff", "○", STATE_LABELS["no_report"]),
    Look("unresolved", "#9ca3af", "#111827", "⊘", STATE_LABELS["unresolved"]),
    Look("wrong_unit", "#f9a25a", "#7c2d12", "×", STATE_LABELS["wrong_unit"]),
    Look("not_assigned", "#ffffff", "#9ca3af", "", STATE_LABELS["not_assigned"]),
)
BY_KEY: dict[str, Look] = {look.key: look for look in LOOKS}
LEAD_NOTE = Text("粗框：牵头单位", "heavy frame: lead unit")


def look_of(cell: Cell) -> Look:
    """The look of a cell: its state, except that a unit carrying an open task it is not named on
    shows as `extra`."""
    if cell.role is None and cell.state in CARRIED_STATES:
        return BY_KEY["extra"]
    return BY_KEY.get(cell.state, BY_KEY["not_assigned"])


def label(look: Look, lang: Lang) -> str:
    return look.label.render(lang)
