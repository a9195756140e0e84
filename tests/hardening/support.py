"""Helpers for the hardening tests: run the checker in-process or as a process, read its JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from ipr_rules.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "reports" / "2020"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SPEC_KEYS = {"ruleset", "reports", "findings", "summary"}
FINDING_KEYS = {"kind", "severity", "unit", "task", "file", "line", "message"}
HEAD = "unit: 区法院\nyear: 2020\n"


def check_json(*args: str | os.PathLike[str]) -> tuple[int, dict[str, Any]]:
    """Run `ipr-check --format json ARGS` in-process; an exception fails the test."""
    result = CliRunner().invoke(main, ["--format", "json", *(os.fspath(arg) for arg in args)], catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), result.output
    document = json.loads(result.stdout)
    assert_spec_json(document)
    return result.exit_code, document


def assert_spec_json(document: Any) -> None:
    """The SPEC §5 object: its keys, and every finding with its fixed fields."""
    assert isinstance(document, dict)
    assert set(document) >= SPEC_KEYS
    assert set(document["summary"]) == {"error", "warning", "info", "waived"}
    assert document["summary"]["waived"] == len(document["waived"])
    for finding in document["findings"]:
        assert set(finding) >= FINDING_KEYS
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["line"] is None or (isinstance(finding["line"], int) and finding["line"] >= 1)
        assert isinstance(finding["message"], str) and finding["message"]
    counts = {"error": 0, "warning": 0, "info": 0, "waived": len(document["waived"])}
    for finding in document["findings"]:
        counts[finding["severity"]] += 1
    assert counts == document["summary"]


def kinds(document: dict[str, Any], *wanted: str) -> list[tuple[str, int | None]]:
    """(kind, line) of the findings, of the wanted kinds only when some are named, in order."""
    return sorted(
        ((f["kind"], f["line"]) for f in document["findings"] if not wanted or f["kind"] in wanted),
        key=lambda item: (item[0], item[1] or 0),
    )


def messages(document: dict[str, Any], kind: str) -> list[str]:
    return [f["message"] for f in document["findings"] if f["kind"] == kind]


def run_process(
    *args: str | os.PathLike[str] | bytes, env: dict[str, str] | None = None, timeout: float = 60, **options: Any
) -> subprocess.CompletedProcess[bytes]:
    """`ipr-check ARGS` as its own process, the way a user runs it."""
    command: list[str | bytes | os.PathLike[str]] = [sys.executable, "-m", "ipr_rules", *args]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(command, capture_output=True, env=full_env, timeout=timeout, cwd=REPO, check=False, **options)


# Address space a process that reads a hostile file is held to: the file's content must never be
# held whole in memory, so a limit far below its unpacked size is enough.
BOUNDED_MEMORY = 768 * 1024 * 1024


def run_in_bounded_memory(*args: str | os.PathLike[str]) -> subprocess.CompletedProcess[bytes]:
    """`ipr-check ARGS` as its own process, unable to take more than BOUNDED_MEMORY."""

    def cap_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (BOUNDED_MEMORY, BOUNDED_MEMORY))

    return run_process(*args, preexec_fn=cap_memory)


def no_traceback(process: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in process.stderr, process.stderr.decode("utf-8", "replace")
    assert b"Error:" not in process.stderr or b"Usage:" in process.stderr, process.stderr.decode("utf-8", "replace")


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path
