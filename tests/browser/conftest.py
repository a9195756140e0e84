"""A headless Chromium for the browser tests, started once per module.

Where Chromium is missing the tests are skipped, unless IPR_REQUIRE_BROWSER=1 (as in CI), which
turns the skip into a failure so a broken install cannot pass unnoticed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from .cdp import Browser, find_chromium


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: renders pages in a real headless Chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        message = "Chromium not found: apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM"
        if os.environ.get("IPR_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    browser = Browser(executable)
    try:
        yield browser
    finally:
        browser.close()
