"""`tasks`, `units` and `explain` on the bundled ruleset (SPEC §5)."""

from __future__ import annotations

import json
import re

import pytest
from wcwidth import wcswidth, wcwidth

from .expected_2020 import COURT_TASKS, UNITS_2020, role_counts

TASK_ROW = re.compile(r"^(\d+-\d+)\s")


def test_tasks_of_one_unit(run_cli) -> None:
    result = run_cli("tasks", "--unit", "区法院", "--json")
    assert result.exit_code == 0
    tasks = json.loads(result.stdout)
    assert [task["id"] for task in tasks] == COURT_TASKS
    for task in tasks:
        assert "区法院" in [a["unit"] for a in task["assignees"]]


def test_tasks_of_one_unit_as_a_table(run_cli) -> None:
    result = run_cli("tasks", "--unit", "区法院")
    assert result.exit_code == 0
    ids = [match.group(1) for line in result.stdout.splitlines() if (match := TASK_ROW.match(line))]
    assert ids == COURT_TASKS


@pytest.mark.parametrize(
    "name", ["昆明市官渡区人民法院", "官渡区人民法院", "区人民法院"], ids=["full-name", "alias", "short-alias"]
)
def test_tasks_of_a_unit_named_by_alias(run_cli, name: str) -> None:
    result = run_cli("tasks", "--unit", name, "--json")
    assert result.exit_code == 0
    assert [task["id"] for task in json.loads(result.stdout)] == COURT_TASKS


def test_tasks_of_a_unit_under_its_other_spelling(run_cli) -> None:
    result = run_cli("tasks", "--unit", "区生态环境局", "--json")
    assert result.exit_code == 0
    assert [task["id"] for task in json.loads(result.stdout)] == ["5-4", "5-5", "20-1"]


def test_tasks_of_an_unknown_unit(run_cli) -> None:
    result = run_cli("tasks", "--unit", "区市场监督局")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "区市场监管局" in result.stderr
    assert "Traceback" not in result.output


def test_tasks_table_lists_every_task(run_cli) -> None:
    result = run_cli("tasks")
    assert result.exit_code == 0
    ids = [match.group(1) for line in result.stdout.splitlines() if (match := TASK_ROW.match(line))]
    assert len(ids) == 55
    assert ids[0] == "1-1" and ids[-1] == "31-1"


def test_explain_names_the_canonical_unit(run_cli) -> None:
    result = run_cli("explain", "20-1")
    assert result.exit_code == 0
    assert "市生态环境官渡分局" in result.stdout
    assert "区财政局" in result.stdout
    assert "健全无害化销毁" in result.stdout
    assert "plan.txt:33:" in result.stdout


def test_explain_as_json(run_cli) -> None:
    result = run_cli("explain", "8-1", "--json")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["id"] == "8-1"
    assert record["section"] == 3 and record["item"] == 8
    assert [(a["unit"], a["role"]) for a in record["assignees"]] == [
        ("区委宣传部", "lead"),
        ("市公安官渡分局", "co"),
        ("区法院", "co"),
        ("区检察院", "co"),
    ]
    assert record["open"] is True
    assert record["campaigns"] == ["秋风2020"]


def test_explain_shows_campaigns(run_cli) -> None:
    result = run_cli("explain", "3-1")
    assert result.exit_code == 0
    assert "清风" in result.stdout and "龙腾" in result.stdout


@pytest.mark.parametrize("task_id", ["99-9", "0-1", "abc"])
def test_explain_an_unknown_task(run_cli, task_id: str) -> None:
    result = run_cli("explain", task_id)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert task_id in result.stderr
    assert "Traceback" not in result.output


