"""`-o` as a careful shell redirection: links written through, `-` for stdout, no folders made,
devices refused, and several outputs written all together or not at all."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipr_rules.atomic_write import resolve_target, write_outputs
from ipr_rules.cli.output import plan_outputs
from ipr_rules.errors import UsageError
from tests.hardening.support import REPO, SAMPLE, no_traceback, run_process


def test_a_symbolic_link_is_written_through_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "真实结果.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real.name)
    process = run_process(SAMPLE, "-o", link)
    no_traceback(process)
    assert process.returncode == 1
    assert link.is_symlink()
    assert os.readlink(link) == real.name
    assert real.read_text(encoding="utf-8").startswith("{")


def test_a_link_to_a_file_not_yet_there_makes_the_file(tmp_path: Path) -> None:
    link = tmp_path / "latest.md"
    link.symlink_to("结果.md")
    assert run_process(SAMPLE, "-o", link).returncode == 1
    assert link.is_symlink() and (tmp_path / "结果.md").read_text(encoding="utf-8").startswith("#")


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_mean_standard_output(tmp_path: Path, name: str) -> None:
    process = _run_in(tmp_path, os.fspath(SAMPLE), "--format", "json", "-o", name)
    no_traceback(process)
    assert process.returncode == 1
    assert process.stdout.lstrip().startswith(b"{")  # the JSON alone, no table beside it
    assert b'"findings"' in process.stdout and "共检查".encode() not in process.stdout
    assert list(tmp_path.iterdir()) == []  # no file called '-'


def test_dev_stdout_into_a_file_keeps_the_file_the_shell_opened(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    with out.open("wb") as stream:
        process = subprocess.run(
            [sys.executable, "-m", "ipr_rules", SAMPLE, "-o", "/dev/stdout", "--format", "json"],
            stdout=stream,
            stderr=subprocess.PIPE,
            cwd=REPO,
            check=False,
        )
    assert process.returncode == 1
    assert out.read_bytes().lstrip().startswith(b"{")


def _run_in(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": os.fspath(REPO)}
    command = [sys.executable, "-m", "ipr_rules", *args]
    return subprocess.run(command, capture_output=True, cwd=folder, env=env, timeout=60, check=False)


def test_dev_null_takes_an_output(tmp_path: Path) -> None:
    process = run_process(SAMPLE, "-o", "/dev/null", "--format", "json")
    no_traceback(process)
    assert process.returncode == 1
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_another_device_is_refused_before_the_check(tmp_path: Path) -> None:
    process = run_process(SAMPLE, "-o", "/dev/zero", "--format", "json")
    no_traceback(process)
    assert process.returncode == 2
    assert "设备" in process.stderr.decode("utf-8")
    assert process.stdout == b""


def test_a_missing_folder_is_refused_not_made(tmp_path: Path) -> None:
    target = tmp_path / "没有的目录" / "结果.html"
    process = run_process(SAMPLE, "-o", target)
    no_traceback(process)
    assert process.returncode == 2
    message = process.stderr.decode("utf-8")
    assert "没有的目录" in message and "不存在" in message
    assert not target.parent.exists()
    assert process.stdout == b""  # refused before the check, not after it


def test_a_later_output_that_cannot_be_written_leaves_the_earlier_untouched(tmp_path: Path) -> None:
    first = tmp_path / "结果.json"
    first.write_text("上次的结果", encoding="utf-8")
    blocked = tmp_path / "结果.html"
    blocked.mkdir()  # a folder where the second output should go
    process = run_process(SAMPLE, "-o", first, "-o", blocked)
    no_traceback(process)
    assert process.returncode == 2
    assert first.read_text(encoding="utf-8") == "上次的结果"


def _fails_midway() -> Iterator[str]:
    yield "<html>" * 1000
    raise RuntimeError("renderer bug")


def test_all_outputs_or_none_when_a_renderer_fails_midway(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.html"
    first.write_text("old a", encoding="utf-8")
    with pytest.raises(RuntimeError):
        write_outputs([(first, "new a"), (second, _fails_midway())])
    assert first.read_text(encoding="utf-8") == "old a"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.json"]  # no staged leftovers
    write_outputs([(first, "new a"), (second, "new b")])
    assert (first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")) == ("new a", "new b")


def test_interrupted_while_staging_leaves_nothing(tmp_path: Path) -> None:
    def interrupted() -> Iterator[str]:
        yield "x"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_outputs([(tmp_path / "a.json", "a"), (tmp_path / "b.json", interrupted())])
    assert list(tmp_path.iterdir()) == []


def test_stdout_named_twice_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        plan_outputs("json", ("-", "-"))


def test_where_outputs_go() -> None:
    assert resolve_target("-").kind == "stdout"
    assert resolve_target("/dev/null").kind == "null"
