"""The `ipr-check` group: routing, the options every command shares, and failing politely.

`ipr-check PATH...` checks reports; the other commands are named. Options may stand before or
after the paths and before or after a command's name (SPEC §5), so the group moves the command
name, wherever it stands among the leading options, to the front.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from ipr_rules.cli.output import echo, prepare_stdout
from ipr_rules.errors import UsageError
from ipr_rules.i18n import LANGS, Lang, Names, Text

CHECK = "check"
UNKNOWN_UNIT = Text("没有名为“{unit}”的成员单位{hint}", "no member unit is called '{unit}'{hint}")
DID_YOU_MEAN = Text("，是否为：{names}？", "; did you mean: {names}?")

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
    "--max-nodes",
    "--max-depth",
    "--max-text-length",
    "--ignore",
    "--exemptions",
    "--plan",
    "--from",
    "--host",
    "--port",
    "--max-upload-size",
    "--timeout",
    "--threads",
    "--keep",
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
exemptions_option = click.option(
    "--exemptions",
    "exemptions_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="区打假办的豁免文件，代替规则集目录中的 exemptions.yaml / the office's exemptions file, in place of "
    "the ruleset's exemptions.yaml.",
)
output_file_option = click.option(
    "-o",
    "--output",
    "output_file",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="写入文件而不是打印（- 为标准输出） / write to a file instead of printing (- for stdout).",
)
# compile and init: the plan's year, when its title does not say it.
plan_year_option = click.option(
    "--year", type=int, default=None, help="年度（默认从标题读出） / the year (default: read from the title)."
)
year_option = click.option(
    "--year",
    type=int,
    default=None,
    help="使用内置的该年度规则集（--ruleset 优先） / use the bundled ruleset of this year (--ruleset wins).",
)


# Where each command is defined: its module is imported when the command is asked for, so a
# view does not import the check's machinery, nor a check the server's or the compiler's.
COMMAND_MODULES = {
    CHECK: "check",
    "convert": "convert",
    "compile": "ruleset",
    "validate-ruleset": "ruleset",
    "serve": "serve",
    "tasks": "views",
    "units": "views",
    "metrics": "views",
    "explain": "views",
    "template": "views",
    "schema": "views",
    "rules": "views",
    "init": "years",
    "diff-ruleset": "years",
}


# Commands that leave the garbage collector paused (ipr_rules.launch): the views end within a
# moment of starting, and check and serve resume it themselves once start-up is behind them.
# Every other command (convert, compile, init, ...) may read inputs of any size: it resumes it.
_KEEP_COLLECTOR_PAUSED = frozenset(
    {CHECK, "serve", "tasks", "units", "metrics", "explain", "template", "schema", "rules"}
)


class IprGroup(click.Group):
    """Routes `ipr-check [options] PATH...` to the `check` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _route(list(args), set(COMMAND_MODULES)))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(cmd_name)
        if module is not None and cmd_name not in self.commands:
            import importlib

            importlib.import_module(f"ipr_rules.cli.{module}")  # which adds its commands to `main`
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if name not in _KEEP_COLLECTOR_PAUSED:
            from ipr_rules.collector import resume

            resume()
        return name, command, rest

    def invoke(self, ctx: click.Context) -> Any:
        """Ctrl-C and SIGTERM end the command with one line and 130 / 143 (cli.signals)."""
        from ipr_rules.cli.signals import Terminated, install, interrupted

        install()
        try:
            return super().invoke(ctx)
        except (KeyboardInterrupt, Terminated) as error:
            interrupted(error, sys.argv[1:])
        except click.ClickException as error:
            # click quotes the offending argument in its message: it must not reach the terminal raw.
            from ipr_rules.render.safe_text import reveal

            vars(error)["message"] = reveal(error.message)  # click marks it final; it is a plain attribute
            raise

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
    """The message on stderr, with whatever the user typed into it made harmless (an escape
    sequence in an argument is shown as `\\x1b`, never obeyed), and exit 2."""
    from ipr_rules.render.safe_text import reveal

    echo(reveal(error.render(lang)), err=True)
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
    ipr-check template 区法院 -o 区法院.xlsx  生成本单位 Excel 报告模板
    ipr-check template 区法院 > 区法院.yaml   生成本单位 YAML 报告模板
    """
    prepare_stdout()
    if ctx.invoked_subcommand is None:
        echo(ctx.get_help())


def open_ruleset_or_fail(ruleset_dir: Path | None, lang: Lang, year: int | None = None) -> Any:
    from ipr_rules.ruleset.loader import open_ruleset

    return run(lang, lambda: open_ruleset(ruleset_dir, year))


def open_ruleset_with_exemptions(
    ruleset_dir: Path | None, exemptions_file: Path | None, lang: Lang, year: int | None = None
) -> Any:
    """The ruleset, with `--exemptions FILE` in place of its own exemptions when given."""
    ruleset = open_ruleset_or_fail(ruleset_dir, lang, year)
    if exemptions_file is None:
        return ruleset
    from ipr_rules.ruleset.loader import with_exemptions

    return run(lang, lambda: with_exemptions(ruleset, exemptions_file))


def print_or_write(text: str, output_file: Path | None, lang: Lang) -> None:
    if output_file is None:
        echo(text)
    else:
        from ipr_rules.atomic_write import write_atomic

        run(lang, lambda: write_atomic(output_file, text))


def unit_or_fail(ruleset: Any, name: str, lang: Lang) -> Any:
    unit = ruleset.registry.lookup(name)
    if unit is None:
        near = ruleset.registry.index.closest(name)
        hint = DID_YOU_MEAN.render(lang, names=Names(near)) if near else ""
        fail(UsageError(UNKNOWN_UNIT, unit=name, hint=hint), lang)
    return unit


def to_json(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, indent=2)
