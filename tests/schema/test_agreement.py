"""The editors' JSON Schema and the checker agree wherever a schema can decide (SPEC §7).

Every fixture report goes through both: jsonschema on the data as an editor sees it, and the
checker's own validation. A report breaks the format for one exactly when it does for the
other. A schema cannot see what YAML loses before an editor sees data (a duplicate key, a key
read as a number, an unknown tag), invisible characters, or a date that does not exist; those
documents are left out, and the test counts that enough remain.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import jsonschema
import pytest

from ipr_rules.loading.validate import INVISIBLE, INVISIBLE_KEY, validate_document
from ipr_rules.loading.yamlpos import Document
from ipr_rules.loading.yamlstream import read_stream
from ipr_rules.model.report import written_date
from ipr_rules.schema_export import TASK_ID, report_schema
from tests.conftest import REPO

SOURCES = [
    *sorted((REPO / "tests" / "cases").rglob("*.yaml")),
    *sorted((REPO / "reports" / "2020").glob("*.yaml")),
    *sorted((REPO / "tests" / "hardening" / "fixtures").glob("*.yaml")),
]
INLINE = {
    "done-without-actions": 'unit: 区法院\nyear: 2020\ntasks:\n  "15-1": {status: done}\n',
    "partial-with-empty-actions": 'unit: 区法院\nyear: 2020\ntasks:\n  "15-1": {status: partial, actions: []}\n',
    "not-applicable-without-reason": 'unit: 区法院\nyear: 2020\ntasks:\n  "15-1": {status: not_applicable}\n',
    "not-applicable-blank-reason": 'unit: 区法院\nyear: 2020\ntasks:\n  "15-1": {status: not_applicable, reason: "  "}\n',
    "not-applicable-with-reason": 'unit: 区法院\nyear: 2020\ntasks:\n  "15-1": {status: not_applicable, reason: 无案件}\n',
    "not-started-empty-lists": 'unit: 区法院\nyear: 2020\ntasks:\n  "15-1":\n    status: not_started\n    actions:\n',
    "task-id-with-dot": 'unit: 区法院\nyear: 2020\ntasks:\n  "15.1": {status: done, actions: [审结 3 件]}\n',
    "negative-metric": 'unit: 区法院\nyear: 2020\ntasks:\n  "15-1": {status: done, actions: [a], metrics: {cases: -1}}\n',
    "decimal-metric": 'unit: 区法院\nyear: 2020\ntasks:\n  "15-1": {status: done, actions: [a], metrics: {cases: 1.5}}\n',
    "text-year": 'unit: 区法院\nyear: "2020"\ntasks: {}\n',
    "blank-unit": 'unit: "  "\nyear: 2020\ntasks: {}\n',
    "chinese-date": "unit: 区法院\nyear: 2020\nsubmitted: 2020年12月20日\ntasks: {}\n",
    "bad-date-text": "unit: 区法院\nyear: 2020\nsubmitted: 十二月\ntasks: {}\n",
    "blank-action": 'unit: 区法院\nyear: 2020\ntasks:\n  "15-1": {status: done, actions: [" "]}\n',
}
_TASK_ID = re.compile(TASK_ID)
_VALIDATOR = jsonschema.Draft202012Validator(report_schema())


def _documents() -> list[tuple[str, Document]]:
    found: list[tuple[str, Document]] = []
    texts = [(str(path.relative_to(REPO)), path.read_bytes()) for path in SOURCES]
    texts += [(name, text.encode()) for name, text in INLINE.items()]
    for name, raw in texts:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        for item in read_stream(text):
            if isinstance(item, Document) and item.data is not None:
                found.append((f"{name}#{item.index}", item))
    return found


DOCUMENTS = _documents()


def _as_json(value: Any) -> Any:
    """The data as an editor sees it: YAML dates are text there."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value


def _undecidable(document: Document) -> bool:
    if document.problems or document.odd_keys:
        return True
    text = json.dumps(_as_json(document.data), ensure_ascii=False)
    if re.search("[\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e]", text):
        return True
    # A date in a form the schema's pattern admits but that does not exist (2020年2月30日).
    dates = re.findall(r'"([0-9]{4}[年./][^"]*)"', text)
    return any(written_date(date) is None and re.fullmatch(r"[0-9]{4}([./年]).*", date) for date in dates)


def _checker_breaks(document: Document) -> bool:
    report = validate_document(document, "report.yaml")
    problems = [p for p in report.problems if p.message not in (INVISIBLE, INVISIBLE_KEY)]
    bad_ids = (
        isinstance(document.data, dict)
        and isinstance(document.data.get("tasks"), dict)
        and any(isinstance(key, str) and not _TASK_ID.match(key) for key in document.data["tasks"])
    )
    return bool(problems) or bool(bad_ids)


DECIDABLE = [(name, document) for name, document in DOCUMENTS if not _undecidable(document)]


def test_enough_documents_are_compared() -> None:
    assert len(DECIDABLE) >= 150
    assert sum(_checker_breaks(document) for _, document in DECIDABLE) >= 20


@pytest.mark.parametrize(("name", "document"), DECIDABLE, ids=[name for name, _ in DECIDABLE])
def test_schema_and_checker_agree(name: str, document: Document) -> None:
    errors = [error.message for error in _VALIDATOR.iter_errors(_as_json(document.data))]
    assert bool(errors) == _checker_breaks(document), errors or "the checker found a problem the schema passes"
