"""Commands for a new year's plan: init, diff-ruleset."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ipr_rules.cli.app import lang_option, main, output_file_option, plan_year_option, print_or_write, run, to_json
from ipr_rules.cli.output import echo
from ipr_rules.i18n import Lang, Names, Text

INITIALISED = Text(
    "已建立规则集 {path}：{tasks} 项任务（{items} 个事项），{units} 个单位",
    "started the ruleset {path}: {tasks} task(s) ({items} item(s)), {units} unit(s)",
)
TO_REVIEW = Text("units.yaml 中有 {count} 处推测，请核对：", "units.yaml holds {count} guess(es) to review:")
NOTHING_TO_REVIEW = Text(
    "units.yaml 中的单位都沿用了上一年度的名录", "every unit in units.yaml was carried over from last year's registry"
)
NO_UNITS = Text("要点中没有点名任何单位，units.yaml 中没有单位", "the plan names no unit; units.yaml holds none")
LEFT_OUT = Text(
    "上一年度名录中的这些单位未被新要点点名，未列入：{names}",
    "these units of last year's registry are not named in the new plan and were left out: {names}",
)
NEXT_STEP = Text(
    "下一步：核对、修改 units.yaml 后运行 ipr-check compile {plan} -o {path}，再运行 ipr-check validate-ruleset {path}",
    "next: review and fix units.yaml, run ipr-check compile {plan} -o {path}, then ipr-check validate-ruleset {path}",
)
INVALID_RESULT = Text(
    "写出的规则集未通过检查：{count} 处错误", "the ruleset written does not pass validation: {count} error(s)"
)


@main.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--plan",
    "plan_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="新年度工作要点原文 / the new plan's text.",
)
@click.option(
    "--from",
    "previous",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="上一年度的规则集目录，沿用其单位名录和指标 / last year's ruleset, whose units and metrics carry over.",
)
@plan_year_option
@click.option("--force", is_flag=True, help="覆盖非空目录中的文件 / overwrite the files of a non-empty folder.")
@lang_option
def init_command(
    directory: Path, plan_file: Path, previous: Path | None, year: int | None, force: bool, lang: Lang
) -> None:
    """从新年度的工作要点起草规则集。 Start a ruleset for a new plan."""
    from ipr_rules.ruleset.files import PLAN_FILE, UNITS_FILE
    from ipr_rules.ruleset.init import init_ruleset
    from ipr_rules.ruleset.lint import render_warning

    outcome = run(lang, lambda: init_ruleset(directory, plan_file, previous=previous, year=year, force=force))
    for warning in outcome.notices + outcome.warnings:
        echo(render_warning(warning, lang), err=True)
    plan, draft = outcome.plan, outcome.draft
    echo(INITIALISED.render(lang, path=directory, tasks=len(plan.tasks), items=len(plan.items), units=len(draft.units)))
    review = draft.to_review
    if review:
        echo(TO_REVIEW.render(lang, count=len(review)))
    else:
        echo((NOTHING_TO_REVIEW if draft.units else NO_UNITS).render(lang))
    for drafted in review:
        notes = "; ".join(message.render(lang, **args) for message, args in drafted.notes)
        line = outcome.unit_lines[drafted.unit.name]
        echo(f"  {directory / UNITS_FILE}:{line}: {drafted.unit.name}: {notes}")
    if draft.left_out:
        echo(LEFT_OUT.render(lang, names=Names(draft.left_out)))
    if not outcome.validation.ok:
        for line in outcome.validation.render(lang):
            echo(line, err=True)
        echo(INVALID_RESULT.render(lang, count=len(outcome.validation.errors)), err=True)
        sys.exit(1)
    echo(NEXT_STEP.render(lang, plan=directory / PLAN_FILE, path=directory))


@main.command("diff-ruleset")
@click.argument("old_dir", type=click.Path(file_okay=False, path_type=Path))
@click.argument("new_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-f",
    "--format",
    "format_name",
    type=click.Choice(["table", "markdown", "json"]),
    default="table",
    show_default=True,
    help="输出格式 / output format.",
)
@output_file_option
@lang_option
def diff_ruleset_command(old_dir: Path, new_dir: Path, format_name: str, output_file: Path | None, lang: Lang) -> None:
    """对比两个年度的规则集：任务、分工、专项行动和单位的变化。 Compare two years' rulesets."""
    from ipr_rules.ruleset.diff import diff_rulesets
    from ipr_rules.ruleset.loader import load_ruleset
    from ipr_rules.views.diff_view import diff_json, diff_text

    old = run(lang, lambda: load_ruleset(old_dir))
    new = run(lang, lambda: load_ruleset(new_dir))
    diff = diff_rulesets(old, new)
    if format_name == "json":
        text = to_json(diff_json(diff))
    else:
        text = diff_text(diff, lang, markdown=format_name == "markdown")
    print_or_write(text, output_file, lang)
