"""A workbook read as people fill it: the same raw document as YAML, every position a cell."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import xlsxwriter  # type: ignore[import-untyped]

from ipr_rules.loading.cells import cell_of
from ipr_rules.loading.limits import ReadLimits
from ipr_rules.loading.reports import load_file
from ipr_rules.loading.yamlpos import Document
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.workbook.reader import read_workbook
from tests.workbook.support import append_rows, check, edit, fill_tasks, template, write

DONE = {"状态": "已完成", "工作内容": "审结案件 35 件"}


def read(data: bytes) -> Document:
    document = read_workbook(data, ReadLimits())
    assert isinstance(document, Document), document
    return document


def test_chinese_and_english_status_values_and_one_action_per_line(ruleset: Ruleset) -> None:
    data = fill_tasks(
        template(ruleset),
        {
            "15-1": {"状态": "已完成", "工作内容": "审结案件 35 件\r\n\n  判处惩罚性赔偿 2 件  "},
            "16-1": {"状态": "partial", "工作内容": "报送判决情况 4 次"},
            "18-1": {"状态": " 不适用 ", "原因说明": "无"},
            "8-1": {"状态": "部分完成", "工作内容": "审结 4 件", "专项行动": "剑网2020、秋风2020\n龙腾"},
        },
    )
    tasks = read(data).data["tasks"]
    assert tasks["15-1"] == {"status": "done", "actions": ["审结案件 35 件", "判处惩罚性赔偿 2 件"]}
    assert tasks["16-1"]["status"] == "partial"
    assert tasks["18-1"] == {"status": "not_applicable", "reason": "无"}
    assert tasks["8-1"]["campaigns"] == ["剑网2020", "秋风2020", "龙腾"]
    assert tasks["2-3"] == {"status": "not_started"}


def test_every_path_names_its_cell(ruleset: Ruleset) -> None:
    document = read(fill_tasks(template(ruleset), {"15-1": DONE}))
    assert cell_of(document.lines[("tasks", "15-1")]) == "任务!A5"
    assert cell_of(document.lines[("tasks", "15-1", "status")]) == "任务!E5"
    assert cell_of(document.lines[("tasks", "15-1", "actions", 0)]) == "任务!F5"
    assert document.lines[("tasks", "15-1", "status")] == 5
    assert cell_of(document.lines[("unit",)]) == "封面!B2"


def test_numbers_typed_as_text_and_dates_as_people_write_them(ruleset: Ruleset, tmp_path: Path) -> None:
    data = fill_tasks(template(ruleset), {"15-1": DONE})
    data = append_rows(
        data, "产出", [["15-1", "典型案例通报", "2020年7月10日", "公开发布"], ["15-1", "白皮书", "2020/12/1"]]
    )
    data = append_rows(data, "指标", [["15-1", "cases", "１２"], ["15-1", "fines_yuan", "1,234"]])

    def year_as_text(book: Any) -> None:
        book["封面"]["B3"] = "2020"

    loaded = load_file(str(write(tmp_path, "区法院.xlsx", edit(data, year_as_text))))
    report = loaded.documents[0]
    assert report.problems == [] and report.year == 2020
    entry = report.entries["15-1"]
    assert [(o.title, o.date, o.kind) for o in entry.outputs] == [
        ("典型案例通报", dt.date(2020, 7, 10), "publication"),
        ("白皮书", dt.date(2020, 12, 1), None),
    ]
    assert entry.metrics == {"cases": 12, "fines_yuan": 1234}


def test_real_date_cells_are_dates(ruleset: Ruleset) -> None:
    def dated(book: Any) -> None:
        book["封面"]["B4"] = dt.datetime(2020, 12, 20)

    assert read(edit(template(ruleset), dated)).data["submitted"] == dt.date(2020, 12, 20)


def test_a_metric_row_without_task_is_the_units_own_figure(ruleset: Ruleset, tmp_path: Path) -> None:
    data = append_rows(
        fill_tasks(template(ruleset), {"15-1": DONE}), "指标", [[None, "cases", 40], ["15-1", "cases", 35]]
    )
    document = read(data)
    assert document.data["metrics"] == {"cases": 40}
    assert document.data["tasks"]["15-1"]["metrics"] == {"cases": 35}
    assert cell_of(document.lines[("metrics", "cases")]) == "指标!C2"
    report = load_file(str(write(tmp_path, "区法院.xlsx", data))).documents[0]
    assert report.problems == []


def test_extra_and_hidden_columns_extra_sheets_and_trailing_rows_are_ignored(ruleset: Ruleset, tmp_path: Path) -> None:
    def decorate(book: Any) -> None:
        sheet = book["任务"]
        sheet.protection.sheet = False
        sheet.cell(1, 12).value = "备注"
        sheet.cell(5, 12).value = "领导已阅"
        sheet.column_dimensions["D"].hidden = True
        sheet.cell(400, 12).value = None
        book.create_sheet("草稿")["A1"] = "随便写写"

    data = edit(fill_tasks(template(ruleset), {"15-1": DONE}), decorate)
    assert read(data).data["tasks"]["15-1"] == {"status": "done", "actions": ["审结案件 35 件"]}
    found = check(write(tmp_path, "区法院.xlsx", data), ruleset)
    assert {kind for kind, _, _ in found} == {"task-not-started"}


def test_columns_are_found_by_their_headers_in_any_order(ruleset: Ruleset, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "任务"
    sheet.append(["说明"])
    sheet.append(["状态", "工作内容", "任务编号"])
    sheet.append(["已完成", "移交涉税案件线索 4 条", "17-1"])
    cover = book.create_sheet("封面")
    cover.append(["单位", "区税务局"])
    cover.append(["年度", 2020])
    buffer = io.BytesIO()
    book.save(buffer)
    assert check(write(tmp_path, "区税务局.xlsx", buffer.getvalue()), ruleset) == []


def test_a_task_the_plan_does_not_have_is_unknown_task_at_its_row(ruleset: Ruleset, tmp_path: Path) -> None:
    data = append_rows(
        fill_tasks(template(ruleset, "区税务局"), {"17-1": DONE}), "任务", [["99-1", None, None, None, "已完成"]]
    )

    def add_action(book: Any) -> None:
        book["任务"]["F3"] = "审结 1 件"

    found = check(write(tmp_path, "区税务局.xlsx", edit(data, add_action)), ruleset)
    assert found == [("unknown-task", "99-1", "任务!A3")]


def test_a_task_id_excel_turned_into_a_date_is_invalid_report_at_its_cell(ruleset: Ruleset, tmp_path: Path) -> None:
    def typed(book: Any) -> None:
        sheet = book["任务"]
        sheet["A3"], sheet["E3"], sheet["F3"] = dt.datetime(2020, 1, 1), "已完成", "检查 3 次"

    data = edit(fill_tasks(template(ruleset, "区税务局"), {"17-1": DONE}), typed)
    path = write(tmp_path, "区税务局.xlsx", data)
    assert check(path, ruleset) == [("invalid-report", None, "任务!A3")]
    message = load_file(str(path)).documents[0].problems[0].message.zh
    assert "文本格式" in message


def test_a_task_twice_and_output_rows_of_unlisted_tasks_are_invalid_report(ruleset: Ruleset, tmp_path: Path) -> None:
    data = fill_tasks(template(ruleset, "区税务局"), {"17-1": DONE})
    data = append_rows(data, "任务", [["17-1", None, None, None, "未开展"]])
    data = append_rows(data, "产出", [["3-1", "通报", "2020-07-10"]])
    found = check(write(tmp_path, "区税务局.xlsx", data), ruleset)
    assert found == [("invalid-report", None, "产出!A2"), ("invalid-report", "17-1", "任务!A3")]


def test_a_formula_gives_its_saved_result_and_one_without_is_invalid_report(ruleset: Ruleset, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    tasks = book.add_worksheet("任务")
    tasks.write_row(0, 0, ["任务编号", "状态", "工作内容"])
    tasks.write_row(1, 0, ["17-1", "已完成"])
    tasks.write_formula(1, 2, '="移交线索 "&4&" 条"', None, "移交线索 4 条")
    metrics = book.add_worksheet("指标")
    metrics.write_row(0, 0, ["任务编号", "指标", "数值"])
    metrics.write_row(1, 0, ["17-1", "cases"])
    metrics.write_formula(1, 2, "=2+2", None, 4)
    cover = book.add_worksheet("封面")
    cover.write_row(0, 0, ["单位", "区税务局"])
    cover.write_row(1, 0, ["年度", 2020])
    book.close()
    cached = buffer.getvalue()
    assert read(cached).data["tasks"]["17-1"] == {
        "status": "done",
        "actions": ["移交线索 4 条"],
        "metrics": {"cases": 4},
    }
    assert check(write(tmp_path, "cached.xlsx", cached), ruleset) == []

    def formula(book: Any) -> None:
        book["指标"]["C2"] = "=3+3"  # openpyxl saves every formula without its result

    path = write(tmp_path, "uncached.xlsx", edit(cached, formula))
    assert check(path, ruleset) == [("invalid-report", "17-1", "任务!C2"), ("invalid-report", "17-1", "指标!C2")]
    problems = load_file(str(path)).documents[0].problems
    assert ["公式" in p.message.zh and p.args["cell"] for p in problems] == ["任务!C2", "指标!C2"]


def test_merged_cells_are_read_as_their_first_cell(ruleset: Ruleset, tmp_path: Path) -> None:
    def merge(book: Any) -> None:
        sheet = book["任务"]
        sheet.protection.sheet = False
        sheet.merge_cells("F5:F6")

    data = edit(fill_tasks(template(ruleset), {"15-1": DONE, "16-1": {"状态": "已完成"}}), merge)
    found = check(write(tmp_path, "区法院.xlsx", data), ruleset)
    assert ("invalid-report", "16-1", "任务!E6") in found
    assert not [item for item in found if item[1] == "15-1"]
