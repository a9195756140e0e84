"""A report's entries as the checks read them: plain records, made only from validated data.

The report format itself is `model.report`, strict pydantic models: the validator of record.
What they validate becomes the records here, which load without pydantic, so that a report
that is plainly valid (`loading.plain`) is checked without building the models at all. The
field names and the values the format allows are kept here once; `tests/loading/test_plain.py`
holds them to the models.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import field
from functools import cache
from typing import Literal

from ipr_rules.records import record

Status = Literal["done", "partial", "not_started", "not_applicable"]
STATUSES: tuple[Status, ...] = ("done", "partial", "not_started", "not_applicable")
CARRYING: frozenset[str] = frozenset({"done", "partial"})
OutputKind = Literal["publication", "standard", "regulation", "event", "survey", "other"]
OUTPUT_KINDS: tuple[OutputKind, ...] = ("publication", "standard", "regulation", "event", "survey", "other")
# Figures past this are typing errors, and JSON readers lose precision beyond 2**53.
MAX_METRIC = 10**15

REPORT_FIELDS: tuple[str, ...] = ("unit", "year", "submitted", "contact", "metrics", "tasks")
ENTRY_FIELDS: tuple[str, ...] = ("status", "actions", "campaigns", "outputs", "metrics", "evidence", "reason")
OUTPUT_FIELDS: tuple[str, ...] = ("title", "date", "kind", "url")
CONTACT_FIELDS: tuple[str, ...] = ("name", "phone", "email", "department")


@record
class Output:
    title: str
    date: dt.date | None = None
    kind: OutputKind | None = None
    url: str | None = None


@record
class Entry:
    """One task's entry, validated."""

    status: Status
    actions: list[str] = field(default_factory=list)
    campaigns: list[str] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)
    metrics: dict[str, int | float] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    reason: str | None = None


@cache
def _written_date() -> re.Pattern[str]:
    # The forms people write a date in besides ISO: 2020年7月10日, 2020.7.10, 2020/7/10 (SPEC §7).
    return re.compile(r"(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([./])(\d{1,2})\4(\d{1,2}))")


def written_date(text: str) -> dt.date | None:
    """The date a text names, ISO or as people write it; None when it names none (or no real one)."""
    text = unicodedata.normalize("NFKC", text).strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    found = _written_date().fullmatch(text)
    if found is None:
        return None
    year, month, day = found.group(1), found.group(2) or found.group(5), found.group(3) or found.group(6)
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
