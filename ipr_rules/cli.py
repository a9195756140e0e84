"""The `ipr-check` command: click options in, library calls, rendered text out, exit code.

`ipr-check PATH...` checks reports; the other commands are named. Options may stand before or
after the paths and before or after a command's name (SPEC §5), so the group moves the command
name, wherever it stands among the leading options, to the front.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from ipr_rules.errors import UsageError
from ipr_rules.i18n import LANGS, Lang, Names, Text
from ipr_rules.output import echo, emit, plan_outputs, prepare_stdout, refuse_inputs, write_atomic
from ipr_rules.render import FORMATS
from ipr_rules.result import FAIL_ON, FailOn

CHECK = "check"
UNKNOWN_TASK = Text("没有编号为“{task}”的任务{hint}", "no task has the id '{task}'{hint}")
UNKNOWN_UNIT = Text("没有名为“{unit}”的成员单位{hint}", "no member unit is called '{unit}'{hint}")
DID_YOU_MEAN = Text("，是否为：{names}？", "; did you mean: {names}?")
COMPILED = Text(
    "已编译 {tasks} 项任务（{items} 个事项，{sections} 个部分）→ {path}",
    "compiled {tasks} task(s) ({items} item(s), {sections} section(s)) → {path}",
)
UNKNOWN_KIND = Text("没有名为“{kind}”的检查类型{hint}", "no finding kind is called '{kind}'{hint}")
NO_PATHS = Text(
    "请指定要检查的报告文件或目录，例如：ipr-check reports/2020/",
    "name the report files or folders to check, e.g. ipr-check reports/2020/",
)
CONFLICTING = Text("--unit-only 与 --complete 不能同时使用", "--unit-only and --complete cannot be used together")
NO_LIBYAML = Text(
    "提示：PyYAML 未使用 libyaml C 扩展，读取速度会慢 7–8 倍",
    "note: PyYAML runs without its libyaml C extension, 7–8× slower",
)
RULESET_OK = Text(
    "规则集有效：{path}（{warnings} 条关于要点原文的提示）",
    "the ruleset is valid: {path} ({warnings} note(s) on the plan's text)",
)
RULESET_BAD = Text("规则集无效：{count} 处错误", "the ruleset is not valid: {count} error(s)")

# Options that take a value, so that routing can step over their values.
_VALUE_OPTIONS = {
    "--ruleset",
    "--format",
    "-f",
    "-o",
    "--output",
    "--lang",
    "--fail-on",
    "--unit",
    "--units",
    "--year",
    "--jobs",
    "-j",
    "--max-file-size",
    "--max-files",
    "--max-nodes",
    "--max-depth",
    "--max-text-length",
    "--ignore",
    "--select",
}

lang_option = click.option(
    "--lang", type=click.Choice(LANGS), default="zh", show_default=True, help="输出语言 / language of the output."
)
ruleset_option = click.option(
    "--ruleset",
    "ruleset_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="规则集目录（默认使用内置的 2020 年规则集） / a ruleset directory (default: the bundled 2020 ruleset).",
)


class IprGroup(click.Group):
    """Routes `ipr-check [options] PATH...` to the `check` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _route(list(args), set(self.commands)))

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage("ipr-check", "[选项] 报告文件或目录... | 命令 [参数]")


def _route(args: list[str], commands: set[str]) -> list[str]:
    if not args or args[0] in ("--help", "-h", "--version"):
        return args
    index = 0
    while index < len(args):
        token = args[index]
        if token == "--":
            break
        if token.startswith("-"):
            if token in _VALUE_OPTIONS:
                index += 1
            index += 1
            continue
        if token in commands:
            return [token, *args[:index], *args[index + 1 :]]
        break
    return [CHECK, *args]


def fail(error: UsageError, lang: Lang) -> NoReturn:
    echo(error.render(lang), err=True)
    sys.exit(2)


def run(lang: Lang, action: Any) -> Any:
    """Run a library call; a UsageError is a message and exit 2, never a traceback."""
    try:
        return action()
    except UsageError as error:
        fail(error, lang)


