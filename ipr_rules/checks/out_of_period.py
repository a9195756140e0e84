"""`out-of-period`: work, outputs or the submission dated outside the year the report is on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Names, Text
from ipr_rules.wording.periods import ANY_YEAR, work_years

KIND = "out-of-period"
SEVERITY: Severity = "warning"
SCOPE = "unit"
STAGE = "report"
# The kind's short name in documents.
LABEL = Text("不在本年度", "outside the year")
DESCRIPTION = Text(
    "报告所说的工作不在本年度：actions 中把工作时间写在另一年（“2019年11月，…”“2019年，全区共…”"
    "“于2019年12月开展…”）；或 outputs 的日期早于本年度 1 月 1 日、晚于次年 1 月 31 日；或 submitted "
    "不在本年度和次年之内。作比较的年份不是工作时间，不报告：“较2019年增长30%”“同比”“与2019年相比”"
    "“比上年”“2019年同期”；次年 1 月的工作与产出一样算作本年度；包含本年度的跨年表述（“2019—2021年”“2019年以来”）、今后的打算"
    "（“2021年将…”）和名称中的年份（“剑网2019”、《2019年度…》、文号）也不报告。",
    "The report dates its work outside the year: an action gives another year as the time of the work "
    "(2019年11月，…; 2019年，全区共…; 于2019年12月开展…), an output is dated before 1 January of the plan year or "
    "after 31 January of the next, or submitted lies outside the plan year and the next. A year named for "
    "comparison is not a time of work and never triggers it (较2019年增长30%, 同比, 与2019年相比, 比上年, "
    "2019年同期); January of the next year counts as the plan year, as for outputs; neither do spans that "
    "include the plan year (2019—2021年, 2019年以来), plans for later "
    "(2021年将…) or years inside names (剑网2019, 《2019年度…》, document numbers).",
)
PASSING = """\
unit: 区市场监管局
year: 2020
tasks:
  "3-1":
    status: done
    actions:
      - 2020年11月，检查农资经营户 38 家，较2019年增长30%
      - 与2019年相比，立案数上升 3 件
"""
FAILING = """\
unit: 区市场监管局
year: 2020
tasks:
  "3-1":
    status: done
    actions:
      - 2019年11月，检查农资经营户 38 家，立案 3 件
"""
ACTION = Text(
    "任务 {task} 的工作内容把工作时间写在 {years} 年，不属于本报告的 {year} 年度；请只报告本年度所做的工作",
    "task {task}: the action dates the work in {years}, outside the report's year {year}; report this year's work only",
)
OUTPUT = Text(
    "任务 {task} 的产出“{title}”日期为 {date}，不在本年度（{start} 至 {end}）之内",
    "task {task}: the output '{title}' is dated {date}, outside the year ({start} to {end})",
)
SUBMITTED = Text(
    "报告的提交日期 {date} 不在 {year} 年或 {next} 年之内",
    "the report's submission date {date} is not in {year} or {next}",
)


def output_window(year: int) -> tuple[dt.date, dt.date]:
    """The dates an output of the plan year may carry: the year and January of the next."""
    return dt.date(year, 1, 1), dt.date(year + 1, 1, 31)


def check(ctx: ReportContext) -> Iterator[Finding]:
    unit = ctx.unit
    if unit is None:
        return
    year = ctx.ruleset.year
    submitted = ctx.document.submitted
    if submitted is not None and submitted.year not in (year, year + 1):
        yield finding(
            KIND,
            SEVERITY,
            SUBMITTED,
            unit.name,
            None,
            ctx.file,
            ctx.document.line_of("submitted"),
            date=submitted.isoformat(),
            year=year,
            next=year + 1,
        )
    start, end = output_window(year)
    own = str(year)
    carried = tuple(ctx.carried_entries())
    # Most reports name no year but their own: one look at all their actions settles it (a
    # line break stands between two actions, so no year is found across them).
    dated = not _only(own, "\n".join(action for _, entry, _ in carried for action in entry.actions))
    for task_id, entry, _ in carried:
        # Nor do most entries of the others.
        if not dated or _only(own, "\n".join(entry.actions)):
            actions: list[str] = []
        else:
            actions = entry.actions
        for index, action in enumerate(actions):
            years = work_years(action, year)
            if years:
                line = ctx.entry_line(task_id, "actions", index)
                yield finding(
                    KIND,
                    SEVERITY,
                    ACTION,
                    unit.name,
                    task_id,
                    ctx.file,
                    line,
                    task=task_id,
                    years=Names([str(y) for y in years]),
                    year=year,
                )
        for index, output in enumerate(entry.outputs):
            if output.date is not None and not start <= output.date <= end:
                yield finding(
                    KIND,
                    SEVERITY,
                    OUTPUT,
                    unit.name,
                    task_id,
                    ctx.file,
                    ctx.entry_line(task_id, "outputs", index),
                    task=task_id,
                    title=output.title,
                    date=output.date.isoformat(),
                    start=start.isoformat(),
                    end=end.isoformat(),
                )


def _only(year: str, text: str) -> bool:
    """Whether every year-like number in `text` is `year`."""
    return all(found == year for found in ANY_YEAR.findall(text))
