"""Hostile workbooks: each gets a clear Chinese message (exit 2 where it cannot be read), in
bounded time and memory, never a traceback, and never runs anything inside it."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
import xlsxwriter  # type: ignore[import-untyped]

from ipr_rules.model.ruleset import Ruleset
from tests.hardening.support import (
    FIXTURES,
    check_json,
    kinds,
    messages,
    no_traceback,
    run_in_bounded_memory,
    run_process,
    write,
)
from tests.workbook.support import template

SECONDS = 10.0
SHEET = "xl/worksheets/sheet1.xml"


def rewrite(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    """The workbook with some parts replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item.filename)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def timed(*args: object) -> tuple[int, dict]:  # type: ignore[type-arg]
    started = time.monotonic()
    outcome = check_json(*(str(arg) for arg in args))
    assert time.monotonic() - started < SECONDS
    return outcome


def refused(path: Path, *options: str) -> str:
    code, document = timed(*options, path)
    assert code == 2
    assert kinds(document) == [("unreadable", None)]
    return messages(document, "unreadable")[0]


def test_a_legacy_xls_is_refused_with_how_to_save_it(tmp_path: Path) -> None:
    message = refused(write(tmp_path, "区法院.xls", (FIXTURES / "legacy.xls").read_bytes()))
    assert ".xls" in message and "另存为" in message


def test_an_encrypted_workbook_is_refused(tmp_path: Path) -> None:
    message = refused(write(tmp_path, "区法院.xlsx", (FIXTURES / "encrypted.xlsx").read_bytes()))
    assert "密码" in message


def test_text_named_xlsx_and_a_workbook_cut_off_are_refused(ruleset: Ruleset, tmp_path: Path) -> None:
    assert "不是 Excel 工作簿" in refused(write(tmp_path, "a.xlsx", "unit: 区法院\nyear: 2020\n"))
    whole = template(ruleset)
    assert "损坏" in refused(write(tmp_path, "b.xlsx", whole[: len(whole) // 2]))
    garbled = whole[:200] + bytes(255 - byte for byte in whole[200:2000]) + whole[2000:]
    assert "损坏" in refused(write(tmp_path, "c.xlsx", garbled))


def test_a_macro_workbook_is_read_for_its_values_only(ruleset: Ruleset, tmp_path: Path) -> None:
    data = rewrite(template(ruleset), {}, {"xl/vbaProject.bin": b'\xd0\xcf\x11\xe0 Sub AutoOpen() Shell "calc"'})
    code, document = timed(write(tmp_path, "区法院.xlsm", data))
    assert code == 1
    assert {kind for kind, _ in kinds(document)} == {"task-not-started"}


def test_a_zip_bomb_stops_at_the_unpacked_limit_in_bounded_memory(ruleset: Ruleset, tmp_path: Path) -> None:
    bomb = rewrite(template(ruleset), {SHEET: b"<worksheet>" + b" " * (300 * 1024 * 1024) + b"</worksheet>"})
    assert len(bomb) < 2 * 1024 * 1024
    path = write(tmp_path, "区法院.xlsx", bomb)
    started = time.monotonic()
    process = run_in_bounded_memory("--format", "json", path)
    assert time.monotonic() - started < SECONDS
    no_traceback(process)
    assert process.returncode == 2
    assert "解压后超过 10 MB".encode() in process.stdout and b"--max-file-size" in process.stdout


def test_too_many_cells_stop_at_the_node_limit(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("任务")
    sheet.write_row(0, 0, ["任务编号", "状态", "工作内容"])
    for row in range(1, 600):
        sheet.write_row(row, 0, [f"99-{row}", "已完成", "检查 1 次"])
    book.close()
    message = refused(write(tmp_path, "区法院.xlsx", buffer.getvalue()), "--max-nodes", "1000")
    assert "--max-nodes" in message and "任务!A" in message


def test_a_million_empty_rows_read_quickly(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("任务")
    sheet.write_row(0, 0, ["任务编号", "状态", "工作内容"])
    sheet.write_row(1, 0, ["17-1", "已完成", "移交线索 4 条"])
    sheet.write_string(1_048_575, 5, "最后一行的备注")
    cover = book.add_worksheet("封面")
    cover.write_row(0, 0, ["单位", "区税务局"])
    cover.write_row(1, 0, ["年度", 2020])
    book.close()
    code, document = timed(write(tmp_path, "区税务局.xlsx", buffer.getvalue()))
    assert code == 0 and document["findings"] == []


def test_a_million_formatted_empty_rows_are_refused_by_size_not_read(ruleset: Ruleset, tmp_path: Path) -> None:
    data = template(ruleset, "区税务局")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read(SHEET)
    rows = b"".join(b'<row r="%d" s="1" customFormat="1" ht="15"/>' % number for number in range(3, 1_000_003))
    swollen = sheet.replace(b"</sheetData>", rows + b"</sheetData>")
    assert "解压后超过" in refused(write(tmp_path, "区税务局.xlsx", rewrite(data, {SHEET: swollen})))


def test_an_entity_bomb_is_refused_before_any_xml_is_parsed(ruleset: Ruleset, tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10)
        )
        + b']><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
    )
    assert "DOCTYPE" in refused(write(tmp_path, "区法院.xlsx", rewrite(template(ruleset), {SHEET: laughs})))


def test_a_workbook_without_a_task_sheet_says_it_is_not_a_report(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.add_worksheet("汇总").write(0, 0, "全区核查结果")
    book.close()
    assert "没有“任务”工作表" in refused(write(tmp_path, "汇总.xlsx", buffer.getvalue()))


@pytest.mark.parametrize("name", ["legacy.xls", "encrypted.xlsx"])
def test_a_folder_with_a_hostile_workbook_still_checks_the_rest(ruleset: Ruleset, tmp_path: Path, name: str) -> None:
    write(tmp_path, "区法院.xlsx", template(ruleset))
    write(tmp_path, "坏文件.xlsx", (FIXTURES / name).read_bytes())
    process = run_process("--format", "json", tmp_path, timeout=SECONDS)
    no_traceback(process)
    assert process.returncode == 2
    assert b"task-not-started" in process.stdout and b'"unreadable"' in process.stdout
