"""The table's counts: the same as the summary's, without building it."""

from __future__ import annotations

from collections import Counter

from ipr_rules.render.summary import summarize
from ipr_rules.render.tallies import kind_counts, uncarried_tasks
from ipr_rules.result import CheckResult


def test_kind_counts_count_every_finding_errors_first(sample: CheckResult) -> None:
    counts = kind_counts(sample)
    assert {count.kind: count.count for count in counts} == Counter(f.kind for f in sample.findings)
    severities = [count.severity for count in counts]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert counts == summarize(sample).kinds


def test_uncarried_tasks_are_the_summary_tasks_no_unit_worked_on(sample: CheckResult) -> None:
    uncarried = uncarried_tasks(sample)
    # The sample year's tasks nobody carried: 17-1, and 30-2 whose units the office exempted.
    assert [task.id for task in uncarried] == ["17-1", "30-2"]
    assert [task.id for task in uncarried if not sample.coverage.exempted_task(task.id)] == ["17-1"]
    assert uncarried == tuple(item.task for item in summarize(sample).work if not item.units)
