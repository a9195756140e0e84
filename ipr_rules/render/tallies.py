"""The counts the terminal table shows: findings by kind, and tasks nobody carried.

Kept apart from `render.summary` so that the default table, the output of every self-check,
does not build the whole summary (metric totals, what each unit did) to print two lines of it;
the summary takes its counts from here, so the outputs cannot disagree.
"""

from __future__ import annotations

from ipr_rules.findings import SEVERITY_RANK, Severity
from ipr_rules.model.ruleset import Task
from ipr_rules.records import record
from ipr_rules.result import CheckResult


@record
class KindCount:
    kind: str
    severity: Severity
    count: int


def kind_counts(result: CheckResult) -> tuple[KindCount, ...]:
    """Errors first, then by kind."""
    counts: dict[str, int] = {}
    severities: dict[str, Severity] = {}  # a kind's severity as its last finding has it
    for item in result.findings:
        counts[item.kind] = counts.get(item.kind, 0) + 1
        severities[item.kind] = item.severity
    tallies = (KindCount(kind, severities[kind], count) for kind, count in counts.items())
    return tuple(sorted(tallies, key=lambda count: (SEVERITY_RANK[count.severity], count.kind)))


def carriers(result: CheckResult, task: Task) -> tuple[str, ...]:
    """The member units that carried `task`, in registry order."""
    carried = result.coverage.carried_by.get(task.id, ())
    return tuple(unit.name for unit in result.ruleset.registry.units if unit.name in carried)


def uncarried_tasks(result: CheckResult) -> tuple[Task, ...]:
    """Tasks no member unit carried, in plan order; meaningful when the set checks ran."""
    return tuple(task for task in result.ruleset.tasks if not carriers(result, task))
