"""Requirements of one custom rule run without cerberus: the same unmet requirements, with the
same messages, as through the validator, for every requirement of the 2020 plan."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from ipr_rules.model.entry import Entry, Output, OutputKind
from ipr_rules.model.ruleset import Requirement, Ruleset, Task
from ipr_rules.requirements.evaluate import Requirements, unmet_requirements

D = dt.date
KINDS: tuple[OutputKind, ...] = ("publication", "standard", "regulation", "event", "survey", "other")
DATES = (None, D(2019, 12, 31), D(2020, 3, 1), D(2020, 6, 30), D(2020, 7, 1), D(2020, 11, 2), D(2021, 1, 31))
TITLES = ("上半年检查情况通报", "商标侵权判断标准", "工作总结")


def outputs_cases() -> list[list[Output]]:
    """No output, one of each kind and date, and pairs across halves and kinds."""
    single = [
        [Output(title=title, date=day, kind=kind)] for kind, day, title in itertools.product(KINDS, DATES, TITLES)
    ]
    kinds: tuple[tuple[OutputKind, OutputKind], ...] = (
        ("publication", "publication"),
        ("standard", "regulation"),
        ("event", "other"),
    )
    pairs = [
        [Output(title=TITLES[0], date=first, kind=kind), Output(title=TITLES[1], date=second, kind=other)]
        for kind, other in kinds
        for first, second in itertools.combinations(DATES, 2)
    ]
    return [[], *single, *pairs]


def campaign_cases(task: Task) -> list[tuple[list[str], list[str]]]:
    """(actions, campaigns) that mention each of the task's campaigns, negate it, list it, spread
    it with spaces and invisible characters, write it full width, or leave it out."""
    cases: list[tuple[list[str], list[str]]] = [(["下架侵权链接 30 条"], []), ([], [])]
    for name in task.campaigns:
        spread = "\u200b".join(name[:2]) + " " + name[2:]
        wide = name.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
        cases += [
            ([f"开展“{name}”专项行动，立案 3 件"], []),
            ([f"本年度未开展“{name}”专项行动"], [name]),
            (["检查市场 3 次"], [name]),
            ([f"参加{spread}行动"], []),
            ([f"参加{wide}行动"], []),
            ([f"{name}行动尚未开展", f"开展{name}行动"], []),
        ]
    return cases


def entries(task: Task) -> list[Entry]:
    found = [Entry(status="done", actions=["检查市场 3 次"], outputs=outputs) for outputs in outputs_cases()]
    found += [
        Entry(status="partial", actions=actions, campaigns=campaigns) for actions, campaigns in campaign_cases(task)
    ]
    return found


def tasks_with_requirements(ruleset: Ruleset) -> list[Task]:
    return [task for task in ruleset.tasks if task.requirements]


def test_every_requirement_the_plan_derives_runs_without_cerberus(ruleset: Ruleset) -> None:
    requirements = Requirements()
    for task in tasks_with_requirements(ruleset):
        for unit in task.units:
            for campaigns in (False, True):
                for prepared in requirements.wanted(task, unit, ruleset.year, campaigns):
                    assert prepared.direct is not None, prepared.requirement.id


def test_direct_and_validator_find_the_same(ruleset: Ruleset) -> None:
    tasks = tasks_with_requirements(ruleset)
    assert tasks
    direct, validated = Requirements(), Requirements(direct=False)
    compared = unmet = 0
    for task in tasks:
        for unit, entry, campaigns in itertools.product(task.units, entries(task), (False, True)):
            expected = unmet_requirements(task, unit, entry, ruleset.year, campaigns=campaigns, requirements=validated)
            found = unmet_requirements(task, unit, entry, ruleset.year, campaigns=campaigns, requirements=direct)
            assert found == expected, (task.id, unit, entry)
            compared += 1
            unmet += len(found)
    # Both outcomes were seen, many times over.
    assert unmet > 100 and compared - unmet > 100


@pytest.mark.parametrize(
    "schema",
    [
        {"outputs": {"type": "list", "minlength": 2, "min_outputs_of_kind": {"kinds": ["standard"], "count": 1}}},
        {"status": {"allowed": ["done"]}},
        {"outputs": {"min_outputs_of_kind": {"kinds": ["regulation"]}}, "reason": {"nullable": True}},
    ],
)
def test_a_schema_with_more_to_check_goes_through_the_validator(ruleset: Ruleset, schema: dict[str, object]) -> None:
    requirement = Requirement(id="t/x", kind="standard", source="s", applies_to="carriers", schema=schema)
    task = next(task for task in ruleset.tasks if task.units)
    task = dataclasses.replace(task, requirements=(requirement,))
    (prepared,) = Requirements().wanted(task, task.units[0], ruleset.year, False)
    assert prepared.direct is None
    entry = Entry(status="partial", outputs=[Output(title="标准", date=D(2020, 5, 1), kind="standard")])
    assert unmet_requirements(task, task.units[0], entry, ruleset.year, campaigns=False)
