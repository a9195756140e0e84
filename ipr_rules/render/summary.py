"""One summary of a check run for every renderer: built once, read by each.

Headline figures, counts by kind and by unit, the district's metric totals, and the narrative
of what each carrying unit reported doing per task. Renderers lay these out; none of them
counts anything itself, so the table, markdown, HTML, workbook and Word draft cannot disagree.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from ipr_rules.coverage import Figures
from ipr_rules.findings import SEVERITIES
from ipr_rules.model.ruleset import Role, Task
from ipr_rules.records import record
from ipr_rules.render.tallies import KindCount, carriers, kind_counts
from ipr_rules.report_metrics import json_number
from ipr_rules.result import CheckResult
from ipr_rules.set_state import Work


@record
class Headline:
    reports: int
    files: int
    unreadable: int
    units_reported: int
    units_named: int
    counts: dict[str, int]  # by severity
    overall: Figures
    tasks: int
    tasks_carried: int
    set_checks: bool
    checked_at: str  # local time with its offset, as people read it

    @property
    def rate(self) -> float | None:
        return self.overall.rate


@record
class UnitCount:
    unit: str
    reported: bool
    figures: Figures
    counts: dict[str, int]  # by severity


@record
class MetricTotal:
    metric: str  # id
    label: str
    unit: str
    type: str  # count | amount
    total: Decimal
    by_unit: dict[str, Decimal]

    def record(self) -> dict[str, Any]:
        """The JSON object of SPEC §8's `totals`."""
        return {
            "metric": self.metric,
            "label": self.label,
            "unit": self.unit,
            "total": json_number(self.total),
            "by_unit": {unit: json_number(value) for unit, value in self.by_unit.items()},
        }


@record
class UnitWork:
    unit: str
    role: Role | None  # None: an open task the unit is not named on
    work: tuple[Work, ...]

    @property
    def status(self) -> str:
        return "done" if any(item.status == "done" for item in self.work) else "partial"


@record
class TaskWork:
    task: Task
    units: tuple[UnitWork, ...]  # the carrying units in registry order; empty: nobody carried it


# The gaps still open at year end, in the order a summary lists them.
GAP_KINDS: tuple[str, ...] = (
    "missing-report",
    "unaddressed-shared-duty",
    "missing-task",
    "task-not-started",
    "task-partial",
)


@record
class Gap:
    kind: str
    unit: str | None
    task: str | None


@record
class Granted:
    """A duty the office excused: who, which task, and on whose authority."""

    unit: str
    task: str
    reason: str
    approved_by: str
    document: str | None


@record
class Summary:
    headline: Headline
    kinds: tuple[KindCount, ...]  # errors first, then by kind
    units: tuple[UnitCount, ...]  # registry order; in a unit-only run, the units that reported
    totals: tuple[MetricTotal, ...]  # vocabulary order; only metrics some unit gave
    work: tuple[TaskWork, ...]  # plan order
    gaps: tuple[Gap, ...] = ()  # GAP_KINDS order, then registry and plan order
    granted: tuple[Granted, ...] = ()  # the office's exemptions that waived a duty, registry and plan order


def summarize(result: CheckResult) -> Summary:
    return Summary(
        _headline(result),
        kind_counts(result),
        _units(result),
        metric_totals(result),
        _work(result),
        _gaps(result),
        _granted(result),
    )


def local_time(checked_at: str) -> str:
    """`2021-01-01T08:00:00+08:00` as `2021-01-01 08:00:00 +08:00`: local time, offset shown."""
    try:
        moment = datetime.fromisoformat(checked_at)
    except ValueError:
        return checked_at
    text = moment.strftime("%Y-%m-%d %H:%M:%S")
    offset = moment.strftime("%z")
    return f"{text} {offset[:3]}:{offset[3:]}" if offset else text


def _headline(result: CheckResult) -> Headline:
    coverage = result.coverage
    return Headline(
        reports=len(result.reports),
        files=result.files,
        unreadable=result.unreadable,
        units_reported=len(coverage.reported),
        units_named=len(result.ruleset.named_units),
        counts=result.summary,
        overall=coverage.overall,
        tasks=len(coverage.tasks),
        tasks_carried=coverage.tasks_carried,
        set_checks=result.set_checks,
        checked_at=local_time(result.checked_at),
    )


def _units(result: CheckResult) -> tuple[UnitCount, ...]:
    coverage = result.coverage
    counts: dict[str | None, dict[str, int]] = {}
    for item in result.findings:
        counts.setdefault(item.unit, dict.fromkeys(SEVERITIES, 0))[item.severity] += 1
    units = coverage.units if result.set_checks else tuple(u for u in coverage.units if u in coverage.reported)
    return tuple(
        UnitCount(
            unit, unit in coverage.reported, coverage.unit_figures(unit), counts.get(unit, dict.fromkeys(SEVERITIES, 0))
        )
        for unit in units
    )


def metric_totals(result: CheckResult) -> tuple[MetricTotal, ...]:
    units = [unit.name for unit in result.ruleset.registry.units]
    given: dict[str, dict[str, Decimal]] = {}
    for unit in units:
        for metric_id, value in result.unit_metrics.get(unit, {}).items():
            given.setdefault(metric_id, {})[unit] = value
    vocabulary = result.ruleset.metrics
    order = [metric.id for metric in vocabulary.metrics] if vocabulary is not None else []
    order += [metric_id for metric_id in given if metric_id not in order]
    totals = []
    for metric_id in order:
        by_unit = given.get(metric_id)
        if not by_unit:
            continue
        metric = vocabulary.get(metric_id) if vocabulary is not None else None
        label, unit, kind = (metric.label, metric.unit, metric.type) if metric else (metric_id, "", "amount")
        totals.append(MetricTotal(metric_id, label, unit, kind, sum(by_unit.values(), Decimal(0)), by_unit))
    return tuple(totals)


def _work(result: CheckResult) -> tuple[TaskWork, ...]:
    return tuple(
        TaskWork(
            task,
            tuple(
                UnitWork(unit, task.role_of(unit), tuple(result.work.get((task.id, unit), ())))
                for unit in carriers(result, task)
            ),
        )
        for task in result.ruleset.tasks
    )


def _gaps(result: CheckResult) -> tuple[Gap, ...]:
    units = {unit.name: index for index, unit in enumerate(result.ruleset.registry.units)}
    tasks = {task.id: index for index, task in enumerate(result.ruleset.tasks)}
    rank = {kind: index for index, kind in enumerate(GAP_KINDS)}
    found = {Gap(item.kind, item.unit, item.task) for item in result.findings if item.kind in rank}
    return tuple(
        sorted(
            found,
            key=lambda gap: (
                rank[gap.kind],
                units.get(gap.unit or "", len(units)),
                tasks.get(gap.task or "", len(tasks)),
            ),
        )
    )


def _granted(result: CheckResult) -> tuple[Granted, ...]:
    units = {unit.name: index for index, unit in enumerate(result.ruleset.registry.units)}
    tasks = {task.id: index for index, task in enumerate(result.ruleset.tasks)}
    found = {
        Granted(
            item.finding.unit,
            item.finding.task,
            item.exemption.reason,
            item.exemption.approved_by,
            item.exemption.document,
        )
        for item in result.waived
        if item.finding.unit and item.finding.task
    }
    return tuple(
        sorted(found, key=lambda granted: (units.get(granted.unit, len(units)), tasks.get(granted.task, len(tasks))))
    )
