"""The compiler on small synthetic plan fragments, with a registry built in the test."""

from __future__ import annotations

import pytest

from ipr_rules.model.ruleset import CompiledPlan, Task, UnitRegistry
from ipr_rules.ruleset import compile as compile_module
from ipr_rules.ruleset import plan_text
from ipr_rules.ruleset.assignments import parse_assignment
from ipr_rules.ruleset.campaigns import find_campaigns
from ipr_rules.ruleset.compile import CompileError, compile_plan
from ipr_rules.ruleset.plan_text import PlanSyntaxError, chinese_numeral, numeral_text, parse_plan

TITLE = "关于印发官渡区2021年测试工作要点的通知"


def fragment(*lines: str) -> str:
    return "\n".join([TITLE, "一、第一部分", *lines]) + "\n"


def compiled(registry: UnitRegistry, *lines: str) -> CompiledPlan:
    return compile_plan(fragment(*lines), registry)


def only_task(plan: CompiledPlan) -> Task:
    assert len(plan.tasks) == 1
    return plan.tasks[0]


def roles(task: Task) -> list[tuple[str, str]]:
    return [(a.unit, a.role) for a in task.assignees]


# ---------------------------------------------------------------- numerals and structure


NUMERAL_VALUES = [
    ("一", 1),
    ("九", 9),
    ("十", 10),
    ("十一", 11),
    ("十九", 19),
    ("二十", 20),
    ("二十一", 21),
    ("三十", 30),
    ("三十一", 31),
    ("九十九", 99),
]


@pytest.mark.parametrize(("numeral", "value"), NUMERAL_VALUES, ids=[str(value) for _, value in NUMERAL_VALUES])
def test_chinese_numeral(numeral: str, value: int) -> None:
    assert chinese_numeral(numeral) == value


def test_numeral_text_is_the_inverse() -> None:
    for numeral, value in NUMERAL_VALUES:
        assert numeral_text(value) == numeral
    for value in range(1, 100):
        assert chinese_numeral(numeral_text(value)) == value


@pytest.mark.parametrize(
    "numeral", ["十十", "一二", "二十一二", "二十十", ""], ids=["10-10", "1-2", "21-2", "20-10", "empty"]
)
def test_chinese_numeral_rejects_malformed(numeral: str) -> None:
    with pytest.raises((ValueError, KeyError)):
        chinese_numeral(numeral)


# Items （一）…（三十一）, spread over three sections, each with one sole duty.
NUMERALS = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
    "二十一",
    "二十二",
    "二十三",
    "二十四",
    "二十五",
    "二十六",
    "二十七",
    "二十八",
    "二十九",
    "三十",
    "三十一",
]


def test_numerals_past_ten_and_items_counted_through_sections(small_registry: UnitRegistry) -> None:
    lines = [TITLE]
    for position, numeral in enumerate(NUMERALS):
        if position == 0:
            lines.append("一、第一部分")
        elif position == 10:
            lines.append("二、第二部分")
        elif position == 20:
            lines.append("三、第三部分")
        lines.append(f"（{numeral}）第{numeral}项标题。第{numeral}项任务。（区甲局负责）")
    plan = compile_plan("\n".join(lines) + "\n", small_registry)
    assert [item.number for item in plan.items] == list(range(1, 32))
    assert [task.id for task in plan.tasks] == [f"{n}-1" for n in range(1, 32)]
    by_id = {task.id: task for task in plan.tasks}
    assert by_id["11-1"].item_title == "第十一项标题"
    assert by_id["20-1"].text == "第二十项任务。"
    assert by_id["31-1"].text == "第三十一项任务。"
    assert (by_id["10-1"].section, by_id["11-1"].section, by_id["20-1"].section, by_id["21-1"].section) == (1, 2, 2, 3)
    assert by_id["31-1"].section == 3
    assert [section.number for section in plan.sections] == [1, 2, 3]


