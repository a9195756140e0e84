"""`template UNIT -o UNIT.xlsx`: the workbook's layout, and a filled template checked."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
from click.testing import Result

from ipr_rules.model.ruleset import Ruleset
from tests.workbook.support import check, columns, fill_tasks, rows_by_task, template, write

TASK_HEADERS = ["任务编号", "事项", "任务内容", "分工", "状态", "工作内容", "专项行动", "佐证", "原因说明"]


def test_the_sheets_and_header_cells_are_those_of_the_spec(ruleset: Ruleset) -> None:
    book = openpyxl.load_workbook(io.BytesIO(template(ruleset)))
    assert book.sheetnames[:4] == ["任务", "产出", "指标", "封面"]
    assert [cell.value for cell in book["任务"][1]] == TASK_HEADERS
    assert [cell.value for cell in book["产出"][1]][:4] == ["任务编号", "标题", "日期", "类别"]
    assert [cell.value for cell in book["指标"][1]] == ["任务编号", "指标", "数值"]
    cover = {row[0].value: row[1].value for row in book["封面"].iter_rows(min_row=2, max_row=8)}
    assert cover["单位"] == "区法院" and cover["年度"] == 2020


def test_one_row_per_task_of_the_unit_with_plan_text_and_role(ruleset: Ruleset) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(template(ruleset)))["任务"]
    rows = rows_by_task(sheet)
    assert list(rows) == [task.id for task in ruleset.tasks_of("区法院")]
    heads = columns(sheet)
    task = ruleset.task("15-1")
    assert task is not None
    assert sheet.cell(rows["15-1"], heads["任务内容"]).value == task.text
    assert sheet.cell(rows["15-1"], heads["分工"]).value == "负责"
    assert sheet.cell(rows["15-1"], heads["状态"]).value == "未开展"


def test_plan_text_is_protected_and_input_cells_are_not(ruleset: Ruleset) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(template(ruleset)))["任务"]
    heads = columns(sheet)
    assert sheet.protection.sheet
    assert sheet.cell(2, heads["任务内容"]).protection.locked
    assert sheet.cell(2, heads["任务编号"]).protection.locked
    for header in ("状态", "工作内容", "专项行动", "佐证", "原因说明"):
        assert not sheet.cell(2, heads[header]).protection.locked, header
    assert sheet.cell(2, heads["任务内容"]).alignment.wrap_text


def test_drop_downs_input_messages_print_set_up_and_frozen_header(ruleset: Ruleset) -> None:
    book = openpyxl.load_workbook(io.BytesIO(template(ruleset)))
    sheet = book["任务"]
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == 1 and lists[0].formula1 == '"已完成,部分完成,未开展,不适用"'
    assert str(lists[0].sqref) == "E2:E10"
    prompts = {str(v.sqref): v.prompt for v in sheet.data_validations.dataValidation if v.prompt}
    assert "每行一项" in prompts["F1"]
    assert sheet.freeze_panes == "A2"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == "$1:$1"
    outputs = book["产出"]
    kinds = [v for v in outputs.data_validations.dataValidation if v.type == "list"]
    assert "公开发布" in kinds[0].formula1
    assert outputs.column_dimensions["C"].number_format == "yyyy-mm-dd"  # rows typed in take it


def test_the_same_template_gives_the_same_bytes(ruleset: Ruleset) -> None:
    assert template(ruleset) == template(ruleset)
    assert template(ruleset, "区税务局") != template(ruleset)


def test_a_template_filled_through_its_header_names_checks_clean(ruleset: Ruleset, tmp_path: Path) -> None:
    data = template(ruleset, "区税务局")
    ids = list(rows_by_task(openpyxl.load_workbook(io.BytesIO(data))["任务"]))
    filled = fill_tasks(
        data, {i: {"状态": "已完成", "工作内容": "移交涉税案件线索 4 条\n查补税款 56 万元"} for i in ids}
    )
    assert check(write(tmp_path, "区税务局.xlsx", filled), ruleset) == []


def test_an_unfilled_template_reports_each_task_not_started_at_its_status_cell(
    ruleset: Ruleset, tmp_path: Path
) -> None:
    found = check(write(tmp_path, "区法院.xlsx", template(ruleset)), ruleset)
    tasks = ruleset.tasks_of("区法院")
    assert found == sorted(("task-not-started", t.id, f"任务!E{row}") for row, t in enumerate(tasks, start=2))


def test_a_bad_status_is_invalid_report_naming_its_cell(ruleset: Ruleset, tmp_path: Path) -> None:
    data = fill_tasks(template(ruleset, "区税务局"), {"17-1": {"状态": "完成了", "工作内容": "移交线索 4 条"}})
    found = check(write(tmp_path, "区税务局.xlsx", data), ruleset)
    assert ("invalid-report", "17-1", "任务!E2") in found


def test_the_command_writes_the_workbook_by_its_suffix(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "区法院.xlsx"
    result = run_cli("template", "区法院", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:4] == b"PK\x03\x04"
    checked = run_cli(str(target), "--format", "json")
    assert checked.exit_code == 1
    assert '"location": "任务!E2"' in checked.stdout


def test_an_english_template_reads_back_the_same(ruleset: Ruleset, tmp_path: Path) -> None:
    found = check(write(tmp_path, "court.xlsx", template(ruleset, lang="en")), ruleset)
    assert {kind for kind, _, _ in found} == {"task-not-started"}
