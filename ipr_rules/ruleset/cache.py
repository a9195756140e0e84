"""A cache of the bundled ruleset as loaded, so that a command starts without parsing YAML.

Loading the bundled ruleset means reading four YAML files, applying the requirement overlay and
building the metrics vocabulary and the exemptions: more time than most commands then spend on
their own work. The result is kept as plain data (`marshal`, no code is ever loaded from the
cache) in the user's cache folder, one file per ruleset folder, beside the exact bytes of the
files it was made from and a stamp of the modules that make it. It is used only when both
match; anything else (no file, another ruleset's bytes, another version of the package, a
corrupt or unreadable file, a folder that cannot be written) means loading the ruleset as
before, silently. The cache is written whole or not at all (a temporary file renamed).

`IPR_CHECK_CACHE_DIR` moves the cache; `IPR_CHECK_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ipr_rules.model.exemption import Exemption
from ipr_rules.model.ruleset import (
    Assignee,
    CompiledPlan,
    Item,
    Requirement,
    Ruleset,
    Section,
    Task,
    Unit,
    UnitRegistry,
)
from ipr_rules.ruleset.files import EXEMPTIONS_FILE, METRICS_FILE, OVERLAY_FILE, RULESET_FILE, UNITS_FILE
from ipr_rules.user_cache import cache_folder, write_whole

# Bump when the shape of the cached data changes.
FORMAT = 1
_FILES = (RULESET_FILE, UNITS_FILE, OVERLAY_FILE, METRICS_FILE, EXEMPTIONS_FILE)
# The modules whose code decides what a loaded ruleset holds: a change to any of them (a new
# version installed, an edited checkout) makes the cached data stale.
_MAKERS = (
    "model/ruleset.py",
    "model/exemption.py",
    "ruleset/cache.py",
    "ruleset/loader.py",
    "ruleset/store.py",
    "ruleset/metrics.py",
    "ruleset/exemptions.py",
    "requirements/overlay.py",
    "textnorm.py",
)
_PACKAGE = Path(__file__).resolve().parent.parent


def cached_ruleset(folder: Path, load: Callable[[], Ruleset]) -> Ruleset:
    """The ruleset of `folder` from the cache when it is current; else `load()`, then cached."""
    where = cache_folder()
    if where is None:
        return load()
    try:
        sources = _sources(folder)
    except OSError:
        return load()
    path = where / f"ruleset-{zlib.crc32(str(folder.resolve()).encode('utf-8', 'surrogateescape')):08x}.bin"
    stamp = (FORMAT, _stamp())
    found = _read(path, stamp, sources)
    if found is not None:
        try:
            return _ruleset(found, folder)
        except Exception:  # data from another shape of the package: load afresh, never fail on a cache
            pass
    ruleset = load()
    _write(path, stamp, sources, ruleset)
    return ruleset


def _sources(folder: Path) -> tuple[bytes | None, ...]:
    def read(name: str) -> bytes | None:
        try:
            with open(folder / name, "rb") as stream:
                return stream.read()
        except FileNotFoundError:
            return None

    return tuple(read(name) for name in _FILES)


def _stamp() -> tuple[tuple[int, int], ...]:
    stamps = []
    for name in _MAKERS:
        try:
            info = os.stat(_PACKAGE / name)
        except OSError:
            stamps.append((-1, -1))
        else:
            stamps.append((info.st_size, info.st_mtime_ns))
    return tuple(stamps)


def _read(path: Path, stamp: Any, sources: tuple[bytes | None, ...]) -> dict[str, Any] | None:
    try:
        with open(path, "rb") as stream:
            stored = marshal.load(stream)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(stored, tuple) or len(stored) != 3 or stored[0] != stamp or stored[1] != sources:
        return None
    data = stored[2]
    return data if isinstance(data, dict) else None


def _write(path: Path, stamp: Any, sources: tuple[bytes | None, ...], ruleset: Ruleset) -> None:
    try:
        data = marshal.dumps((stamp, sources, _plain(ruleset)))
    except ValueError:
        return
    write_whole(path, data)


def _plain(ruleset: Ruleset) -> dict[str, Any]:
    """The ruleset as data `marshal` writes: records as tuples of their fields, in field order."""
    plan = ruleset.plan
    return {
        "plan": (plan.year, plan.title, plan.source, plan.source_sha256),
        "sections": [(s.number, s.title, s.line) for s in plan.sections],
        "items": [(i.number, i.section, i.title, i.line) for i in plan.items],
        "tasks": [_task_data(task) for task in plan.tasks],
        "units": [(u.name, u.full_name, u.kind, u.aliases) for u in ruleset.registry.units],
        "metrics": None if ruleset.metrics is None else [_metric_data(m) for m in ruleset.metrics.metrics],
        "exemptions": [_exemption_data(e) for e in ruleset.exemptions],
    }


def _task_data(task: Task) -> tuple[Any, ...]:
    return (
        task.id,
        task.section,
        task.item,
        task.item_title,
        task.text,
        tuple((a.unit, a.role, a.written) for a in task.assignees),
        task.open,
        task.campaigns,
        task.line,
        task.column,
        tuple(
            (r.id, r.kind, r.source, r.applies_to, r.schema, r.severity, r.description, r.origin, r.reason)
            for r in task.requirements
        ),
    )


def _metric_data(metric: Any) -> tuple[Any, ...]:
    return (metric.id, metric.label, metric.unit, metric.type, metric.aliases, metric.description)


def _exemption_data(exemption: Exemption) -> tuple[Any, ...]:
    return (
        exemption.unit,
        exemption.tasks,
        exemption.kinds,
        exemption.reason,
        exemption.approved_by,
        exemption.approved_on.toordinal(),
        exemption.document,
        None if exemption.expires is None else exemption.expires.toordinal(),
        exemption.line,
    )


def _ruleset(data: dict[str, Any], folder: Path) -> Ruleset:
    year, title, source, source_sha256 = data["plan"]
    plan = CompiledPlan(
        year,
        title,
        source,
        source_sha256,
        tuple(Section(*section) for section in data["sections"]),
        tuple(Item(*item) for item in data["items"]),
        tuple(_task(task) for task in data["tasks"]),
    )
    metrics = None
    if data["metrics"] is not None:
        from ipr_rules.ruleset.metrics import Metric, MetricVocabulary

        metrics = MetricVocabulary(Metric(*metric) for metric in data["metrics"])
    exemptions: tuple[Exemption, ...] = ()
    if data["exemptions"]:
        from ipr_rules.ruleset.exemptions import shown_path

        shown = shown_path(folder / EXEMPTIONS_FILE)
        exemptions = tuple(_exemption(item, shown) for item in data["exemptions"])
    registry = UnitRegistry(tuple(Unit(*unit) for unit in data["units"]))
    return Ruleset(plan=plan, registry=registry, directory=str(folder), metrics=metrics, exemptions=exemptions)


def _task(data: tuple[Any, ...]) -> Task:
    (task_id, section, item, item_title, text, assignees, is_open, campaigns, line, column, requirements) = data
    return Task(
        task_id,
        section,
        item,
        item_title,
        text,
        tuple(Assignee(*assignee) for assignee in assignees),
        is_open,
        campaigns,
        line,
        column,
        tuple(Requirement(*requirement) for requirement in requirements),
    )


def _exemption(data: tuple[Any, ...], shown: str) -> Exemption:
    unit, tasks, kinds, reason, approved_by, approved_on, document, expires, line = data
    return Exemption(
        unit=unit,
        tasks=tasks,
        kinds=kinds,
        reason=reason,
        approved_by=approved_by,
        approved_on=dt.date.fromordinal(approved_on),
        document=document,
        expires=None if expires is None else dt.date.fromordinal(expires),
        file=shown,
        line=line,
    )
