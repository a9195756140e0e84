"""The plainly-valid path: whatever it accepts the pydantic models accept, and read the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ipr_rules.loading import validate
from ipr_rules.loading.plain import plain_report
from ipr_rules.loading.reports import load_file
from ipr_rules.loading.yamlpos import Document
from ipr_rules.loading.yamlstream import read_stream
from ipr_rules.model import entry, report

REPO = Path(__file__).resolve().parents[2]


def test_the_fields_and_values_are_the_models() -> None:
    assert tuple(report.Report.model_fields) == entry.REPORT_FIELDS
    assert tuple(report.Entry.model_fields) == entry.ENTRY_FIELDS
    assert tuple(report.Output.model_fields) == entry.OUTPUT_FIELDS
    assert tuple(report.Contact.model_fields) == entry.CONTACT_FIELDS
    assert entry.REPORT_FIELDS == report.REPORT_FIELDS and entry.ENTRY_FIELDS == report.ENTRY_FIELDS
    assert set(entry.STATUSES) == set(report.Entry.model_fields["status"].annotation.__args__)  # type: ignore[union-attr]
    assert entry.MAX_METRIC == report.MAX_METRIC


def by_models(data: Any) -> tuple[Any, ...] | None:
    try:
        whole = report.Report.model_validate(data)
    except ValidationError:
        return None
    entries = {task_id: validate._record(item) for task_id, item in whole.tasks.items()}
    return whole.unit, whole.year, whole.submitted, dict(whole.metrics), entries


def same(plain: tuple[Any, ...], models: tuple[Any, ...]) -> bool:
    """Equal, and of the same types (1 and 1.0, or a date and a datetime, are not the same)."""

    def typed(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: typed(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [typed(item) for item in value]
        if isinstance(value, (entry.Entry, entry.Output)):
            return (type(value).__name__, typed([getattr(value, name) for name in value.__slots__]))
        return (type(value).__name__, value)

    return bool(typed(plain) == typed(models))


TEXT = st.one_of(
    st.sampled_from(
        ["区法院", " 区法院 ", "", " ", "\u3000区法院", "区法院\u00a0", "\x1c区法院", "\t开展检查\n", "done"]
    ),
    st.text(max_size=4),
)
DATE_TEXT = st.sampled_from(
    ["2020-07-10", "2020年7月10日", " 2020.7.10 ", "2020/7/10", "2020-13-01", "明天", "２０２０-07-10"]
)
SCALAR = st.one_of(
    TEXT,
    DATE_TEXT,
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=10**16),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
)
VALUE = st.one_of(SCALAR, st.lists(SCALAR, max_size=3), st.dictionaries(TEXT, SCALAR, max_size=2))


def maybe(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={**fields, "extra": VALUE})


NUMBER = st.one_of(
    st.integers(min_value=-2, max_value=10**15 + 2), st.floats(allow_nan=True, allow_infinity=True), SCALAR
)
METRICS = st.one_of(st.none(), st.dictionaries(st.one_of(TEXT, st.integers()), NUMBER, max_size=3), VALUE)
LINES = st.one_of(st.none(), st.lists(st.one_of(TEXT, SCALAR), max_size=3), VALUE)
OUTPUT = maybe(
    {
        "title": st.one_of(TEXT, SCALAR),
        "date": st.one_of(st.dates(), DATE_TEXT, SCALAR),
        "kind": st.one_of(st.sampled_from(entry.OUTPUT_KINDS), SCALAR),
        "url": st.one_of(TEXT, SCALAR),
    }
)
ENTRY = maybe(
    {
        "status": st.one_of(st.sampled_from(entry.STATUSES), SCALAR),
        "actions": LINES,
        "campaigns": LINES,
        "outputs": st.one_of(st.none(), st.lists(st.one_of(OUTPUT, SCALAR), max_size=3), VALUE),
        "metrics": METRICS,
        "evidence": LINES,
        "reason": st.one_of(TEXT, SCALAR),
    }
)
REPORT = maybe(
    {
        "unit": st.one_of(TEXT, SCALAR),
        "year": st.one_of(st.integers(min_value=2019, max_value=2021), SCALAR),
        "submitted": st.one_of(st.dates(), DATE_TEXT, SCALAR),
        "contact": st.one_of(maybe({"name": TEXT, "phone": SCALAR, "email": TEXT, "department": TEXT}), SCALAR),
        "metrics": METRICS,
        "tasks": st.one_of(
            st.dictionaries(st.one_of(TEXT, st.integers()), st.one_of(ENTRY, SCALAR), max_size=3), VALUE
        ),
    }
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REPORT)
def test_what_the_plain_path_accepts_the_models_accept_and_read_alike(data: dict[str, Any]) -> None:
    plain = plain_report(data)
    if plain is not None:
        models = by_models(data)
        assert models is not None, data
        assert same(plain, models), (plain, models)


@settings(max_examples=500, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "unit": st.sampled_from(["区法院", " 区法院 "]),
            "year": st.just(2020),
            "tasks": st.dictionaries(
                st.sampled_from(["1-1", "2-3", "4-1"]),
                st.fixed_dictionaries(
                    {"status": st.sampled_from(entry.STATUSES)},
                    optional={
                        "actions": st.lists(st.sampled_from(["开展检查", " 开展检查 "]), max_size=2),
                        "outputs": st.lists(
                            st.fixed_dictionaries(
                                {"title": st.just("报告")},
                                optional={"date": st.one_of(st.dates(), DATE_TEXT), "kind": st.just("event")},
                            ),
                            max_size=2,
                        ),
                        "metrics": st.dictionaries(st.just("cases"), st.integers(min_value=0, max_value=99)),
                        "reason": st.one_of(st.none(), st.just("无")),
                    },
                ),
                max_size=3,
            ),
        },
        optional={"submitted": st.one_of(st.dates(), DATE_TEXT), "metrics": st.none()},
    )
)
def test_plainly_valid_reports_take_the_plain_path(data: dict[str, Any]) -> None:
    models = by_models(data)
    plain = plain_report(data)
    if models is None:
        assert plain is None
    else:
        assert plain is not None and same(plain, models)


@pytest.mark.parametrize("path", sorted((REPO / "reports" / "2020").glob("*.yaml")), ids=lambda path: path.stem)
def test_the_sample_years_valid_reports_take_the_plain_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for document in read_stream(text):
        assert isinstance(document, Document), document
        models = by_models(document.data)
        plain = plain_report(document.data)
        assert (plain is None) == (models is None), path.name
        if plain is not None and models is not None:
            assert same(plain, models)
    assert load_file(str(path)).documents


def test_a_datetime_is_left_to_the_models() -> None:
    data = {"unit": "区法院", "year": 2020, "submitted": dt.datetime(2020, 12, 20, 8, 0), "tasks": {}}
    assert plain_report(data) is None
