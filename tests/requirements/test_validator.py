"""The custom cerberus rules, one by one, and the checking of requirement schemas."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ipr_rules.requirements.validator import RequirementValidator, period_of, schema_problem


def entry(
    *outputs: tuple[str | None, dt.date | None], actions: tuple[str, ...] = (), campaigns: tuple[str, ...] = ()
) -> dict[str, Any]:
    return {
        "status": "done",
        "actions": list(actions),
        "campaigns": list(campaigns),
        "outputs": [{"title": "t", "kind": kind, "date": date} for kind, date in outputs],
    }


def validate(schema: dict[str, Any], document: dict[str, Any]) -> tuple[bool, list[tuple[str, dict[str, Any]]]]:
    validator = RequirementValidator(schema, year=2020)
    return validator.validate(document), validator.unmet


COUNT = {"outputs": {"type": "list", "min_outputs_of_kind": {"kinds": ["standard", "regulation"], "count": 2}}}


def test_min_outputs_of_kind_counts_only_those_kinds() -> None:
    day = dt.date(2020, 5, 1)
    assert validate(COUNT, entry(("standard", day), ("regulation", day)))[0]
    ok, unmet = validate(COUNT, entry(("standard", day), ("publication", day)))
    assert not ok
    assert unmet == [
        ("min_outputs_of_kind", {"kinds": ["standard", "regulation"], "count": 2, "found": 1, "undated": 0})
    ]


def test_min_outputs_of_kind_counts_only_dated_outputs_inside_the_year() -> None:
    ok, unmet = validate(
        COUNT, entry(("standard", None), ("standard", dt.date(2019, 12, 31)), ("standard", dt.date(2021, 1, 31)))
    )
    assert not ok and unmet[0][1]["found"] == 1 and unmet[0][1]["undated"] == 1


HALVES = {"outputs": {"type": "list", "covers_periods": {"kinds": ["publication"], "periods": "half"}}}


def test_covers_periods_needs_a_dated_output_in_each_half() -> None:
    both = entry(("publication", dt.date(2020, 6, 30)), ("publication", dt.date(2020, 7, 1)))
    assert validate(HALVES, both)[0]
    ok, unmet = validate(HALVES, entry(("publication", dt.date(2020, 12, 28))))
    assert not ok and unmet[0][1]["missing"] == [0]


def test_covers_periods_ignores_undated_outputs_other_kinds_and_other_years() -> None:
    document = entry(
        ("publication", None),
        ("event", dt.date(2020, 3, 1)),
        ("publication", dt.date(2019, 3, 1)),
        ("publication", dt.date(2020, 9, 1)),
    )
    ok, unmet = validate(HALVES, document)
    assert not ok and unmet[0][1]["missing"] == [0]


def test_covers_quarters() -> None:
    schema = {"outputs": {"covers_periods": {"kinds": None, "periods": "quarter"}}}
    dates = [dt.date(2020, month, 15) for month in (2, 5, 11)]
    ok, unmet = validate(schema, entry(*(("other", day) for day in dates)))
    assert not ok and unmet[0][1]["missing"] == [2]


@pytest.mark.parametrize(("month", "half", "quarter"), [(1, 0, 0), (6, 0, 1), (7, 1, 2), (12, 1, 3)])
def test_period_of(month: int, half: int, quarter: int) -> None:
    day = dt.date(2020, month, 1)
    assert period_of(day, "half") == half
    assert period_of(day, "quarter") == quarter


def test_min_dated_outputs_counts_different_dates() -> None:
    schema = {"outputs": {"min_dated_outputs": {"kinds": None, "count": 2}}}
    same_day = entry(("event", dt.date(2020, 5, 1)), ("event", dt.date(2020, 5, 1)), ("event", None))
    ok, unmet = validate(schema, same_day)
    assert not ok and unmet[0][1]["found"] == 1
    assert validate(schema, entry(("event", dt.date(2020, 5, 1)), ("other", dt.date(2020, 11, 1))))[0]


CAMPAIGN = {"campaigns": {"type": "list", "mentions_campaign": {"name": "剑网2020", "also": ["剑网"]}}}


def test_mentions_campaign_in_campaigns_or_actions() -> None:
    assert validate(CAMPAIGN, entry(campaigns=("剑网2020",)))[0]
    assert validate(CAMPAIGN, entry(campaigns=("剑网2020专项行动",)))[0]
    assert validate(CAMPAIGN, entry(actions=("配合开展剑网行动，下架侵权链接 30 条",)))[0]
    ok, unmet = validate(CAMPAIGN, entry(actions=("下架侵权链接 30 条",), campaigns=("铁拳",)))
    assert not ok and unmet == [("mentions_campaign", {"name": "剑网2020", "negated": False})]


@pytest.mark.parametrize(
    "action",
    ["本年度未开展“剑网2020”专项行动", "没有参加“剑网2020”专项行动", "“剑网2020”专项行动尚未开展", "暂未参与剑网行动"],
)
def test_a_negated_mention_reports_nothing_even_when_listed(action: str) -> None:
    ok, unmet = validate(CAMPAIGN, entry(actions=(action,)))
    assert not ok and unmet == [("mentions_campaign", {"name": "剑网2020", "negated": True})]
    assert not validate(CAMPAIGN, entry(actions=(action,), campaigns=("剑网2020",)))[0]


@pytest.mark.parametrize("action", ["开展“剑网2020”专项行动，未发现违法线索", "在剑网行动中未发现问题，下架链接 3 条"])
def test_a_negation_about_something_else_does_not_negate_the_campaign(action: str) -> None:
    assert validate(CAMPAIGN, entry(actions=(action,)))[0]


@pytest.mark.parametrize(
    "schema",
    [
        {"outputs": {"covers_periods": {"periods": "year"}}},
        {"outputs": {"min_outputs_of_kind": {"count": 1}}},
        {"outputs": {"min_outputs_of_kind": {"kinds": [], "count": 1}}},
        {"outputs": {"no_such_rule": True}},
        {"campaigns": {"mentions_campaign": {"name": ""}}},
        {},
        ["outputs"],
    ],
)
def test_schema_problems_are_found(schema: Any) -> None:
    assert schema_problem(schema) is not None


def test_a_valid_schema_has_no_problem() -> None:
    assert schema_problem(HALVES) is None
    assert schema_problem(CAMPAIGN) is None
