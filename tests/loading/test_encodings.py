"""UTF-8 with or without BOM, UTF-16/32 with a BOM, GBK/GB18030 read correctly or refused clearly."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.decode import Decoded, decode

from .support import REPORT, failure_text, load, only

FOUR_BYTES = "𠀀"  # U+20000: outside GBK, four bytes in GB18030
ACTIONS = ["审结知识产权民事案件 35 件，判处惩罚性赔偿 2 件"]


def _decoded(data: bytes) -> Decoded:
    result = decode(data)
    assert isinstance(result, Decoded), result
    return result


def test_utf8_with_and_without_bom() -> None:
    plain = _decoded(REPORT.encode("utf-8"))
    bom = _decoded(codecs.BOM_UTF8 + REPORT.encode("utf-8"))
    assert plain.text == bom.text == REPORT
    assert plain.notice is None and bom.notice is None


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom(codec: str, tmp_path: Path) -> None:
    boms = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }
    data = boms.get(codec, b"") + REPORT.encode(codec)
    assert _decoded(data).text == REPORT
    document = only(load(tmp_path, data))
    assert (document.unit, document.entries["15-1"].actions) == ("区法院", ACTIONS)


def test_utf16_without_a_bom_is_refused(tmp_path: Path) -> None:
    loaded = load(tmp_path, REPORT.encode("utf-16-le"))
    assert loaded.documents == [] and "NUL" in failure_text(loaded)


def test_a_bom_that_lies(tmp_path: Path) -> None:
    loaded = load(tmp_path, codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate
    assert loaded.documents == [] and "UTF-16" in failure_text(loaded)


@pytest.mark.parametrize("codec", ["gbk", "gb2312", "gb18030"])
def test_gbk_family_is_read_correctly(codec: str, tmp_path: Path) -> None:
    loaded = load(tmp_path, ("# 区法院年度报告\n" + REPORT).encode(codec))
    document = only(loaded)
    assert (document.unit, document.entries["15-1"].actions) == ("区法院", ACTIONS)
    assert loaded.encoding_notice is not None and loaded.encoding == "GB18030"


def test_a_four_byte_gb18030_character(tmp_path: Path) -> None:
    text = REPORT.replace("35 件", f"35 件（涉“{FOUR_BYTES}”字商标）")
    data = text.encode("gb18030")
    assert FOUR_BYTES.encode("gb18030") in data and len(FOUR_BYTES.encode("gb18030")) == 4
    document = only(load(tmp_path, data))
    assert FOUR_BYTES in document.entries["15-1"].actions[0]
    assert _decoded(data).text == text


def test_a_file_mixing_utf8_and_gbk_lines(tmp_path: Path) -> None:
    lines = REPORT.splitlines(keepends=True)
    data = "".join(lines[:5]).encode("utf-8") + "".join(lines[5:]).encode("gbk")
    loaded = load(tmp_path, data)
    assert loaded.documents == []
    assert loaded.failure is not None and loaded.failure.line == 6
    assert "line 1 is UTF-8 and line 6 is GBK/GB18030" in failure_text(loaded)
    assert "第 1 行是 UTF-8，第 6 行是 GBK/GB18030" in failure_text(loaded, "zh")
    result = decode(data)
    assert isinstance(result, Diagnostic) and result.args == {"utf8_line": 1, "gbk_line": 6}


def test_latin1_is_never_misread_as_chinese(tmp_path: Path) -> None:
    data = REPORT.encode("utf-8") + "contact: {name: José Müller, department: Straße}\n".encode("latin-1")
    loaded = load(tmp_path, data)
    assert loaded.documents == []
    assert "line 7 is neither UTF-8 nor GBK" in failure_text(loaded)


def test_nul_bytes(tmp_path: Path) -> None:
    loaded = load(tmp_path, REPORT.encode("utf-8") + b"evidence: [a\x00b]\n")
    assert loaded.documents == [] and loaded.failure is not None and loaded.failure.line == 7
    assert "NUL" in failure_text(loaded)


def test_a_png_is_not_a_report(tmp_path: Path) -> None:
    loaded = load(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), name="图片.yaml")
    assert loaded.documents == [] and loaded.failure is not None


def test_an_empty_file_is_an_empty_report(tmp_path: Path) -> None:
    loaded = load(tmp_path, b"")
    assert loaded.failure is None
    [document] = loaded.documents
    assert document.unit is None and [problem.line for problem in document.problems] == [1]
