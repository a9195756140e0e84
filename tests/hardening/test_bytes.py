"""Bytes as they arrive from Windows desktops: legacy encodings, BOMs, CRLF, NUL, binary, and
characters that do not show (SPEC §3: a clear error, or read correctly; never garbage)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.decode import Decoded, decode
from ipr_rules.loading.reports import load_file
from tests.hardening.support import FIXTURES, check_json, kinds, messages, write

COURT_ACTION = "审结知识产权民事案件1048件，适用惩罚性赔偿3件。"


def _entry_actions(path: Path) -> list[str]:
    loaded = load_file(os.fspath(path))
    assert loaded.failure is None
    (document,) = loaded.documents
    assert document.problems == []
    assert document.unit == "区法院"
    return list(document.entries["15-1"].actions)


@pytest.mark.parametrize("name", ["gbk.yaml", "gb18030-4byte.yaml"])
def test_gbk_and_gb18030_are_read_as_chinese_with_a_notice(name: str) -> None:
    actions = _entry_actions(FIXTURES / name)
    if name == "gbk.yaml":
        assert actions == [COURT_ACTION]
    else:
        assert actions == ["审结知识产权民事案件1048件，原告𠮷祥公司获赔𠀾万元。"]  # 4-byte GB18030 characters
    code, document = check_json(FIXTURES / name)
    assert ("legacy-encoding", 1) in kinds(document, "legacy-encoding")
    assert "GB18030" in messages(document, "legacy-encoding")[0]
    assert not kinds(document, "unreadable", "invalid-report")
    assert code == 1  # the court's other duties are missing: findings, not an unreadable file


@pytest.mark.parametrize("name", ["utf16-le-bom.yaml", "utf16-be-bom.yaml", "utf8-bom-crlf.yaml"])
def test_boms_and_crlf_are_read_exactly(name: str) -> None:
    assert _entry_actions(FIXTURES / name) == [COURT_ACTION]
    _, document = check_json(FIXTURES / name)
    assert not kinds(document, "unreadable", "invalid-report", "legacy-encoding")


def test_crlf_lines_are_counted_like_lf_lines(tmp_path: Path) -> None:
    text = 'unit: 区法院\nyear: 2020\ntasks:\n  "15-1":\n    status: partial\n    actions: [审结案件]\n'
    lf = check_json(write(tmp_path, "lf.yaml", text))[1]
    crlf = check_json(write(tmp_path, "crlf.yaml", text.replace("\n", "\r\n").encode()))[1]
    cr = check_json(write(tmp_path, "cr.yaml", text.replace("\n", "\r").encode()))[1]
    assert kinds(lf) == kinds(crlf) == kinds(cr)
    assert ("task-partial", 5) in kinds(lf)


def test_a_file_mixing_utf8_and_gbk_names_a_line_of_each() -> None:
    code, document = check_json(FIXTURES / "mixed-encodings.yaml")
    assert code == 2
    assert kinds(document) == [("unreadable", 8)]
    (message,) = messages(document, "unreadable")
    assert "第 1 行是 UTF-8" in message and "第 8 行是 GBK" in message


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("nul-bytes.yaml", 8, "NUL"),
        ("utf16-without-bom.yaml", 1, "UTF-16"),
        ("truncated-utf8.yaml", 8, "截断"),
    ],
)
def test_bytes_that_are_not_text_are_unreadable_with_the_reason(name: str, line: int, words: str) -> None:
    code, document = check_json(FIXTURES / name)
    assert code == 2
    assert kinds(document) == [("unreadable", line)]
    assert words in messages(document, "unreadable")[0]


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,  # an image named .yaml
        b"PK\x03\x04\x14\x00\x06\x00" + os.urandom(2000),  # a .docx named .yaml
        bytes(range(0x80, 0x100)) * 20,  # high bytes, no NUL: neither UTF-8 nor Chinese GBK
        "unit: 区法院\nyear: 2020\ntasks: {}\n".encode() + "# résumé, café\n".encode("latin-1"),
    ],
    ids=["png", "docx", "high-bytes", "latin-1"],
)
def test_a_binary_or_foreign_file_named_yaml_is_unreadable(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "报告.yaml", data)
    good = write(tmp_path, "区法院.yaml", (FIXTURES / "utf8-bom-crlf.yaml").read_bytes())
    code, document = check_json(path, good)
    assert code == 2
    assert [f["file"] for f in document["findings"] if f["kind"] == "unreadable"] == [os.fspath(path)]
    assert [r["unit"] for r in document["reports"]] == ["区法院"]  # the readable input is still checked


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("年度报告：区法院".encode("gbk"), "年度报告：区法院"),
        ("年度报告：原告𠮷祥公司获赔三万元".encode("gb18030"), "年度报告：原告𠮷祥公司获赔三万元"),
        (b"\xef\xbb\xbfa\r\nb", "a\nb"),
        (b"\xff\xfea\x00\r\x00\n\x00", "a\n"),
    ],
)
def test_decode_reads_what_it_can_tell(data: bytes, expected: str) -> None:
    decoded = decode(data)
    assert isinstance(decoded, Decoded)
    assert decoded.text == expected


@pytest.mark.parametrize("data", [b"\xff\xfe\x00\xd8", b"\xef\xbb\xbfok\n\xff", b"a\x00b", b"\x80\x81\x82\x83"])
def test_decode_refuses_what_it_cannot_tell(data: bytes) -> None:
    failure = decode(data)
    assert isinstance(failure, Diagnostic)
    failure.message.render("zh", **failure.args)
    failure.message.render("en", **failure.args)


def test_zero_width_characters_in_the_unit_are_named_and_the_unit_still_recognised() -> None:
    code, document = check_json(FIXTURES / "zero-width-unit.yaml")
    assert code == 1
    assert ("invalid-report", 2) in kinds(document, "invalid-report")
    assert not kinds(document, "unknown-unit"), "SPEC §7: invisible characters are folded before matching"
    assert [report["unit"] for report in document["reports"]] == ["区法院"]
    (invisible,) = [m for m in messages(document, "invalid-report") if "不可见字符" in m]
    assert "U+200B" in invisible and "零宽空格" in invisible and "U+FEFF" in invisible
    assert "删除后为“区法院”" in invisible


def test_zero_width_characters_in_a_task_id_are_named() -> None:
    _, document = check_json(FIXTURES / "zero-width-task-id.yaml")
    assert kinds(document, "unknown-task") == [("unknown-task", 5)], "one finding for the key, not two"
    (message,) = messages(document, "unknown-task")
    assert "U+200B" in message and '应写作 "15-1"' in message and "任务 15-1 算作没有填写" in message
    assert not [f for f in document["findings"] if f["kind"] == "missing-task" and f["task"] == "15-1"]


def test_zero_width_characters_show_as_escapes_in_the_table(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(os.fspath(FIXTURES / "zero-width-task-id.yaml"))
    assert "15-1\\u200b" in result.stdout
    assert "\u200b" not in result.stdout
