"""Outputs are whole or absent, inputs are never touched, and the progress line is wiped."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from ipr_rules.atomic_write import write_atomic
from ipr_rules.cli import main
from ipr_rules.errors import UsageError
from ipr_rules.progress import Progress, columns, progress_callback
from tests.hardening.support import FIXTURES, SAMPLE, check_json


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def _renderer_that_fails_midway(error: BaseException) -> Iterator[str]:
    yield "# 2020 年打击侵权假冒工作年度报告核查结果\n" * 1000
    yield "区法院 …\n" * 1000
    raise error


@pytest.mark.parametrize("error", [RuntimeError("renderer bug"), KeyboardInterrupt(), MemoryError()])
def test_a_renderer_that_raises_midway_leaves_no_file(tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "核查结果.md"
    with pytest.raises(type(error)):
        write_atomic(target, _renderer_that_fails_midway(error))
    assert _leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_old_report_whole(tmp_path: Path) -> None:
    target = tmp_path / "核查结果.md"
    target.write_text("上次的完整结果\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        write_atomic(target, _renderer_that_fails_midway(RuntimeError("midway")))
    assert target.read_text(encoding="utf-8") == "上次的完整结果\n"
    assert _leftovers(tmp_path) == ["核查结果.md"]


def test_a_target_that_cannot_be_written_is_a_usage_error_without_leftovers(tmp_path: Path) -> None:
    folder = tmp_path / "已存在的目录.md"
    folder.mkdir()
    with pytest.raises(UsageError) as raised:
        write_atomic(folder, "x")
    assert "无法写入" in raised.value.render("zh")
    assert _leftovers(tmp_path) == ["已存在的目录.md"]
    assert _leftovers(folder) == []


def test_written_files_get_an_ordinary_mode_and_keep_an_existing_one(tmp_path: Path) -> None:
    fresh = tmp_path / "新.json"
    write_atomic(fresh, "{}")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask  # not the private 0600 of a temporary file
    kept = tmp_path / "旧.json"
    kept.write_text("[]")
    kept.chmod(0o640)
    write_atomic(kept, "{}")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_text_no_encoding_can_write_is_written_as_its_escape(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    write_atomic(target, ["区法院", "\ud800", b"\xe2\x9c\x93"])
    assert target.read_bytes().decode("utf-8") == "区法院\\ud800✓"


def _hashes(folder: Path) -> dict[str, str]:
    return {
        os.fspath(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_inputs_are_never_modified_even_when_outputs_are_written_beside_them(tmp_path: Path) -> None:
    inputs = tmp_path / "reports"
    shutil.copytree(SAMPLE, inputs)
    for fixture in ("gbk.yaml", "utf16-le-bom.yaml", "utf8-bom-crlf.yaml", "duplicate-keys.yaml", "tab-indent.yaml"):
        shutil.copy(FIXTURES / fixture, inputs / fixture)
    before = _hashes(inputs)
    outputs = [
        inputs / "结果.md",
        inputs / "结果.json",
        inputs / "结果.txt",
        tmp_path / "结果.html",
        tmp_path / "结果.xlsx",
    ]
    runner = CliRunner()
    args = [os.fspath(inputs)]
    for output in outputs:
        args += ["-o", os.fspath(output)]
    result = runner.invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 2
    assert all(output.exists() for output in outputs)
    after = _hashes(inputs)
    for output in outputs:
        after.pop(os.fspath(output.relative_to(inputs)) if output.parent == inputs else "", None)
    assert after == before
    assert [name for name in _leftovers(inputs) if name.endswith(".tmp")] == []
    # A second run reads the same reports: the outputs beside them are not reports.
    assert check_json(inputs)[1]["reports"] == check_json(inputs)[1]["reports"]


@pytest.mark.parametrize("how", ["the file itself", "a report inside a folder given"])
def test_an_output_that_is_an_input_is_refused(tmp_path: Path, how: str) -> None:
    report = tmp_path / "区法院.yaml"
    shutil.copy(FIXTURES / "utf8-bom-crlf.yaml", report)
    before = report.read_bytes()
    given = report if how == "the file itself" else tmp_path
    result = CliRunner().invoke(
        main, [os.fspath(given), "--format", "json", "-o", os.fspath(report)], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert "不会覆盖" in result.stderr
    assert report.read_bytes() == before


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_progress_line_is_wiped_when_the_run_ends() -> None:
    stream, clock = io.StringIO(), _Clock()
    progress = Progress("zh", stream, clock)
    progress(1)
    assert stream.getvalue() == ""  # quick runs show nothing
    clock.now = 2.0
    progress(120)
    clock.now = 3.0
    progress(5000)
    drawn = stream.getvalue()
    assert drawn.startswith("\r已检查 120 个文件…") and "\r已检查 5000 个文件…" in drawn
    progress.finish()
    width = columns("已检查 5000 个文件…")
    assert stream.getvalue().endswith("\r" + " " * width + "\r")
    progress.finish()  # twice is harmless
    assert stream.getvalue().endswith("\r" + " " * width + "\r")


def test_a_run_too_short_for_progress_writes_nothing_to_wipe() -> None:
    stream = io.StringIO()
    progress = Progress("en", stream, _Clock())
    progress(3)
    progress.finish()
    assert stream.getvalue() == ""


def test_progress_is_off_unless_asked_or_at_a_terminal() -> None:
    assert progress_callback(False, "zh") is None
    assert progress_callback(None, "zh") is None  # stderr is not a terminal under pytest
    assert isinstance(progress_callback(True, "zh"), Progress)


def test_the_cli_finishes_the_progress_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from ipr_rules import progress as progress_module

    monkeypatch.setattr(progress_module, "DELAY_SECONDS", 0.0)
    monkeypatch.setattr(progress_module, "REDRAW_SECONDS", 0.0)
    result = CliRunner().invoke(main, [os.fspath(SAMPLE), "--progress"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "已检查 19 个文件…" in result.stderr
    assert result.stderr.endswith("\r")  # wiped: the next output starts at column 0 of a clean line
    assert result.stderr.rstrip(" \r").endswith("…")
