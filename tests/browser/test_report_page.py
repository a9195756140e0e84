"""The HTML report of the 2020 sample year in a real headless Chromium.

The page is opened from a file, as the office opens an attachment. The tests assert that the
summary and the matrix are laid out and visible, that the page logs no error and requests
nothing but itself, that it reads with scripting off, that Chinese text has a Chinese font, and
that printing gives A4 pages with the matrix on a landscape one. The screenshot goes to
artifacts/report-2020.png (with the PDF beside it); IPR_UPDATE_IMAGES=1 also refreshes the
pictures in docs/images/.
"""

from __future__ import annotations

import os
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipr_rules.i18n import Lang
from ipr_rules.render import html
from ipr_rules.result import CheckResult

from ..render.support import REPO, SCRIPT, hostile_folder, run_check, run_sample
from .cdp import Browser, Page


def render(result: CheckResult, lang: Lang) -> str:
    """The page whole (the renderer yields it in pieces)."""
    return "".join(html.render(result, lang))


pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "artifacts"
IMAGES = REPO / "docs" / "images"
WIDTH, HEIGHT = 1366, 900
MAX_IMAGE = 400 * 1024
# Families that hold Chinese glyphs (Noto/Source Han, WenQuanYi, Windows and macOS fonts).
CJK_FAMILIES = re.compile(
    r"CJK|Han Sans|Han Serif|WenQuanYi|Droid Sans Fallback|YaHei|SimHei|SimSun|PingFang|"
    r"Hiragino|AR PL|Noto Sans SC|Noto Serif SC",
    re.I,
)

