"""The one place a ruleset directory is loaded: read once, validated, joined into a Ruleset.

The ruleset shipped with the package, when a command picks it by default or by year, is trusted
as shipped and read fast. Any directory named on the command line goes through
every check `validate-ruleset` makes (`validate.validate_files`) and is refused, with every
problem at its file:line, when it fails one: `check --ruleset`, the views, `init` and
`diff-ruleset` load rulesets here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.errors import RulesetError
from ipr_rules.i18n import Text
from ipr_rules.ruleset.bundled import bundled_ruleset_dir, bundled_years
from ipr_rules.ruleset.files import (
    EXEMPTIONS_FILE,
    METRICS_FILE,
    OVERLAY_FILE,
    RULESET_FILE,
    UNITS_FILE,
    read_limited,
)

if TYPE_CHECKING:
    from ipr_rules.model.exemption import Exemption
    from ipr_rules.model.ruleset import Ruleset

# The bundled ruleset comes from the cache (`ruleset.cache`) when it is current; what loading it
# afresh, or a ruleset named on the command line, needs is imported when it is needed.

NOT_A_DIRECTORY = Text("规则集目录不存在：{path}", "no such ruleset directory: {path}")
NO_BUNDLED_YEAR = Text(
    "没有内置的 {year} 年度规则集（内置年度：{years}），请用 --ruleset 指定规则集目录",
    "no bundled ruleset for {year} (bundled: {years}); name a ruleset directory with --ruleset",
)
MISSING_FILE = Text("规则集目录中缺少 {name}", "the ruleset directory lacks {name}")
NOT_READABLE = Text("无法读取：{reason}", "cannot read: {reason}")
NOT_YAML = Text("不是有效的 YAML：{problem}", "not valid YAML: {problem}")


def load_ruleset(directory: str | Path, *, trusted: bool = False) -> Ruleset:
    """Load a ruleset directory; anything not bundled with the package is validated first."""
    folder = Path(directory)
    if not folder.is_dir():
        raise RulesetError(NOT_A_DIRECTORY, path=str(folder))
    if trusted:
        from ipr_rules.ruleset.cache import cached_ruleset

        return cached_ruleset(folder, lambda: _trusted(folder))
    # The checks of a ruleset's source (and the compiler they use) are not needed for the bundled one.
    from ipr_rules.model.ruleset import Ruleset, UnitRegistry
    from ipr_rules.requirements.overlay import apply_overlay
    from ipr_rules.ruleset.files import read_ruleset_files
    from ipr_rules.ruleset.metrics import metrics_from_data
    from ipr_rules.ruleset.schema import RulesetSchemaError
    from ipr_rules.ruleset.validate import validate_files

    files = read_ruleset_files(folder)
    validation = validate_files(files)
    if validation.errors or validation.plan is None or validation.units is None:
        raise RulesetSchemaError(validation.errors)
    plan = validation.plan
    if validation.overlay is not None:
        plan = apply_overlay(plan, validation.overlay)
    metrics = metrics_from_data(files.metrics.data) if files.metrics is not None else None
    registry = UnitRegistry(validation.units.units)
    return Ruleset(
        plan=plan, registry=registry, directory=str(folder), metrics=metrics, exemptions=validation.exemptions
    )


def open_ruleset(directory: str | Path | None, year: int | None = None) -> Ruleset:
    """The ruleset a command runs against: `directory` when given, validated whatever it is;
    else the bundled one of `year` (by default the bundled default year), trusted as shipped."""
    if directory is not None:
        return load_ruleset(directory)
    if year is not None and year not in bundled_years():
        years = "、".join(str(y) for y in bundled_years())
        raise RulesetError(NO_BUNDLED_YEAR, year=year, years=years)
    folder = bundled_ruleset_dir(year) if year is not None else bundled_ruleset_dir()
    return load_ruleset(folder, trusted=True)


def _trusted(folder: Path) -> Ruleset:
    from ipr_rules.model.ruleset import Ruleset
    from ipr_rules.requirements.overlay import apply_overlay, overlay_from_data
    from ipr_rules.ruleset.exemptions import trusted_exemptions
    from ipr_rules.ruleset.metrics import metrics_from_data
    from ipr_rules.ruleset.store import plan_from_data, units_from_data

    plan = plan_from_data(_read_yaml(folder / RULESET_FILE))
    registry = units_from_data(_read_yaml(folder / UNITS_FILE))
    if (folder / OVERLAY_FILE).exists():
        plan = apply_overlay(plan, overlay_from_data(_read_yaml(folder / OVERLAY_FILE)))
    metrics = metrics_from_data(_read_yaml(folder / METRICS_FILE)) if (folder / METRICS_FILE).exists() else None
    exemptions: tuple[Exemption, ...] = ()
    if (folder / EXEMPTIONS_FILE).exists():
        exemptions = trusted_exemptions(folder / EXEMPTIONS_FILE, registry)
    return Ruleset(plan=plan, registry=registry, directory=str(folder), metrics=metrics, exemptions=exemptions)


def with_exemptions(ruleset: Ruleset, path: str | Path) -> Ruleset:
    """The ruleset with the exemptions of `path` in place of its own (`--exemptions FILE`);
    RulesetSchemaError lists every problem of the file."""
    from dataclasses import replace

    from ipr_rules.ruleset.exemptions import read_exemptions
    from ipr_rules.ruleset.schema import RulesetSchemaError

    exemptions, problems = read_exemptions(Path(path), ruleset.plan, ruleset.registry)
    if problems:
        raise RulesetSchemaError(problems)
    return replace(ruleset, exemptions=exemptions)


def _read_yaml(path: Path) -> Any:
    import yaml

    try:
        text = read_limited(path)
    except FileNotFoundError:
        raise RulesetError(MISSING_FILE, name=path.name, file=str(path.parent)) from None
    if isinstance(text, Diagnostic):
        raise RulesetError.of(text)
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else None
        raise RulesetError(NOT_YAML, file=str(path), line=line, problem=error.problem) from None
    except yaml.YAMLError as error:
        raise RulesetError(NOT_YAML, file=str(path), problem=str(error)) from None
