"""Report text never acts on the reader: no markup, formula, escape sequence or format field
from a report is obeyed in any output; characters no encoding can write, consoles that are not
UTF-8 and readers that go away early end in output, not in a traceback."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ipr_rules.atomic_write import write_atomic
from ipr_rules.cli import main
from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.loading import yamlstream
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.render import FORMATS, render_whole
from ipr_rules.render.safe_text import markdown, one_line, terminal
from tests.hardening.support import SAMPLE, assert_spec_json, no_traceback, run_process, write

HOSTILE = (
    'unit: "<script>alert(1)</script>{unit}{0}\\e[2J\\e]0;title\\a\\x9b31m[bold red]x[/bold red]%s\\u202e"\n'
    "year: 2020\n"
    'submitted: "=HYPERLINK(\\"http://example.invalid\\",\\"x\\")"\n'
    "tasks:\n"
    '  "{0}-{1}<img src=x onerror=alert(1)>":\n'
    "    status: \"=cmd|' /C calc'!A0 {message.__class__} %(x)s\"\n"
    '  "15-1":\n'
    "    status: done\n"
    '    actions: ["@SUM(1+1)", "+1+1", "-1", "|a|b|", "{", "}"]\n'
    '    "<b>{0}\\e[31m</b>": 1\n'
)
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _run(*args: str | os.PathLike[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, [os.fspath(arg) for arg in args], catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write(tmp_path, "报告\x1b[31m|<i>{0}.yaml", HOSTILE)


def test_the_table_shows_report_text_and_obeys_none_of_it(hostile: Path) -> None:
    code, out = _run(hostile)
    assert code == 1
    assert not RAW_CONTROLS.search(out.replace("\n", "")), "a raw control character reached the terminal"
    assert "\\x1b[2J" in out and "\\u202e" in out
    assert "{unit}{0}" in out and "%s" in out and "[bold red]" in out and "{message.__class__}" in out
    assert "{0}-{1}" in out


def test_markdown_escapes_markup_and_keeps_its_table_shape(hostile: Path) -> None:
    code, out = _run("--format", "markdown", hostile)
    assert code == 1
    assert "<script>" not in out and "<img" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;script&gt;" in out
    assert not RAW_CONTROLS.search(out.replace("\n", ""))
    for row in out.splitlines():
        if row.startswith("| ") and "invalid-report" in row and ".yaml" in row:
            assert len(re.findall(r"(?<!\\)\|", row)) == 6, row  # five cells, whatever the text holds


def test_json_holds_the_text_exactly_and_stays_valid(hostile: Path) -> None:
    code, out = _run("--format", "json", hostile)
    assert code == 1
    document = json.loads(out)
    assert_spec_json(document)
    assert any("<script>alert(1)</script>{unit}{0}\x1b[2J" in f["message"] for f in document["findings"])
    assert "\x1b" not in out  # escaped as \u001b in the JSON text


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_survives_hostile_text(tmp_path: Path, hostile: Path, name: str) -> None:
    target = tmp_path / f"out.{name}"
    code, _ = _run("--format", name, "-o", target, hostile)
    assert code == 1
    data = target.read_bytes()
    if name == "xlsx":
        _assert_no_formulas(target)
        return
    if name == "docx":
        import docx

        document = docx.Document(str(target))
        texts = [paragraph.text for paragraph in document.paragraphs]
        texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        assert not any("\x1b" in text or "\x9b" in text or "\u202e" in text for text in texts)
        return
    text = data.decode("utf-8")
    if name in ("html", "junit"):
        assert (
            "<script>" not in text
            and "<img" not in text
            and "onerror=alert" not in text.replace("onerror=alert(1)&gt;", "")
        )
    if name != "json":
        assert "\x1b" not in text and "\x9b" not in text


def test_json_on_a_terminal_carries_no_raw_c1_or_bidi_controls(hostile: Path) -> None:
    _, out = _run("--format", "json", hostile)
    assert not RAW_CONTROLS.search(out.replace("\n", ""))


def test_json_text_escapes_without_changing_the_value() -> None:
    from ipr_rules.render.safe_text import json_text

    value = {"message": "a\x1b[31m\x9b\u202e\u200b\ud800 区法院"}
    raw = json.dumps(value, ensure_ascii=False)
    safe = json_text(raw)
    assert not RAW_CONTROLS.search(safe) and "\u200b" not in safe
    safe.encode("utf-8")
    assert json.loads(safe) == value


def _assert_no_formulas(path: Path) -> None:
    with zipfile.ZipFile(path) as book:
        sheets = [book.read(name).decode("utf-8") for name in book.namelist() if name.startswith("xl/worksheets/")]
    assert sheets
    assert not any("<f>" in sheet or "<f " in sheet for sheet in sheets), "report text became a formula"


def test_format_fields_in_report_text_are_values(tmp_path: Path, ruleset: Ruleset) -> None:
    text = (
        'unit: "{unit} {0} {names} {hint} {__init__.__globals__}"\n'
        'year: 2020\ntasks: {"{task}": {status: done, actions: ["{x}"]}}\n'
    )
    result = check_paths([os.fspath(write(tmp_path, "a.yaml", text))], ruleset)
    for finding in result.findings:
        for lang in ("zh", "en"):
            finding.text(lang)
    shown = " ".join(f.text("zh") for f in result.findings)
    assert "{unit} {0} {names} {hint} {__init__.__globals__}" in shown
    assert "{task}" in shown


@pytest.fixture
def pure_python_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML without libyaml reads "\\ud800" as a lone surrogate, which libyaml refuses."""
    monkeypatch.setattr(yamlstream, "_Loader", yaml.SafeLoader)


