"""Hostile arguments: nonsense limits are usage errors, and nothing typed on the command line
reaches the terminal as a control sequence."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.hardening.support import FIXTURES, SAMPLE, no_traceback, run_process

ESCAPE = "\x1b]0;pwned\x07"
GOOD = (FIXTURES / "utf8-bom-crlf.yaml").read_bytes()


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "1e308", "1e400", "0", "-1"])
def test_nonsense_file_size_limits_are_usage_errors(value: str) -> None:
    process = run_process(SAMPLE, "--max-file-size", value)
    no_traceback(process)
    assert process.returncode == 2
    assert process.stdout == b""


@pytest.mark.parametrize("option", ["--max-nodes", "--max-depth", "--max-text-length", "-j"])
@pytest.mark.parametrize("value", ["nan", "1e308", "-5", "99999999999999999999999999999999999999"])
def test_other_limits_never_trace_back(option: str, value: str) -> None:
    process = run_process(SAMPLE, option, value, "--format", "json")
    no_traceback(process)
    assert process.returncode in (1, 2)


@pytest.mark.parametrize(
    "args",
    [
        ["explain", f"{ESCAPE}1-1"],
        ["template", f"{ESCAPE}区法院"],
        ["tasks", "--unit", f"{ESCAPE}区法院"],
        ["--format", f"{ESCAPE}json", os.fspath(SAMPLE)],
        [os.fspath(SAMPLE), "--ignore", f"{ESCAPE}missing-task"],
        [f"/nonexistent/{ESCAPE}.yaml"],
        [f"/nonexistent/{ESCAPE}.yaml", "--format", "markdown"],
        [os.fspath(SAMPLE), "-o", f"/nonexistent/{ESCAPE}/x.json"],
    ],
)
def test_an_escape_sequence_in_an_argument_is_shown_not_obeyed(args: list[str]) -> None:
    process = run_process(*args)
    no_traceback(process)
    assert process.returncode in (1, 2)
    assert b"\x1b" not in process.stdout + process.stderr
    assert b"\x07" not in process.stdout + process.stderr
    assert b"\\x1b" in process.stdout + process.stderr


def test_file_names_that_are_not_utf8_stay_distinct(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    for name in (b"a\xff.yaml", b"a\xfe.yaml", "a\ufffd.yaml".encode()):
        with open(folder + b"/" + name, "wb") as stream:
            stream.write(GOOD)
    process = run_process(tmp_path, "--format", "json")
    no_traceback(process)
    files = [report["file"] for report in json.loads(process.stdout)["reports"]]
    assert len(set(files)) == 3
    assert any(name.endswith("a\\xff.yaml") for name in files)
    assert any(name.endswith("a\\xfe.yaml") for name in files)
    table = run_process(tmp_path, "--complete").stdout.decode("utf-8")  # duplicate-report names the files
    assert "a\\xff.yaml" in table and "a\\xfe.yaml" in table
