"""`year-mismatch`: the report's `year` is not the ruleset's year."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Text

KIND = "year-mismatch"
SEVERITY: Severity = "error"
SCOPE = "unit"
STAGE = "report"
DESCRIPTION = Text(
    "报告的 year 与规则集的年度不同（例如用 2020 年要点检查 2021 年的报告）。报告仍会完整检查，并仍算作该单位的提交。",
    "The report's year differs from the ruleset's (a 2021 report checked against the 2020 plan, say). The report "
    "is still checked in full and still counts as the unit's submission.",
)
PASSING = """\
unit: 区法院
year: 2020
tasks: {}
"""
FAILING = """\
unit: 区法院
year: 2021
tasks: {}
"""
MISMATCH = Text(
    "报告年度为 {year}，而本次对照的是 {expected} 年的工作要点；若是 {expected} 年的报告，请把年度改为 year: {expected}",
    "the report is for {year}, the plan checked against is for {expected}; "
    "if it is the {expected} report, write year: {expected}",
)


def check(ctx: ReportContext) -> Iterator[Finding]:
    year = ctx.document.year
    if year is None or year == ctx.ruleset.year:
        return
    if ctx.unit is None and ctx.document.unit is not None:
        return  # a report of an unknown unit gets the unknown-unit and unknown-task checks only
    line = ctx.document.year_line or ctx.document.line
    yield finding(KIND, SEVERITY, MISMATCH, ctx.unit_name, None, ctx.file, line, year=year, expected=ctx.ruleset.year)
