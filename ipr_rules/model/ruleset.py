"""The compiled ruleset and the unit registry as immutable records.

These are plain dataclasses so that the bundled ruleset loads without importing pydantic
(the views must start fast); `ipr_rules.ruleset.schema` validates the same classes with
pydantic, forbidding unknown fields, whenever a ruleset comes from outside the package.
"""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Any, Literal

from ipr_rules.records import record

if TYPE_CHECKING:
    from ipr_rules.model.exemption import Exemption
    from ipr_rules.ruleset.metrics import MetricVocabulary
    from ipr_rules.unitnames import NameIndex

Role = Literal["lead", "co", "sole"]
UnitKind = Literal["party", "government", "judicial", "city_branch"]
ROLES: tuple[Role, ...] = ("lead", "co", "sole")

_STRICT: Any = {"extra": "forbid"}


@record
class Assignee:
    __pydantic_config__ = _STRICT
    unit: str
    role: Role
    # The spelling the plan used, kept only where it differs from the canonical name.
    written: str | None = None


@record
class Requirement:
    """An output the plan's own words demand of a task (see `ipr_rules.requirements`)."""

    __pydantic_config__ = _STRICT
    id: str
    kind: str
    source: str
    # lead: the task's lead units; named: every unit the task names; carriers: any unit carrying it.
    applies_to: Literal["lead", "named", "carriers"]
    schema: dict[str, Any]
    severity: Literal["error", "warning", "info"] = "warning"
    description: str = ""
    origin: Literal["derived", "overlay"] = "derived"
    reason: str | None = None


@record
class Task:
    __pydantic_config__ = _STRICT
    id: str
    section: int
    item: int
    item_title: str
    text: str
    assignees: tuple[Assignee, ...]
    open: bool
    campaigns: tuple[str, ...]
    line: int
    column: int
    requirements: tuple[Requirement, ...] = ()

    def role_of(self, unit: str) -> Role | None:
        for assignee in self.assignees:
            if assignee.unit == unit:
                return assignee.role
        return None

    def may_carry(self, unit: str) -> bool:
        """Whether `unit` may carry the task: it is named, or the task is open to other units."""
        return self.open or self.role_of(unit) is not None

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(assignee.unit for assignee in self.assignees)

    @property
    def shared(self) -> bool:
        """A duty more than one unit may carry: two or more named, or open to others."""
        return self.open or len(self.assignees) >= 2


@record
class Section:
    __pydantic_config__ = _STRICT
    number: int
    title: str
    line: int


@record
class Item:
    __pydantic_config__ = _STRICT
    number: int
    section: int
    title: str
    line: int


@record
class CompiledPlan:
    """What `compile` writes to ruleset.yaml: everything the plan text itself says."""

    __pydantic_config__ = _STRICT
    year: int
    title: str
    source: str
    source_sha256: str
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    tasks: tuple[Task, ...]


@record
class Unit:
    __pydantic_config__ = _STRICT
    name: str
    full_name: str
    kind: UnitKind
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.full_name, *self.aliases)


@record
class UnitsFile:
    """What the hand-kept units.yaml holds."""

    __pydantic_config__ = _STRICT
    units: tuple[Unit, ...]


class UnitRegistry:
    """Units with every name they go by; lookups are exact, as SPEC §2 requires."""

    __slots__ = ("_by_name", "_index", "units")

    def __init__(self, units: tuple[Unit, ...]) -> None:
        self.units = units
        self._by_name: dict[str, Unit] = {}
        self._index: NameIndex | None = None
        for unit in units:
            for name in unit.names:
                self._by_name.setdefault(name, unit)

    def resolve(self, name: str) -> Unit | None:
        return self._by_name.get(name)

    @property
    def index(self) -> NameIndex:
        """Every spelling a person may write for a unit (SPEC §7), built on first use."""
        if self._index is None:
            from ipr_rules.unitnames import NameIndex

            self._index = NameIndex((name, unit.name) for unit in self.units for name in unit.names)
        return self._index

    def lookup(self, written: str) -> Unit | None:
        """A unit name as a person wrote it: registered or derived, width, spaces and invisible
        characters folded; still exact (a near miss is None)."""
        found = self._by_name.get(written)
        if found is not None:
            return found
        canonical = self.index.lookup(written)
        return self._by_name.get(canonical) if canonical is not None else None

    @property
    def all_names(self) -> tuple[str, ...]:
        return tuple(self._by_name)


@record
class Ruleset:
    """A compiled plan joined with its unit registry: what the engine and views read."""

    plan: CompiledPlan
    registry: UnitRegistry
    directory: str
    # The office's exemptions (exemptions.yaml, or --exemptions FILE).
    exemptions: tuple[Exemption, ...] = ()
    # The metrics vocabulary (metrics.yaml); None: the ruleset has none, metrics are taken as written.
    metrics: MetricVocabulary | None = None
    _tasks_by_id: dict[str, Task] = field(default_factory=dict, compare=False, repr=False)
    _roles: dict[str, dict[str, Role]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for task in self.plan.tasks:
            self._tasks_by_id[task.id] = task
            self._roles[task.id] = {assignee.unit: assignee.role for assignee in task.assignees}

    def role(self, task_id: str, unit: str) -> Role | None:
        """The unit's role on the task, or None (also for a task id the ruleset lacks)."""
        roles = self._roles.get(task_id)
        return roles.get(unit) if roles else None

    @property
    def year(self) -> int:
        return self.plan.year

    @property
    def tasks(self) -> tuple[Task, ...]:
        return self.plan.tasks

    def task(self, task_id: str) -> Task | None:
        return self._tasks_by_id.get(task_id)

    def tasks_of(self, unit: str) -> tuple[Task, ...]:
        return tuple(task for task in self.plan.tasks if task.role_of(unit) is not None)

    @property
    def named_units(self) -> tuple[str, ...]:
        """Units named on at least one task, in registry order."""
        named = {assignee.unit for task in self.plan.tasks for assignee in task.assignees}
        return tuple(unit.name for unit in self.registry.units if unit.name in named)

    def section(self, number: int) -> Section | None:
        return next((s for s in self.plan.sections if s.number == number), None)
