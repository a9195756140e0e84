"""`-o 年度总结.docx`: the Word draft of the annual summary, opened with python-docx as Word
would read it, and the same bytes for the same input."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import Result

from ipr_rules.render.docx import render
from ipr_rules.result import CheckResult
from ipr_rules.ruleset.plan_text import numeral_text

from .support import REPO


@pytest.fixture(scope="module")
def sample_bytes(sample: CheckResult) -> bytes:
    return render(sample, "zh")


@pytest.fixture(scope="module")
def document(sample_bytes: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(sample_bytes))


def _headings(document: docx.document.Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == f"Heading {level}"]


def test_the_plans_sections_and_items_are_the_headings(document: docx.document.Document, sample: CheckResult) -> None:
    plan = sample.ruleset.plan
    sections = _headings(document, 1)
    assert sections[: len(plan.sections)] == [f"{numeral_text(s.number)}、{s.title}" for s in plan.sections]
    assert sections[len(plan.sections) :] == ["九、全年主要工作数据", "十、存在的问题和不足"]
    assert _headings(document, 2) == [f"（{numeral_text(item.number)}）{item.title}" for item in plan.items]
    title = document.paragraphs[0]
    assert title.style is not None and title.style.name == "Title"
    assert title.text == "2020年打击侵权假冒工作总结"


def test_units_work_is_attributed_under_its_item(document: docx.document.Document) -> None:
    texts = [p.text for p in document.paragraphs]
    item = texts.index("（二）开展农村和城乡结合部市场治理")
    following = texts.index("（三）推进进出口侵权假冒治理")
    under = texts[item:following]
    action = "在大板桥、阿拉、六甲街道城乡结合部开展小卖部、小超市集中检查，检查经营户2315户次"
    assert any(text.startswith("区市场监管局：") and action in text for text in under)
    assert any("形成《官渡区2020年农村假冒伪劣食品治理典型案例》（2020年8月20日）。" in text for text in under)


def test_totals_table_and_open_gaps(document: docx.document.Document) -> None:
    [table] = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "指标", "计量单位", "全区合计", "各单位"]
    by_label = {row[1]: row for row in rows[1:]}
    assert by_label["案值"][2:4] == ["万元", "3749.75"]
    assert by_label["行政案件"][4] == "区市场监管局 426；区文化和旅游局 18；区农业农村局 27"
    texts = [p.text for p in document.paragraphs]
    gaps = texts[texts.index("十、存在的问题和不足") :]
    assert "无单位承担的共同任务：17-1（查处侵权假冒涉税案件）。" in gaps
    assert any(text.startswith("未开展的任务：") and "区税务局 17-1" in text for text in gaps)
    assert any("区科信局 1-4" in text for text in gaps)


def test_exemptions_granted_are_listed_with_their_authority(document: docx.document.Document) -> None:
    texts = [p.text for p in document.paragraphs]
    gaps = texts[texts.index("十、存在的问题和不足") :]
    [granted] = [text for text in gaps if text.startswith("经区打假办豁免、不作为缺口计入的任务：")]
    assert "区卫生健康局综合监督执法局 30-2（运用信息化手段）" in granted
    assert "区打假办主任办公会批准，官打假办〔2020〕9号" in granted
    assert not any("30-2" in text for text in gaps if text.startswith("未开展的任务："))


def test_a4_with_gb_t_9704_margins_fonts_and_page_numbers(document: docx.document.Document) -> None:
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert (section.top_margin.mm, section.left_margin.mm) == pytest.approx((37, 28), abs=0.1)
    assert section.page_width.mm - section.left_margin.mm - section.right_margin.mm == pytest.approx(156, abs=0.1)
    assert section.page_height.mm - section.top_margin.mm - section.bottom_margin.mm == pytest.approx(225, abs=0.1)
    fonts = {
        name: document.styles[name].element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia"))
        for name in ("Title", "Heading 1", "Heading 2", "Normal")
    }
    assert fonts == {
        "Title": "方正小标宋简体",
        "Heading 1": "黑体",
        "Heading 2": "楷体_GB2312",
        "Normal": "仿宋_GB2312",
    }
    for footer in (section.footer, section.even_page_footer):
        assert "PAGE" in footer._element.xml and footer.paragraphs[0].text.startswith("— ")
    assert document.settings.odd_and_even_pages_header_footer


def test_the_gb_fonts_have_fallbacks(sample_bytes: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(sample_bytes)) as package:
        table = package.read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in table


def test_same_input_same_bytes(run_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    first, second = tmp_path / "a" / "年度总结.docx", tmp_path / "b" / "年度总结.docx"
    first.parent.mkdir()
    second.parent.mkdir()
    run_cli("reports/2020/", "-o", str(first))
    run_cli("reports/2020/", "-o", str(second))  # run_cli sets SOURCE_DATE_EPOCH=1609459200
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as package:
        assert {entry.date_time for entry in package.infolist()} == {(2021, 1, 1, 0, 0, 0)}
    properties = docx.Document(str(first)).core_properties
    assert properties.created == properties.modified
    assert properties.created is not None and properties.created.year == 2021
    assert properties.author == "ipr-check"


def test_not_to_the_terminal(run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run_cli("reports/2020/", "--format", "docx")
    assert result.exit_code == 2
    assert "-o" in result.output and "Traceback" not in result.output


def test_english_on_request(sample: CheckResult) -> None:
    document = docx.Document(io.BytesIO(render(sample, "en")))
    assert document.paragraphs[0].text.startswith("Annual summary of the 2020 work")
    assert "10. Gaps still open" in _headings(document, 1)


def test_control_characters_become_visible_escapes(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(
        'unit: 区法院\nyear: 2020\ntasks:\n  "15-1":\n    status: done\n'
        '    actions: ["审结\\x1b[31m案件 3 件\\u202e"]\n    outputs: [{title: "通报\\x9b", date: 2020-07-01}]\n',
        encoding="utf-8",
    )
    target = tmp_path / "年度总结.docx"
    assert run_cli(str(report), "-o", str(target)).exit_code == 1  # 区法院's other duties are missing
    [said] = [p.text for p in docx.Document(str(target)).paragraphs if p.text.startswith("区法院：")]
    assert said == "区法院：审结\\x1b[31m案件 3 件\\u202e。形成《通报\\x9b》（2020年7月1日）。"
