"""Coverage: for every unit and task, the obligation and what became of it.

Computed once from the set state the engine gathers; renderers only read it. A unit's rate is
the share of the tasks that name it which it carried (done or partial); a task counts as
carried when any unit that may carry it did. A duty the office exempted (豁免) is owed no more
and counts in no rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from ipr_rules.i18n import Text
from ipr_rules.model.ruleset import Role, Ruleset
from ipr_rules.records import record
from ipr_rules.set_state import SetState

State = Literal[
    "done",
    "partial",
    "exempted",
    "not_started",
    "not_applicable",
    "missing",
    "invalid",
    "no_report",
    "unresolved",
    "wrong_unit",
    "not_assigned",
]
STATES: tuple[State, ...] = get_args(State)  # the order in which outputs list them
CARRIED_STATES = frozenset({"done", "partial"})
STATE_LABELS: dict[str, Text] = {
    "done": Text("已完成", "done"),
    "partial": Text("部分完成", "partial"),
    "exempted": Text("豁免", "exempted"),
    "not_started": Text("未开展", "not started"),
    "not_applicable": Text("不适用", "not applicable"),
    "missing": Text("缺报", "missing"),
    "invalid": Text("格式有误", "invalid entry"),
    "no_report": Text("未提交报告", "no report"),
    "unresolved": Text("报告单位无法识别", "report's unit not recognised"),
    "wrong_unit": Text("非本单位任务", "wrong unit"),
    "not_assigned": Text("未分工", "not assigned"),
}


@record
class Cell:
    state: State
    role: Role | None  # None: the task does not name the unit


@record
class Figures:
    obligations: int
    carried: int
    done: int

    @property
    def rate(self) -> float | None:
        return round(self.carried / self.obligations, 4) if self.obligations else None

    def record(self) -> dict[str, Any]:
        return {"obligations": self.obligations, "carried": self.carried, "done": self.done, "rate": self.rate}


@dataclass(slots=True)
class Coverage:
    """Which unit carried which task, and the figures drawn from it."""

    units: tuple[str, ...]
    tasks: tuple[str, ...]
    reported: frozenset[str]
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    carried_by: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def cell(self, unit: str, task: str) -> Cell:
        return self.cells.get((unit, task), Cell("not_assigned", None))

    def unit_figures(self, unit: str) -> Figures:
        return _figures(cell for (name, _), cell in self.cells.items() if name == unit and cell.role)

    def task_figures(self, task: str) -> Figures:
        return _figures(cell for (_, name), cell in self.cells.items() if name == task and cell.role)

    @property
    def overall(self) -> Figures:
        return _figures(cell for cell in self.cells.values() if cell.role)

    def exempted_task(self, task: str) -> bool:
        """Whether the office exempted every unit the task names: nobody owes it any more."""
        cells = [cell for (_, name), cell in self.cells.items() if name == task and cell.role]
        return bool(cells) and all(cell.state == "exempted" for cell in cells)

    @property
    def tasks_carried(self) -> int:
        return sum(1 for task in self.tasks if self.carried_by.get(task))

    def record(self) -> dict[str, Any]:
        """The `coverage` object of the JSON output."""
        return {
            "overall": {**self.overall.record(), "tasks": len(self.tasks), "tasks_carried": self.tasks_carried},
            "states": list(STATES),
            "units": [
                {
                    "unit": unit,
                    "reported": unit in self.reported,
                    **self.unit_figures(unit).record(),
                    "tasks": {
                        task: {"role": cell.role, "state": cell.state}
                        for task in self.tasks
                        if (cell := self.cell(unit, task)).state != "not_assigned"
                    },
                }
                for unit in self.units
            ],
            "tasks": [
                {"task": task, **self.task_figures(task).record(), "carried_by": list(self.carried_by.get(task, ()))}
                for task in self.tasks
            ],
        }


def _figures(cells: Any) -> Figures:
    """An exempted duty is no longer owed: it counts in no figure."""
    obligations = carried = done = 0
    for cell in cells:
        if cell.state == "exempted":
            continue
        obligations += 1
        carried += cell.state in CARRIED_STATES
        done += cell.state == "done"
    return Figures(obligations, carried, done)


def compute_coverage(
    ruleset: Ruleset, state: SetState, exempted: set[tuple[str | None, str | None]] | None = None
) -> Coverage:
    """`exempted`: (unit, task) of the findings office exemptions waived; such a duty, when not
    carried, shows as its own state (豁免)."""
    units = tuple(unit.name for unit in ruleset.registry.units)
    coverage = Coverage(units, tuple(task.id for task in ruleset.tasks), frozenset(state.reports))
    for task in ruleset.tasks:
        carried_by = state.carried_by.get(task.id, set())
        coverage.carried_by[task.id] = tuple(unit for unit in units if unit in carried_by)
        for unit in units:
            role = task.role_of(unit)
            key = (unit, task.id)
            status = state.statuses.get(key)
            if role is not None:
                if unit not in state.reports:
                    cell = Cell("unresolved" if unit in state.unresolved else "no_report", role)
                elif status is not None:
                    cell = Cell(status, role)  # type: ignore[arg-type]
                elif key in state.broken:
                    cell = Cell("invalid", role)
                else:
                    cell = Cell("missing", role)
            elif key in state.wrong_unit:
                cell = Cell("wrong_unit", None)
            elif status in CARRIED_STATES and task.may_carry(unit):
                cell = Cell(status, None)  # type: ignore[arg-type]
            else:
                continue
            if exempted and role is not None and cell.state not in CARRIED_STATES and key in exempted:
                cell = Cell("exempted", role)
            coverage.cells[key] = cell
    return coverage