def test_item_numbers_run_on_across_sections(small_registry: UnitRegistry) -> None:
    plan = compile_plan(
        "\n".join(
            [
                TITLE,
                "一、第一部分",
                "（一）甲。任务甲。（区甲局负责）",
                "（二）乙。任务乙。（区乙局负责）",
                "二、第二部分",
                "（三）丙。任务丙。（区丙局负责）",
            ]
        ),
        small_registry,
    )
    assert [(t.id, t.section, t.item) for t in plan.tasks] == [("1-1", 1, 1), ("2-1", 1, 2), ("3-1", 2, 3)]
    assert [(s.number, s.title, s.line) for s in plan.sections] == [(1, "第一部分", 2), (2, "第二部分", 5)]


def test_ids_count_duty_clauses_inside_an_item(small_registry: UnitRegistry) -> None:
    plan = compiled(
        small_registry,
        "（一）标题。任务一。（区甲局负责）任务二。（区乙局负责）任务三。（区丙局负责）",
        "（二）标题二。任务四。（区甲局负责）",
    )
    assert [(t.id, t.text) for t in plan.tasks] == [
        ("1-1", "任务一。"),
        ("1-2", "任务二。"),
        ("1-3", "任务三。"),
        ("2-1", "任务四。"),
    ]


def test_item_title_is_the_first_sentence(small_registry: UnitRegistry) -> None:
    plan = compiled(small_registry, "（一）加强网上治理。严厉打击违法行为。加大力度。（区甲局负责）")
    task = only_task(plan)
    assert plan.items[0].title == "加强网上治理"
    assert task.item_title == "加强网上治理"
    assert task.text == "严厉打击违法行为。加大力度。"


def test_text_after_the_last_assignment_belongs_to_no_task(small_registry: UnitRegistry) -> None:
    text = fragment("（一）标题。任务甲。（区甲局负责）任务乙。（区乙局负责）此后的文字没有分工。")
    plan = compile_plan(text, small_registry)
    assert [t.text for t in plan.tasks] == ["任务甲。", "任务乙。"]
    assert all("此后的文字" not in t.text for t in plan.tasks)
    raw = parse_plan(text)
    assert raw.items[0].trailing_text == "此后的文字没有分工。"
    assert raw.items[0].trailing_at is not None
    assert raw.items[0].trailing_at.as_pair() == (3, text.splitlines()[2].index("此后") + 1)


def test_a_bracket_that_is_no_assignment_stays_in_the_text(small_registry: UnitRegistry) -> None:
    plan = compiled(small_registry, "（一）标题。加强网站备案、网际协议地址（IP地址）、域名等基础管理。（区甲局负责）")
    task = only_task(plan)
    assert task.text == "加强网站备案、网际协议地址（IP地址）、域名等基础管理。"
    assert roles(task) == [("区甲局", "sole")]


def test_half_width_headings_and_brackets(small_registry: UnitRegistry) -> None:
    plan = compiled(
        small_registry,
        "(一)半角标题。任务一。(区甲局、区乙局按职责分工分别负责)任务二。(区丙局负责)",
        "(二)第二项。任务三。（区甲局负责)",
    )
    assert [t.id for t in plan.tasks] == ["1-1", "1-2", "2-1"]
    assert plan.items[0].title == "半角标题"
    assert roles(plan.tasks[0]) == [("区甲局", "co"), ("区乙局", "co")]
    assert roles(plan.tasks[1]) == [("区丙局", "sole")]
    assert plan.tasks[1].text == "任务二。"
    assert roles(plan.tasks[2]) == [("区甲局", "sole")]


def test_an_item_before_any_section_is_an_error() -> None:
    with pytest.raises(PlanSyntaxError) as caught:
        parse_plan(f"{TITLE}\n（一）标题。任务。（区甲局负责）\n一、第一部分\n")
    assert caught.value.message is plan_text.ITEM_BEFORE_SECTION
    assert caught.value.line == 2


