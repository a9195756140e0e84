"""`vague-action`: done or partial work described in words that state no checkable fact."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Text
from ipr_rules.model.entry import Entry
from ipr_rules.wording.facts import states_fact

KIND = "vague-action"
SEVERITY: Severity = "warning"
SCOPE = "unit"
STAGE = "report"
# The kind's short name in documents.
LABEL = Text("工作内容空泛", "vague action")
DESCRIPTION = Text(
    "条目为已完成或部分完成，却没有一项可核实的事实：actions 中没有一处带量词或单位的数字（阿拉伯或中文数字，"
    "如“38 家”“三次”“52 万元”“30%”）、日期（“2020年3月”“11月16日”“2020-03-15”）、文号（“〔2020〕41号”）"
    "或《》中的文件、活动名称，条目也没有注明日期的 outputs、metrics 或 evidence。"
    "“高度重视，加强领导，周密部署，狠抓落实”是典型。不算事实的：单独的年份（“2020年以来”）、不带量词的数字"
    "（“12315热线”“剑网2020”）、固定说法里的数字（“进一步”“一是”“一批”“一系列”“四个最严”“两法衔接”）"
    "以及“多次”“大量”“若干”。",
    "The entry is done or partial but states no checkable fact: no action holds a number with a measure word or "
    "unit (Arabic or Chinese numerals: 38 家, 三次, 52 万元, 30%), a date (2020年3月, 11月16日, 2020-03-15), a "
    "document number (〔2020〕41号) or a document or event named in 《》, and the entry has no dated output, no "
    "metric and no evidence. 高度重视，加强领导，周密部署，狠抓落实 is the typical case. Not facts: a bare year "
    "(2020年以来), a number without a measure word (12315热线, 剑网2020), numerals inside set phrases (进一步, "
    "一是, 一批, 一系列, 四个最严, 两法衔接) and words such as 多次, 大量, 若干.",
)
PASSING = """\
unit: 区市场监管局
year: 2020
tasks:
  "3-1":
    status: done
    actions:
      - 高度重视，加强领导，周密部署
      - 11月16日开展冬春季农资打假专项检查，检查农资经营户 38 家，立案 3 件
"""
FAILING = """\
unit: 区市场监管局
year: 2020
tasks:
  "3-1":
    status: done
    actions:
      - 高度重视，加强领导，周密部署，狠抓落实
      - 进一步加大打击力度，查处了一批大案要案，取得明显成效
"""
VAGUE = Text(
    "任务 {task} 的工作内容没有一项可核实的事实（带量词的数字、日期、文号或《》中的文件、活动名称），"
    "也没有注明日期的产出、指标或佐证；请写明做了什么、做了多少、何时做的",
    "task {task}: the actions state no checkable fact (a number with a measure word, a date, a document number "
    "or a title in 《》) and the entry has no dated output, metric or evidence; say what was done, how much and when",
)


def is_vague(entry: Entry) -> bool:
    """An entry with no fact anywhere: not in its actions, outputs, metrics or evidence."""
    if entry.metrics or entry.evidence or any(output.date is not None for output in entry.outputs):
        return False
    return not any(states_fact(action) for action in entry.actions)


def check(ctx: ReportContext) -> Iterator[Finding]:
    unit = ctx.unit
    if unit is None:
        return
    for task_id, entry, _ in ctx.carried_entries():
        if is_vague(entry):
            yield finding(
                KIND, SEVERITY, VAGUE, unit.name, task_id, ctx.file, ctx.entry_line(task_id, "actions"), task=task_id
            )
