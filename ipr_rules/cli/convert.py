"""`ipr-check convert SRC -o DEST`: a report between YAML and an Excel workbook (SPEC §7)."""

from __future__ import annotations

from pathlib import Path

import click

from ipr_rules.cli.app import lang_option, main, open_ruleset_or_fail, ruleset_option, run
from ipr_rules.cli.output import echo, refuse_inputs
from ipr_rules.i18n import Lang, Text

WROTE = Text("已写入 {path}", "wrote {path}")


@main.command("convert")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "target",
    required=True,
    type=click.Path(path_type=Path),
    help="目标文件（.xlsx 或 .yaml），多份报告时为目录 / the file to write (.xlsx or .yaml), or a folder.",
)
@ruleset_option
@lang_option
def convert_command(source: Path, target: Path, ruleset_dir: Path | None, lang: Lang) -> None:
    """在 YAML 与 Excel 工作簿之间转换报告。 Convert a report between YAML and an Excel workbook."""
    from ipr_rules.workbook.convert import convert

    run(lang, lambda: refuse_inputs([target], [str(source)]))
    ruleset = open_ruleset_or_fail(ruleset_dir, lang)
    for path in run(lang, lambda: convert(source, target, ruleset, lang)):
        echo(WROTE.render(lang, path=str(path)), err=True)
