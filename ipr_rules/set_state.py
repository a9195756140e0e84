"""The set state: what every report of a run leaves for the checks that look at the whole set.

It keeps per-unit and per-task facts only (which tasks each unit has entries for, the best status
per unit and task, who carried what, what the carrying units said they did, the units' own
figures), never the documents: memory grows with units × tasks, not with the number of reports
(a unit's work on one task is kept from its first few reports only). The engine fills it, worker
processes each fill their own and the engine merges them in file order, coverage reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from ipr_rules.loading.validate import ReportDocument
from ipr_rules.model.entry import CARRYING, Entry
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.records import record
from ipr_rules.report_metrics import Figure

# Reports of one unit whose work on a task is kept for the narrative: a unit that sends the same
# report hundreds of times does not make the state grow with them.
MAX_WORK = 4
# Best first: when one unit's reports disagree, the most advanced status counts.
STATUS_ORDER = {"done": 0, "partial": 1, "not_started": 2, "not_applicable": 3}


class ReportRef(Protocol):
    """What the set checks keep of a report: the engine's one record per report
    (result.ReportSummary) serves, since a large run keeps one per report."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def unit_line(self) -> int | None: ...
    @property
    def tasks_line(self) -> int | None: ...


@record
class Work:
    """What a unit reported doing on a task it may carry: kept for the documents that say so."""

    status: str
    actions: tuple[str, ...]
    # (title, ISO date or None, kind or None)
    outputs: tuple[tuple[str, str | None, str | None], ...]
    campaigns: tuple[str, ...]

    @classmethod
    def of(cls, entry: Entry) -> Work:
        outputs = tuple(
            (output.title, output.date.isoformat() if output.date else None, output.kind) for output in entry.outputs
        )
        return cls(entry.status, tuple(entry.actions), outputs, tuple(entry.campaigns))


