"""YAML that tries to exhaust time or memory: every run ends soon, with a finding that names
the limit and the option that sets it."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.limits import Limits, ReadLimits
from ipr_rules.loading.reports import load_file
from ipr_rules.loading.yamlpos import is_syntax_error
from ipr_rules.loading.yamlstream import read_stream
from tests.hardening.support import (
    FIXTURES,
    HEAD,
    check_json,
    kinds,
    messages,
    no_traceback,
    run_in_bounded_memory,
    write,
)

ENTRY = '  "15-1":\n    status: done\n    actions: [审结案件35件]\n'
SECONDS = 10.0  # far above what any of these takes; a hang or a blow-up would take minutes


def timed_check(*args: str | os.PathLike[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    started = time.monotonic()
    outcome = check_json(*args)
    assert time.monotonic() - started < SECONDS
    return outcome


@pytest.mark.parametrize("name", ["alias-bomb.yaml", "merge-key-bomb.yaml"])
def test_expansion_bombs_stop_at_the_node_limit(name: str) -> None:
    code, document = timed_check(FIXTURES / name)
    assert code == 2
    ((kind, line),) = kinds(document)
    assert kind == "unreadable" and line is not None and line > 3
    (message,) = messages(document, "unreadable")
    assert "100000" in message and "--max-nodes" in message


def test_the_node_limit_is_an_option(tmp_path: Path) -> None:
    path = write(tmp_path, "区法院.yaml", HEAD + "tasks:\n" + ENTRY + "".join(f"x{i}: {i}\n" for i in range(300)))
    assert kinds(timed_check(path)[1], "unreadable") == []
    code, document = timed_check("--max-nodes", "200", path)
    assert code == 2
    assert "200" in messages(document, "unreadable")[0]


def test_reports_before_the_node_limit_are_still_checked(tmp_path: Path) -> None:
    bomb = (FIXTURES / "alias-bomb.yaml").read_text(encoding="utf-8")
    good = HEAD + "tasks:\n" + ENTRY
    code, document = timed_check(write(tmp_path, "stream.yaml", good + "---\n" + bomb))
    assert code == 2
    assert [report["unit"] for report in document["reports"]] == ["区法院"]


def test_merge_keys_still_work_within_the_limits() -> None:
    _, document = timed_check(FIXTURES / "merge-key-ok.yaml")
    (report,) = document["reports"]
    assert report["entries"] == 1
    assert not [f for f in document["findings"] if f["task"] == "15-1"]


def test_an_alias_to_its_own_mapping_is_a_cycle_not_a_hang() -> None:
    code, document = timed_check(FIXTURES / "recursive-alias.yaml")
    assert code == 1
    assert ("invalid-report", 7) in kinds(document, "invalid-report")
    assert any("循环引用" in m for m in messages(document, "invalid-report"))


@pytest.mark.parametrize("depth", [1_500, 100_000])
def test_nesting_thousands_deep_is_refused_without_recursion(tmp_path: Path, depth: int) -> None:
    flow = write(tmp_path, "flow.yaml", HEAD + "tasks: {}\nx: " + "[" * depth + "]" * depth + "\n")
    block = write(tmp_path, "block.yaml", HEAD + "tasks: {}\n" + "".join(" " * i + f"k{i}:\n" for i in range(1_500)))
    for path in (flow, block):
        code, document = timed_check(path)
        assert code == 2
        assert [kind for kind, _ in kinds(document)] == ["unreadable"]
        assert "嵌套层次过深" in messages(document, "unreadable")[0]


def test_nesting_past_max_depth_is_a_finding_and_the_rest_is_read(tmp_path: Path) -> None:
    nested = "x: " + "[" * 40 + "]" * 40 + "\n"
    path = write(tmp_path, "区法院.yaml", HEAD + nested + "tasks:\n" + ENTRY)
    code, document = timed_check(path)
    assert code == 1
    assert ("invalid-report", 3) in kinds(document, "invalid-report")
    assert any("32" in m and "--max-depth" in m for m in messages(document, "invalid-report"))
    assert document["reports"][0]["entries"] == 1
    _, deeper = timed_check("--max-depth", "64", path)
    assert not any("--max-depth" in m for m in messages(deeper, "invalid-report"))


def test_the_deepest_max_depth_is_safe(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.yaml", HEAD + "tasks: {}\nx: " + "[" * 900 + "]" * 900 + "\n")
    code, document = timed_check("--max-depth", "500", path)
    assert code == 1
    assert any("500" in m for m in messages(document, "invalid-report"))


@pytest.mark.parametrize("where", ["year", "metric", "task id"])
def test_a_5000_digit_integer_is_refused_before_conversion(tmp_path: Path, where: str) -> None:
    digits = "9" * 5000
    text = {
        "year": f"unit: 区法院\nyear: {digits}\ntasks:\n{ENTRY}",
        "metric": HEAD + f"tasks:\n{ENTRY}    metrics: {{cases: {digits}}}\n",
        "task id": HEAD + f"tasks:\n  {digits[:1000]}:\n    status: done\n    actions: [x]\n",
    }[where]
    code, document = timed_check(write(tmp_path, "区法院.yaml", text))
    assert code == 1
    assert any(("5000" if where != "task id" else "99999") in m for m in messages(document, "invalid-report"))


def test_a_line_of_megabytes(tmp_path: Path) -> None:
    comment = write(tmp_path, "comment.yaml", HEAD + "tasks:\n" + ENTRY + "# " + "注" * 3_000_000 + "\n")
    code, document = timed_check(comment)
    assert not kinds(document, "unreadable", "invalid-report")
    value = write(tmp_path, "value.yaml", "unit: " + "区" * 3_000_000 + "\nyear: 2020\ntasks:\n" + ENTRY)
    code, document = timed_check(value)
    assert code == 1
    assert ("invalid-report", 1) in kinds(document, "invalid-report")
    assert any("3000000" in m and "--max-text-length" in m for m in messages(document, "invalid-report"))
    assert len(document["findings"]) < 20 and max(len(f["message"]) for f in document["findings"]) < 1000
    longer = write(tmp_path, "longer.yaml", "unit: " + "区" * 150_000 + "\nyear: 2020\ntasks:\n" + ENTRY)
    assert any("--max-text-length" in m for m in messages(timed_check(longer)[1], "invalid-report"))
    _, allowed = timed_check("--max-text-length", "200000", longer)
    assert ("unknown-unit", 1) in kinds(allowed, "unknown-unit")


def test_a_file_of_tens_of_megabytes_hits_the_size_cap(tmp_path: Path) -> None:
    report = (HEAD + "tasks:\n" + ENTRY).encode()
    path = write(tmp_path, "区法院.yaml", report + (b"# " + b"x" * 1000 + b"\n") * 30_000)
    code, document = timed_check(path)
    assert code == 2
    (message,) = messages(document, "unreadable")
    assert "28.7 MB" in message and "10 MB" in message and "--max-file-size" in message
    code, document = timed_check("--max-file-size", "40", path)
    assert not kinds(document, "unreadable")
    assert document["reports"][0]["unit"] == "区法院"


def test_a_file_growing_while_read_is_still_capped(tmp_path: Path) -> None:
    """The cap holds on the bytes read, not only on the size the system reports."""
    path = write(tmp_path, "a.yaml", b"# x\n" * 1000)
    loaded = load_file(os.fspath(path), ReadLimits(max_file_bytes=100))
    assert loaded.failure is not None and "MB" in loaded.failure.message.render("en", **loaded.failure.args)


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits are set the Linux way")
@pytest.mark.parametrize(
    "content",
    [
        b"x: [" + b"a," * 4_900_000 + b"a]\n",
        b"x:\n" + b"- a\n" * 2_400_000,
        b"{" + b",".join(b"k%d: v" % i for i in range(900_000)) + b"}\n",
    ],
    ids=["flow-list", "block-list", "flow-mapping"],
)
def test_ten_megabytes_of_nodes_stay_within_bounded_memory(tmp_path: Path, content: bytes) -> None:
    """Nodes are counted while the file is read, so memory never grows with the file's nodes."""
    path = write(tmp_path, "nodes.yaml", content)
    started = time.monotonic()
    process = run_in_bounded_memory("--format", "json", path)
    assert time.monotonic() - started < SECONDS
    no_traceback(process)
    assert process.returncode == 2
    assert b"--max-nodes" in process.stdout


