"""Requirement windows (SPEC §6): the half-year grace, one output per period, what fits a standard."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ipr_rules.requirements.validator import RequirementValidator
from ipr_rules.requirements.windows import assign, period_windows, year_window

D = dt.date
HALVES = {"outputs": {"type": "list", "covers_periods": {"kinds": ["publication"], "periods": "half"}}}


def outputs(*dates: dt.date | None, kind: str = "publication", title: str = "检查情况通报") -> dict[str, Any]:
    return {"outputs": [{"title": title, "kind": kind, "date": day} for day in dates]}


def missing(schema: dict[str, Any], document: dict[str, Any]) -> list[int]:
    validator = RequirementValidator(schema, year=2020)
    if validator.validate(document):
        return []
    return list(validator.unmet[0][1]["missing"])


def test_half_year_windows_have_a_month_of_grace() -> None:
    assert period_windows(2020, "half") == [(D(2020, 1, 1), D(2020, 7, 31)), (D(2020, 7, 1), D(2021, 1, 31))]
    assert period_windows(2020, "quarter")[3] == (D(2020, 10, 1), D(2021, 1, 31))
    assert period_windows(2020, "half", 0) == [(D(2020, 1, 1), D(2020, 6, 30)), (D(2020, 7, 1), D(2020, 12, 31))]
    assert year_window(2020) == (D(2020, 1, 1), D(2021, 1, 31))


@pytest.mark.parametrize(
    ("dates", "gaps"),
    [
        ((D(2020, 7, 10), D(2020, 12, 20)), []),  # a first-half publication in early July counts
        ((D(2020, 6, 30), D(2021, 1, 15)), []),  # a second-half one in January of the next year counts
        ((D(2020, 7, 10), D(2021, 1, 15)), []),
        ((D(2020, 7, 10),), [1]),  # one output serves one period
        ((D(2020, 7, 10), D(2020, 7, 20)), []),  # two July outputs serve both halves
        ((D(2020, 8, 1), D(2020, 12, 1)), [0]),  # August is too late for the first half
        ((D(2021, 2, 1), D(2020, 3, 1)), [1]),  # February of the next year is too late
        ((D(2019, 12, 31), D(2020, 9, 1)), [0]),  # the year before counts for nothing
        ((None, D(2020, 9, 1)), [0]),  # an undated output counts for nothing
    ],
)
def test_halves_with_grace_and_one_output_per_period(dates: tuple[dt.date | None, ...], gaps: list[int]) -> None:
    assert missing(HALVES, outputs(*dates)) == gaps


def test_assignment_is_a_matching_not_a_greedy_first_match() -> None:
    windows = period_windows(2020, "half")
    # A greedy pass would give the July output to the first half and leave the second empty.
    assert assign([D(2020, 7, 10), D(2020, 3, 1)], windows) == [1, 0]
    served = assign([D(2020, 7, 10), D(2020, 7, 11), D(2020, 7, 12)], windows)
    assert None not in served and len(set(served)) == 2


def test_the_grace_can_be_changed() -> None:
    strict = {"outputs": {"covers_periods": {"kinds": ["publication"], "periods": "half", "grace_months": 0}}}
    assert missing(strict, outputs(D(2020, 7, 10), D(2020, 12, 20))) == [0]


def test_the_message_names_the_missing_half_and_its_dates() -> None:
    validator = RequirementValidator(HALVES, year=2020)
    validator.validate(outputs(D(2020, 12, 20), None))
    rule, detail = validator.unmet[0]
    assert rule == "covers_periods"
    assert detail["windows"] == [(D(2020, 1, 1), D(2020, 7, 31))] and detail["undated"] == 1


STANDARD = {
    "outputs": {
        "type": "list",
        "min_outputs_of_kind": {
            "kinds": ["standard", "regulation"],
            "count": 1,
            "title_heads": ["标准", "规范", "办法"],
            "title_words": ["商标", "侵权", "判断"],
        },
    }
}


@pytest.mark.parametrize(
    ("title", "fits"),
    [
        ("官渡区商标侵权判断标准（试行）", True),
        ("官渡区商标行政执法侵权判断工作规范", True),
        ("2020年商标执法工作方案", False),  # a 工作方案 is no standard
        ("打击侵权假冒工作方案", False),
        ("官渡区行政执法程序规范", False),  # a standard, but about something else
    ],
)
def test_a_standard_must_name_what_the_plan_asks_for(title: str, fits: bool) -> None:
    validator = RequirementValidator(STANDARD, year=2020)
    document = outputs(D(2020, 10, 20), kind="regulation", title=title)
    assert validator.validate(document) is fits
    if not fits:
        assert validator.unmet[0][1]["unfit"] == [title]


def test_an_undated_standard_counts_for_nothing() -> None:
    validator = RequirementValidator(STANDARD, year=2020)
    assert not validator.validate(outputs(None, kind="standard", title="商标侵权判断标准"))
    assert validator.unmet[0][1]["undated"] == 1


def test_the_overlay_changes_the_grace(tmp_path: Any) -> None:
    from ipr_rules.model.report import Entry, Output
    from ipr_rules.requirements.evaluate import unmet_requirements
    from ipr_rules.requirements.overlay import ChangeRequirement, Overlay, apply_overlay
    from ipr_rules.ruleset.bundled import bundled_ruleset_dir
    from ipr_rules.ruleset.loader import load_ruleset

    plan = load_ruleset(bundled_ruleset_dir(), trusted=True).plan
    strict = apply_overlay(
        plan, Overlay(change=(ChangeRequirement("4-1/each-half-publication", reason="半年内发布", grace_months=0),))
    )
    task = next(task for task in strict.tasks if task.id == "4-1")
    entry = Entry(
        status="done",
        actions=["检查市场 3 个"],
        outputs=[
            Output(title="上半年检查情况", date=D(2020, 7, 10), kind="publication"),
            Output(title="下半年检查情况", date=D(2020, 12, 20), kind="publication"),
        ],
    )
    assert unmet_requirements(task, "区市场监管局", entry, 2020, campaigns=False)
    original = next(task for task in plan.tasks if task.id == "4-1")
    assert not unmet_requirements(original, "区市场监管局", entry, 2020, campaigns=False)
