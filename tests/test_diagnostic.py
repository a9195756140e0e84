"""One positioned diagnostic: where it is, said in either language, and the finding made from it."""

from __future__ import annotations

import sys
from dataclasses import replace

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.errors import RulesetError, UsageError
from ipr_rules.findings import Finding, finding
from ipr_rules.i18n import Text
from ipr_rules.loading.cells import CellLine

MESSAGE = Text("任务 {task} 缺少 {field}", "task {task} lacks {field}")
ARGS = {"task": "15-1", "field": "actions"}


def test_where_names_file_line_cell_and_column() -> None:
    assert Diagnostic(MESSAGE, args=ARGS).render("en") == "task 15-1 lacks actions"
    assert Diagnostic(MESSAGE, args=ARGS, file="a.yaml").render("en") == "a.yaml: task 15-1 lacks actions"
    assert Diagnostic(MESSAGE, 7, args=ARGS, file="a.yaml").render("zh") == "a.yaml:7: 任务 15-1 缺少 actions"
    assert Diagnostic(MESSAGE, 3, args=ARGS, file="plan.txt", column=5).where == "plan.txt:3:5"
    in_workbook = Diagnostic(MESSAGE, CellLine(12, "任务!F12"), args=ARGS, file="b.xlsx")
    assert (in_workbook.where, in_workbook.location) == ("b.xlsx:任务!F12", "任务!F12")


def test_a_field_is_named_before_the_message() -> None:
    diagnostic = Diagnostic(MESSAGE, 4, args=ARGS, file="ruleset.yaml", field="tasks[0].id")
    assert diagnostic.render("en") == "ruleset.yaml:4: tasks[0].id: task 15-1 lacks actions"
    assert diagnostic.at("other.yaml").render("en").startswith("other.yaml:4: ")


def test_a_finding_is_a_diagnostic_with_kind_severity_unit_and_task() -> None:
    diagnostic = Diagnostic(MESSAGE, CellLine(5, "任务!E5"), ("tasks", "15-1"), ARGS, "b.xlsx")
    made = Finding.of(diagnostic, "invalid-report", "error", "区法院", "15-1")
    direct = finding("invalid-report", "error", MESSAGE, "区法院", "15-1", "b.xlsx", diagnostic.line, **ARGS)
    assert made == replace(direct, path=("tasks", "15-1"))
    assert made.path == ("tasks", "15-1") and made.location == diagnostic.where == "b.xlsx:任务!E5"
    assert made.diagnostic == diagnostic and made.text("en") == diagnostic.text("en")


def test_a_finding_made_of_a_diagnostic_is_no_larger() -> None:
    diagnostic = Diagnostic(MESSAGE, 3, (), dict(ARGS), "a.yaml")
    direct = finding("missing-task", "error", MESSAGE, "区法院", "15-1", "a.yaml", 3, **ARGS)
    made = Finding.of(diagnostic, "missing-task", "error", "区法院", "15-1")
    assert made == direct
    assert sys.getsizeof(made) == sys.getsizeof(direct) and sys.getsizeof(made.args) == sys.getsizeof(direct.args)
    # The same shared and interned parts: the names tuple, the unit, the task and the short values.
    assert made.args[0] is direct.args[0] and made.unit is direct.unit and made.task is direct.task
    assert all(mine is theirs for mine, theirs in zip(made.args[1:], direct.args[1:], strict=True))


def test_the_usage_error_carries_its_diagnostic() -> None:
    error = RulesetError(MESSAGE, file="units.yaml", line=CellLine(2, "任务!A2"), **ARGS)
    assert error.render("en") == "units.yaml:2: task 15-1 lacks actions"  # a usage error names the row
    error.file = "plan.txt"
    assert error.diagnostic.file == "plan.txt" and error.args_ == ARGS
    of = UsageError.of(Diagnostic(MESSAGE, args=ARGS, file="x.yaml"))
    assert isinstance(of, UsageError) and of.render("zh") == "x.yaml: 任务 15-1 缺少 actions"
    assert isinstance(RulesetError.of(of.diagnostic), RulesetError)
