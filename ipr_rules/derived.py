"""What a run works out from its ruleset for the checks: built on first use, kept for the run.

A check that needs data of its own derived from the ruleset (a text index over the tasks, the
requirement validators, the plan's character runs) asks the run's `Derived` for it by name. The
engine makes one per run and hands it to the worker processes with the work, through the pool's
initializer; nothing is kept in module globals, so two runs (two threads of `ipr-check serve`,
two rulesets in one process) never share what one of them built.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Derived:
    __slots__ = ("_built",)

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def get(self, name: str, build: Callable[[], T]) -> T:
        """The value called `name`, built by `build` the first time it is asked for."""
        try:
            value: T = self._built[name]
        except KeyError:
            value = self._built[name] = build()
        return value

    def table(self, name: str) -> dict[Any, Any]:
        """A table called `name` that a check fills as it goes (one entry per text or requirement)."""
        return self.get(name, dict)

    def __getstate__(self) -> dict[str, Any]:
        """A worker started by spawning builds its own: what is built may not survive pickling."""
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._built = {}