def test_items_out_of_sequence_are_an_error() -> None:
    with pytest.raises(PlanSyntaxError) as caught:
        parse_plan(fragment("（一）甲。任务。（区甲局负责）", "（三）丙。任务。（区甲局负责）"))
    assert caught.value.message is plan_text.ITEM_NUMBERING
    assert caught.value.line == 4
    assert caught.value.args_ == {"expected": 2, "found": 3}


def test_a_malformed_numeral_is_an_error() -> None:
    with pytest.raises(PlanSyntaxError) as caught:
        parse_plan(fragment("（十十）甲。任务。（区甲局负责）"))
    assert caught.value.message is plan_text.BAD_NUMERAL
    assert caught.value.line == 3


def test_a_text_without_items_has_no_task() -> None:
    """SPEC §10: a plan with no assignment at all compiles to 0 tasks (lint warns about it)."""
    raw = parse_plan(f"{TITLE}\n一、第一部分\n只有正文。\n")
    assert raw.items == () and raw.clauses == () and raw.year == 2021


# ---------------------------------------------------------------- assignments


@pytest.mark.parametrize(
    ("assignment", "expected", "is_open"),
    [
        ("区甲局负责", [("区甲局", "sole")], False),
        ("区甲局、区乙局负责", [("区甲局", "co"), ("区乙局", "co")], False),
        ("区甲局等负责", [("区甲局", "co")], True),
        ("区甲局牵头负责", [("区甲局", "lead")], False),
        (
            "区甲局牵头负责,区乙局、区丙局按职责分工负责",
            [("区甲局", "lead"), ("区乙局", "co"), ("区丙局", "co")],
            False,
        ),
        ("区甲局牵头负责，区乙局按职责分工负责", [("区甲局", "lead"), ("区乙局", "co")], False),
        ("区甲局、区乙局等按职责分工分别负责", [("区甲局", "co"), ("区乙局", "co")], True),
        ("区甲局牵头负责，有关部门按职责分工负责", [("区甲局", "lead")], True),
        ("区甲局、有关部门按职责分工分别负责", [("区甲局", "co")], True),
        ("区甲局、区乙局牵头负责，相关成员单位按职责分工分别负责", [("区甲局", "lead"), ("区乙局", "lead")], True),
        (
            "区甲局牵头负责，区乙局、区丙局等按部门分工分别负责",
            [("区甲局", "lead"), ("区乙局", "co"), ("区丙局", "co")],
            True,
        ),
        ("区甲局、区乙局按职责分工牵头负责", [("区甲局", "lead"), ("区乙局", "lead")], False),
        (
            "区甲局、区乙局牵头负责，区丙局按职责分工分别负责",
            [("区甲局", "lead"), ("区乙局", "lead"), ("区丙局", "co")],
            False,
        ),
        ("区甲局、区乙局、区甲局按职责分工分别负责", [("区甲局", "co"), ("区乙局", "co")], False),
        ("区甲局、区甲局负责", [("区甲局", "sole")], False),
        # an alias resolves to the canonical name, and a unit named under two spellings counts once
        ("区生态环境局牵头负责，区乙局按职责分工负责", [("市生态环境官渡分局", "lead"), ("区乙局", "co")], False),
        (
            "区乙局牵头负责，区市场监管局、区市场监督管理局按职责分工负责",
            [("区乙局", "lead"), ("区市场监管局", "co")],
            False,
        ),
    ],
    ids=[
        "sole",
        "bare-several-co",
        "bare-etc-co-open",
        "lead-only",
        "half-width-comma",
        "lead-and-co",
        "etc-co-open",
        "placeholder-open",
        "co-and-placeholder",
        "joint-lead-and-member-units",
        "by-department",
        "joint-lead-by-duty",
        "joint-lead-and-co",
        "repeated-once",
        "repeated-sole",
        "alias-canonical",
        "two-spellings-once",
    ],
)
def test_assignment_roles(
    small_registry: UnitRegistry, assignment: str, expected: list[tuple[str, str]], is_open: bool
) -> None:
    task = only_task(compiled(small_registry, f"（一）标题。任务。（{assignment}）"))
    assert roles(task) == expected
    assert task.open is is_open


