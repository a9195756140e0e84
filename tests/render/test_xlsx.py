"""--format xlsx: three sheets to filter and annotate; text never becomes a formula; stable bytes."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from wcwidth import wcswidth

from ipr_rules.render.states import LOOKS
from ipr_rules.render.xlsx import render
from ipr_rules.result import CheckResult

from .support import FORMULAS, SCRIPT

FINDING_COLUMNS = ["序号", "单位", "任务", "事项", "级别", "问题类型", "代码", "说明", "文件", "行", "处理情况", "备注"]


def workbook(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


@pytest.fixture(scope="module")
def sample_bytes(sample: CheckResult) -> bytes:
    return render(sample, "zh")


@pytest.fixture(scope="module")
def book(sample_bytes: bytes) -> Workbook:
    return workbook(sample_bytes)


def test_sheets_named_for_the_office(book: Workbook, sample: CheckResult) -> None:
    assert book.sheetnames == ["汇总", "问题清单", "覆盖矩阵", "指标汇总", "工作内容", "已豁免"]
    english = ["Summary", "Findings", "Coverage", "Totals", "Work done", "Waived"]
    assert workbook(render(sample, "en")).sheetnames == english


def test_work_sheet(book: Workbook) -> None:
    rows = list(book["工作内容"].iter_rows(values_only=True))
    assert rows[0] == ("任务", "事项", "单位", "分工", "状态", "工作内容", "产出", "专项行动")
    market = next(row for row in rows if row[0] == "2-2" and row[2] == "区市场监管局")
    assert market[3:5] == ("分工负责", "已完成")
    assert "立案查处生产经营假冒伪劣食品案件31件" in market[5] and "\n" in market[5]
    assert market[6] == "产出：《官渡区2020年农村假冒伪劣食品治理典型案例》（2020-08-20）"
    nobody = next(row for row in rows if row[0] == "17-1")
    assert nobody[2] is None and nobody[5] == "无单位报告承担此项任务。"
    assert any(row[7] == "剑网2020" for row in rows if row[0] == "1-2")


def test_totals_sheet(book: Workbook) -> None:
    rows = list(book["指标汇总"].iter_rows(values_only=True))
    header = rows[3]
    assert header[:4] == ("指标编号", "指标", "计量单位", "全区合计")
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows[4:]}
    assert by_id["admin_cases"]["全区合计"] == 471
    assert by_id["admin_cases"]["区市场监管局"] == 426 and by_id["admin_cases"]["区法院"] is None
    assert by_id["case_value_wan"]["全区合计"] == pytest.approx(3749.75)
    assert by_id["case_value_wan"]["市公安官渡分局"] == pytest.approx(2481.3)


def test_summary_sheet(book: Workbook, sample: CheckResult) -> None:
    sheet = book["汇总"]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0] is not None}
    assert values["规则集"] == sample.ruleset.plan.title
    assert values["输入"] == "reports/2020/"
    assert values["检查时间"] == "2021-01-05 00:00:00 +00:00"
    assert values["错误"] == sample.summary["error"] == 5
    assert values["警告"] == sample.summary["warning"]
    assert values["提交报告的单位"] == 19
    assert values["应承担任务的承担率"] == pytest.approx(sample.coverage.overall.rate)
    assert values["有单位承担的任务"] == sample.coverage.tasks_carried
    rows = list(sheet.iter_rows(values_only=True))
    by_unit = {row[0]: row for row in rows if row[0] in sample.coverage.units}
    assert by_unit["区科信局"][1:7] == ("是", 7, 6, 6, pytest.approx(6 / 7, abs=1e-4), 1)
    kinds = {row[1]: row[3] for row in rows if row[1] in sample.by_kind()}
    assert kinds == {kind: data["count"] for kind, data in sample.by_kind().items()}


def test_findings_sheet_filters_and_freezes(book: Workbook, sample: CheckResult) -> None:
    sheet = book["问题清单"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == FINDING_COLUMNS
    assert len(rows) == 1 + len(sample.findings)
    assert sheet.auto_filter.ref == f"A1:L{len(sample.findings) + 1}"
    assert sheet.freeze_panes == "A2"
    assert sorted((row[6], row[2], row[9]) for row in rows[1:]) == sorted(
        (f.kind, f.task or None, f.line) for f in sample.findings
    )
    first = rows[1]
    assert first[:10] == (
        1,
        "区科信局",
        "1-4",
        "加强网上侵权假冒治理",
        "错误",
        "缺报任务",
        "missing-task",
        first[7],
        "reports/2020/区科信局.yaml",
        6,
    )
    assert sheet["E2"].font.color.rgb == "FFB42318"
    follow_up = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert follow_up and "待整改" in follow_up[0].formula1


def test_column_widths_fit_chinese_text(book: Workbook) -> None:
    sheet = book["问题清单"]
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJKL"}
    longest_unit = max(wcswidth(str(cell.value)) for cell in sheet["B"][1:])
    assert widths["B"] >= longest_unit  # 区打击侵权假冒工作领导小组办公室 is 32 columns wide
    assert widths["H"] >= 30  # the message wraps in a wide column
    assert sheet["H2"].alignment.wrap_text
    assert widths["A"] < widths["D"] < widths["H"]
    matrix = book["覆盖矩阵"]
    assert matrix.column_dimensions["A"].width >= wcswidth("区卫生健康局综合监督执法局")


def test_matrix_sheet_with_fills_and_legend(book: Workbook, sample: CheckResult) -> None:
    sheet = book["覆盖矩阵"]
    rows = list(sheet.iter_rows(values_only=True))
    ids_row = next(index for index, row in enumerate(rows) if row[4] == "1-1")
    assert list(rows[ids_row][4:59]) == list(sample.coverage.tasks)
    assert sheet.freeze_panes == f"E{ids_row + 2}"
    units = [row[0] for row in rows[ids_row + 1 : ids_row + 20]]
    assert units == list(sample.coverage.units)
    fills = {look.key: "FF" + look.fill.lstrip("#").upper() for look in LOOKS}
    column = {task: 5 + index for index, task in enumerate(sample.coverage.tasks)}
    row_of = {unit: ids_row + 2 + index for index, unit in enumerate(units)}
    for (unit, task), expected in (
        (("区科信局", "1-4"), "missing"),
        (("区税务局", "17-1"), "not_started"),
        (("区卫生健康局综合监督执法局", "30-2"), "exempted"),
        (("区财政局", "21-6"), "wrong_unit"),
        (("区自然资源局", "10-1"), "partial"),
        (("区法院", "2-3"), "done"),
        (("区法院", "1-1"), "not_assigned"),
    ):
        cell = sheet.cell(row_of[unit], column[task])
        assert cell.fill.fgColor.rgb == fills[expected], (unit, task)
    lead = sheet.cell(row_of["区委宣传部"], column["8-1"])
    assert lead.value == "✓" and lead.border.left.style == "medium"
    legend = [row[2] for row in rows if row[2] in {look.label.zh for look in LOOKS}]
    assert len(legend) == len(LOOKS)
    assert any(row[2] == "粗框：牵头单位" for row in rows)
    prompts = {v.promptTitle: v.prompt for v in sheet.data_validations.dataValidation if v.promptTitle}
    assert prompts["1-1"] == "加强网上侵权假冒治理"


def all_cells(book: Workbook):
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


def test_text_is_never_a_formula(hostile: CheckResult) -> None:
    data = render(hostile, "zh")
    book = workbook(data)
    cells = list(all_cells(book))
    assert all(cell.data_type != "f" for cell in cells)
    values = [cell.value for cell in cells if isinstance(cell.value, str)]
    for formula in FORMULAS:
        assert formula in values, formula  # unknown unit names and task ids, kept whole, as text
    assert "=HYPERLINK(1).yaml" in values  # a file name
    assert SCRIPT in values
    assert not any("\x1b" in value for value in values)
    assert any("\\x1b[31m" in value for value in values)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[ >]", archive.read(name)), name


def test_same_input_same_bytes(sample: CheckResult, sample_bytes: bytes, hostile: CheckResult) -> None:
    assert render(sample, "zh") == sample_bytes
    assert render(hostile, "en") == render(hostile, "en")
    properties = workbook(sample_bytes).properties
    assert properties.created == datetime(2021, 1, 5, 0, 0)
    assert properties.creator == "ipr-check"
    with zipfile.ZipFile(io.BytesIO(sample_bytes)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_set_without_reports_still_renders(hostile_set: CheckResult) -> None:
    book = workbook(render(hostile_set, "zh"))
    sheet = book["问题清单"]
    assert sheet.max_row == 1 + len(hostile_set.findings)
    kinds = {row[6] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"missing-report", "unaddressed-shared-duty", "unreadable", "unknown-unit"} <= kinds


def test_waived_sheet_shows_the_exemption(book: Workbook, sample: CheckResult) -> None:
    sheet = book["已豁免"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    assert len(rows) == len(sample.waived) == 1
    unit, task, kind, _, exemption, where = rows[0]
    assert (unit, task, kind) == ("区卫生健康局综合监督执法局", "30-2", "task-not-applicable")
    assert "区打假办主任办公会" in exemption and "官打假办〔2020〕9号" in exemption
    assert where == "reports/2020/区卫生健康局综合监督执法局.yaml:26"
