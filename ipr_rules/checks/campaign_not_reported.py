"""`campaign-not-reported`: work on a task that names a campaign says nothing of the campaign."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.checks.requirement_findings import requirement_findings
from ipr_rules.findings import Finding, Severity
from ipr_rules.i18n import Text

KIND = "campaign-not-reported"
SEVERITY: Severity = "warning"
SCOPE = "unit"
STAGE = "report"
# The kind's short name in documents.
LABEL = Text("未报专项行动", "campaign not reported")
DESCRIPTION = Text(
    "任务原文点名了专项行动（如“剑网2020”“铁拳”“昆仑2020”），本单位的条目为已完成或部分完成，"
    "却既没有在 campaigns 中列出该行动，也没有在 actions 中提到它。写“剑网2020”“剑网2020专项行动”"
    "或在工作描述中提到“剑网”都可以。",
    "The task's text names a campaign (剑网2020, 铁拳, 昆仑2020 …) and the unit's entry is done or partial, yet "
    "neither lists the campaign under campaigns nor mentions it in its actions. 剑网2020, 剑网2020专项行动, or "
    "a mention of 剑网 in the actions all count.",
)
PASSING = """\
unit: 市公安官渡分局
year: 2020
tasks:
  "13-1":
    status: done
    actions: [开展“昆仑2020”专项行动，破获侵犯知识产权刑事案件 18 起]
"""
FAILING = """\
unit: 市公安官渡分局
year: 2020
tasks:
  "13-1":
    status: done
    actions: [破获侵犯知识产权刑事案件 18 起，抓获犯罪嫌疑人 42 名]
"""


def check(ctx: ReportContext) -> Iterator[Finding]:
    """The campaign requirements the compiler derives from the task's text (`campaign` kind)."""
    return requirement_findings(ctx, KIND, campaigns=True, field=None)