@pytest.mark.usefixtures("pure_python_loader")
def test_lone_surrogates_reach_no_encoder(tmp_path: Path, ruleset: Ruleset) -> None:
    text = 'unit: "区法院\\ud800"\nyear: 2020\ntasks:\n  "\\udfff15-1": {status: done, actions: ["\\ud83d"]}\n'
    path = write(tmp_path, "a.yaml", text)
    result = check_paths([os.fspath(path)], ruleset, CheckOptions())
    assert any("\ud800" in (f.unit or "") for f in result.findings)
    for name in ("table", "markdown", "json"):
        rendered = render_whole(name, result, "zh")
        assert isinstance(rendered, str)
        rendered.encode("utf-8")
        if name == "json":
            assert_spec_json(json.loads(rendered))
        write_atomic(tmp_path / f"out.{name}", rendered)
        (tmp_path / f"out.{name}").read_bytes().decode("utf-8")
    for fmt in ("table", "markdown", "json"):
        code, out = _run("--format", fmt, path)
        assert code == 1
        out.encode("utf-8")


def test_safe_text_functions_escape_what_they_promise() -> None:
    hostile = "a\x1b[31mb\x9b\u202e\ud800\u200b\n|<x>"
    assert terminal(hostile) == "a\\x1b[31mb\\x9b\\u202e\\ud800\u200b\n|<x>"
    assert one_line(hostile) == "a\\x1b[31mb\\x9b\\u202e\\ud800\\u200b |<x>"
    assert markdown(hostile) == "a\\\\x1b\\[31mb\\\\x9b\\\\u202e\\\\ud800\\\\u200b \\|&lt;x&gt;"
    for function in (terminal, one_line, markdown):
        function(hostile).encode("utf-8")


def test_a_gbk_console_gets_gbk_and_the_right_exit_code(tmp_path: Path) -> None:
    process = run_process(SAMPLE, env={"PYTHONIOENCODING": "gbk"})
    no_traceback(process)
    assert process.returncode == 1
    text = process.stdout.decode("gbk")
    assert "区科信局" in text and "missing-task" in text
    odd = write(tmp_path, "区法院.yaml", "unit: 区法院😀𠮷\u200b\nyear: 2020\ntasks: {}\n")
    process = run_process(odd, "--lang", "zh", env={"PYTHONIOENCODING": "gbk"})
    no_traceback(process)
    assert process.returncode == 1
    assert "unknown-unit" in process.stdout.decode("gbk")


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    if shutil.which("head") is None:
        pytest.skip("needs head")
    command = f'"{sys.executable}" -m ipr_rules "{SAMPLE}" | head -1'
    process = subprocess.run(["/bin/sh", "-c", command], capture_output=True, timeout=60, check=False)
    assert process.stdout.count(b"\n") == 1
    assert process.stderr == b"", process.stderr.decode("utf-8", "replace")
    # Output far larger than a pipe's buffer, so that writing really fails midway.
    for index in range(150):
        write(tmp_path, f"r{index:03}.yaml", f"unit: 区法院\nyear: 2020\ntasks: {{}}\n# {index}\n")
    for fmt in ("table", "json"):
        command = f'"{sys.executable}" -m ipr_rules --format {fmt} "{tmp_path}" | head -1'
        process = subprocess.run(["/bin/sh", "-c", command], capture_output=True, timeout=60, check=False)
        assert process.stderr == b"", process.stderr.decode("utf-8", "replace")
        reader = subprocess.Popen(
            [sys.executable, "-m", "ipr_rules", "--format", fmt, os.fspath(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert reader.stdout is not None and reader.stderr is not None
        reader.stdout.readline()
        reader.stdout.close()
        error = reader.stderr.read()
        reader.stderr.close()
        assert reader.wait(timeout=60) in (1, 2)
        assert b"Traceback" not in error and b"BrokenPipe" not in error and b"Exception ignored" not in error


def test_stdout_that_cannot_take_a_character_does_not_stop_the_report(tmp_path: Path) -> None:
    path = write(tmp_path, "区法院.yaml", "unit: 区法院😀\nyear: 2020\ntasks: {}\n")
    process = run_process(path, env={"PYTHONIOENCODING": "ascii"})
    no_traceback(process)
    assert process.returncode == 1
    process.stdout.decode("ascii")
