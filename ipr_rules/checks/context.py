"""What checks see: one report at a time, then the whole set once every report is read.

The set state keeps per-unit and per-task facts only (which tasks each unit has entries for,
the best status per unit and task, who carried what), never the documents: memory grows with
units × tasks, not with the number of reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ipr_rules.loading.reports import FileFailure, LoadedFile
from ipr_rules.loading.validate import ReportDocument
from ipr_rules.model.report import CARRYING, Entry
from ipr_rules.model.ruleset import Role, Ruleset, Task, Unit
from ipr_rules.result import ReportSummary

# Best first: when one unit's reports disagree, the most advanced status counts.
STATUS_ORDER = {"done": 0, "partial": 1, "not_started": 2, "not_applicable": 3}


@dataclass(frozen=True, slots=True)
class FileContext:
    ruleset: Ruleset
    loaded: LoadedFile

    @property
    def failure(self) -> FileFailure | None:
        return self.loaded.failure


@dataclass(frozen=True, slots=True)
class OwnedEntry:
    """An entry of a known unit for a task that names it (role set) or is open to it (role None)."""

    task_id: str
    entry: Entry
    task: Task
    role: Role | None


@dataclass(frozen=True, slots=True)
class ReportContext:
    ruleset: Ruleset
    document: ReportDocument
    unit: Unit | None
    # Worked out once per report: every check of the report walks these.
    owned: tuple[OwnedEntry, ...] = ()

    @classmethod
    def of(cls, ruleset: Ruleset, document: ReportDocument, unit: Unit | None) -> ReportContext:
        owned: list[OwnedEntry] = []
        if unit is not None:
            for task_id, entry in document.entries.items():
                task = ruleset.task(task_id)
                if task is None:
                    continue
                role = ruleset.role(task_id, unit.name)
                if role is not None or task.open:
                    owned.append(OwnedEntry(task_id, entry, task, role))
        return cls(ruleset, document, unit, tuple(owned))

    @property
    def file(self) -> str:
        return self.document.file

    @property
    def unit_name(self) -> str | None:
        """The canonical name, or the name as written when it matches no unit."""
        return self.unit.name if self.unit else self.document.unit

    def named_entries(self) -> Iterator[tuple[str, Entry, Task]]:
        """Entries for tasks that name the unit itself."""
        for item in self.owned:
            if item.role is not None:
                yield item.task_id, item.entry, item.task

    def carried_entries(self) -> Iterator[tuple[str, Entry, Task]]:
        for item in self.owned:
            if item.entry.status in CARRYING:
                yield item.task_id, item.entry, item.task

    def entry_line(self, task_id: str, *path: object) -> int:
        return self.document.line_of("tasks", task_id, *path)


# What the set checks keep of a report: its file, line, unit line and tasks line.
ReportRef = ReportSummary


@dataclass(slots=True)
class SetState:
    """Facts gathered from every report, for the checks that look at the whole set."""

    reports: dict[str, list[ReportRef]] = field(default_factory=dict)
    present: dict[str, set[str]] = field(default_factory=dict)
    statuses: dict[tuple[str, str], str] = field(default_factory=dict)
    carried_by: dict[str, set[str]] = field(default_factory=dict)
    wrong_unit: set[tuple[str, str]] = field(default_factory=set)
    broken: set[tuple[str, str]] = field(default_factory=set)

    def add(self, unit: str, ref: ReportRef, document: ReportDocument, ruleset: Ruleset) -> None:
        """Record what one report of a known unit contributes."""
        self.reports.setdefault(unit, []).append(ref)
        present = self.present.setdefault(unit, set())
        present.update(document.entries)
        present.update(document.broken_entries)
        for task_id in document.broken_entries:
            self.broken.add((unit, task_id))
        for task_id, entry in document.entries.items():
            key = (unit, task_id)
            self._keep_best(key, entry.status)
            task = ruleset.task(task_id)
            if task is None or entry.status not in CARRYING:
                continue
            if task.role_of(unit) is None and not task.open:
                self.wrong_unit.add(key)
            else:
                self.carried_by.setdefault(task_id, set()).add(unit)

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


@dataclass(frozen=True, slots=True)
class SetContext:
    ruleset: Ruleset
    state: SetState
    set_checks: bool
