"""The compiler on plans of the genre: the two given plans against their hand-checked truth,
and synthetic fragments for every construct the genre uses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipr_rules.model.ruleset import CompiledPlan, Task, Unit, UnitRegistry
from ipr_rules.ruleset.assignments import parse_assignment
from ipr_rules.ruleset.compile import compile_plan
from ipr_rules.ruleset.lint import NO_ASSIGNMENT, lint_plan
from ipr_rules.ruleset.plan_text import parse_plan

GENRE = Path(__file__).resolve().parent / "fixtures" / "genre"
PLANS = ["national-2022", "fujian-2015"]
TITLE = "2021年全市打击侵权假冒工作要点"
REGISTRY = UnitRegistry(
    tuple(Unit(name, name, "government") for name in ("甲局", "乙局", "丙局", "丁局", "戊委", "己海关"))
)


def truth(name: str) -> list[dict[str, object]]:
    return json.loads((GENRE / f"{name}.truth.json").read_text(encoding="utf-8"))


def roles_of(record: dict[str, object]) -> dict[str, object]:
    assignees = record["assignees"]
    assert isinstance(assignees, list)
    by_role = {role: sorted(a["unit"] for a in assignees if a["role"] == role) for role in ("lead", "co", "sole")}
    return {**by_role, "open": record["open"]}


@pytest.mark.parametrize("name", PLANS)
def test_init_then_tasks_agree_with_the_truth(run_cli, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    started = run_cli("init", str(target), "--plan", str(GENRE / f"{name}.txt"))
    assert started.exit_code == 0, started.output
    assert run_cli("validate-ruleset", str(target)).exit_code == 0
    listed = run_cli("tasks", "--json", "--ruleset", str(target))
    assert listed.exit_code == 0
    tasks = json.loads(listed.stdout)
    expected = truth(name)
    assert len(tasks) == len(expected)
    for task, duty in zip(tasks, expected, strict=True):
        path = duty["path"]
        assert isinstance(path, list)
        assert task["id"] == f"1-{path[-1]}"  # item (一) is the first item; the duty's own number
        want = {role: sorted(duty[role]) for role in ("lead", "co", "sole")}  # type: ignore[call-overload]
        assert roles_of(task) == {**want, "open": duty["open"]}, task["id"]


@pytest.mark.parametrize("name", PLANS)
def test_the_plan_year_and_title_come_from_the_heading(name: str) -> None:
    raw = parse_plan((GENRE / f"{name}.txt").read_text(encoding="utf-8"))
    assert raw.year == int(name[-4:])
    assert raw.title.endswith("工作要点")


def test_a_page_number_inside_a_duty_is_not_text() -> None:
    raw = parse_plan((GENRE / "national-2022.txt").read_text(encoding="utf-8"))
    second = raw.clauses[1]
    assert "—" not in second.text and "2 —" not in second.text
    assert "严厉查处虚假违法广告。" in second.text
    assert second.text_at.line > raw.items[0].line


# ---------------------------------------------------------------- synthetic fragments


def plan(*lines: str) -> str:
    return "\n".join([TITLE, "一、第一部分", *lines]) + "\n"


def compiled(*lines: str) -> CompiledPlan:
    return compile_plan(plan(*lines), REGISTRY)


def roles(task: Task) -> list[tuple[str, str]]:
    return [(a.unit, a.role) for a in task.assignees]


@pytest.mark.parametrize("number", ["{n}.", "{n}．", "{n}、", "（{n}）", "({n})", "{n}. "])
def test_numbered_duties_take_their_own_numbers(number: str) -> None:
    result = compiled(
        "（一）事项标题。",
        number.format(n=1) + "第一项工作。（甲局负责）",
        number.format(n=2) + "第二项工作，分两句。再写一句。（乙局、丙局按职责分工负责）",
    )
    assert [t.id for t in result.tasks] == ["1-1", "1-2"]
    assert result.tasks[0].text == "第一项工作。"
    assert result.items[0].title == "事项标题"
    assert roles(result.tasks[1]) == [("乙局", "co"), ("丙局", "co")]


def test_a_numbered_duty_without_assignment_keeps_the_numbers_of_the_others() -> None:
    result = compiled("（一）事项标题。", "1.没有分工的工作。", "2.有分工的工作。（甲局负责）")
    assert [t.id for t in result.tasks] == ["1-2"]


def test_a_heading_without_a_full_stop_on_its_own_line() -> None:
    result = compiled("（一）互联网领域专项行动延长一年", "1.延长专项行动。健全制度。（甲局负责）")
    assert result.items[0].title == "互联网领域专项行动延长一年"
    assert result.tasks[0].text == "延长专项行动。健全制度。"


def test_an_unnumbered_item_under_a_heading_without_a_full_stop() -> None:
    result = compiled("（一）加强重点领域治理", "开展专项行动，加强监管。（甲局负责）", "建立长效机制。（乙局负责）")
    assert result.items[0].title == "加强重点领域治理"
    assert [(t.id, t.text) for t in result.tasks] == [("1-1", "开展专项行动，加强监管。"), ("1-2", "建立长效机制。")]


def test_numbered_duties_run_in_after_the_heading() -> None:
    result = compiled("（一）事项标题。1.第一项。（甲局负责）2.第二项。（乙局负责）")
    assert [(t.id, t.text) for t in result.tasks] == [("1-1", "第一项。"), ("1-2", "第二项。")]
    assert result.items[0].title == "事项标题"


def test_unnumbered_run_in_sub_topics() -> None:
    result = compiled(
        "（一）加强重点领域治理。",
        "互联网领域。开展“剑网2021”专项行动。（甲局负责）",
        "农村市场。开展农资打假。（乙局、丙局负责）",
    )
    assert [t.id for t in result.tasks] == ["1-1", "1-2"]
    assert result.tasks[0].campaigns == ("剑网2021",)
    assert roles(result.tasks[1]) == [("乙局", "co"), ("丙局", "co")]


def test_a_stray_number_in_the_text_is_not_a_duty() -> None:
    result = compiled("（一）事项标题。开展整治，", "3.5万元以上的案件移送。（甲局负责）", "再开展一项。（乙局负责）")
    assert [t.id for t in result.tasks] == ["1-1", "1-2"]
    assert result.tasks[0].text.endswith("3.5万元以上的案件移送。")


def test_enumerations_inside_a_duty_are_not_duties() -> None:
    result = compiled("（一）事项标题。", "1.做好以下工作：（1）甲；（2）乙。（甲局负责）", "2.第二项。（乙局负责）")
    assert [t.id for t in result.tasks] == ["1-1", "1-2"]
    assert "（2）乙" in result.tasks[0].text


def test_half_width_punctuation() -> None:
    result = compiled("(一)事项标题。", "1.工作。(甲局牵头负责,乙局、丙局按职责分工负责)")
    assert roles(result.tasks[0]) == [("甲局", "lead"), ("乙局", "co"), ("丙局", "co")]


def test_hard_line_breaks_spaces_and_page_numbers_from_a_pdf_copy() -> None:
    result = compiled(
        "（一）事项标题。",
        "",
        "1. 开展专项行动，严厉打击侵权",
        "",
        "— 3 —",
        "",
        "盗版行为。（甲局、乙 局按职责分工",
        "",
        "负责）",
        "- 4 -",
        "2.第二项工作。（丙局负责）",
    )
    assert [t.id for t in result.tasks] == ["1-1", "1-2"]
    assert result.tasks[0].text == "开展专项行动，严厉打击侵权盗版行为。"
    assert roles(result.tasks[0]) == [("甲局", "co"), ("乙局", "co")]
    assert result.tasks[0].line == 5


def test_the_whole_membership_is_open_and_names_no_unit() -> None:
    result = compiled("（一）事项标题。全面落实。（全国打击侵权假冒工作领导小组各成员单位按职责分工分别负责）")
    task = result.tasks[0]
    assert task.assignees == () and task.open


@pytest.mark.parametrize("placeholder", ["各成员单位", "有关部门", "市直有关部门", "各地", "相关成员单位"])
def test_placeholders_are_not_units(placeholder: str) -> None:
    parsed = parse_assignment(f"甲局牵头负责，{placeholder}按职责分工负责")
    assert [n.written for n in parsed.named] == ["甲局"] and parsed.open


def test_cooperation_is_co() -> None:
    result = compiled("（一）事项标题。", "1.工作。（甲局牵头，乙局、丙局配合）", "2.工作。（丁局负责，戊委配合）")
    assert roles(result.tasks[0]) == [("甲局", "lead"), ("乙局", "co"), ("丙局", "co")]
    assert roles(result.tasks[1]) == [("丁局", "co"), ("戊委", "co")]


def test_a_lead_only_assignment() -> None:
    result = compiled("（一）事项标题。工作。（甲局牵头负责）")
    assert roles(result.tasks[0]) == [("甲局", "lead")] and not result.tasks[0].open


def test_several_units_under_a_bare_assignment_are_co() -> None:
    result = compiled("（一）事项标题。工作。（甲局、己海关负责）另一项。（乙局负责）")
    assert roles(result.tasks[0]) == [("甲局", "co"), ("己海关", "co")]
    assert roles(result.tasks[1]) == [("乙局", "sole")]


def test_a_comma_inside_a_unit_list() -> None:
    result = compiled("（一）事项标题。工作。（甲局、乙局，己海关、丙局按职责分工分别负责）")
    assert roles(result.tasks[0]) == [("甲局", "co"), ("乙局", "co"), ("己海关", "co"), ("丙局", "co")]


def test_items_numbered_again_in_each_section_are_counted_through() -> None:
    text = plan(
        "（一）甲。工作。（甲局负责）", "二、第二部分", "（一）乙。工作。（乙局负责）", "（二）丙。工作。（丙局负责）"
    )
    result = compile_plan(text, REGISTRY)
    assert [(t.id, t.section) for t in result.tasks] == [("1-1", 1), ("2-1", 2), ("3-1", 2)]


def test_duties_directly_under_a_section_form_an_item() -> None:
    text = "\n".join(
        [
            TITLE,
            "一、加强执法",
            "1.工作一。（甲局负责）",
            "2.工作二。（乙局负责）",
            "二、加强宣传",
            "（一）宣传。工作。（丙局负责）",
        ]
    )
    result = compile_plan(text, REGISTRY)
    assert [(t.id, t.item_title) for t in result.tasks] == [("1-1", "加强执法"), ("1-2", "加强执法"), ("2-1", "宣传")]


def test_a_plan_without_any_assignment_compiles_to_no_task_with_a_warning() -> None:
    text = plan("（一）事项标题。只有要求，没有分工。")
    result = compile_plan(text, REGISTRY)
    assert result.tasks == ()
    warnings = lint_plan(parse_plan(text), REGISTRY)
    assert [w.args["rule"] for w in warnings if w.message is NO_ASSIGNMENT] == ["no-assignment"]


def test_duties_numbered_through_the_plan_keep_their_numbers() -> None:
    result = compiled(
        "（一）甲。", "1.工作一。（甲局负责）", "2.工作二。（乙局负责）", "（二）乙。", "3.工作三。（丙局负责）"
    )
    assert [t.id for t in result.tasks] == ["1-1", "1-2", "2-3"]


def test_an_item_that_is_one_duty_keeps_its_sentence_as_the_text() -> None:
    result = compiled("（一）开展农资打假专项行动。（甲局负责）", "（二）加强宣传。（乙局负责）")
    assert [(t.id, t.text) for t in result.tasks] == [("1-1", "开展农资打假专项行动。"), ("2-1", "加强宣传。")]


@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        ("甲局、乙局分别牵头负责", [("甲局", "lead"), ("乙局", "lead")]),
        ("甲局牵头，乙局、丙局按职责分工配合", [("甲局", "lead"), ("乙局", "co"), ("丙局", "co")]),
        ("甲局负责，乙局参与", [("甲局", "co"), ("乙局", "co")]),
        ("甲局、乙局按照职责分工负责", [("甲局", "co"), ("乙局", "co")]),
        ("甲局、乙局分别负责", [("甲局", "co"), ("乙局", "co")]),
        ("甲局、乙 局\n按职责分工\n\n负责", [("甲局", "co"), ("乙局", "co")]),
    ],
)
def test_role_phrases_of_the_genre(assignment: str, expected: list[tuple[str, str]]) -> None:
    assert [(n.written, n.role) for n in parse_assignment(assignment).named] == expected


def test_a_pdf_copy_with_a_covering_notice() -> None:
    """Letterhead, notice, page numbers, wraps inside assignments, headings with and without 。,
    numbered and unnumbered items, 等, the whole membership and 配合 in one document."""
    text = (GENRE.parent / "pdf_copy_with_notice.txt").read_text(encoding="utf-8")
    raw = parse_plan(text)
    assert (raw.title, raw.year) == ("2021年全国打击侵犯知识产权和制售假冒伪劣商品工作要点", 2021)
    registry = UnitRegistry(
        tuple(
            Unit(name, name, "government")
            for name in dict.fromkeys(
                named.written for clause in raw.clauses for named in parse_assignment(clause.assignment).named
            )
        )
    )
    result = compile_plan(text, registry)
    summary = [(t.id, [(a.unit, a.role) for a in t.assignees], t.open) for t in result.tasks]
    ministries = [("工业和信息化部", "co"), ("公安部", "co"), ("文化和旅游部", "co"), ("广电总局", "co")]
    assert summary == [
        ("1-1", [("中央宣传部", "lead"), *ministries, ("中央网信办", "co")], False),
        (
            "1-2",
            [
                ("市场监管总局", "lead"),
                ("中央网信办", "co"),
                ("工业和信息化部", "co"),
                ("公安部", "co"),
                ("商务部", "co"),
            ],
            True,
        ),
        ("2-1", [("市场监管总局", "co"), ("农业农村部", "co"), ("商务部", "co"), ("公安部", "co")], False),
        ("2-2", [("农业农村部", "lead")], True),
        ("3-1", [("公安部", "sole")], False),
        ("4-1", [("最高人民法院", "sole")], False),
        ("4-2", [("最高人民检察院", "co"), ("公安部", "co"), ("司法部", "co")], False),
    ]
    assert [item.title for item in result.items][:2] == ["加强互联网领域侵权假冒治理", "加强农村和城乡结合部市场治理"]
    assert result.tasks[0].text == "开展“剑网2021”专项行动,重点整治网络视频、网络直播、电商平台等领域侵权盗版行为。"


def test_a_section_opening_with_an_assignment_does_not_shift_the_items() -> None:
    text = "\n".join([TITLE, "一、总体要求", "各单位要加强领导。（各成员单位负责）", "（一）甲。工作。（甲局负责）"])
    result = compile_plan(text, REGISTRY)
    assert [t.id for t in result.tasks] == ["1-1"]
    assert result.tasks[0].item_title == "甲"


@pytest.mark.parametrize(
    ("assignment", "named", "is_open"),
    [
        ("公安部等有关部门按职责分工负责", ["公安部"], True),
        ("各省（区、市）打击侵权假冒工作领导小组负责", [], True),
        ("市场监管总局牵头，地方各级人民政府负责", ["市场监管总局"], True),
        ("省通信管理局（省网信办）负责", ["省通信管理局（省网信办）"], False),
    ],
)
def test_names_and_placeholders_in_brackets_and_lists(assignment: str, named: list[str], is_open: bool) -> None:
    parsed = parse_assignment(assignment)
    assert [n.written for n in parsed.named] == named
    assert parsed.open is is_open


def test_items_without_sections_stand_in_one_section() -> None:
    text = "\n".join(["2021年全县打击侵权假冒工作要点", "（一）甲。工作。（甲局负责）", "（二）乙。工作。（乙局负责）"])
    result = compile_plan(text, REGISTRY)
    assert [(t.id, t.section) for t in result.tasks] == [("1-1", 1), ("2-1", 1)]


def test_the_year_comes_from_the_notice_when_the_title_has_none() -> None:
    raw = parse_plan(
        "\n".join(
            [
                "省打假办文件",
                "闽打假〔2016〕3号",
                "全省打击侵权假冒工作要点",
                "一、部分",
                "（一）甲。工作。（甲局负责）",
            ]
        )
    )
    assert raw.year == 2016


def test_units_joined_by_huitong_are_two_units() -> None:
    parsed = parse_assignment("市场监管总局会同公安部负责")
    assert [(n.written, n.role) for n in parsed.named] == [("市场监管总局", "co"), ("公安部", "co")]