LAYOUT = """(() => {
  const box = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const probe = document.elementFromPoint(Math.min(rect.left + 40, innerWidth - 1), rect.top + rect.height / 2);
    return {x: rect.left, y: rect.top + scrollY, width: rect.width, height: rect.height,
            shown: style.display !== 'none' && style.visibility === 'visible' && Number(style.opacity) > 0,
            unobscured: rect.top >= 0 && rect.top < innerHeight ? element.contains(probe) : null};
  };
  return {
    viewport: innerWidth,
    summary: box('#summary .figures'), matrix: box('table.matrix'), legend: box('ul.legend'),
    matrixSection: box('section.matrix'),
    figures: [...document.querySelectorAll('#summary .figure')].map((f) => f.innerText.replace(/\\s+/g, ' ')),
    cells: document.querySelectorAll('table.matrix td.c').length,
    missing: getComputedStyle(document.querySelector('td.s-missing')).backgroundColor,
    done: getComputedStyle(document.querySelector('td.s-done')).backgroundColor,
    scripts: document.querySelectorAll('script').length,
  };
})()"""


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = run_sample()
    target = tmp_path_factory.mktemp("page") / "report-2020.html"
    target.write_text(render(result, "zh"), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def page(browser: Browser, report_file: Path) -> Iterator[Page]:
    tab = Page(browser, WIDTH, HEIGHT)
    tab.open(report_file.as_uri())
    yield tab
    tab.close()


@pytest.fixture(scope="module")
def layout(page: Page) -> dict[str, Any]:
    page.evaluate("window.scrollTo(0, 0)")
    result: dict[str, Any] = page.evaluate(LAYOUT)
    return result


def test_no_console_errors_and_no_network_requests(page: Page, report_file: Path) -> None:
    assert page.problems() == []
    assert page.requests() == [report_file.as_uri()]  # the document itself, nothing else


def test_summary_is_visible_on_the_first_screen(layout: dict[str, Any]) -> None:
    summary = layout["summary"]
    assert summary["shown"] and summary["unobscured"]
    assert summary["width"] > 600 and summary["height"] > 50
    assert summary["y"] + summary["height"] <= HEIGHT, "the figures are above the fold"
    assert layout["figures"][:2] == ["5 错误", "5 警告"]
    assert "19 / 19 提交报告的单位" in layout["figures"]


def test_matrix_is_visible_whole_with_its_legend(page: Page, layout: dict[str, Any]) -> None:
    matrix = layout["matrix"]
    assert matrix["shown"] and layout["legend"]["shown"]
    assert layout["cells"] == 19 * 55
    assert matrix["x"] >= 0 and matrix["x"] + matrix["width"] <= layout["viewport"], "no column is cut off"
    assert matrix["height"] > 19 * 18
    assert layout["missing"] == "rgb(180, 35, 24)" and layout["done"] == "rgb(159, 214, 154)"
    page.evaluate(f"window.scrollTo(0, {matrix['y'] - 10})")
    seen = page.evaluate(LAYOUT)["matrix"]
    assert seen["unobscured"], "nothing covers the matrix"
    page.evaluate("window.scrollTo(0, 0)")


def test_readable_with_scripting_off(browser: Browser, report_file: Path) -> None:
    tab = Page(browser, WIDTH, HEIGHT)
    tab.call("Emulation.setScriptExecutionDisabled", {"value": True})
    tab.open(report_file.as_uri(), fonts=False)
    root = tab.call("DOM.getDocument")["root"]["nodeId"]
    for selector in ("#summary .figures", "table.matrix", "ul.legend", "section.unit-report"):
        node = tab.call("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, selector
        quad = tab.call("DOM.getBoxModel", {"nodeId": node})["model"]
        assert quad["width"] > 100 and quad["height"] > 20, selector
    assert tab.problems() == []
    tab.close()


def test_chinese_text_has_a_chinese_font(page: Page) -> None:
    page.call("DOM.enable")
    page.call("CSS.enable")
    root = page.call("DOM.getDocument")["root"]["nodeId"]
    heading = page.call("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    fonts = page.call("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    families = [font["familyName"] for font in fonts if font["glyphCount"]]
    assert any(CJK_FAMILIES.search(name) for name in families), (
        f"Chinese is drawn with {families}: install a Chinese font (apt-get install -y fonts-noto-cjk)"
    )


def test_prints_on_a4_with_a_landscape_matrix(page: Page) -> None:
    pdf = page.pdf()
    (ARTIFACTS / "report-2020.pdf").parent.mkdir(exist_ok=True)
    (ARTIFACTS / "report-2020.pdf").write_bytes(pdf)
    boxes = [tuple(round(float(n)) for n in box.split()) for box in re.findall(rb"/MediaBox \[([\d. ]+)\]", pdf)]
    portrait, landscape = (0, 0, 595, 842), (0, 0, 842, 595)
    assert boxes.count(landscape) == 1, "the matrix alone on one landscape page"
    assert boxes.count(portrait) >= 1 + 19, "the summary, then a page per unit"
    assert set(boxes) == {portrait, landscape}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_screenshots(page: Page, layout: dict[str, Any]) -> None:
    full = page.screenshot(ARTIFACTS / "report-2020.png")
    width, height = png_size(full)
    assert width == WIDTH and height > 3000
    section = layout["matrixSection"]
    clip = {
        "x": section["x"] - 12,
        "y": section["y"] - 8,
        "width": section["width"] + 24,
        "height": section["height"] + 16,
    }
    matrix = page.screenshot(ARTIFACTS / "matrix-2020.png", clip)
    assert png_size(matrix)[0] == round(clip["width"])
    if os.environ.get("IPR_UPDATE_IMAGES") == "1":
        page.screenshot(IMAGES / "report-2020.png", scale=0.5)
        page.screenshot(IMAGES / "matrix-2020.png", clip)
    for name in ("report-2020.png", "matrix-2020.png"):
        picture = IMAGES / name
        if picture.exists():
            assert picture.stat().st_size < MAX_IMAGE, f"{picture} is too large for the README"


def test_hostile_report_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    result = run_check(hostile_folder(folder), cwd=folder)
    target = tmp_path / "hostile.html"
    target.write_text(render(result, "zh"), encoding="utf-8")
    tab = Page(browser, WIDTH, HEIGHT)
    tab.open(target.as_uri())
    assert tab.problems() == [], "no script ran, no dialog opened, nothing was blocked"
    assert tab.requests() == [target.as_uri()]
    assert tab.evaluate("document.querySelectorAll('script, img, iframe').length") == 0
    text = tab.evaluate("document.body.innerText")
    tab.close()
    assert SCRIPT in text and "<img src=x onerror=alert(1)>.yaml" in text
