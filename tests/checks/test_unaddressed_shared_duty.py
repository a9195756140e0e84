"""`unaddressed-shared-duty`: a task of several units, or an open one, that nobody carries."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, keys, of_kind, report, write

KIND = "unaddressed-shared-duty"
test_failing_fixture, test_passing_fixture = case_tests(KIND)
FAIL = CASES / KIND / "fail"


def test_which_tasks_are_shared(ruleset: Ruleset) -> None:
    """Two or more named units, or open; a single-owner closed task is not shared."""
    shared = {task.id for task in ruleset.tasks if task.shared}
    assert {"10-1", "17-1", "22-1"} <= shared  # several named units
    assert {"5-1", "6-1", "7-1", "9-1"} <= shared  # one named unit, but open
    assert not {"13-1", "15-1", "21-4", "21-6", "29-2"} & shared  # one named unit, closed
    assert len(shared) == 37


def test_findings_belong_to_no_unit_and_no_file(ruleset: Ruleset) -> None:
    [item] = of_kind(check([FAIL / "nobody-carries-17-1.yaml"], ruleset), KIND)
    assert (item.severity, item.unit, item.task, item.file, item.line) == ("error", None, "17-1", None, None)


def test_message_names_the_units_and_says_the_task_is_open(ruleset: Ruleset) -> None:
    [item] = of_kind(check([FAIL / "nobody-carries-17-1.yaml"], ruleset), KIND)
    assert "区税务局" in item.text("zh") and "区市场监管局" in item.text("zh")
    assert "open to other member units" in item.text("en")
    [closed] = of_kind(check([FAIL / "named-units-not-started.yaml"], ruleset), KIND)
    assert "open to other" not in closed.text("en")


def test_every_shared_task_when_nothing_is_carried(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "r.yaml", report("区税务局", '{"17-1": {status: not_started}}'))
    result = check([path], ruleset, complete=True)
    assert sorted(str(item.task) for item in of_kind(result, KIND)) == sorted(
        task.id for task in ruleset.tasks if task.shared
    )


@pytest.mark.parametrize("carrier", ["区税务局", "区法院", "区发展改革局"])
def test_an_open_task_carried_by_a_unit_it_does_not_name(carrier: str, tmp_path: Path, ruleset: Ruleset) -> None:
    """17-1 ends in 等: any member unit carrying it counts, whether named or not."""
    entry = '{"17-1": {status: done, actions: [移交涉税线索 4 条]}}'
    path = write(
        tmp_path, "r.yaml", report(carrier, entry) + "---\n" + report("区市场监管局", '{"17-1": {status: not_started}}')
    )
    assert "17-1" not in {item.task for item in of_kind(check([path], ruleset), KIND)}


def test_a_closed_task_carried_by_a_unit_it_does_not_name(tmp_path: Path, ruleset: Ruleset) -> None:
    entry = '{"10-1": {status: done, actions: [抽查种苗 12 家]}}'
    path = write(
        tmp_path,
        "r.yaml",
        report("区法院", entry) + "---\n" + report("区农业农村局", '{"10-1": {status: not_started}}'),
    )
    result = check([path], ruleset)
    assert ("wrong-unit", "区法院", "10-1", 3) in keys(result, "wrong-unit")
    assert "10-1" in {item.task for item in of_kind(result, KIND)}


def test_the_sample_year(ruleset: Ruleset) -> None:
    result = check([Path(__file__).resolve().parents[2] / "reports" / "2020"], ruleset)
    assert keys(result, KIND) == [(KIND, None, "17-1", None)]
