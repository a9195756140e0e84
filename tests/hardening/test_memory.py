"""Memory: what a run keeps per report stays small on a year where most reports have findings,
and the outputs are written in pieces rather than built whole."""

from __future__ import annotations

import gc
import os
import pickle
import sys
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest

from bench.generate import generate
from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.file_names import Source, kept_file
from ipr_rules.findings import Finding, finding
from ipr_rules.i18n import Localized, Text
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.render import renderer
from ipr_rules.render.html_units import ROWS_PER_PIECE
from ipr_rules.result import CheckResult, ReportSummary

REPORTS = 570  # 30 districts
SMALL = 10  # districts in the smaller run


@pytest.fixture(scope="module")
def realistic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("realistic")
    generate(folder, REPORTS, seed=5, findings="realistic")
    return folder


@pytest.fixture(scope="module")
def everywhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A year where every report has findings of its own."""
    folder = tmp_path_factory.mktemp("all")
    generate(folder, REPORTS, seed=5, findings="all")
    return folder


def _kept(paths: list[str], ruleset: Ruleset) -> tuple[int, CheckResult]:
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = check_paths(paths, ruleset, CheckOptions(jobs=1))
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before, result
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("corpus", ["realistic", "everywhere"])
def test_a_year_with_findings_keeps_little_per_report(
    corpus: str, request: pytest.FixtureRequest, ruleset: Ruleset
) -> None:
    """Growth, as the benchmark measures it: what the whole year keeps beyond its first districts,
    per report (caches that fill up once are the same in both runs)."""
    folder: Path = request.getfixturevalue(corpus)
    districts = sorted(str(path) for path in folder.iterdir() if path.is_dir())
    _kept(districts, ruleset)  # caches warm
    small, small_result = _kept(districts[:SMALL], ruleset)
    full, result = _kept(districts, ruleset)
    with_findings = {f.file for f in result.findings if f.kind != "duplicate-report"}
    if corpus == "everywhere":
        assert len(with_findings) == len(result.reports)
    else:
        assert len(with_findings) > len(result.reports) / 2  # most reports have findings
    assert len(result.findings) > 2 * len(result.reports)
    per_report = (full - small) / (len(result.reports) - len(small_result.reports))
    # About 0.9 KB here: the file name (the same text for the report and its findings), a line
    # per report, about three findings; equal arguments (a reason many units wrote alike, the
    # same requirement) are kept once. 1.3 KB before arguments were shared, 2.2 KB before
    # findings were made compact.
    assert per_report < 1100, f"{per_report:.0f} bytes kept per report"


def test_a_report_summary_keeps_its_numbers_in_one_shared_number() -> None:
    first = ReportSummary.of("a.yaml", 1, "区法院", 9, True, 2, 6)
    second = ReportSummary.of("b.yaml", 1, "区法院", 9, True, 2, 6)
    assert first.packed is second.packed
    assert (first.line, first.entries, first.known, first.unit_line, first.tasks_line) == (1, 9, True, 2, 6)
    other = ReportSummary.of("c.yaml", 120_000, None, 0, False, None, 0)
    assert (other.line, other.entries, other.known, other.unit_line, other.tasks_line) == (120_000, 0, False, None, 0)


def test_findings_share_names_and_keep_arguments_only() -> None:
    message = Text("任务 {task}：{reason}", "task {task}: {reason}")
    first = finding("k", "warning", message, "区法院", "".join(["1", "-1"]), "a.yaml", 3, task="1-1", reason="x")
    second = finding("k", "warning", message, "区法院", "".join(["1", "-1"]), "b.yaml", 4, task="1-1", reason="y")
    assert first.task is second.task  # one copy of a task id however many findings name it
    assert first.args[0] is second.args[0]  # one tuple of argument names per message
    assert first.text("en") == "task 1-1: x"
    assert Finding("k", "info", None, None, None, None, message, ("task", "2-1", "reason", "z")).text("zh") == (
        "任务 2-1：z"
    )
    reason = Localized(Text("（{reason}）", "({reason})"), reason="经费未落实")
    assert reason.render("zh") == "（经费未落实）" and reason.args == {"reason": "经费未落实"}


@pytest.mark.parametrize("name", ["json", "markdown", "table", "html"])
def test_outputs_are_written_in_pieces(realistic: Path, ruleset: Ruleset, name: str) -> None:
    result = check_paths([str(realistic)], ruleset, CheckOptions(jobs=1))
    pieces = renderer(name)(result, "zh")
    assert not isinstance(pieces, (str, bytes))
    sizes = [len(piece) for piece in pieces]
    assert len(sizes) > 10
    assert max(sizes) < sum(sizes) / 2  # no piece is most of the document


@pytest.mark.parametrize("name", ["html", "markdown"])
def test_a_long_list_of_entries_for_other_units_tasks_comes_in_pieces(
    realistic: Path, ruleset: Ruleset, name: str
) -> None:
    result = check_paths([str(realistic)], ruleset, CheckOptions(jobs=1))
    wrong = [f for f in result.findings if f.kind == "wrong-unit"]
    assert wrong
    result.findings = wrong * (3 * ROWS_PER_PIECE // len(wrong) + 1)
    pieces = list(renderer(name)(result, "zh"))
    rows = [piece.count("<tr>" if name == "html" else "\n| ") for piece in pieces]
    assert max(rows) <= ROWS_PER_PIECE + 1  # a block of rows and its header at most
    document = "".join(pieces)
    if name == "html":
        listed = document.count('<tr><td><a href="#')
    else:
        section = document.split("## 填报了非本单位任务的条目")[1].split("\n## ")[0]
        listed = sum(1 for line in section.splitlines() if line.startswith("| ")) - 2  # the header rows
    assert listed == len(result.findings)


def _shares_sources(result: CheckResult) -> None:
    """Every record about a file holds that file's one Source; every file of a folder, its one
    folder text; and each reads back as the file's whole name."""
    by_file: dict[str, set[int]] = {}
    folders: dict[str, set[int]] = {}
    for record in [*result.reports, *result.findings]:
        kept = kept_file(record)
        if record.file is None:
            continue
        assert isinstance(kept, Source) and kept.text == record.file and isinstance(record.file, str)
        by_file.setdefault(record.file, set()).add(id(kept))
        folders.setdefault(kept.folder, set()).add(id(kept.folder))
    assert len(by_file) == len(result.reports)
    assert all(len(ids) == 1 for ids in by_file.values()), "a file's records hold several copies of its name"
    assert len(folders) > 1 and all(len(ids) == 1 for ids in folders.values()), "a folder's name is kept twice"
    names: dict[str, set[int]] = {}
    for record in result.reports:
        names.setdefault(kept_file(record).name, set()).add(id(kept_file(record).name))
    assert len(names) < len(result.reports) / 2  # districts name their files alike
    assert all(len(ids) == 1 for ids in names.values()), "a file name is kept twice"
    for field in ("kind", "severity", "unit", "task", "message"):
        copies: dict[object, set[int]] = {}
        for item in result.findings:
            copies.setdefault(getattr(item, field), set()).add(id(getattr(item, field)))
        assert all(len(ids) == 1 for ids in copies.values()), f"findings hold copies of one {field}"
    units: dict[object, set[int]] = {}
    for report in result.reports:
        units.setdefault(report.unit, set()).add(id(report.unit))
    assert all(len(ids) == 1 for ids in units.values()), "report lines hold copies of one unit's name"


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_records_of_a_file_share_its_name(everywhere: Path, ruleset: Ruleset, jobs: int) -> None:
    """A finding and the report's line keep the file's name once (its folder once for the whole
    folder), also when worker processes checked the files and the main process rebuilt them; so
    are a finding's names and message, whichever batch of files it came back with."""
    result = check_paths([str(everywhere)], ruleset, CheckOptions(jobs=jobs))
    assert {finding.kind for finding in result.findings} >= {"duplicate-report", "task-partial"}
    _shares_sources(result)
    if jobs == 2:
        alone = check_paths([str(everywhere)], ruleset, CheckOptions(jobs=1))
        assert result.findings == alone.findings and result.reports == alone.reports


