"""Commands that make and check a ruleset: compile, validate-ruleset."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ipr_rules.cli.app import fail, lang_option, main, plan_year_option, run
from ipr_rules.cli.output import echo
from ipr_rules.errors import UsageError
from ipr_rules.i18n import Lang, Text

COMPILED = Text(
    "已编译 {tasks} 项任务（{items} 个事项，{sections} 个部分）→ {path}",
    "compiled {tasks} task(s) ({items} item(s), {sections} section(s)) → {path}",
)
RULESET_OK = Text(
    "规则集有效：{path}（{warnings} 条关于要点原文的提示）",
    "the ruleset is valid: {path} ({warnings} note(s) on the plan's text)",
)
RULESET_BAD = Text("规则集无效：{count} 处错误", "the ruleset is not valid: {count} error(s)")


@main.command("compile")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="规则集输出目录 / the ruleset directory to write.",
)
@click.option(
    "--units",
    "units_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="成员单位名录（默认为输出目录中的 units.yaml） / the unit registry (default: DIR/units.yaml).",
)
@plan_year_option
@lang_option
def compile_command(source: Path, output_dir: Path, units_file: Path | None, year: int | None, lang: Lang) -> None:
    """把工作要点原文编译为规则集。 Compile a plan's text into a ruleset directory."""
    from ipr_rules.ruleset.build import build_ruleset
    from ipr_rules.ruleset.lint import render_warning

    outcome = run(lang, lambda: build_ruleset(source, output_dir, units_file=units_file, year=year))
    for warning in outcome.notices + outcome.warnings:
        echo(render_warning(warning, lang), err=True)
    plan = outcome.plan
    echo(
        COMPILED.render(
            lang, tasks=len(plan.tasks), items=len(plan.items), sections=len(plan.sections), path=output_dir
        )
    )


@main.command("validate-ruleset")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@lang_option
def validate_ruleset_command(directory: Path, lang: Lang) -> None:
    """检查规则集：结构、引用一致性、与原文是否一致。 Validate a ruleset directory."""
    from ipr_rules.ruleset.validate import validate_ruleset

    if not directory.is_dir():
        from ipr_rules.ruleset.loader import NOT_A_DIRECTORY

        fail(UsageError(NOT_A_DIRECTORY, path=str(directory)), lang)
    result = validate_ruleset(directory)
    for line in result.render(lang):
        echo(line)
    if result.ok:
        echo(RULESET_OK.render(lang, path=directory, warnings=len(result.warnings)))
        return
    echo(RULESET_BAD.render(lang, count=len(result.errors)), err=True)
    sys.exit(2 if result.unreadable else 1)
