"""`compile SOURCE -o DIR`: the file side of compiling, apart from the pure compiler.

The directory keeps its own copy of the plan text as `plan.txt` (the compiled data names it
as its source), the hand-kept unit registry beside it, and the compiled `ruleset.yaml`.
"""

from __future__ import annotations

from pathlib import Path

from ipr_rules.atomic_write import CANNOT_WRITE, write_atomic
from ipr_rules.diagnostic import Diagnostic
from ipr_rules.errors import RulesetError, UsageError
from ipr_rules.i18n import Text
from ipr_rules.loading.decode import decode
from ipr_rules.model.ruleset import CompiledPlan, UnitRegistry, UnitsFile
from ipr_rules.records import record
from ipr_rules.ruleset.compile import CompileError, compile_plan
from ipr_rules.ruleset.files import PLAN_FILE, RULESET_FILE, UNITS_FILE, read_checked, read_limited_bytes
from ipr_rules.ruleset.lint import lint_plan, plan_warning
from ipr_rules.ruleset.plan_text import parse_plan
from ipr_rules.ruleset.schema import RulesetSchemaError, validate_as
from ipr_rules.ruleset.store import dump_plan

SOURCE_NAME = PLAN_FILE
NO_SOURCE = Text("找不到要点原文：{path}", "no such plan text: {path}")
NO_UNITS = Text(
    "缺少成员单位名录 {path}：请先建立（可复制上一年度的 units.yaml），或用 --units 指定",
    "the unit registry {path} is missing: create it (copy last year's units.yaml) or name one with --units",
)
SOURCE_NOT_TEXT = Text("要点原文无法读取：{reason}", "cannot read the plan text: {reason}")


@record
class BuildOutcome:
    plan: CompiledPlan
    # About the ruleset's copy of the plan text (`source_path`), printed with `lint.render_warning`.
    warnings: list[Diagnostic]
    source_path: Path
    # About the file as given (such as its encoding), not about the copy the ruleset keeps.
    notices: list[Diagnostic]


def read_registry(path: Path) -> UnitRegistry:
    if not path.is_file():
        raise RulesetError(NO_UNITS, path=str(path))
    checked = read_checked(path)
    units = validate_as(checked, UnitsFile)
    if units is None:
        raise RulesetSchemaError(checked.problems)
    return UnitRegistry(units.units)


def read_plan_text(path: Path) -> str:
    return read_plan(path)[0]


def read_plan(path: Path) -> tuple[str, Diagnostic | None]:
    """The plan's text, and a notice in `path` when it had to be read from a legacy encoding."""
    try:
        data = read_limited_bytes(path)
    except FileNotFoundError:
        raise RulesetError(NO_SOURCE, path=str(path)) from None
    if isinstance(data, Diagnostic):
        raise RulesetError.of(data)
    decoded = decode(data)
    if isinstance(decoded, Diagnostic):
        raise RulesetError(decoded.message, file=str(path), line=decoded.line, **decoded.args)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    notice = None
    if decoded.notice is not None:
        notice = plan_warning("legacy-encoding", None, 1, 1, decoded.notice, encoding=decoded.encoding).at(str(path))
    return text, notice


def build_ruleset(
    source: Path, directory: Path, *, units_file: Path | None = None, year: int | None = None
) -> BuildOutcome:
    text, notice = read_plan(source)
    registry_path = units_file or directory / UNITS_FILE
    registry = read_registry(registry_path)
    try:
        plan = compile_plan(text, registry, source=SOURCE_NAME, year=year)
    except CompileError as error:
        error.source = str(source)  # the file the user edits, not the copy not yet written
        raise
    except RulesetError as error:
        if error.file is None:
            error.file = str(source)
        raise
    target_source = directory / SOURCE_NAME
    warnings = lint_plan(parse_plan(text), registry, file=str(target_source))
    _make_folder(directory)
    if not _same_file(source, target_source):
        write_atomic(target_source, text)
    target_units = directory / UNITS_FILE
    if not _same_file(registry_path, target_units):
        units = read_limited_bytes(registry_path)
        if isinstance(units, Diagnostic):
            raise RulesetError.of(units)
        write_atomic(target_units, units)
    write_atomic(directory / RULESET_FILE, dump_plan(plan))
    return BuildOutcome(plan, warnings, target_source, [notice] if notice else [])


def _make_folder(directory: Path) -> None:
    """The ruleset directory is the output: made when missing (writing a file never makes folders)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(CANNOT_WRITE, path=str(directory), reason=error.strerror or str(error)) from None


def _same_file(first: Path, second: Path) -> bool:
    try:
        return second.exists() and first.resolve() == second.resolve()
    except OSError:
        return False
