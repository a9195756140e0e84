"""Duplicate keys are errors at both lines; keys YAML reads as numbers stay apart as NonStringKey."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ipr_rules.loading.yaml_messages import DUPLICATE_KEY
from ipr_rules.loading.yamlpos import NonStringKey

from .support import load, only, problems


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    text = (
        "unit: 区法院\n"
        "year: 2020\n"
        "tasks:\n"
        '  "15-1":\n'
        "    status: done\n"
        "    actions: [审结案件 35 件]\n"
        "    status: partial\n"
        '  "15-1": {status: not_started}\n'
        "year: 2021\n"
    )
    document = only(load(tmp_path, text))
    duplicates = [(problem.line, problem.args) for problem in document.problems if problem.message is DUPLICATE_KEY]
    assert duplicates == [
        (7, {"key": "status", "first": 5, "second": 7}),
        (8, {"key": "15-1", "first": 4, "second": 8}),
        (9, {"key": "year", "first": 2, "second": 9}),
    ]
    for _, message in problems(document, "zh"):
        assert re.search(r"第 \d+ 行和第 \d+ 行", message), "the message names both lines"
    assert document.year == 2020 and document.entries["15-1"].status == "done", "the first value is kept"


def test_a_duplicate_in_a_flow_mapping(tmp_path: Path) -> None:
    document = only(
        load(tmp_path, 'unit: 区法院\nyear: 2020\ntasks: {"15-1": {status: done, actions: [x], actions: [y]}}\n')
    )
    assert [line for line, _ in problems(document)] == [3]


def test_the_same_key_in_two_entries_is_no_duplicate(tmp_path: Path) -> None:
    text = (
        'unit: 区法院\nyear: 2020\ntasks:\n  "15-1": {status: done, actions: [x]}\n'
        '  "29-3": {status: done, actions: [y]}\n'
    )
    assert problems(only(load(tmp_path, text))) == []


@pytest.mark.parametrize(
    ("written", "tag", "hint"),
    [("1.1", "float", '"1-1"'), ("1.10", "float", '"1-10"'), ("15", "int", '"15"')],
)
def test_numeric_task_ids(written: str, tag: str, hint: str, tmp_path: Path) -> None:
    document = only(load(tmp_path, f"unit: 区法院\nyear: 2020\ntasks:\n  {written}:\n    status: done\n"))
    [(line, message)] = problems(document)
    assert line == 4 and written in message and hint in message
    [key] = [path[1] for path in document.lines if len(path) == 2 and path[0] == "tasks"]
    assert isinstance(key, NonStringKey) and (key.raw, key.tag, str(key)) == (written, tag, written)
    assert document.entries == {} and document.broken_entries == {}


def test_1_1_and_1_10_are_two_keys(tmp_path: Path) -> None:
    """As numbers they are equal; kept as written, they are two ids, each with its own error."""
    document = only(load(tmp_path, "unit: 区法院\nyear: 2020\ntasks:\n  1.1: {status: done}\n  1.10: {status: done}\n"))
    assert [line for line, _ in problems(document)] == [4, 5]


@pytest.mark.parametrize(
    ("written", "tag"),
    [("yes", "bool"), ("true", "bool"), ("null", "null"), ("~", "null"), ("2020-01-01", "timestamp")],
)
def test_other_keys_yaml_does_not_read_as_text(written: str, tag: str, tmp_path: Path) -> None:
    document = only(load(tmp_path, f"unit: 区法院\nyear: 2020\ntasks:\n  {written}: {{status: done}}\n"))
    [(line, message)] = problems(document)
    assert line == 4 and written in message
    [key] = [path[1] for path in document.lines if len(path) == 2 and path[0] == "tasks"]
    assert isinstance(key, NonStringKey) and key.tag == tag


def test_a_non_string_key_elsewhere_is_an_unknown_field(tmp_path: Path) -> None:
    document = only(load(tmp_path, "unit: 区法院\nyear: 2020\n2020: x\ntasks: {}\n"))
    assert [line for line, _ in problems(document)] == [3]


def test_a_complex_key_is_refused(tmp_path: Path) -> None:
    document = only(load(tmp_path, "unit: 区法院\nyear: 2020\ntasks:\n  ? [15, 1]\n  : {status: done}\n"))
    assert [line for line, _ in problems(document)] == [4]
