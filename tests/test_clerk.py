"""Places in a report said in the clerk's terms; JSON keeps the machine path."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from ipr_rules.clerk import FieldPath, OddCharacters, suggest_field
from ipr_rules.model.report import ENTRY_FIELDS, REPORT_FIELDS, Output

CASES = Path(__file__).resolve().parent / "messages" / "cases"


@pytest.mark.parametrize(
    ("path", "zh", "en"),
    [
        (
            ("tasks", "4-1", "outputs", 1, "date"),
            "任务 4-1 的第 2 个产出的日期（outputs[2].date）",
            "the date of output 2 of task 4-1 (outputs[2].date)",
        ),
        (
            ("tasks", "4-1", "actions", 0),
            "任务 4-1 的第 1 项工作内容（actions[1]）",
            "action 1 of task 4-1 (actions[1])",
        ),
        (("tasks", "4-1", "status"), "任务 4-1 的状态（status）", "the status of task 4-1"),
        (("tasks", "4-1"), "任务 4-1 的条目", "the entry of task 4-1"),
        (("unit",), "单位名称（unit）", "the unit name (unit)"),
        (("contact", "phone"), "联系人的电话（contact.phone）", "the phone of contact (contact.phone)"),
        (
            ("tasks", "15-1", "metrics", "cases"),
            "任务 15-1 的指标“cases”（metrics.cases）",
            "metric 'cases' of task 15-1 (metrics.cases)",
        ),
        (
            ("tasks", "9-1", "campaigns", 2),
            "任务 9-1 的第 3 个专项行动（campaigns[3]）",
            "campaign 3 of task 9-1 (campaigns[3])",
        ),
    ],
)
def test_a_place_is_counted_from_one_and_named_in_chinese(path: tuple[object, ...], zh: str, en: str) -> None:
    place = FieldPath(path)
    assert (place.render("zh"), place.render("en")) == (zh, en)


def test_an_unknown_key_is_quoted_as_written_without_a_bracket() -> None:
    place = FieldPath(("tasks", "24-1", "remark"), known=False)
    assert place.render("zh") == "任务 24-1 中的“remark”"
    assert place.render("en") == "'remark' in task 24-1"
    assert place.machine == "tasks.24-1.remark"


@pytest.mark.parametrize(
    ("typed", "known", "meant"),
    [
        ("remark", ENTRY_FIELDS, "reason"),
        ("备注", ENTRY_FIELDS, "reason"),
        ("说明", ENTRY_FIELDS, "reason"),
        ("状态", ENTRY_FIELDS, "status"),
        ("工作内容", ENTRY_FIELDS, "actions"),
        ("statuss", ENTRY_FIELDS, "status"),  # spelling, when the meaning says nothing
        ("单位", REPORT_FIELDS, "unit"),
        ("标题", tuple(Output.model_fields), "title"),
    ],
)
def test_a_field_is_suggested_by_meaning_before_spelling(typed: str, known: tuple[str, ...], meant: str) -> None:
    assert suggest_field(typed, known) == meant


def test_odd_characters_are_named_by_position_and_kind() -> None:
    named = OddCharacters("区\u2f42化和旅游局")
    assert named.render("zh") == "第 2 个字“⽂”是康熙部首，应为“文”"
    assert "Kangxi radical (U+2F42)" in named.render("en")
    assert not OddCharacters("区文化和旅游局")


@pytest.mark.parametrize("form", ["table", "markdown", "html"])
def test_every_output_shows_the_clerks_wording(form: str, run_cli: Callable[..., Result]) -> None:
    result = run_cli(str(CASES / "01-second-output-date.yaml"), "--format", form)
    shown = result.stdout.replace("\\", "")  # markdown escapes - [ ]
    assert "任务 4-1 的第 2 个产出的日期（outputs[2].date）" in shown
    assert "tasks.4-1.outputs.1.date" not in shown


def test_the_workbook_shows_the_clerks_wording(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "out.xlsx"
    run_cli(str(CASES / "01-second-output-date.yaml"), "-o", str(target))
    cells = [str(cell.value) for sheet in load_workbook(target) for row in sheet.iter_rows() for cell in row]
    assert any("任务 4-1 的第 2 个产出的日期（outputs[2].date）" in cell for cell in cells)


def test_json_keeps_the_machine_path_beside_the_clerks_message(run_cli: Callable[..., Result]) -> None:
    result = run_cli(str(CASES / "01-second-output-date.yaml"), "--format", "json", "--lang", "en")
    [finding] = [item for item in json.loads(result.stdout)["findings"] if item["kind"] == "invalid-report"]
    assert finding["path"] == "tasks.4-1.outputs.1.date"
    assert finding["message"].startswith("the date of output 2 of task 4-1 (outputs[2].date)")
    assert finding["line"] == 10
