"""Compiled records as byte-stable YAML, and records back from plain data.

Knows no file names and reads no files: `files.py` owns the directory's names, `loader.py`
reads them.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

import yaml

from ipr_rules.model.ruleset import (
    Assignee,
    CompiledPlan,
    Item,
    Requirement,
    Section,
    Task,
    Unit,
    UnitRegistry,
)

HEADER = (
    "# 本文件由 `ipr-check compile` 从 {source} 生成，请勿手工修改：修改要点原文后重新编译。\n"
    "# 人工维护的内容在旁边的 units.yaml（成员单位名录）和 requirements.yaml（要求的增删改）中。\n"
)


class _Dumper(yaml.SafeDumper):
    """The pure-Python dumper, always: its output must not depend on whether libyaml is present."""


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_presenter)


def dump_plan(plan: CompiledPlan) -> str:
    body = yaml.dump(
        _plain(plan), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000, default_flow_style=False
    )
    return HEADER.format(source=plan.source) + body


def _plain(value: Any) -> Any:
    """Records to plain data in field order, leaving out an Assignee's spelling when it has none."""
    if is_dataclass(value) and not isinstance(value, type):
        result = {}
        for spec in fields(value):
            item = getattr(value, spec.name)
            if item is None and isinstance(value, (Assignee, Requirement)):
                continue
            result[spec.name] = _plain(item)
        return result
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def plan_from_data(data: dict[str, Any]) -> CompiledPlan:
    """Trusted construction, for data already validated (the bundled ruleset, or after schema.py)."""
    return CompiledPlan(
        year=data["year"],
        title=data["title"],
        source=data["source"],
        source_sha256=data["source_sha256"],
        sections=tuple(Section(**section) for section in data["sections"]),
        items=tuple(Item(**item) for item in data["items"]),
        tasks=tuple(_task(task) for task in data["tasks"]),
    )


def _task(data: dict[str, Any]) -> Task:
    return Task(
        **{
            **data,
            "assignees": tuple(Assignee(**assignee) for assignee in data["assignees"]),
            "campaigns": tuple(data["campaigns"]),
            "requirements": tuple(requirement_from_data(r) for r in data.get("requirements", ())),
        }
    )


def requirement_from_data(data: dict[str, Any]) -> Requirement:
    return Requirement(**data)


def units_from_data(data: dict[str, Any]) -> UnitRegistry:
    return UnitRegistry(tuple(Unit(**{**unit, "aliases": tuple(unit.get("aliases") or ())}) for unit in data["units"]))
