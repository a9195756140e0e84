"""Commands that show the ruleset: tasks, units, metrics, explain, template, schema, rules."""

from __future__ import annotations

from pathlib import Path

import click

from ipr_rules.atomic_write import write_atomic
from ipr_rules.cli.app import (
    DID_YOU_MEAN,
    fail,
    lang_option,
    main,
    open_ruleset_or_fail,
    output_file_option,
    print_or_write,
    ruleset_option,
    run,
    to_json,
    unit_or_fail,
    year_option,
)
from ipr_rules.cli.output import echo
from ipr_rules.errors import UsageError
from ipr_rules.i18n import Lang, Names, Text

UNKNOWN_TASK = Text("没有编号为“{task}”的任务{hint}", "no task has the id '{task}'{hint}")


@main.command("tasks")
@click.option("--unit", "unit_name", default=None, help="只列出该单位的任务 / only this unit's duties.")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON / print JSON.")
@ruleset_option
@year_option
@lang_option
def tasks_command(unit_name: str | None, as_json: bool, ruleset_dir: Path | None, year: int | None, lang: Lang) -> None:
    """列出任务及其责任单位和分工。 List tasks with their units and roles."""
    from ipr_rules.views import catalog

    ruleset = open_ruleset_or_fail(ruleset_dir, lang, year)
    unit = unit_or_fail(ruleset, unit_name, lang) if unit_name else None
    echo(to_json(catalog.tasks_json(ruleset, unit)) if as_json else catalog.tasks_table(ruleset, unit, lang))


@main.command("units")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON / print JSON.")
@ruleset_option
@year_option
@lang_option
def units_command(as_json: bool, ruleset_dir: Path | None, year: int | None, lang: Lang) -> None:
    """列出成员单位、别名及各类分工的任务数。 List units, aliases and task counts by role."""
    from ipr_rules.views import catalog

    ruleset = open_ruleset_or_fail(ruleset_dir, lang, year)
    echo(to_json(catalog.units_json(ruleset)) if as_json else catalog.units_table(ruleset, lang))


@main.command("metrics")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON / print JSON.")
@ruleset_option
@lang_option
def metrics_command(as_json: bool, ruleset_dir: Path | None, lang: Lang) -> None:
    """列出指标词表：编号、名称、计量单位、类型和别名。 List the metrics vocabulary."""
    from ipr_rules.views.metrics import metrics_json, metrics_table

    ruleset = open_ruleset_or_fail(ruleset_dir, lang)
    echo(to_json(metrics_json(ruleset)) if as_json else metrics_table(ruleset, lang))


@main.command("explain")
@click.argument("task_id")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON / print JSON.")
@ruleset_option
@year_option
@lang_option
def explain_command(task_id: str, as_json: bool, ruleset_dir: Path | None, year: int | None, lang: Lang) -> None:
    """说明一项任务：所属部分与事项、原文、责任单位、专项行动和要求。 Explain one task."""
    from ipr_rules.views import catalog

    ruleset = open_ruleset_or_fail(ruleset_dir, lang, year)
    task = ruleset.task(task_id.strip())
    if task is None:
        from ipr_rules.suggest import closest

        near = closest(task_id, [t.id for t in ruleset.tasks])
        hint = DID_YOU_MEAN.render(lang, names=Names(near)) if near else ""
        fail(UsageError(UNKNOWN_TASK, task=task_id, hint=hint), lang)
    echo(to_json(catalog.task_record(ruleset, task)) if as_json else catalog.explain_text(ruleset, task, lang))


@main.command("template")
@click.argument("unit_name")
@output_file_option
@click.option(
    "--schema",
    "schema_location",
    default=None,
    help="模板首行 $schema 指向的位置（默认为同目录下的 report.schema.json） / where the $schema line points "
    "(default: report.schema.json beside the report).",
)
@ruleset_option
@year_option
@lang_option
def template_command(
    unit_name: str,
    output_file: Path | None,
    schema_location: str | None,
    ruleset_dir: Path | None,
    year: int | None,
    lang: Lang,
) -> None:
    """生成本单位的报告模板（-o 单位.xlsx 生成 Excel 工作簿）。 Print a report skeleton for a unit.

    -o FILE.xlsx writes an Excel workbook; -o FILE.yaml writes report.schema.json beside it.
    """
    from ipr_rules.schema_export import SCHEMA_NAME, schema_text
    from ipr_rules.views.template import render_template, template_report

    ruleset = open_ruleset_or_fail(ruleset_dir, lang, year)
    unit = unit_or_fail(ruleset, unit_name, lang)
    if output_file is not None and output_file.suffix.lower() == ".xlsx":
        from ipr_rules.workbook.writer import write_workbook

        data = write_workbook(ruleset, template_report(ruleset, unit), lang)
        run(lang, lambda: write_atomic(output_file, data))
        return
    print_or_write(render_template(ruleset, unit, lang, schema_location or SCHEMA_NAME), output_file, lang)
    if output_file is not None and schema_location is None:
        run(lang, lambda: write_atomic(output_file.parent / SCHEMA_NAME, schema_text()))


@main.command("schema")
@output_file_option
@lang_option
def schema_command(output_file: Path | None, lang: Lang) -> None:
    """输出报告格式的 JSON Schema。 Print the report format as JSON Schema."""
    from ipr_rules.schema_export import schema_text

    print_or_write(schema_text(), output_file, lang)


@main.command("rules")
@click.option(
    "-f",
    "--format",
    "format_name",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="输出格式 / output format.",
)
@lang_option
def rules_command(format_name: str, lang: Lang) -> None:
    """列出全部检查规则及说明。 List every finding kind with its documentation."""
    from ipr_rules.views.rules import rules_markdown, rules_text

    echo(rules_markdown(lang) if format_name == "markdown" else rules_text(lang))