@click.group(cls=IprGroup, context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
@click.version_option(package_name="ipr-check", prog_name="ipr-check")
@click.pass_context
def main(ctx: click.Context) -> None:
    """对照打击侵权假冒工作要点，检查各成员单位的年度工作报告。

    Check member units' annual reports against the year's work plan.

    \b
    ipr-check reports/2020/                 检查全区报告，输出差距报告
    ipr-check 区法院.yaml                    单位提交前自查
    ipr-check template 区法院 > 区法院.yaml   生成本单位报告模板
    """
    prepare_stdout()
    if ctx.invoked_subcommand is None:
        echo(ctx.get_help())


def _ruleset(ruleset_dir: Path | None, lang: Lang) -> Any:
    from ipr_rules.ruleset.store import open_ruleset

    return run(lang, lambda: open_ruleset(ruleset_dir))


def _unit(ruleset: Any, name: str, lang: Lang) -> Any:
    unit = ruleset.registry.resolve(name)
    if unit is None:
        from ipr_rules.suggest import closest

        near = closest(name, ruleset.registry.all_names)
        hint = DID_YOU_MEAN.render(lang, names=Names(near)) if near else ""
        fail(UsageError(UNKNOWN_UNIT, unit=name, hint=hint), lang)
    return unit


def _json(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, indent=2)


@main.command("tasks")
@click.option("--unit", "unit_name", default=None, help="只列出该单位的任务 / only this unit's duties.")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON / print JSON.")
@ruleset_option
@lang_option
def tasks_command(unit_name: str | None, as_json: bool, ruleset_dir: Path | None, lang: Lang) -> None:
    """列出任务及其责任单位和分工。 List tasks with their units and roles."""
    from ipr_rules.views import catalog

    ruleset = _ruleset(ruleset_dir, lang)
    unit = _unit(ruleset, unit_name, lang) if unit_name else None
    echo(_json(catalog.tasks_json(ruleset, unit)) if as_json else catalog.tasks_table(ruleset, unit, lang))


@main.command("units")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON / print JSON.")
@ruleset_option
@lang_option
def units_command(as_json: bool, ruleset_dir: Path | None, lang: Lang) -> None:
    """列出成员单位、别名及各类分工的任务数。 List units, aliases and task counts by role."""
    from ipr_rules.views import catalog

    ruleset = _ruleset(ruleset_dir, lang)
    echo(_json(catalog.units_json(ruleset)) if as_json else catalog.units_table(ruleset, lang))


@main.command("explain")
@click.argument("task_id")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON / print JSON.")
@ruleset_option
@lang_option
def explain_command(task_id: str, as_json: bool, ruleset_dir: Path | None, lang: Lang) -> None:
    """说明一项任务：所属部分与事项、原文、责任单位、专项行动和要求。 Explain one task."""
    from ipr_rules.views import catalog

    ruleset = _ruleset(ruleset_dir, lang)
    task = ruleset.task(task_id.strip())
    if task is None:
        from ipr_rules.suggest import closest

        near = closest(task_id, [t.id for t in ruleset.tasks])
        hint = DID_YOU_MEAN.render(lang, names=Names(near)) if near else ""
        fail(UsageError(UNKNOWN_TASK, task=task_id, hint=hint), lang)
    echo(_json(catalog.task_record(ruleset, task)) if as_json else catalog.explain_text(ruleset, task, lang))


@main.command("template")
@click.argument("unit_name")
@click.option(
    "-o",
    "--output",
    "output_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="写入文件而不是打印 / write to a file instead of printing.",
)
@click.option(
    "--schema",
    "schema_location",
    default=None,
    help="模板首行 $schema 指向的位置（默认为安装包内的 JSON Schema） / where the $schema line points.",
)
@ruleset_option
@lang_option
def template_command(
    unit_name: str, output_file: Path | None, schema_location: str | None, ruleset_dir: Path | None, lang: Lang
) -> None:
    """生成本单位的报告模板。 Print a report skeleton for a unit."""
    from ipr_rules.schema_export import packaged_schema_uri
    from ipr_rules.views.template import render_template

    ruleset = _ruleset(ruleset_dir, lang)
    unit = _unit(ruleset, unit_name, lang)
    text = render_template(ruleset, unit, lang, schema_location or packaged_schema_uri())
    if output_file is None:
        echo(text)
    else:
        run(lang, lambda: write_atomic(output_file, text))


@main.command("schema")
@click.option(
    "-o",
    "--output",
    "output_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="写入文件而不是打印 / write to a file instead of printing.",
)
@lang_option
def schema_command(output_file: Path | None, lang: Lang) -> None:
    """输出报告格式的 JSON Schema。 Print the report format as JSON Schema."""
    from ipr_rules.schema_export import schema_text

    text = schema_text()
    if output_file is None:
        echo(text)
    else:
        run(lang, lambda: write_atomic(output_file, text))


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
@click.option(
    "--year", type=int, default=None, help="年度（默认从标题读出） / the year (default: read from the title)."
)
@lang_option
def compile_command(source: Path, output_dir: Path, units_file: Path | None, year: int | None, lang: Lang) -> None:
    """把工作要点原文编译为规则集。 Compile a plan's text into a ruleset directory."""
    from ipr_rules.ruleset.build import build_ruleset

    outcome = run(lang, lambda: build_ruleset(source, output_dir, units_file=units_file, year=year))
    for notice in outcome.notices:
        echo(notice.render(lang, str(source)), err=True)
    for warning in outcome.warnings:
        echo(warning.render(lang, str(outcome.source_path)), err=True)
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
        from ipr_rules.ruleset.store import NOT_A_DIRECTORY

        fail(UsageError(NOT_A_DIRECTORY, path=str(directory)), lang)
    result = validate_ruleset(directory)
    for line in result.render(lang):
        echo(line)
    if result.ok:
        echo(RULESET_OK.render(lang, path=directory, warnings=len(result.warnings)))
        return
    echo(RULESET_BAD.render(lang, count=len(result.errors)), err=True)
    sys.exit(1)


@main.command(CHECK, hidden=True)
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@ruleset_option
@click.option(
    "-f",
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    default=None,
    help="输出格式（默认 table） / output format (default: table).",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="写入文件，格式由后缀或 --format 决定，可多次使用 / write to a file (format from its suffix or --format); repeatable.",
)
@lang_option
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="error",
    show_default=True,
    help="达到该级别的问题使退出码为 1 / findings at or above this severity exit 1.",
)
@click.option("--unit-only", is_flag=True, help="只做单位自查，不做集合检查 / only the per-unit checks, no set checks.")
@click.option(
    "--complete",
    is_flag=True,
    help="即使只有一个单位的报告也做集合检查 / run the set checks even for one unit's reports.",
)
@click.option(
    "--ignore",
    "ignored",
    multiple=True,
    metavar="KIND",
    help="不报告该类型（见 ipr-check rules），可多次使用 / do not report this kind (see ipr-check rules); repeatable.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="并行进程数（默认按文件数量自动决定） / worker processes (default: chosen by the number of files).",
)
@click.option(
    "--max-file-size",
    type=click.FloatRange(min=0.001),
    default=10.0,
    show_default=True,
    help="单个文件大小上限（MB） / the largest file read, in MB.",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=100),
    default=100_000,
    show_default=True,
    help="单个文件展开后的节点上限（防止别名炸弹） / node limit per file, aliases expanded.",
)
@click.option(
    "--max-depth",
    type=click.IntRange(min=4, max=500),
    default=32,
    show_default=True,
    help="嵌套层数上限 / nesting limit.",
)
@click.option(
    "--max-text-length",
    type=click.IntRange(min=100),
    default=100_000,
    show_default=True,
    help="单个文字值的字符数上限 / the longest text value read, in characters.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="在终端显示进度（默认：终端中且文件较多时） / show progress on stderr.",
)
def check_command(
    paths: tuple[str, ...],
    ruleset_dir: Path | None,
    format_name: str | None,
    outputs: tuple[Path, ...],
    lang: Lang,
    fail_on: FailOn,
    unit_only: bool,
    complete: bool,
    ignored: tuple[str, ...],
    jobs: int | None,
    max_file_size: float,
    max_nodes: int,
    max_depth: int,
    max_text_length: int,
    progress: bool | None,
) -> None:
    """检查报告文件或目录。 Check report files and folders."""
    from ipr_rules.engine import CheckOptions, check_paths
    from ipr_rules.loading.reports import ReadLimits
    from ipr_rules.loading.yamlpos import Limits
    from ipr_rules.render import renderer
    from ipr_rules.result import exit_code

    if not paths:
        fail(UsageError(NO_PATHS), lang)
    _check_kinds(ignored, lang)
    if unit_only and complete:
        fail(UsageError(CONFLICTING), lang)
    stdout_format, targets = run(lang, lambda: plan_outputs(format_name, outputs))
    run(lang, lambda: refuse_inputs([path for path, _ in targets], paths))
    ruleset = _ruleset(ruleset_dir, lang)
    _warn_without_libyaml(lang)
    options = CheckOptions(
        unit_only=unit_only,
        complete=complete,
        limits=ReadLimits(
            int(max_file_size * 1024 * 1024), Limits(max_depth=max_depth, max_nodes=max_nodes, max_text=max_text_length)
        ),
        ignore=frozenset(ignored),
        jobs=jobs,
    )
    bar = _progress_bar(progress, lang)
    try:
        result = check_paths(list(paths), ruleset, options, progress=bar)
    finally:
        if bar is not None:
            bar.finish()
    for path, target_format in targets:
        run(
            lang,
            lambda path=path, target_format=target_format: write_atomic(path, renderer(target_format)(result, lang)),
        )
    emit(renderer(stdout_format)(result, lang))
    sys.exit(exit_code(result, fail_on))


def _check_kinds(kinds: tuple[str, ...], lang: Lang) -> None:
    from ipr_rules.checks import KINDS

    for kind in kinds:
        if kind not in KINDS:
            from ipr_rules.suggest import closest

            near = closest(kind, KINDS)
            hint = DID_YOU_MEAN.render(lang, names=Names(near)) if near else ""
            fail(UsageError(UNKNOWN_KIND, kind=kind, hint=hint), lang)


def _warn_without_libyaml(lang: Lang) -> None:
    from ipr_rules.loading.yamlpos import HAS_LIBYAML

    if not HAS_LIBYAML:
        echo(NO_LIBYAML.render(lang), err=True)


def _progress_bar(wanted: bool | None, lang: Lang) -> Any:
    from ipr_rules.progress import progress_callback

    return progress_callback(wanted, lang)


def entry_point() -> None:
    """The console script: exit quietly when the reader of a pipe goes away."""
    try:
        main()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


__all__ = ["entry_point", "main", "write_atomic"]
