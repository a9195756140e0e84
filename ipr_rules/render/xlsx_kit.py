"""What every sheet of the workbook shares: safe cell text, display widths, cell formats.

Every text cell is written with `write_string`, so text beginning with =, +, - or @ stays text
and never becomes a formula; control characters are shown as visible escapes.
"""

from __future__ import annotations

from typing import Any

from wcwidth import wcswidth

from ipr_rules.i18n import Lang
from ipr_rules.render.safe_text import terminal
from ipr_rules.render.states import LOOKS

MAX_CELL = 32767  # Excel's limit on the characters in one cell


def cell_text(value: object) -> str:
    text = terminal(str(value)).encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def display_width(text: str) -> int:
    """Columns the text takes in a fixed-width view: a Chinese character counts two."""
    width = wcswidth(text)
    return width if width >= 0 else len(text) * 2


def fit_width(values: list[str], minimum: float = 6, maximum: float = 60) -> float:
    """A column width (in Excel's character units) that fits the longest line of `values`."""
    widest = max((display_width(line) for value in values for line in value.splitlines() or [""]), default=0)
    return max(minimum, min(maximum, widest * 1.1 + 2))


class Formats:
    """The workbook's cell formats, made once."""

    def __init__(self, workbook: Any, lang: Lang) -> None:
        # The default font of Chinese Excel, or of an English one.
        base = {"font_name": "等线" if lang == "zh" else "Calibri", "font_size": 10, "valign": "top"}
        self.base = workbook.add_format(base)
        self.wrap = workbook.add_format({**base, "text_wrap": True})
        self.title = workbook.add_format({**base, "bold": True, "font_size": 14})
        self.subtitle = workbook.add_format({**base, "font_color": "#6B7280"})
        self.header = workbook.add_format(
            {**base, "bold": True, "bg_color": "#E5E7EB", "border": 1, "border_color": "#9CA3AF", "valign": "vcenter"}
        )
        self.label = workbook.add_format({**base, "font_color": "#374151", "bold": True})
        self.number = workbook.add_format({**base, "num_format": "0"})
        self.percent = workbook.add_format({**base, "num_format": "0.0%"})
        self.severity = {
            "error": workbook.add_format({**base, "bold": True, "font_color": "#B42318"}),
            "warning": workbook.add_format({**base, "bold": True, "font_color": "#A15C07"}),
            "info": workbook.add_format({**base, "bold": True, "font_color": "#1D4ED8"}),
        }
        cell = {**base, "align": "center", "valign": "vcenter", "bold": True, "border": 1, "border_color": "#FFFFFF"}
        self.states = {
            look.key: workbook.add_format({**cell, "bg_color": look.fill, "font_color": look.ink}) for look in LOOKS
        }
        self.lead_states = {
            look.key: workbook.add_format(
                {**cell, "bg_color": look.fill, "font_color": look.ink, "border": 2, "border_color": "#111827"}
            )
            for look in LOOKS
        }
        self.task_head = workbook.add_format(
            {
                **base,
                "bold": True,
                "rotation": 90,
                "align": "center",
                "valign": "bottom",
                "bg_color": "#E5E7EB",
                "border": 1,
                "border_color": "#9CA3AF",
            }
        )
        self.section_head = workbook.add_format(
            {**base, "bold": True, "bg_color": "#F3F4F6", "border": 1, "border_color": "#9CA3AF", "valign": "vcenter"}
        )
        self.count = workbook.add_format({**base, "align": "center", "bold": True})
        self.zero = workbook.add_format(
            {**base, "align": "center", "bold": True, "bg_color": "#B42318", "font_color": "#FFFFFF"}
        )