def test_placeholders_are_not_units() -> None:
    parsed = parse_assignment("区甲局牵头负责，有关部门按职责分工负责")
    assert [(n.written, n.role) for n in parsed.named] == [("区甲局", "lead")]
    assert [written for written, _ in parsed.placeholders] == ["有关部门"]
    parsed = parse_assignment("区甲局、区乙局牵头负责，相关成员单位按职责分工分别负责")
    assert [written for written, _ in parsed.placeholders] == ["相关成员单位"]
    assert parsed.open
    parsed = parse_assignment("区甲局、区乙局等按部门分工分别负责")
    assert [n.written for n in parsed.named] == ["区甲局", "区乙局"]
    assert parsed.placeholders == ()
    assert len(parsed.et_cetera) == 1
    assert "区甲局、区乙局等"[parsed.et_cetera[0]] == "等"


def test_named_offsets_point_into_the_assignment() -> None:
    text = "区甲局牵头负责,区乙局、区丙局按职责分工负责"
    for named in parse_assignment(text).named:
        assert text[named.offset :].startswith(named.written)


def test_the_written_spelling_is_kept_for_an_alias(small_registry: UnitRegistry) -> None:
    task = only_task(compiled(small_registry, "（一）标题。任务。（区生态环境局、区甲局按职责分工分别负责）"))
    assert [(a.unit, a.written) for a in task.assignees] == [("市生态环境官渡分局", "区生态环境局"), ("区甲局", None)]


def test_an_unknown_unit_is_an_error_suggesting_the_closest_names(small_registry: UnitRegistry) -> None:
    text = fragment("（一）标题。任务。（区甲局牵头负责，区市场监督局按职责分工负责）")
    with pytest.raises(CompileError) as caught:
        compile_plan(text, small_registry, source="draft.txt")
    [problem] = caught.value.problems
    assert problem.message is compile_module.UNKNOWN_UNIT_NEAR
    assert problem.args["task"] == "1-1"
    assert problem.args["name"] == "区市场监督局"
    assert "区市场监管局" in str(problem.args["names"]).split("、")
    assert (problem.line, problem.column) == (3, text.splitlines()[2].index("区市场监督局") + 1)
    rendered = caught.value.render("zh")
    assert rendered.startswith(f"draft.txt:3:{problem.column}:")
    assert "区市场监管局" in rendered


def test_every_unknown_unit_is_reported_not_just_the_first(small_registry: UnitRegistry) -> None:
    text = fragment("（一）标题。任务。（区市场监督局负责）", "（二）标题二。任务。（区甲局、ABC按职责分工负责）")
    with pytest.raises(CompileError) as caught:
        compile_plan(text, small_registry)
    problems = caught.value.problems
    assert [(p.args["task"], p.args["name"], p.line) for p in problems] == [
        ("1-1", "区市场监督局", 3),
        ("2-1", "ABC", 4),
    ]
    assert problems[0].message is compile_module.UNKNOWN_UNIT_NEAR
    assert problems[1].message is compile_module.UNKNOWN_UNIT  # nothing close to suggest
    assert len(caught.value.render("en").splitlines()) == 2


def test_a_unit_in_two_roles_on_one_task_is_an_error(small_registry: UnitRegistry) -> None:
    with pytest.raises(CompileError) as caught:
        compiled(small_registry, "（一）标题。任务。（区甲局牵头负责，区乙局、区甲局按职责分工负责）")
    [problem] = caught.value.problems
    assert problem.message is compile_module.TWO_ROLES
    assert problem.args["unit"] == "区甲局"


