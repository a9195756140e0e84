"""The Word draft as LibreOffice lays it out: converted headless to PDF, its first pages to PNG.

The pages go to artifacts/summary-2020-page-N.png (with the PDF beside them), which CI keeps;
IPR_UPDATE_IMAGES=1 also refreshes docs/images/summary-2020.png for the README. Where LibreOffice
or pdftoppm is missing the test is skipped, unless IPR_REQUIRE_BROWSER=1 (as in CI), which turns
the skip into a failure so a broken install cannot pass unnoticed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ipr_rules.render.docx import render
from ipr_rules.result import CheckResult

from .support import REPO

ARTIFACTS = REPO / "artifacts"
IMAGES = REPO / "docs" / "images"
PAGES = 2
PNG = b"\x89PNG\r\n\x1a\n"


def _tools() -> tuple[str, str]:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if office is None or pdftoppm is None:
        message = "LibreOffice or pdftoppm not found: apt-get install -y libreoffice-writer-nogui poppler-utils"
        if os.environ.get("IPR_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return office, pdftoppm


def test_first_pages_render_to_png(sample: CheckResult, tmp_path: Path) -> None:
    office, pdftoppm = _tools()
    source = tmp_path / "summary-2020.docx"
    source.write_bytes(render(sample, "zh"))
    profile = (tmp_path / "profile").as_uri()  # a private profile: no clash with a running LibreOffice
    subprocess.run(
        [office, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = tmp_path / "summary-2020.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    ARTIFACTS.mkdir(exist_ok=True)
    prefix = ARTIFACTS / "summary-2020-page"
    subprocess.run(
        [pdftoppm, "-r", "80", "-png", "-f", "1", "-l", str(PAGES), str(pdf), str(prefix)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    shutil.copyfile(pdf, ARTIFACTS / "summary-2020.pdf")
    pages = sorted(ARTIFACTS.glob("summary-2020-page-*.png"))
    assert len(pages) >= PAGES
    for page in pages:
        data = page.read_bytes()
        assert data.startswith(PNG)
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert height / width == pytest.approx(297 / 210, rel=0.02), "an A4 portrait page"
    if os.environ.get("IPR_UPDATE_IMAGES") == "1":
        shutil.copyfile(pages[0], IMAGES / "summary-2020.png")
