"""`ipr-check PATH...`: check reports, write the gap report in the formats asked for, exit code."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import click

from ipr_rules.cli.app import (
    CHECK,
    DID_YOU_MEAN,
    exemptions_option,
    fail,
    lang_option,
    main,
    open_ruleset_with_exemptions,
    ruleset_option,
    run,
    year_option,
)
from ipr_rules.cli.output import echo
from ipr_rules.collector import resume as resume_collector
from ipr_rules.errors import UsageError
from ipr_rules.i18n import Lang, Names, Text
from ipr_rules.loading.limits import MEGABYTE, Limits, ReadLimits
from ipr_rules.render import FORMATS
from ipr_rules.result import FAIL_ON, FailOn

_DEFAULTS = ReadLimits()
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


# The largest --max-file-size that means anything: a report file is read into memory whole.
MAX_FILE_MB = 10_240.0
JOBS_LOWERED = Text(
    "提示：-j {asked} 超过可用的 CPU 核数，改为 {used} 个进程",
    "note: -j {asked} is more than the usable CPU cores; using {used} processes",
)


class Megabytes(click.FloatRange):
    """A size in MB: a finite number in range (click lets nan through every range check)."""

    name = "megabytes"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        converted = super().convert(value, param, ctx)
        if not math.isfinite(converted):
            self.fail(f"{value!r} is not a finite number of MB", param, ctx)
        return converted


@main.command(CHECK, hidden=True)
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@ruleset_option
@year_option
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
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="写入文件（- 为标准输出），格式由后缀或 --format 决定，可多次使用 / write to a file (- for stdout; format from "
    "its suffix or --format); repeatable.",
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
@exemptions_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="并行进程数（默认按文件数量自动决定） / worker processes (default: chosen by the number of files).",
)
@click.option(
    "--max-file-size",
    type=Megabytes(min=0.001, max=MAX_FILE_MB),
    default=_DEFAULTS.max_file_bytes / MEGABYTE,
    show_default=True,
    help="单个文件大小上限（MB） / the largest file read, in MB.",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=100),
    default=_DEFAULTS.yaml.max_nodes,
    show_default=True,
    help="单个文件展开后的节点上限（防止别名炸弹） / node limit per file, aliases expanded.",
)
@click.option(
    "--max-depth",
    type=click.IntRange(min=4, max=500),
    default=_DEFAULTS.yaml.max_depth,
    show_default=True,
    help="嵌套层数上限 / nesting limit.",
)
@click.option(
    "--max-text-length",
    type=click.IntRange(min=100),
    default=_DEFAULTS.yaml.max_text,
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
    year: int | None,
    format_name: str | None,
    outputs: tuple[Path, ...],
    lang: Lang,
    fail_on: FailOn,
    unit_only: bool,
    complete: bool,
    ignored: tuple[str, ...],
    exemptions_file: Path | None,
    jobs: int | None,
    max_file_size: float,
    max_nodes: int,
    max_depth: int,
    max_text_length: int,
    progress: bool | None,
) -> None:
    """检查报告文件或目录。 Check report files and folders."""
    from ipr_rules.atomic_write import write_outputs
    from ipr_rules.cli.output import emit, plan_outputs, refuse_inputs
    from ipr_rules.engine import CheckOptions, check_paths
    from ipr_rules.render import renderer
    from ipr_rules.result import exit_code

    if not paths:
        fail(UsageError(NO_PATHS), lang)
    _check_kinds(ignored, lang)
    if unit_only and complete:
        fail(UsageError(CONFLICTING), lang)
    stdout_format, targets = run(lang, lambda: plan_outputs(format_name, outputs))
    run(lang, lambda: refuse_inputs([target for target, _ in targets], paths))
    jobs = _capped(jobs, lang)
    if ruleset_dir is None and year is None:
        from ipr_rules.ruleset.year_pick import reported_year

        year = reported_year(list(paths))
    ruleset = open_ruleset_with_exemptions(ruleset_dir, exemptions_file, lang, year)
    _warn_without_libyaml(lang)
    options = CheckOptions(
        unit_only=unit_only,
        complete=complete,
        limits=ReadLimits(
            int(max_file_size * MEGABYTE), Limits(max_depth=max_depth, max_nodes=max_nodes, max_text=max_text_length)
        ),
        ignore=frozenset(ignored),
        jobs=jobs,
    )
    bar = _progress_bar(progress, lang)
    resume_collector()  # started: what checking reads from here on may well be garbage
    try:
        result = check_paths(list(paths), ruleset, options, progress=bar)
    finally:
        if bar is not None:
            bar.finish()
    # Every file or none of them: a later output that cannot be written leaves the earlier untouched.
    run(lang, lambda: write_outputs([(target, renderer(fmt)(result, lang)) for target, fmt in targets]))
    if stdout_format is not None:
        emit(renderer(stdout_format)(result, lang))
    sys.exit(exit_code(result, fail_on))


def _capped(jobs: int | None, lang: Lang) -> int | None:
    from ipr_rules.parallel import capped_jobs

    if jobs is None or capped_jobs(jobs) == jobs:
        return jobs
    echo(JOBS_LOWERED.render(lang, asked=jobs, used=capped_jobs(jobs)), err=True)
    return capped_jobs(jobs)


def _check_kinds(kinds: tuple[str, ...], lang: Lang) -> None:
    from ipr_rules.checks import KINDS

    for kind in kinds:
        if kind not in KINDS:
            from ipr_rules.suggest import closest

            near = closest(kind, KINDS)
            hint = DID_YOU_MEAN.render(lang, names=Names(near)) if near else ""
            fail(UsageError(UNKNOWN_KIND, kind=kind, hint=hint), lang)


def _warn_without_libyaml(lang: Lang) -> None:
    from ipr_rules.loading.yamlstream import HAS_LIBYAML

    if not HAS_LIBYAML:
        echo(NO_LIBYAML.render(lang), err=True)


def _progress_bar(wanted: bool | None, lang: Lang) -> Any:
    from ipr_rules.progress import progress_callback

    return progress_callback(wanted, lang)