@dataclass(slots=True)
class SetState:
    """Facts gathered from every report, for the checks that look at the whole set."""

    reports: dict[str, list[ReportRef]] = field(default_factory=dict)
    present: dict[str, set[str]] = field(default_factory=dict)
    statuses: dict[tuple[str, str], str] = field(default_factory=dict)
    carried_by: dict[str, set[str]] = field(default_factory=dict)
    wrong_unit: set[tuple[str, str]] = field(default_factory=set)
    broken: set[tuple[str, str]] = field(default_factory=set)
    # Reports whose `unit` matched no unit, by the unit their file name or spelling points to:
    # (file, line, unit as written). Their duties are unresolved, not nobody's.
    unresolved: dict[str, list[tuple[str, int, str]]] = field(default_factory=dict)
    # The unit's own figures for the year by metric id (the first report of a unit that gives one).
    metrics: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    # (task, unit) -> what the unit reported doing, for every carrying entry.
    work: dict[tuple[str, str], list[Work]] = field(default_factory=dict)

    def add(
        self,
        unit: str,
        ref: ReportRef,
        document: ReportDocument,
        ruleset: Ruleset,
        read: tuple[Figure, ...] | None = None,
    ) -> None:
        """Record what one report of a known unit contributes; `read`: its figures, when the
        caller has them already."""
        self.reports.setdefault(unit, []).append(ref)
        present = self.present.setdefault(unit, set())
        present.update(document.entries)
        present.update(document.broken_entries)
        for task_id in document.broken_entries:
            self.broken.add((unit, task_id))
        self._mistyped(unit, document, ruleset, present)
        if _tasks_mistyped(document):
            # `task:` typed for `tasks:`: the finding about the missing field says that every task
            # counts as not entered; no second finding per task says it is missing.
            for duty in ruleset.tasks:
                if duty.role_of(unit) is not None and duty.id not in present:
                    present.add(duty.id)
                    self.broken.add((unit, duty.id))
        for task_id, entry in document.entries.items():
            key = (unit, task_id)
            self._keep_best(key, entry.status)
            task = ruleset.task(task_id)
            if task is None or entry.status not in CARRYING:
                continue
            if not task.may_carry(unit):
                self.wrong_unit.add(key)
            else:
                self.carried_by.setdefault(task_id, set()).add(unit)
                kept = self.work.setdefault((task_id, unit), [])
                if len(kept) < MAX_WORK:
                    kept.append(Work.of(entry))
        from ipr_rules.report_metrics import unit_totals

        own = self.metrics.setdefault(unit, {})
        for metric_id, value in unit_totals(document, ruleset, read).items():
            own.setdefault(metric_id, value)

    def add_unresolved(self, document: ReportDocument, ruleset: Ruleset) -> None:
        """A report whose `unit` is unknown, kept under the unit it most likely is, if any."""
        written = document.unit or ""
        unit = probable_unit(ruleset, document.file, written)
        if unit is not None:
            line = document.unit_line or document.line
            self.unresolved.setdefault(unit, []).append((document.file, line, written))

    def _mistyped(self, unit: str, document: ReportDocument, ruleset: Ruleset, present: set[str]) -> None:
        """A task whose id was mis-written (`1.1:`, `（十三）`) is there, but broken: the finding
        about the id says it counts as not entered, and no second finding says it is missing."""
        from ipr_rules.taskids import likely_task

        written = [*document.mistyped_ids]
        written += [task_id for task_id in (*document.entries, *document.broken_entries) if not ruleset.task(task_id)]
        for raw in written:
            task_id = likely_task(raw, ruleset, unit)
            if task_id is not None and task_id not in present and ruleset.role(task_id, unit) is not None:
                present.add(task_id)
                self.broken.add((unit, task_id))

    def _keep_best(self, key: tuple[str, str], status: str) -> None:
        previous = self.statuses.get(key)
        if previous is None or STATUS_ORDER[status] < STATUS_ORDER[previous]:
            self.statuses[key] = status

    def merge(self, other: SetState) -> None:
        for unit, refs in other.reports.items():
            self.reports.setdefault(unit, []).extend(refs)
        for unit, tasks in other.present.items():
            self.present.setdefault(unit, set()).update(tasks)
        for key, status in other.statuses.items():
            self._keep_best(key, status)
        for task_id, units in other.carried_by.items():
            self.carried_by.setdefault(task_id, set()).update(units)
        self.wrong_unit |= other.wrong_unit
        self.broken |= other.broken
        for unit, given in other.metrics.items():
            mine = self.metrics.setdefault(unit, {})
            for metric_id, value in given.items():
                mine.setdefault(metric_id, value)
        for key, work in other.work.items():
            kept = self.work.setdefault(key, [])
            kept.extend(work[: MAX_WORK - len(kept)])
        for unit, written in other.unresolved.items():
            self.unresolved.setdefault(unit, []).extend(written)


def _tasks_mistyped(document: ReportDocument) -> bool:
    """The report has no `tasks:`, but a top-level key that is a mis-typing of it."""
    from ipr_rules.clerk import suggest_field
    from ipr_rules.model.entry import REPORT_FIELDS

    if document.tasks_line is not None or document.entries or document.broken_entries:
        return False
    fields = REPORT_FIELDS
    keys = [path[0] for path in document.lines if len(path) == 1 and isinstance(path[0], str)]
    return any(key not in fields and suggest_field(key, fields) == "tasks" for key in keys)


def probable_unit(ruleset: Ruleset, file: str, written: str) -> str | None:
    """The unit a report with an unrecognised `unit` was most likely meant for: the one its file
    is named after (`区市场监管局.yaml`), or the one its spelling comes closest to."""
    from pathlib import PurePath

    registry = ruleset.registry
    by_file = registry.lookup(PurePath(file).stem)
    if by_file is not None:
        return by_file.name
    alike = registry.index.look_alike(written)
    if alike is not None:
        return alike
    near = registry.index.closest(written, limit=2)
    return near[0] if len(near) == 1 else None
