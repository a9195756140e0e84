"""`init DIR --plan FILE [--from PREV_DIR]`: a new year's (or a new office's) ruleset, drafted.

Copies the plan, drafts `units.yaml` from the names it uses (last year's registry carried over
where names match), compiles, and writes empty hand-kept files beside it; `metrics.yaml` is
copied from the previous year. Everything is made in memory first, so a plan that cannot be
read or compiled leaves DIR as it was.
"""

from __future__ import annotations

from pathlib import Path

from ipr_rules.atomic_write import write_atomic
from ipr_rules.diagnostic import Diagnostic
from ipr_rules.errors import RulesetError
from ipr_rules.i18n import Text
from ipr_rules.model.ruleset import CompiledPlan, UnitRegistry
from ipr_rules.records import record
from ipr_rules.ruleset.build import read_plan
from ipr_rules.ruleset.compile import CompileError, compile_plan
from ipr_rules.ruleset.draft import Draft, draft_units
from ipr_rules.ruleset.files import (
    EXEMPTIONS_FILE,
    METRICS_FILE,
    OVERLAY_FILE,
    PLAN_FILE,
    RULESET_FILE,
    UNITS_FILE,
    read_limited,
)
from ipr_rules.ruleset.lint import lint_plan
from ipr_rules.ruleset.plan_text import parse_plan
from ipr_rules.ruleset.store import dump_plan
from ipr_rules.ruleset.units_yaml import render_units
from ipr_rules.ruleset.validate import Validation, validate_ruleset

NOT_EMPTY = Text(
    "目录 {path} 不是空的，不会覆盖其中的文件（确需覆盖请加 --force）",
    "the folder {path} is not empty and its files will not be overwritten (add --force to overwrite)",
)
NOT_A_FOLDER = Text("{path} 已存在且不是目录", "{path} exists and is not a folder")

EMPTY_OVERLAY = """\
# 对编译得出的“要求”（见 ruleset.yaml 中各任务的 requirements）的人工调整，不由 compile 生成。
# 三类调整，每项都必须写明理由 reason：add 增加、change 修改严重程度或适用单位、drop 删除。
# 格式见 rulesets/2020/requirements.yaml 的说明。
add: []
change: []
drop: []
"""
EMPTY_EXEMPTIONS = """\
# 打假办对个别单位、个别任务的豁免（人工维护，不由 compile 生成）。新年度从空表开始。
exemptions: []
"""
EMPTY_METRICS = """\
# 年度报告中可填报的量化指标（人工维护，不由 compile 生成）。
metrics: []
"""


@record
class InitOutcome:
    directory: Path
    plan: CompiledPlan
    draft: Draft
    # Where each drafted unit stands in the units.yaml written, by canonical name.
    unit_lines: dict[str, int]
    # About the plan text the folder keeps; the notices about the file as given.
    warnings: list[Diagnostic]
    notices: list[Diagnostic]
    validation: Validation


def init_ruleset(
    directory: Path, plan_file: Path, *, previous: Path | None = None, year: int | None = None, force: bool = False
) -> InitOutcome:
    _check_target(directory, force)
    text, notice = read_plan(plan_file)
    try:
        raw = parse_plan(text)
    except RulesetError as error:
        error.file = str(plan_file)
        raise
    known, metrics = _previous(previous)
    draft = draft_units(raw, known)
    registry = draft.registry
    try:
        plan = compile_plan(text, registry, source=PLAN_FILE, year=year)
    except CompileError as error:
        error.source = str(plan_file)
        raise
    warnings = lint_plan(raw, registry, file=str(directory / PLAN_FILE))
    units_text, unit_lines = render_units(draft, plan.title)
    files = {
        PLAN_FILE: text,
        UNITS_FILE: units_text,
        RULESET_FILE: dump_plan(plan),
        OVERLAY_FILE: EMPTY_OVERLAY,
        EXEMPTIONS_FILE: EMPTY_EXEMPTIONS,
        METRICS_FILE: metrics if metrics is not None else EMPTY_METRICS,
    }
    directory.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        write_atomic(directory / name, content)
    validation = validate_ruleset(directory)
    return InitOutcome(directory, plan, draft, unit_lines, warnings, [notice] if notice else [], validation)


def _check_target(directory: Path, force: bool) -> None:
    if directory.exists() and not directory.is_dir():
        raise RulesetError(NOT_A_FOLDER, path=str(directory))
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise RulesetError(NOT_EMPTY, path=str(directory))


def _previous(previous: Path | None) -> tuple[UnitRegistry | None, str | None]:
    """Last year's registry (from a ruleset the loader accepts) and its metrics file, if any."""
    if previous is None:
        return None, None
    from ipr_rules.ruleset.loader import load_ruleset

    ruleset = load_ruleset(previous)  # validated, like every ruleset named on the command line
    metrics_path = previous / METRICS_FILE
    try:
        metrics = read_limited(metrics_path)
    except FileNotFoundError:
        metrics = None
    if isinstance(metrics, Diagnostic):
        raise RulesetError.of(metrics)
    return ruleset.registry, metrics
