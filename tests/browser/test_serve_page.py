"""`ipr-check serve` driven in a real headless Chromium, as a member unit uses it.

The server is started as the office starts it (`ipr-check serve`, on a free port, in an empty
folder) and always stopped at the end. The test opens the start page, chooses the unit, sets
the file input to a report, submits the form and reads the findings on the result page. The
screenshots go to artifacts/serve-start.png and artifacts/serve-result.png; IPR_UPDATE_IMAGES=1
also refreshes docs/images/serve-result.png for the README.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from bench.serve_load import Server, running_server
from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.ruleset.loader import open_ruleset
from ipr_rules.serve.templates import TEMPLATE_FORMATS

from ..render.support import REPO
from .cdp import Browser, Page
from .test_report_page import ARTIFACTS, IMAGES, MAX_IMAGE, png_size

pytestmark = pytest.mark.browser

REPORT = REPO / "reports" / "2020" / "区市场监管局.yaml"
WIDTH, HEIGHT = 1280, 900


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running_server() as running:
        yield running


@pytest.fixture(scope="module")
def page(browser: Browser, server: Server) -> Iterator[Page]:
    tab = Page(browser, WIDTH, HEIGHT)
    try:
        yield tab
    finally:
        tab.close()


def submit(page: Page, unit: str) -> None:
    """Choose the unit, set the file input to REPORT, press the button, wait for the result."""
    page.evaluate(f"document.querySelector('#unit').value = {unit!r}; true")
    page.call("DOM.enable")
    root = page.call("DOM.getDocument")["root"]["nodeId"]
    file_input = page.call("DOM.querySelector", {"nodeId": root, "selector": "#report"})["nodeId"]
    page.call("DOM.setFileInputFiles", {"files": [str(REPORT)], "nodeId": file_input})
    assert page.evaluate("document.querySelector('#report').files[0].name") == REPORT.name
    mark = len(page.browser.events)
    page.evaluate("document.querySelector('form.upload button[type=submit]').click(); true")
    page.browser.wait_for("Page.loadEventFired", page.session, since=mark)


def test_start_page_offers_units_templates_and_the_form(page: Page, server: Server) -> None:
    page.open(server.url)
    assert page.evaluate("document.title") == "2020 年打击侵权假冒工作年度报告自查"
    units = page.evaluate("[...document.querySelectorAll('#unit option')].filter(o => o.value).length")
    assert units == 19
    links = page.evaluate("[...document.querySelectorAll('a[href^=\"/template/\"]')].map(a => a.href)")
    assert len(links) == 19 * len(TEMPLATE_FORMATS) and all(link.startswith(server.url) for link in links)
    assert page.evaluate("getComputedStyle(document.querySelector('form.upload')).display") == "grid"
    page.screenshot(ARTIFACTS / "serve-start.png")
    assert page.problems() == []


def test_upload_in_the_browser_shows_the_findings(page: Page, server: Server) -> None:
    page.open(server.url)
    submit(page, "区市场监管局")
    assert page.evaluate("location.pathname") == "/check"
    text = page.evaluate("document.body.innerText")
    expected = check_paths([str(REPORT)], open_ruleset(None), CheckOptions(unit_only=True, jobs=1)).findings
    assert expected
    for finding in expected:
        assert finding.text("zh") in text
    assert "区市场监管局.yaml:" in text
    assert "单位自查（未做全区集合检查）" in text
    assert page.evaluate("document.querySelectorAll('nav.serve a[download]').length") == 2
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    assert page.problems() == [], "no console error, no blocked request, no CSP violation"
    assert all(url.startswith(server.url) for url in page.requests()), "nothing loads from elsewhere"
    shot = page.screenshot(ARTIFACTS / "serve-result.png", {"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
    assert png_size(shot) == (WIDTH, HEIGHT)
    picture = IMAGES / "serve-result.png"
    if os.environ.get("IPR_UPDATE_IMAGES") == "1":
        page.screenshot(picture, scale=0.75)  # the whole result page
    if picture.exists():
        assert picture.stat().st_size < MAX_IMAGE, f"{picture} is too large for the README"


def test_back_to_the_start_page(page: Page, server: Server) -> None:
    mark = len(page.browser.events)
    page.evaluate("document.querySelector('nav.serve a[href=\"/\"]').click(); true")
    page.browser.wait_for("Page.loadEventFired", page.session, since=mark)
    assert page.evaluate("location.href") == server.url
    assert list(server.folder.iterdir()) == [], "nothing was written where the server runs"
