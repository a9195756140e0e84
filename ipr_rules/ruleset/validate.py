"""`validate-ruleset`: schema, referential integrity and drift of a ruleset directory.

Errors make the command fail; the plan's own lint warnings are reported beside them and never
fail it. Every problem names its file, line and field, one per line. The ruleset loader runs
the same validation on every ruleset from outside the package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.errors import RulesetError
from ipr_rules.i18n import Lang, Text
from ipr_rules.model.exemption import Exemption
from ipr_rules.model.ruleset import CompiledPlan, UnitRegistry, UnitsFile
from ipr_rules.requirements.overlay import Overlay
from ipr_rules.ruleset.build import read_plan_text
from ipr_rules.ruleset.compile import CompileError, compile_plan, source_digest
from ipr_rules.ruleset.files import CheckedFile, RulesetFiles, read_ruleset_files
from ipr_rules.ruleset.integrity import alias_problems, overlay_problems, task_problems
from ipr_rules.ruleset.lint import lint_plan, render_warning
from ipr_rules.ruleset.metrics import metrics_problems
from ipr_rules.ruleset.plan_text import parse_plan
from ipr_rules.ruleset.schema import validate_as
from ipr_rules.ruleset.store import dump_plan

SOURCE_OUTSIDE = Text(
    "源文本“{source}”须是规则集目录中的一个文件名（不含路径）",
    "the source '{source}' must be the name of a file in the ruleset directory (no path)",
)
SOURCE_MISSING = Text("源文本 {source} 不存在", "the source text {source} does not exist")
SOURCE_CHANGED = Text(
    "源文本 {source} 在编译后被修改（sha256 不符），请运行 ipr-check compile 重新编译",
    "the source text {source} changed after compiling (sha256 differs); run ipr-check compile again",
)
DRIFT = Text(
    "与从 {source} 重新编译的结果不一致：此行应为“{expected}”，请运行 ipr-check compile 重新编译",
    "differs from what compiling {source} gives: this line should read '{expected}'; run ipr-check compile again",
)
DRIFT_LENGTH = Text(
    "与从 {source} 重新编译的结果不一致（行数不同），请运行 ipr-check compile 重新编译",
    "differs from what compiling {source} gives (different length); run ipr-check compile again",
)


@dataclass(slots=True)
class Validation:
    """A ruleset directory checked: errors that stop it and warnings that do not."""

    errors: list[Diagnostic] = field(default_factory=list)
    # The plan text's own wording (`lint`), in the source's file.
    warnings: list[Diagnostic] = field(default_factory=list)
    source: str = ""
    # The validated records, when their files are valid.
    plan: CompiledPlan | None = None
    units: UnitsFile | None = None
    overlay: Overlay | None = None
    # The office's exemptions (exemptions.yaml) that could be resolved.
    exemptions: tuple[Exemption, ...] = ()
    # A file could not be read or parsed at all: `validate-ruleset` exits 2, not 1.
    unreadable: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def render(self, lang: Lang) -> list[str]:
        lines = [error.render(lang) for error in self.errors]
        lines += [render_warning(warning, lang) for warning in self.warnings]
        return lines


# The readers of the optional hand-kept files other than the overlay and the exemptions: each
# takes its checked file and returns its problems. Until a file's own reader is registered here,
# it is checked as readable YAML holding a mapping (or nothing: an absent or empty file means no
# entries).
OptionalReader = Callable[[CheckedFile, CompiledPlan | None], list[Diagnostic]]
OPTIONAL_READERS: dict[str, OptionalReader] = {
    "metrics": metrics_problems,
}


def validate_ruleset(folder: Path) -> Validation:
    return validate_files(read_ruleset_files(folder))


def validate_files(files: RulesetFiles) -> Validation:
    """Every check of `validate-ruleset` over files read once (see `files.read_ruleset_files`)."""
    result = Validation()
    plan: CompiledPlan | None = validate_as(files.plan, CompiledPlan)
    units: UnitsFile | None = validate_as(files.units, UnitsFile)
    result.errors += files.plan.problems + files.units.problems
    overlay = None
    if files.overlay is not None:
        overlay, found = overlay_problems(files.overlay, plan)
        result.errors += found
    if files.exemptions is not None:
        from ipr_rules.ruleset.exemptions import exemptions_from_checked

        registry = UnitRegistry(units.units) if units is not None else None
        result.exemptions, found = exemptions_from_checked(files.exemptions, plan, registry)
        result.errors += found
    for name, checked in (("metrics", files.metrics),):
        if checked is not None:
            result.errors += OPTIONAL_READERS[name](checked, plan)
    if units is not None:
        result.errors += alias_problems(files.units, units)
    if plan is not None:
        result.errors += task_problems(files.plan, plan, units)
    if plan is not None and units is not None:
        _drift(files.folder, files.plan, plan, UnitRegistry(units.units), result)
    result.plan, result.units, result.overlay = plan, units, overlay
    result.unreadable = files.unreadable
    return result


def _drift(folder: Path, checked: CheckedFile, plan: CompiledPlan, registry: UnitRegistry, result: Validation) -> None:
    shown = str(checked.path)
    if plan.source in ("", ".", "..") or Path(plan.source).name != plan.source or "\\" in plan.source:
        result.errors.append(
            Diagnostic(
                SOURCE_OUTSIDE, checked.line(("source",)), args={"source": plan.source}, file=shown, field="source"
            )
        )
        return
    source_path = folder / plan.source
    result.source = str(source_path)
    if not source_path.is_file():
        result.errors.append(
            Diagnostic(
                SOURCE_MISSING, checked.line(("source",)), args={"source": plan.source}, file=shown, field="source"
            )
        )
        return
    try:
        text = read_plan_text(source_path)
    except RulesetError as error:
        result.errors.append(error.diagnostic.at(str(source_path)))
        return
    digest = source_digest(text)
    if digest != plan.source_sha256:
        result.errors.append(
            Diagnostic(
                SOURCE_CHANGED,
                checked.line(("source_sha256",)),
                args={"source": plan.source},
                file=shown,
                field="source_sha256",
            )
        )
    try:
        expected = dump_plan(compile_plan(text, registry, source=plan.source, year=plan.year))
        result.warnings = lint_plan(parse_plan(text), registry, file=result.source)
    except CompileError as error:
        result.errors += [
            Diagnostic(problem.message, problem.line, args=problem.args, file=str(source_path))
            for problem in error.problems
        ]
        return
    except RulesetError as error:
        result.errors.append(error.diagnostic.at(str(source_path)))
        return
    actual = checked.text
    # The digest line is reported above; drift points at the content that changed.
    actual = actual.replace(f"source_sha256: {plan.source_sha256}\n", f"source_sha256: {digest}\n", 1)
    if actual == expected:
        return
    actual_lines, expected_lines = actual.splitlines(), expected.splitlines()
    for number, (have, want) in enumerate(zip(actual_lines, expected_lines, strict=False), start=1):
        if have != want:
            shown_want = want if len(want) <= 80 else want[:80] + "…"
            result.errors.append(
                Diagnostic(DRIFT, number, args={"source": plan.source, "expected": shown_want}, file=shown)
            )
            return
    line = min(len(actual_lines), len(expected_lines)) + 1
    result.errors.append(Diagnostic(DRIFT_LENGTH, line, args={"source": plan.source}, file=shown))