def test_units_json_role_counts(run_cli) -> None:
    result = run_cli("units", "--json")
    assert result.exit_code == 0
    units = {unit["name"]: unit for unit in json.loads(result.stdout)}
    # counted by hand from the plan
    assert units["区法院"]["roles"] == {"lead": 0, "co": 7, "sole": 2}
    assert units["区检察院"]["roles"] == {"lead": 1, "co": 4, "sole": 2}
    assert units["市生态环境官渡分局"]["roles"] == {"lead": 1, "co": 2, "sole": 0}
    assert units["区司法局"]["roles"] == {"lead": 2, "co": 3, "sole": 0}
    assert units["区卫生健康局综合监督执法局"]["roles"] == {"lead": 0, "co": 1, "sole": 2}
    assert units["国资委"]["roles"] == {"lead": 0, "co": 1, "sole": 0}
    # and every unit against the expectation table
    assert {name: unit["roles"] for name, unit in units.items()} == role_counts()
    assert set(units) == UNITS_2020
    assert "区生态环境局" in units["市生态环境官渡分局"]["aliases"]
    assert "区打假办" in units["区打击侵权假冒工作领导小组办公室"]["aliases"]


def display_cells(line: str) -> list[str]:
    """The line as terminal cells: a wide character fills its cell and leaves the next empty."""
    cells: list[str] = []
    for char in line:
        width = wcwidth(char)
        assert width in (1, 2), repr(char)
        cells.append(char)
        if width == 2:
            cells.append("")
    return cells


def columns(rule: str) -> list[tuple[int, int]]:
    """(start, end) display cells of each column, read off the dashed rule under the header."""
    assert set(rule) == {"-", " "}
    return [(match.start(), match.end()) for match in re.finditer(r"-+", rule)]


def table_lines(output: str) -> list[str]:
    lines = output.splitlines()
    assert not lines[-1].startswith(" ") and "  " not in lines[-1]  # the closing count line
    return lines[:-1]


def check_alignment(output: str) -> dict[str, list[str]]:
    """Assert every line of the table keeps to its columns; return the rows by first cell."""
    lines = table_lines(output)
    rule = lines[1]
    spans = columns(rule)
    rows: dict[str, list[str]] = {}
    for line in lines:
        cells = display_cells(line)
        # no line runs past the rule under the header
        assert len(cells) == wcswidth(line) <= len(rule), line
        for start, _ in spans[1:]:
            # the two cells before a column are blank and no wide character straddles its start
            assert all(cell == " " for cell in cells[start - 2 : start]), (line, start)
            if start < len(cells):
                assert cells[start] != "", (line, start)
        values = ["".join(cells[start:end]).strip() for start, end in spans]
        if values[0] and line is not rule:
            rows[values[0]] = values
    return rows


def test_units_table_is_aligned(run_cli) -> None:
    result = run_cli("units")
    assert result.exit_code == 0
    rows = check_alignment(result.stdout)
    counts = role_counts()
    assert set(rows) == UNITS_2020 | {"规范名称"}
    for name in UNITS_2020:
        # the role counts stand in the last three columns, under their headers
        assert rows[name][-3:] == [str(counts[name][role]) for role in ("lead", "co", "sole")], name
    assert rows["区法院"][:2] == ["区法院", "司法机关"]
    assert rows["市生态环境官渡分局"][2] == "区生态环境局"


def test_units_table_in_english_is_aligned(run_cli) -> None:
    result = run_cli("units", "--lang", "en")
    assert result.exit_code == 0
    rows = check_alignment(result.stdout)
    assert rows["区法院"][:2] == ["区法院", "judicial"]
    assert rows["国资委"][-3:] == ["0", "1", "0"]


def test_the_alignment_check_catches_a_table_measured_in_characters() -> None:
    import tabulate

    headers = ["规范名称", "牵头"]
    rows = [["区法院", "0"], ["市生态环境官渡分局", "1"]]
    aligned = tabulate.tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True) + "\n共 2 个"
    check_alignment(aligned)
    naive = tabulate.WIDE_CHARS_MODE
    try:
        tabulate.WIDE_CHARS_MODE = False
        misaligned = tabulate.tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True) + "\n共 2 个"
    finally:
        tabulate.WIDE_CHARS_MODE = naive
    with pytest.raises(AssertionError):
        check_alignment(misaligned)