def test_an_assignment_naming_nobody_is_an_error(small_registry: UnitRegistry) -> None:
    with pytest.raises(CompileError) as caught:
        compiled(small_registry, "（一）标题。任务。（按职责分工负责）")
    assert [p.message for p in caught.value.problems] == [compile_module.NO_ASSIGNEE]


def test_the_year_comes_from_the_title_or_the_caller(small_registry: UnitRegistry) -> None:
    assert compiled(small_registry, "（一）标题。任务。（区甲局负责）").year == 2021
    untitled = "一、第一部分\n（一）标题。任务。（区甲局负责）\n"
    with pytest.raises(CompileError) as caught:
        compile_plan(untitled, small_registry)
    assert [p.message for p in caught.value.problems] == [compile_module.NO_YEAR]
    assert compile_plan(untitled, small_registry, year=2022).year == 2022


def test_positions_of_tasks_on_continuation_lines(small_registry: UnitRegistry) -> None:
    text = fragment("（一）标题。任务一。（区甲局负责）", "  第二行的任务。（区乙局负责）")
    plan = compile_plan(text, small_registry)
    assert [(t.id, t.line, t.column) for t in plan.tasks] == [("1-1", 3, 7), ("1-2", 4, 3)]


def test_source_and_digest_are_recorded(small_registry: UnitRegistry) -> None:
    text = fragment("（一）标题。任务。（区甲局负责）")
    plan = compile_plan(text, small_registry, source="plan.txt")
    other = compile_plan(text.replace("任务", "工作"), small_registry, source="plan.txt")
    assert plan.source == "plan.txt"
    assert len(plan.source_sha256) == 64
    assert plan.source_sha256 != other.source_sha256


# ---------------------------------------------------------------- campaigns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("组织开展“剑网2020”专项行动，加大监管。", ("剑网2020",)),
        ("开展“清风”“龙腾”行动，聚焦“一带一路”沿线国家和地区。", ("清风", "龙腾")),
        ("持续深入推进落实食品药品安全“四个最严”要求专项行动。", ("四个最严",)),
        ("开展化妆品“线上净网线下清源”专项行动。", ("线上净网线下清源",)),
        ("开展“双随机”检查。", ()),
        ("推进审判“三合一”改革。", ()),
        ("探索实行“互联网+监管”模式。", ()),
        ("树立“大宣传”理念，构建“大宣传”工作格局。", ()),
        ("贯彻落实“谁执法谁普法”普法责任制；积极开展“以案普法”实施有效引导。", ()),
        ("开展农作物种子质量年专项行动。", ()),
        ("组织开展“铁拳”专项行动，再次开展“铁拳”专项行动。", ("铁拳",)),
    ],
    ids=[
        "special-action",
        "two-names",
        "requirement-action",
        "long-name",
        "inspection",
        "reform",
        "mode",
        "idea",
        "slogans",
        "unquoted",
        "named-once",
    ],
)
def test_find_campaigns(text: str, expected: tuple[str, ...]) -> None:
    assert find_campaigns(text) == expected


def test_campaigns_are_attached_to_their_task(small_registry: UnitRegistry) -> None:
    plan = compiled(
        small_registry,
        "（一）标题。组织开展“春雷2021”专项行动。（区甲局负责）聚焦“一带一路”沿线。（区乙局负责）",
    )
    assert [(t.id, t.campaigns) for t in plan.tasks] == [("1-1", ("春雷2021",)), ("1-2", ())]


def test_one_unit_written_two_ways_under_a_bare_assignment_is_sole() -> None:
    from ipr_rules.model.ruleset import Unit, UnitRegistry

    registry = UnitRegistry((Unit("区甲局", "昆明市官渡区甲局", "government", ("区甲局别名",)),))
    text = "关于印发官渡区2020年工作要点的通知\n一、部分\n（一）标题。内容。（区甲局、区甲局别名负责）\n"
    [task] = compile_plan(text, registry).tasks
    assert [(a.unit, a.role) for a in task.assignees] == [("区甲局", "sole")]
