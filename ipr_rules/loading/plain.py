"""A report that is plainly valid, recognised without pydantic.

Most reports are valid, and building the pydantic models (`model.report`, the validator of
record) costs more than checking one district's reports. This module accepts a report only
when every value has exactly the type and shape the models accept and would keep as it is
(or would change only as they do: surrounding spaces stripped from a line, a date written as
text read as a date, an empty list or mapping left empty). Anything else, valid or not, it
leaves to the models, which explain every problem; so it never lets through a report they
refuse. `tests/loading/test_plain.py` holds it to that and to producing what they produce.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from ipr_rules.model.entry import (
    CONTACT_FIELDS,
    ENTRY_FIELDS,
    MAX_METRIC,
    OUTPUT_FIELDS,
    OUTPUT_KINDS,
    REPORT_FIELDS,
    STATUSES,
    Entry,
    Output,
    written_date,
)

# Whitespace pydantic and Python strip alike from the ends of a line.
_SPACES = " \t\n\r\x0b\x0c"
_REPORT_KEYS = frozenset(REPORT_FIELDS)
_ENTRY_KEYS = frozenset(ENTRY_FIELDS)
_OUTPUT_KEYS = frozenset(OUTPUT_FIELDS)
_CONTACT_KEYS = frozenset(CONTACT_FIELDS)

PlainReport = tuple[str, int, "dt.date | None", dict[str, "int | float"], dict[str, Entry]]


class _Unsure(Exception):
    """Not plainly valid: the models decide."""


def plain_report(data: Any) -> PlainReport | None:
    """(unit, year, submitted, metrics, entries) of a plainly valid report, else None."""
    try:
        return _report(data)
    except _Unsure:
        return None


def _report(data: Any) -> PlainReport:
    if type(data) is not dict or not data.keys() <= _REPORT_KEYS or "unit" not in data or "year" not in data:
        raise _Unsure
    year = data["year"]
    if type(year) is not int:
        raise _Unsure
    contact = data.get("contact")
    if contact is not None and (type(contact) is not dict or not contact.keys() <= _CONTACT_KEYS):
        raise _Unsure
    if contact is not None:
        for value in contact.values():
            _text(value)
    tasks = data.get("tasks", _Unsure)
    if type(tasks) is not dict:
        raise _Unsure
    entries = {}
    for task_id, entry in tasks.items():
        if type(task_id) is not str:
            raise _Unsure
        entries[task_id] = _entry(entry)
    return _line(data["unit"]), year, _date(data.get("submitted")), _metrics(data.get("metrics")), entries


def _entry(data: Any) -> Entry:
    if type(data) is not dict or not data.keys() <= _ENTRY_KEYS:
        raise _Unsure
    status = data.get("status")
    if type(status) is not str or status not in STATUSES:
        raise _Unsure
    return Entry(
        status,
        _lines(data.get("actions")),
        _lines(data.get("campaigns")),
        [_output(output) for output in _list(data.get("outputs"))],
        _metrics(data.get("metrics")),
        _lines(data.get("evidence")),
        _text(data.get("reason")),
    )


def _output(data: Any) -> Output:
    if type(data) is not dict or not data.keys() <= _OUTPUT_KEYS or "title" not in data:
        raise _Unsure
    kind = data.get("kind")
    if kind is not None and (type(kind) is not str or kind not in OUTPUT_KINDS):
        raise _Unsure
    return Output(_line(data["title"]), _date(data.get("date")), kind, _text(data.get("url")))


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    if type(value) is not list:
        raise _Unsure
    return value


def _lines(value: Any) -> list[str]:
    return [_line(item) for item in _list(value)]


def _line(value: Any) -> str:
    """A line of text, stripped; not empty."""
    if type(value) is not str:
        raise _Unsure
    stripped = value.strip(_SPACES)
    if not stripped or stripped != stripped.strip():  # other spaces at an end: the models' to strip
        raise _Unsure
    return stripped


def _text(value: Any) -> str | None:
    if value is not None and type(value) is not str:
        raise _Unsure
    return value


def _date(value: Any) -> dt.date | None:
    if value is None or type(value) is dt.date:
        return value
    if type(value) is str:
        parsed = written_date(value)
        if parsed is not None:
            return parsed
    raise _Unsure


def _metrics(value: Any) -> dict[str, int | float]:
    if value is None:
        return {}
    if type(value) is not dict:
        raise _Unsure
    for key, number in value.items():
        if (
            type(key) is not str
            or type(number) not in (int, float)
            or not math.isfinite(number)
            or not 0 <= number <= MAX_METRIC
        ):
            raise _Unsure
    return dict(value)
