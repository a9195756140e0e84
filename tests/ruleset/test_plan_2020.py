"""The bundled 2020 ruleset against what the plan text says (SPEC §2)."""

from __future__ import annotations

import json

import pytest

from ipr_rules.model.ruleset import CompiledPlan, Ruleset
from ipr_rules.ruleset.build import read_registry
from ipr_rules.ruleset.compile import compile_plan

from .conftest import BUNDLED_DIR
from .expected_2020 import ASSIGNMENTS, CAMPAIGNS, ITEM_SECTIONS, NOT_CAMPAIGNS, UNITS_2020


@pytest.fixture(scope="module")
def fresh(plan_text: str) -> CompiledPlan:
    """The plan compiled now, not read from the bundled ruleset.yaml."""
    return compile_plan(plan_text, read_registry(BUNDLED_DIR / "units.yaml"))


def test_counts_through_the_library(ruleset: Ruleset) -> None:
    plan = ruleset.plan
    assert plan.year == 2020
    assert len(plan.sections) == 8
    assert len(plan.items) == 31
    assert len(plan.tasks) == 55
    assert len(ruleset.registry.units) == 19
    assert set(ruleset.named_units) == UNITS_2020


def test_counts_through_the_cli(run_cli) -> None:
    tasks_result = run_cli("tasks", "--json")
    assert tasks_result.exit_code == 0
    tasks = json.loads(tasks_result.stdout)
    assert len(tasks) == 55
    assert len({task["item"] for task in tasks}) == 31
    assert len({task["section"] for task in tasks}) == 8
    assert {a["unit"] for task in tasks for a in task["assignees"]} == UNITS_2020

    units_result = run_cli("units", "--json")
    assert units_result.exit_code == 0
    units = json.loads(units_result.stdout)
    assert len(units) == 19
    assert {unit["name"] for unit in units} == UNITS_2020


def test_task_ids_cover_the_whole_plan_in_order(ruleset: Ruleset) -> None:
    assert [task.id for task in ruleset.tasks] == [task_id for task_id, _, _ in ASSIGNMENTS]


@pytest.mark.parametrize(("task_id", "assignees", "is_open"), ASSIGNMENTS, ids=[row[0] for row in ASSIGNMENTS])
def test_assignment(
    ruleset: Ruleset, fresh: CompiledPlan, task_id: str, assignees: list[tuple[str, str]], is_open: bool
) -> None:
    bundled = ruleset.task(task_id)
    compiled = next((task for task in fresh.tasks if task.id == task_id), None)
    for task in (bundled, compiled):
        assert task is not None
        assert [(a.unit, a.role) for a in task.assignees] == assignees
        assert task.open is is_open


def test_counts_of_a_fresh_compile(fresh: CompiledPlan) -> None:
    assert (len(fresh.sections), len(fresh.items), len(fresh.tasks)) == (8, 31, 55)
    assert {a.unit for task in fresh.tasks for a in task.assignees} == UNITS_2020
    assert {task.id: task.campaigns for task in fresh.tasks if task.campaigns} == CAMPAIGNS


def test_assignments_through_tasks_json(run_cli) -> None:
    tasks = {task["id"]: task for task in json.loads(run_cli("tasks", "--json").stdout)}
    for task_id, assignees, is_open in ASSIGNMENTS:
        assert [(a["unit"], a["role"]) for a in tasks[task_id]["assignees"]] == assignees, task_id
        assert tasks[task_id]["open"] is is_open, task_id


def test_task_json_has_the_spec_fields(run_cli) -> None:
    task = json.loads(run_cli("tasks", "--json").stdout)[0]
    for key in ("id", "section", "item", "item_title", "text", "assignees", "open", "campaigns"):
        assert key in task
    assert task["id"] == "1-1"
    assert task["item_title"] == "加强网上侵权假冒治理"


def test_spelling_of_the_plan_is_kept_where_it_differs(ruleset: Ruleset) -> None:
    task = ruleset.task("20-1")
    assert task is not None
    assert [(a.unit, a.written) for a in task.assignees if a.written] == [("市生态环境官渡分局", "区生态环境局")]
    # the usual spelling keeps no separate `written`
    task = ruleset.task("5-4")
    assert task is not None
    assert all(a.written is None for a in task.assignees)


def test_items_are_counted_through_sections(ruleset: Ruleset) -> None:
    assert {item.number: item.section for item in ruleset.plan.items} == ITEM_SECTIONS
    for task in ruleset.tasks:
        assert task.item == int(task.id.split("-")[0])
        assert task.section == ITEM_SECTIONS[task.item]


def test_item_titles_are_first_sentences(ruleset: Ruleset) -> None:
    titles = {item.number: item.title for item in ruleset.plan.items}
    assert titles[1] == "加强网上侵权假冒治理"
    assert titles[11] == "持续推进软件正版化"
    assert titles[20] == "健全无害化销毁"
    assert titles[31] == "提升舆论引导能力"
    first = ruleset.task("1-1")
    assert first is not None
    assert first.item_title == "加强网上侵权假冒治理"
    assert first.text.startswith("加强网络市场监管")
    assert "加强网上侵权假冒治理" not in first.text


def test_task_texts_hold_no_assignment_but_keep_other_brackets(ruleset: Ruleset) -> None:
    for task in ruleset.tasks:
        assert "负责）" not in task.text and "负责)" not in task.text, task.id
        assert task.text.endswith("。"), task.id
    texts = {task.id: task.text for task in ruleset.tasks}
    assert "网际协议地址（IP地址）" in texts["1-3"]
    assert "知识产权（专利）领域" in texts["21-1"]
    assert "综治工作（平安建设）" in texts["22-1"]
    assert texts["20-2"] == "组织开展侵权盗版及非法出版物销毁活动。"


def test_task_positions_point_at_the_task_text(ruleset: Ruleset, plan_lines: list[str]) -> None:
    for task in ruleset.tasks:
        line = plan_lines[task.line - 1]
        assert line[task.column - 1 :].startswith(task.text[:12]), task.id
    item_lines = {item.number: item.line for item in ruleset.plan.items}
    assert item_lines[1] == 9
    assert item_lines[31] == 46


def test_campaigns(ruleset: Ruleset) -> None:
    found = {task.id: task.campaigns for task in ruleset.tasks if task.campaigns}
    assert found == CAMPAIGNS


@pytest.mark.parametrize(("task_id", "term"), NOT_CAMPAIGNS, ids=[f"{t}-{n}" for n, (t, _) in enumerate(NOT_CAMPAIGNS)])
def test_quoted_terms_that_are_not_campaigns(ruleset: Ruleset, task_id: str, term: str) -> None:
    task = ruleset.task(task_id)
    assert task is not None
    assert f"“{term}”" in task.text
    assert term not in task.campaigns


def test_campaigns_through_tasks_json(run_cli) -> None:
    tasks = json.loads(run_cli("tasks", "--json").stdout)
    assert {task["id"]: tuple(task["campaigns"]) for task in tasks if task["campaigns"]} == CAMPAIGNS
