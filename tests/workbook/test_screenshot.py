"""The template workbook as LibreOffice shows and prints it, rendered headless.

LibreOffice converts the workbook to PDF (each sheet with its own print set-up) and poppler's
pdftoppm makes the first page, sheet 任务, a PNG in artifacts/; IPR_UPDATE_IMAGES=1 also
refreshes docs/images/template-2020.png for the README. Where LibreOffice or poppler is missing
the test is skipped, unless IPR_REQUIRE_BROWSER=1 (as in CI), which makes that a failure.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from ipr_rules.model.ruleset import Ruleset
from tests.conftest import REPO
from tests.workbook.support import template

ARTIFACTS = REPO / "artifacts"
IMAGE = REPO / "docs" / "images" / "template-2020.png"
MAX_IMAGE = 400 * 1024
TOOLS = ("soffice", "pdftoppm", "pdftotext", "pdfinfo")


@pytest.fixture(scope="module")
def tools() -> dict[str, str]:
    found = {name: shutil.which(name) for name in TOOLS}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        message = (
            f"{', '.join(missing)} not found: apt-get install -y libreoffice-calc-nogui "
            "libreoffice-writer-nogui poppler-utils fonts-noto-cjk"
        )
        if os.environ.get("IPR_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return {name: str(path) for name, path in found.items()}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_template_as_libreoffice_prints_it(tools: dict[str, str], ruleset: Ruleset, tmp_path: Path) -> None:
    workbook = tmp_path / "区法院.xlsx"
    workbook.write_bytes(template(ruleset))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [tools["soffice"], f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(workbook)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "区法院.pdf"
    info = subprocess.run([tools["pdfinfo"], str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "841.89 x 595.3" in info  # A4 landscape
    first = subprocess.run(
        [tools["pdftotext"], "-f", "1", "-l", "1", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for text in ("任务编号", "任务内容", "状态", "工作内容", "未开展", "依法加强侵权假冒重点行业"):
        assert text in first.replace(" ", ""), text
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / "template-2020"
    subprocess.run([tools["pdftoppm"], "-png", "-r", "80", "-f", "1", "-singlefile", str(pdf), str(stem)], check=True)
    picture = stem.with_suffix(".png").read_bytes()
    width, height = png_size(picture)
    assert width > height and abs(width / height - 297 / 210) < 0.02
    shutil.copy(pdf, ARTIFACTS / "template-2020.pdf")
    if os.environ.get("IPR_UPDATE_IMAGES") == "1":
        IMAGE.write_bytes(picture)
    if IMAGE.exists():
        assert IMAGE.stat().st_size < MAX_IMAGE, f"{IMAGE} is too large for the README"
