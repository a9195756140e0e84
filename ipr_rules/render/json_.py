"""`--format json`: one object exactly as SPEC §5 fixes it, plus `waived` (SPEC §6), `coverage`
and the district's metric `totals` (SPEC §8).

Written piece by piece: a province's tens of thousands of findings never stand in memory as
one document or one string. The text is the same as `json.dumps(document, indent=2)` would give.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ipr_rules.i18n import Lang
from ipr_rules.render.safe_text import json_text
from ipr_rules.render.summary import metric_totals
from ipr_rules.result import CheckResult


def document(result: CheckResult, lang: Lang) -> dict[str, Any]:
    """The whole object at once, for callers of the library that want the data."""
    value: dict[str, Any] = json.loads("".join(render(result, lang)))
    return value


def render(result: CheckResult, lang: Lang) -> Iterator[str]:
    # Controls, bidirectional marks and lone surrogates in report text become \u escapes:
    # the same JSON value, valid UTF-8, and inert on a terminal that shows it.
    ruleset = result.ruleset
    head = {"year": ruleset.year, "tasks": len(ruleset.tasks), "units": len(ruleset.registry.units)}
    yield "{\n"
    yield f'  "ruleset": {_dumps(head, 1)},\n'
    yield '  "reports": '
    yield from _array(({"file": r.file, "unit": r.unit, "entries": r.entries} for r in result.reports), 1)
    yield ',\n  "findings": '
    yield from _array((finding.record(lang) for finding in result.findings), 1)
    yield f',\n  "summary": {_dumps(result.summary, 1)},\n'
    yield '  "waived": '
    yield from _waived(result, lang)
    yield ",\n"
    yield f'  "coverage": {_dumps(result.coverage.record(), 1)},\n'
    yield f'  "totals": {_dumps([total.record() for total in metric_totals(result)], 1)}\n'
    yield "}\n"


def _waived(result: CheckResult, lang: Lang) -> Iterator[str]:
    """Each waived finding as its finding object plus the exemption that covered it (SPEC §6)."""
    if not result.waived:
        yield "[]"
        return
    items = [_dumps(item.record(lang), 2) for item in result.waived]
    yield "[\n    " + ",\n    ".join(items) + "\n  ]"


def _dumps(value: Any, level: int) -> str:
    """`value` as it would stand at nesting `level` of an indent=2 document."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return json_text(text.replace("\n", "\n" + "  " * level))


_scalar = json.JSONEncoder(ensure_ascii=False).encode


def _flat(record: dict[str, Any], level: int) -> str:
    """A mapping of scalars as `_dumps` gives it, by the C encoder: json.dumps with an indent
    falls back to pure Python, and a large run has tens of thousands of these records."""
    pad = "  " * (level + 1)
    fields = ",\n".join(f"{pad}{_scalar(key)}: {_scalar(value)}" for key, value in record.items())
    return json_text("{\n" + fields + "\n" + "  " * level + "}")


def _array(items: Iterable[dict[str, Any]], level: int) -> Iterator[str]:
    inner = "  " * (level + 1)
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + inner + _flat(item, level + 1)
        first = False
    yield "[]" if first else "\n" + "  " * level + "]"
