"""What checks see: one file, one report at a time, then the whole set once every report is read
(the set state, `ipr_rules.set_state`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from typing import NamedTuple

from ipr_rules.derived import Derived
from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.reports import LoadedFile
from ipr_rules.loading.validate import ReportDocument
from ipr_rules.model.entry import CARRYING, Entry
from ipr_rules.model.ruleset import Role, Ruleset, Task, Unit
from ipr_rules.records import record
from ipr_rules.report_metrics import Figure, figures
from ipr_rules.set_state import SetState
from ipr_rules.textnorm import fold


@record
class FileContext:
    ruleset: Ruleset
    loaded: LoadedFile

    @property
    def failure(self) -> Diagnostic | None:
        return self.loaded.failure


class OwnedEntry(NamedTuple):
    """An entry of a known unit for a task that names it (role set) or is open to it (role None).
    A named tuple: one is made per entry of every report, and a tuple is built several times
    faster than a frozen dataclass."""

    task_id: str
    entry: Entry
    task: Task
    role: Role | None


@record
class ReportContext:
    ruleset: Ruleset
    document: ReportDocument
    unit: Unit | None
    # Worked out once per report: every check of the report walks these.
    owned: tuple[OwnedEntry, ...] = ()
    # The report's metrics read against the vocabulary, the unit's own first.
    figures: tuple[Figure, ...] = ()
    # What the run worked out from the ruleset for the checks.
    derived: Derived = field(default_factory=Derived)
    # The report's texts folded (textnorm.fold), each once however many checks compare it.
    folds: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, ruleset: Ruleset, document: ReportDocument, unit: Unit | None, derived: Derived) -> ReportContext:
        owned: list[OwnedEntry] = []
        if unit is not None:
            may_carry = _may_carry(ruleset, unit.name, derived)
            for task_id, entry in document.entries.items():
                found = may_carry.get(task_id)
                if found is not None:
                    owned.append(OwnedEntry(task_id, entry, found[0], found[1]))
        return cls(ruleset, document, unit, tuple(owned), tuple(figures(document, ruleset.metrics)), derived)

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

    def fold(self, text: str) -> str:
        """`textnorm.fold(text)`, worked out once per report."""
        folded = self.folds.get(text)
        if folded is None:
            folded = self.folds[text] = fold(text)
        return folded

    def entry_line(self, task_id: str, *path: object) -> int:
        return self.document.line_of("tasks", task_id, *path)


def _may_carry(ruleset: Ruleset, unit: str, derived: Derived) -> dict[str, tuple[Task, Role | None]]:
    """The tasks `unit` may carry by id, with its role on each: worked out once per unit and run."""
    table: dict[str, dict[str, tuple[Task, Role | None]]] = derived.table("may-carry")
    found = table.get(unit)
    if found is None:
        found = table[unit] = {}
        for task_id in dict.fromkeys(task.id for task in ruleset.tasks):
            task = ruleset.task(task_id)  # as a report's task id is looked up
            if task is not None and task.may_carry(unit):
                found[task_id] = (task, ruleset.role(task_id, unit))
    return found


@record
class SetContext:
    ruleset: Ruleset
    state: SetState
    set_checks: bool