def test_a_finding_reads_and_travels_with_its_file_name(tmp_path: Path) -> None:
    message = Text("任务 {task}", "task {task}")
    name = str(tmp_path / "县乙" / "区法院.yaml")
    first = finding("k", "warning", message, "区法院", "1-1", name, 3, task="1-1")
    second = finding("k", "warning", message, "区法院", "1-2", "".join([name]), 4, task="1-2")
    summary = ReportSummary.of(name, 1, "区法院", 2, True)  # the report's line comes after its findings
    assert kept_file(first) is kept_file(second) is kept_file(summary)
    assert (first.file, first.location, first.record("zh")["file"]) == (name, f"{name}:3", name)
    assert replace(first, file="b.yaml").file == "b.yaml"
    assert replace(first, task="1-2", line=4, args=second.args) == second
    odd = finding("k", "info", message, None, None, "\udcc7\udcf8.yaml", None, task="x")
    assert odd.file == "\udcc7\udcf8.yaml" and odd.location == "\udcc7\udcf8.yaml"
    copies = pickle.loads(pickle.dumps([first, second, summary, odd]))
    assert copies == [first, second, summary, odd]
    assert kept_file(copies[0]) is kept_file(copies[1]) is kept_file(copies[2])
    assert kept_file(copies[0]).folder is sys.intern(str(tmp_path / "县乙") + os.sep)
    assert kept_file(copies[0]).name is sys.intern("区法院.yaml")
