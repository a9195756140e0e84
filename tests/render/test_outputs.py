"""Choosing outputs: by --format or by the suffix of -o FILE, several at once, the table still printed."""

from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import Result
from openpyxl import load_workbook

from ipr_rules.render import FORMATS, render_whole, renderer
from ipr_rules.result import CheckResult

from .support import REPO


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.mark.usefixtures("in_repo")
def test_several_files_in_one_run_and_the_table(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    html, xlsx, xml = tmp_path / "gap.html", tmp_path / "gap.xlsx", tmp_path / "out" / "gap.xml"
    xml.parent.mkdir()  # a missing folder is refused, never made
    result = run_cli("reports/2020/", "-o", str(html), "-o", str(xlsx), "-o", str(xml))
    assert result.exit_code == 1  # the sample year has errors
    assert "共检查 19 份报告" in result.output  # the table still printed
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert load_workbook(xlsx).sheetnames == ["汇总", "问题清单", "覆盖矩阵", "指标汇总", "工作内容", "已豁免"]
    assert ET.parse(xml).getroot().tag == "testsuites"


@pytest.mark.usefixtures("in_repo")
def test_format_names_the_file_without_a_known_suffix(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "report.out"
    result = run_cli("--format", "html", "reports/2020/", "-o", str(target), "--lang", "en")
    assert '<html lang="en">' in target.read_text(encoding="utf-8")
    assert "checked 19 report(s)" in result.output


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize("name", ["junit", "github"])
def test_ci_formats_print(run_cli: Callable[..., Result], name: str) -> None:
    result = run_cli("reports/2020/", "--format", name)
    assert result.exit_code == 1
    if name == "junit":
        assert ET.fromstring(result.output.encode("utf-8")).tag == "testsuites"
    else:
        assert result.output.startswith("::error file=reports/2020/")


@pytest.mark.usefixtures("in_repo")
def test_xlsx_is_never_printed(run_cli: Callable[..., Result]) -> None:
    result = run_cli("reports/2020/", "--format", "xlsx")
    assert result.exit_code == 2
    assert "-o" in result.output


def test_every_format_renders_every_result(sample: CheckResult, hostile: CheckResult, hostile_set: CheckResult) -> None:
    for name in ("html", "xlsx", "junit", "github"):
        for result in (sample, hostile, hostile_set):
            for lang in ("zh", "en"):
                document = render_whole(name, result, lang)  # type: ignore[arg-type]
                data = document.encode("utf-8") if isinstance(document, str) else document
                assert data, (name, lang)


def test_a_lone_surrogate_still_encodes(sample: CheckResult) -> None:
    """Text no encoding can write (a lone surrogate, as a file name that is not UTF-8 decodes to)
    comes out as a visible escape in every format."""
    odd = replace(sample.findings[0], file="\udcc7\udcf8.yaml", unit="区\ud800局")
    result = replace(sample, findings=[odd, *sample.findings[1:]], inputs=["\udcc7/"])
    for format_name in ("html", "xlsx", "junit", "github"):
        document = render_whole(format_name, result, "zh")
        if isinstance(document, str):
            assert "\\udcc7" in document, format_name
            document.encode("utf-8")


def test_a_table_run_imports_no_document_writer() -> None:
    code = (
        "import sys\n"
        "from ipr_rules.cli import main\n"
        "try:\n    main(['reports/2020/'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('xlsxwriter', 'ipr_rules.render.html', 'ipr_rules.render.xlsx', "
        "'ipr_rules.render.junit', 'xml.etree.ElementTree') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert "HEAVY []" in run.stderr, run.stderr


def test_registry_names_every_renderer() -> None:
    for name in ("html", "xlsx", "junit", "github"):
        assert name in FORMATS
        assert callable(renderer(name))


@pytest.mark.parametrize("name", ["html", "xlsx", "junit", "github"])
def test_nothing_to_report_still_gives_a_document(tmp_path: Path, name: str) -> None:
    """No report and no finding at all (an empty folder, its one finding taken away)."""
    from .support import run_check

    result = replace(run_check(["."], cwd=tmp_path), findings=[])
    assert not result.reports
    for lang in ("zh", "en"):
        document = render_whole(name, result, lang)  # type: ignore[arg-type]
        if name == "html":
            assert "未发现问题。" in document if lang == "zh" else "No findings." in document
        if name == "junit":
            assert ET.fromstring(document).get("tests") == "0"
        if name == "github":
            assert document == ""
        if name == "xlsx":
            assert isinstance(document, bytes) and load_workbook(io.BytesIO(document)).sheetnames
