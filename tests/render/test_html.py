"""--format html: a self-contained, escaped document with every part the office acts on."""

from __future__ import annotations

import re

import pytest

from ipr_rules.coverage import STATE_LABELS
from ipr_rules.i18n import Lang
from ipr_rules.render import html
from ipr_rules.render.states import LOOKS
from ipr_rules.result import CheckResult

from .support import ESCAPE, FORMULAS, SCRIPT, Elements


def render(result: CheckResult, lang: Lang) -> str:
    """The page whole (the renderer yields it in pieces)."""
    return "".join(html.render(result, lang))


@pytest.fixture(scope="module")
def page(sample: CheckResult) -> str:
    return render(sample, "zh")


@pytest.fixture(scope="module")
def parsed(page: str) -> Elements:
    return Elements(page)


def section(page: str, anchor: str) -> str:
    """The HTML of the <section> with id `anchor`."""
    match = re.search(rf'<section[^>]*id="{anchor}".*?</section>', page, re.S)
    assert match, anchor
    return match.group(0)


def test_self_contained_nothing_loads(page: str, parsed: Elements) -> None:
    assert page.startswith("<!DOCTYPE html>")
    for tag in ("script", "link", "img", "iframe", "object", "embed", "base", "form"):
        assert not parsed.find(tag), tag
    assert not re.search(r"\b(src|href)=\"(?!#)", page), "only in-page links"
    assert "url(" not in page and "@import" not in page and "@font-face" not in page
    policy = next(
        attrs["content"] for attrs in parsed.find("meta") if attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in policy and "script-src" not in policy


def test_chinese_by_default_english_on_request(sample: CheckResult, page: str) -> None:
    assert '<html lang="zh-CN">' in page
    assert "<title>2020 年打击侵权假冒工作年度报告核查结果</title>" in page
    english = render(sample, "en")
    assert '<html lang="en">' in english
    assert "Check of the 2020 annual reports on IP protection" in english
    # Labels as whole elements: the units' own words (Chinese in both) are part of the page too.
    for label in (
        "汇总",
        "任务覆盖矩阵",
        "无人承担的共同任务",
        "各单位情况",
        "检查时间",
        "全区指标合计",
        "各项任务完成情况",
    ):
        assert f">{label}<" in page
        assert f">{label}<" not in english
    assert "Coverage matrix" in english and "Shared duties nobody carried" in english


def test_what_was_checked(sample: CheckResult, page: str) -> None:
    checked = section(page, "summary")  # the summary follows the facts in the header
    header = page[: page.index(checked)]
    assert sample.ruleset.plan.title in header
    assert "55 项任务，19 个成员单位" in header
    assert "reports/2020/" in header
    assert "19 个文件，19 份报告，0 个文件无法读取" in header
    assert "2021-01-05 00:00:00 +00:00" in header  # local time (UTC in the tests) with its offset


def test_summary_figures_come_from_the_result(sample: CheckResult, page: str) -> None:
    summary = Elements(section(page, "summary"))
    figures = re.findall(r'<span class="value">([^<]*)</span><span class="label">([^<]*)', section(page, "summary"))
    shown = {label: value for value, label in figures}
    assert shown["错误"] == str(sample.summary["error"]) == "5"
    assert shown["警告"] == str(sample.summary["warning"])
    assert shown["提交报告的单位"] == "19 / 19"
    assert shown["有单位承担的任务"] == f"{sample.coverage.tasks_carried} / 55"
    assert shown["应承担任务的承担率 "] == f"{sample.coverage.overall.rate:.1%}"
    for kind, data in sample.by_kind().items():
        assert kind in summary.all_text
        assert re.search(rf'{re.escape(kind)}</span></td><td[^>]*>[^<]*</td><td class="num">{data["count"]}<', page)


def test_matrix_is_units_by_tasks_with_states_from_coverage(sample: CheckResult, page: str) -> None:
    matrix = Elements(section(page, "matrix"))
    heads = matrix.find("th", "task")
    assert [attrs["title"].split()[0] for attrs in heads] == list(sample.coverage.tasks)
    assert heads[0]["title"] == "1-1 加强网上侵权假冒治理"
    sections = matrix.find("th", "sec")
    assert len(sections) == 8 and sections[0]["title"] == "一、深化重点领域和产品监管治理"
    assert sum(int(attrs["colspan"]) for attrs in sections) == 55
    cells = matrix.find("td", "c")
    assert len(cells) == 19 * 55
    states = {}
    for attrs in cells:
        classes = attrs["class"].split()
        states[classes[1]] = states.get(classes[1], 0) + 1
    figures = sample.coverage.overall
    assert states["s-done"] == figures.done
    assert states["s-partial"] == 1 and states["s-not_started"] == 2 and states["s-missing"] == 1
    assert states["s-exempted"] == 1
    assert states["s-wrong_unit"] == 1
    # The gaps of reports/2020/README.md, cell by cell, with unit, role and state on hover.
    titles = {attrs.get("title", "") for attrs in cells}
    assert "区科信局 · 1-4 加强网上侵权假冒治理 · 分工负责 · 缺报" in titles
    assert "区税务局 · 17-1 查处侵权假冒涉税案件 · 分工负责 · 未开展" in titles
    assert "区卫生健康局综合监督执法局 · 30-2 运用信息化手段 · 负责 · 豁免" in titles
    assert "区财政局 · 21-6 推进信用体系建设 · 未点名 · 非本单位任务" in titles
    assert "区自然资源局 · 10-1 强化植物新品种保护和林草种苗市场监管 · 分工负责 · 部分完成" in titles
    assert len(matrix.find("td", "lead")) == sum(1 for cell in sample.coverage.cells.values() if cell.role == "lead")


def test_matrix_legend_and_print_key(page: str) -> None:
    matrix = section(page, "matrix")
    legend = Elements(re.search(r'<ul class="legend">.*?</ul>', matrix, re.S).group(0))
    for look in LOOKS:
        assert legend.find("span", f"s-{look.key}"), look.key
    for label in STATE_LABELS.values():
        assert label.zh in legend.all_text
    assert "粗框：牵头单位" in legend.all_text
    notes = Elements(re.search(r'<div class="task-notes".*?</div>', matrix, re.S).group(0)).all_text
    assert (
        "一、深化重点领域和产品监管治理：1-1～1-4 加强网上侵权假冒治理；2-1～2-3 开展农村和城乡结合部市场治理" in notes
    )
    assert "17-1 查处侵权假冒涉税案件" in notes


def test_carriers_row_marks_the_task_nobody_carried(page: str) -> None:
    foot = Elements(re.search(r"<tfoot>.*?</tfoot>", page, re.S).group(0))
    zero = foot.find("td", "zero")
    assert [attrs["title"] for attrs in zero] == ["17-1：0 个单位承担"]


def test_shared_duties_nobody_carried(page: str) -> None:
    text = Elements(section(page, "uncarried")).all_text
    assert "17-1" in text and "查处侵权假冒涉税案件" in text
    assert "区税务局（分工负责 · 未开展）" in text and "区市场监管局（分工负责 · 未开展）" in text


def test_wrong_unit_entries_with_owners(page: str) -> None:
    rows = re.findall(r"<tr>.*?</tr>", section(page, "wrong-unit"), re.S)[1:]
    assert len(rows) == 1
    text = Elements(rows[0]).all_text
    assert "区财政局" in text and "21-6" in text and "区商投局" in text
    assert "reports/2020/区财政局.yaml:35" in text


def test_one_section_per_unit_with_findings_and_places(sample: CheckResult, page: str) -> None:
    sections = re.findall(r'<section class="unit-report" id="([^"]+)">\s*<h3>(.*?)</h3>', page)
    names = [name for _, name in sections]
    assert names[:19] == list(sample.coverage.units)
    assert names[19].startswith("其他")
    for finding in sample.findings:
        anchor = f"unit-{sample.coverage.units.index(finding.unit) + 1}" if finding.unit else "unit-other"
        body = section(page, anchor)
        assert finding.kind in body
        if finding.location:
            assert finding.location in body
    court = section(page, f"unit-{sample.coverage.units.index('区法院') + 1}")
    assert "区法院" in court and "未发现问题。" in court
    assert "reports/2020/区法院.yaml（9 个条目）" in court


def test_print_layout(page: str) -> None:
    style = re.search(r"<style>(.*)</style>", page, re.S).group(1)
    assert re.search(r"@page\s*\{\s*size: A4;", style)
    assert re.search(r"@page wide\s*\{\s*size: A4 landscape;", style)
    printing = style[style.index("@media print") :]
    assert "section.unit-report { break-before: page;" in printing
    assert "section.matrix { page: wide;" in printing
    assert "print-color-adjust: exact" in printing


def test_hostile_text_is_shown_not_obeyed(hostile: CheckResult) -> None:
    page = render(hostile, "zh")
    parsed = Elements(page)
    assert SCRIPT not in page
    assert not parsed.find("script") and not parsed.find("img")
    text = parsed.all_text
    assert SCRIPT in text, "shown as text"
    assert "<img src=x onerror=alert(1)>.yaml:3" in text
    for formula in FORMULAS:
        assert formula in text
    assert ESCAPE not in page and "\x1b" not in page and "\u202e" not in page
    assert "\\x1b[31m" in text and "\\u202e" in text
    assert "\r" not in page


def test_hostile_set_renders_unknown_units_and_other(hostile_set: CheckResult) -> None:
    page = render(hostile_set, "en")
    parsed = Elements(page)
    assert not parsed.find("script")
    headings = re.findall(r'<section class="unit-report" id="(unit-x\d+|unit-other)">\s*<h3>(.*?)</h3>', page)
    assert [anchor for anchor, _ in headings] == ["unit-x1", "unit-x2", "unit-x3", "unit-other"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "(not a member unit of the ruleset)" in page
    assert len(set(re.findall(r' id="([^"]+)"', page))) == len(re.findall(r' id="', page)), "ids are unique"


def test_single_unit_matrix_shows_only_that_unit(hostile: CheckResult) -> None:
    matrix = Elements(section(render(hostile, "zh"), "matrix"))
    rows = [attrs["title"] for attrs in matrix.find("th") if "title" in attrs and attrs.get("scope") == "row"]
    assert rows == ["区法院", "区税务局"]
    assert "<tfoot>" not in section(render(hostile, "zh"), "matrix")
