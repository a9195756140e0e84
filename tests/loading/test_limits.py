"""What a file may cost: its size, the nodes aliases expand to, nesting, number length; and the
YAML tags a report may not use. Each limit is a value in the result, never an exception."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ipr_rules.loading.limits import Limits, ReadLimits

from .support import failure_text, load, only, problems

HEAD = "unit: 区法院\nyear: 2020\n"
REPORT = HEAD + 'tasks:\n  "15-1": {status: done, actions: [审结案件 35 件]}\n'

BILLION_LAUGHS = (
    HEAD
    + "tasks: {}\n"
    + "".join(
        f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10 if level else ["哈"] * 10) + "]\n"
        for level in range(10)
    )
)


def _merge_bomb(levels: int = 9) -> str:
    lines = ["m0: &m0 {" + ", ".join(f"k{index}: {index}" for index in range(10)) + "}"]
    for level in range(1, levels):
        lines.append(f"m{level}: &m{level} {{" + ", ".join(f"x{index}: *m{level - 1}" for index in range(10)) + "}")
    lines.append(f"z: {{<<: [*m{levels - 1}, *m{levels - 2}]}}")
    return HEAD + "tasks: {}\n" + "\n".join(lines) + "\n"


def test_a_file_at_the_size_limit_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    size = len(REPORT.encode("utf-8"))
    assert only(load(tmp_path, REPORT, "at.yaml", ReadLimits(max_file_bytes=size))).unit == "区法院"
    over = load(tmp_path, REPORT, "over.yaml", ReadLimits(max_file_bytes=size - 1))
    assert over.documents == []
    assert "--max-file-size" in failure_text(over)


def test_the_default_size_limit(tmp_path: Path) -> None:
    padding = "# " + "填" * 1000 + "\n"
    loaded = load(tmp_path, REPORT + padding * (11 * 1024 * 1024 // len(padding.encode("utf-8"))))
    assert loaded.documents == []
    assert "over the 10 MB limit" in failure_text(loaded)


@pytest.mark.parametrize("text", [BILLION_LAUGHS, _merge_bomb()], ids=["alias-bomb", "merge-key-bomb"])
def test_expansion_bombs_stop_at_the_node_limit(text: str, tmp_path: Path) -> None:
    started = time.monotonic()
    loaded = load(tmp_path, text)
    assert time.monotonic() - started < 5
    assert loaded.documents == []
    assert loaded.failure is not None
    assert "more than 100000 nodes" in failure_text(loaded)


def test_the_node_limit_can_be_set(tmp_path: Path) -> None:
    text = HEAD + "tasks: {}\nevidence: [" + ", ".join(["文号"] * 200) + "]\n"
    assert load(tmp_path, text, "a.yaml").failure is None
    small = load(tmp_path, text, "b.yaml", ReadLimits(yaml=Limits(max_nodes=100)))
    assert small.failure is not None and "more than 100 nodes" in failure_text(small)


def test_aliases_and_merge_keys_within_the_limit_are_read(tmp_path: Path) -> None:
    text = (
        HEAD
        + 'tasks:\n  "15-1": &same {status: done, actions: [审结案件 35 件]}\n'
        + '  "29-3": *same\n  "18-1": {<<: *same, status: partial}\n'
    )
    document = only(load(tmp_path, text))
    assert problems(document) == []
    assert [(task, entry.status) for task, entry in document.entries.items()] == [
        ("15-1", "done"),
        ("29-3", "done"),
        ("18-1", "partial"),
    ]
    assert document.lines[("tasks", "29-3")] == 5


def test_an_alias_inside_itself(tmp_path: Path) -> None:
    document = only(load(tmp_path, HEAD + "tasks: {}\nevidence: &a [文号, *a]\n"))
    assert [line for line, text in problems(document) if "cycle" in text] == [4]


def test_nesting_deeper_than_the_limit(tmp_path: Path) -> None:
    document = only(load(tmp_path, HEAD + "tasks: {}\nevidence: " + "[" * 40 + "]" * 40 + "\n"))
    assert any(line == 4 and "nesting deeper than 32 levels" in text for line, text in problems(document))
    shallow = only(
        load(
            tmp_path,
            HEAD + "tasks: {}\nevidence: " + "[" * 40 + "]" * 40 + "\n",
            "b.yaml",
            ReadLimits(yaml=Limits(max_depth=64)),
        )
    )
    assert not any("nesting" in text for _, text in problems(shallow))


def test_block_nesting_deeper_than_the_limit(tmp_path: Path) -> None:
    text = HEAD + "tasks: {}\nevidence:\n" + "".join("  " * depth + "-\n" for depth in range(1, 60))
    document = only(load(tmp_path, text))
    assert any("nesting deeper than 32 levels" in text for _, text in problems(document))


def test_nesting_past_what_the_parser_can_take(tmp_path: Path) -> None:
    loaded = load(tmp_path, HEAD + "tasks: {}\nevidence: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert loaded.documents == [] and loaded.failure is not None and loaded.failure.line == 4


@pytest.mark.parametrize(("where", "line"), [("metrics", 4), ("year", 2)])
def test_a_5000_digit_number(where: str, line: int, tmp_path: Path) -> None:
    digits = "1" * 5000
    if where == "year":
        text = f"unit: 区法院\nyear: {digits}\ntasks: {{}}\n"
    else:
        text = HEAD + f'tasks:\n  "15-1": {{status: done, actions: [审结案件], metrics: {{cases: {digits}}}}}\n'
    [(found_line, message)] = problems(only(load(tmp_path, text)))
    assert found_line == line and "5000 digits" in message


def test_a_text_longer_than_the_limit(tmp_path: Path) -> None:
    text = HEAD + 'tasks:\n  "15-1": {status: done, actions: ["' + "审" * 300 + '"]}\n'
    assert problems(only(load(tmp_path, text, "a.yaml"))) == []
    document = only(load(tmp_path, text, "b.yaml", ReadLimits(yaml=Limits(max_text=100))))
    assert [(line, "300 characters" in message) for line, message in problems(document)] == [(4, True)]


@pytest.mark.parametrize(
    "value",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        "!!python/name:os.system",
        "!!python/object/new:builtins.open [{marker}, w]",
        "!!binary aGVsbG8=",
        "!!set {a, b}",
        "!!omap [{a: 1}]",
        "!custom 文号",
    ],
    ids=["python-apply", "python-name", "python-new", "binary", "set", "omap", "custom"],
)
def test_tags_are_refused_and_nothing_runs(value: str, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    document = only(load(tmp_path, HEAD + "tasks: {}\nevidence: " + value.replace("{marker}", str(marker)) + "\n"))
    assert [(line, "unsupported YAML tag" in text) for line, text in problems(document)][:1] == [(4, True)]
    assert not marker.exists()


def test_standard_tags_are_read(tmp_path: Path) -> None:
    text = 'unit: !!str 区法院\nyear: !!int "2020"\ntasks:\n  !!str 15-1: {status: !!str done, actions: [!!str 35]}\n'
    document = only(load(tmp_path, text))
    assert problems(document) == []
    assert (document.unit, document.year, document.entries["15-1"].actions) == ("区法院", 2020, ["35"])
