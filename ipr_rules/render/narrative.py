"""Words the documents share for the totals and for what units did: labels, figures, lines.

Markdown, HTML and the Word draft lay these out each in their own way; the wording is here once.
"""

from __future__ import annotations

from decimal import Decimal

from ipr_rules.coverage import STATE_LABELS
from ipr_rules.i18n import ROLE_LABELS, Lang, Text
from ipr_rules.render.summary import MetricTotal, UnitWork
from ipr_rules.report_metrics import shown

TOTALS = Text("全区指标合计", "District totals")
TOTALS_NOTE = Text(
    "只加总各单位报告顶层 metrics 中的全年数字；各任务下的分项数字不重复计入。",
    "Only the units' own figures for the year (top-level metrics) are added up; the tasks' figures are not counted again.",
)
TOTALS_HEADERS = (
    Text("指标", "metric"),
    Text("计量单位", "unit"),
    Text("全区合计", "district total"),
    Text("各单位", "by unit"),
)
NO_TOTALS = Text(
    "没有单位在报告顶层填写全年数字（metrics）。", "No unit gave its own figures for the year (top-level metrics)."
)
WORK = Text("各项任务完成情况", "What was done, task by task")
WORK_NOTE = Text(
    "每项任务下列出承担该任务的单位报告的工作内容、产出和参加的专项行动。",
    "Under each task, what each unit carrying it reported doing, its outputs and the campaigns it took part in.",
)
NOBODY = Text("无单位报告承担此项任务。", "No unit reported carrying this task.")
OUTPUT = Text("产出：", "output: ")
CAMPAIGNS = Text("专项行动：", "campaigns: ")
UNDATED = Text("未注明日期", "undated")
OPEN_ROLE = Text("开放任务", "open task")
UNCARRIED = Text("无人承担的任务", "tasks nobody carried")


def figure(value: Decimal) -> str:
    """A figure as a 公文 writes it: no thousands separators, no trailing zeros (1849, 3749.29)."""
    return shown(value)


def by_unit(total: MetricTotal, lang: Lang) -> str:
    joiner = "；" if lang == "zh" else "; "
    return joiner.join(f"{unit} {figure(value)}" for unit, value in total.by_unit.items())


def unit_heading(item: UnitWork, lang: Lang) -> str:
    """`区市场监管局（牵头 · 已完成）`."""
    role = (ROLE_LABELS[item.role] if item.role else OPEN_ROLE).render(lang)
    state = STATE_LABELS[item.status].render(lang)
    return f"{item.unit}（{role} · {state}）" if lang == "zh" else f"{item.unit} ({role} · {state})"


def output_line(title: str, date: str | None, lang: Lang) -> str:
    when = date or UNDATED.render(lang)
    return f"{OUTPUT.render(lang)}《{title}》（{when}）" if lang == "zh" else f"{OUTPUT.render(lang)}{title} ({when})"


def work_lines(item: UnitWork, lang: Lang) -> list[str]:
    """The unit's actions, then its outputs with their dates, then its campaigns, one per line."""
    lines: list[str] = []
    for work in item.work:
        lines += list(work.actions)
        lines += [output_line(title, date, lang) for title, date, _ in work.outputs]
    campaigns = list(dict.fromkeys(name for work in item.work for name in work.campaigns))
    if campaigns:
        lines.append(CAMPAIGNS.render(lang) + ("、" if lang == "zh" else ", ").join(campaigns))
    return lines