def test_python_binary_and_set_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    text = (FIXTURES / "tags.yaml").read_text(encoding="utf-8").replace('["echo 已执行"]', f'["touch {marker}"]')
    code, document = timed_check(write(tmp_path, "tags.yaml", text))
    assert not marker.exists()
    assert code == 1
    assert kinds(document, "invalid-report") == [("invalid-report", n) for n in (3, 4, 8, 9, 10)]
    shown = " ".join(messages(document, "invalid-report"))
    for tag in ("!!python/object/apply:os.system", "!!binary", "!!set", "!!python/name:os.system", "!custom"):
        assert tag in shown


def test_the_loader_api_keeps_its_limits() -> None:
    items = list(read_stream((FIXTURES / "alias-bomb.yaml").read_text(encoding="utf-8"), Limits(max_nodes=1000)))
    stop = items[-1]
    assert isinstance(stop, Diagnostic) and not is_syntax_error(stop)
    assert "1000" in stop.render("en")


def test_every_limit_is_an_option_with_its_default_in_the_help(run_cli) -> None:  # type: ignore[no-untyped-def]
    text = run_cli("check", "--help").stdout
    for option, default in [
        ("--max-file-size", "10"),
        ("--max-nodes", "100000"),
        ("--max-depth", "32"),
        ("--max-text-length", "100000"),
    ]:
        assert option in text
        assert f"default: {default}" in text.split(option, 1)[1].split("--", 1)[0].replace("_", "")
