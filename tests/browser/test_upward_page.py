"""The HTML report's totals and narrative in a real headless Chromium: the bars are drawn, the
narrative is collapsed on screen and expanded in print, and nothing needs a script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ipr_rules.i18n import Lang
from ipr_rules.render import html
from ipr_rules.result import CheckResult

from ..render.support import run_sample
from .cdp import Browser, Page


def render(result: CheckResult, lang: Lang) -> str:
    """The page whole (the renderer yields it in pieces)."""
    return "".join(html.render(result, lang))


pytestmark = pytest.mark.browser

ACTION = "在大板桥、阿拉、六甲街道城乡结合部开展小卖部、小超市集中检查"
STATE = """(() => {
  const shown = (selector) => {
    const element = document.querySelector(selector);
    return element ? element.checkVisibility({visibilityProperty: true}) : null;
  };
  return {
    details: document.querySelectorAll('#work details').length,
    open: document.querySelectorAll('#work details[open]').length,
    screenText: shown('#work .screen-only'),
    printText: shown('#work .print-only'),
    firstUnitShown: shown('#work .screen-only details h4'),
    printed: document.querySelector('#work .print-only').innerText,
    bars: [...document.querySelectorAll('#totals svg rect')].map((bar) => bar.getBoundingClientRect().width),
  };
})()"""


@pytest.fixture(scope="module")
def page(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    target: Path = tmp_path_factory.mktemp("upward") / "report.html"
    target.write_text(render(run_sample(), "zh"), encoding="utf-8")
    tab = Page(browser, 1366, 900)
    tab.open(target.as_uri())
    yield tab
    tab.close()


def test_bars_are_drawn(page: Page) -> None:
    state = page.evaluate(STATE)
    assert len(state["bars"]) >= 20 and all(width > 0 for width in state["bars"])
    assert page.problems() == []


def test_narrative_collapsed_on_screen_expanded_in_print(page: Page) -> None:
    screen = page.evaluate(STATE)
    assert screen["details"] >= 50 and screen["open"] == 0
    assert screen["screenText"] and not screen["printText"] and not screen["firstUnitShown"]
    page.call("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        printed = page.evaluate(STATE)
    finally:
        page.call("Emulation.setEmulatedMedia", {"media": ""})
    assert printed["printText"] and not printed["screenText"]
    assert ACTION in printed["printed"]
