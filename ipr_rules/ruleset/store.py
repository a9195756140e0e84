"""The ruleset directory on disk: byte-stable YAML out, records back in.

A ruleset directory holds the plan's text (`plan.txt`), what `compile` makes of it
(`ruleset.yaml`, never edited by hand) and the hand-kept files beside it: the unit registry
(`units.yaml`) and the requirement overlay (`requirements.yaml`, optional).
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import yaml

from ipr_rules.errors import RulesetError
from ipr_rules.i18n import Text
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

RULESET_FILE = "ruleset.yaml"
UNITS_FILE = "units.yaml"
OVERLAY_FILE = "requirements.yaml"
EXEMPTIONS_FILE = "exemptions.yaml"

HEADER = (
    "# 本文件由 `ipr-check compile` 从 {source} 生成，请勿手工修改：修改要点原文后重新编译。\n"
    "# 人工维护的内容在旁边的 units.yaml（成员单位名录）和 requirements.yaml（要求的增删改）中。\n"
)

NOT_A_DIRECTORY = Text("规则集目录不存在：{path}", "no such ruleset directory: {path}")
MISSING_FILE = Text("规则集目录中缺少 {name}", "the ruleset directory lacks {name}")
NOT_READABLE = Text("无法读取：{reason}", "cannot read: {reason}")
NOT_YAML = Text("不是有效的 YAML：{problem}", "not valid YAML: {problem}")


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


def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise RulesetError(MISSING_FILE, name=path.name, file=str(path.parent)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise RulesetError(NOT_READABLE, file=str(path), reason=str(error)) from None


def read_yaml(path: Path) -> Any:
    text = read_text(path)
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else None
        raise RulesetError(NOT_YAML, file=str(path), line=line, problem=error.problem) from None
    except yaml.YAMLError as error:
        raise RulesetError(NOT_YAML, file=str(path), problem=str(error)) from None


def load_ruleset(directory: str | Path, *, trusted: bool = False) -> Ruleset:
    """Load a ruleset directory; anything not bundled with the package is validated first."""
    folder = Path(directory)
    if not folder.is_dir():
        raise RulesetError(NOT_A_DIRECTORY, path=str(folder))
    if trusted:
        plan = plan_from_data(read_yaml(folder / RULESET_FILE))
        registry = units_from_data(read_yaml(folder / UNITS_FILE))
        overlay_path = folder / OVERLAY_FILE
        overlay = None
        if overlay_path.exists():
            from ipr_rules.requirements.overlay import overlay_from_data

            overlay = overlay_from_data(read_yaml(overlay_path))
    else:
        from ipr_rules.ruleset.schema import read_validated

        plan, units, overlay = read_validated(folder)  # read once, with positions for the problems
        registry = UnitRegistry(units.units)
    if overlay is not None:
        from ipr_rules.requirements.overlay import apply_overlay

        plan = apply_overlay(plan, overlay)
    exemptions: tuple[Any, ...] = ()
    if (folder / EXEMPTIONS_FILE).exists():
        if trusted:
            from ipr_rules.ruleset.exemptions import trusted_exemptions

            exemptions = trusted_exemptions(folder / EXEMPTIONS_FILE, registry)
        else:
            exemptions = load_exemptions(folder / EXEMPTIONS_FILE, plan, registry)
    return Ruleset(plan=plan, registry=registry, directory=str(folder), exemptions=exemptions)


def load_exemptions(path: Path, plan: CompiledPlan, registry: UnitRegistry) -> tuple[Any, ...]:
    """The exemptions of `path`; RulesetSchemaError lists every problem of the file."""
    from ipr_rules.ruleset.exemptions import read_exemptions
    from ipr_rules.ruleset.schema import RulesetSchemaError

    exemptions, problems = read_exemptions(path, plan, registry)
    if problems:
        raise RulesetSchemaError(problems)
    return exemptions


def with_exemptions(ruleset: Ruleset, path: str | Path) -> Ruleset:
    """The ruleset with the exemptions of `path` in place of its own (`--exemptions FILE`)."""
    from dataclasses import replace

    return replace(ruleset, exemptions=load_exemptions(Path(path), ruleset.plan, ruleset.registry))


def open_ruleset(directory: str | Path | None) -> Ruleset:
    """The ruleset a command runs against: the bundled one by default, trusted as shipped."""
    from ipr_rules.ruleset.bundled import bundled_ruleset_dir, is_bundled

    folder = Path(directory) if directory is not None else bundled_ruleset_dir()
    return load_ruleset(folder, trusted=is_bundled(folder))
