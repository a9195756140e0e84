"""Folders hold workbooks beside YAML reports: both are read, in sorted order."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from ipr_rules.engine import check_paths
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.workbook.convert import convert
from tests.conftest import REPO
from tests.workbook.support import template, write

SAMPLE = REPO / "reports" / "2020"


def test_a_folder_reads_xlsx_beside_yaml_and_yml(ruleset: Ruleset, tmp_path: Path) -> None:
    shutil.copy(SAMPLE / "区法院.yaml", tmp_path / "区法院.yaml")
    shutil.copy(SAMPLE / "区税务局.yaml", tmp_path / "区税务局.yml")
    (tmp_path / "sub").mkdir()  # writing a file never makes its folder
    convert(SAMPLE / "区检察院.yaml", tmp_path / "sub" / "区检察院.xlsx", ruleset, "zh")
    write(tmp_path, "说明.xls", b"not read: only .xlsx is looked for in folders")
    result = check_paths([str(tmp_path)], ruleset)
    assert [Path(report.file).name for report in result.reports] == ["区检察院.xlsx", "区法院.yaml", "区税务局.yml"]
    assert result.unreadable == 0


def test_a_gap_workbook_is_not_written_over_a_report_folder_input(
    ruleset: Ruleset, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    write(tmp_path, "区法院.xlsx", template(ruleset))
    first = run_cli(str(tmp_path / "区法院.xlsx"), "-o", str(tmp_path / "区法院.xlsx"))
    assert first.exit_code == 2 and "不会覆盖" in first.output
