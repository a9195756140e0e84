"""`requirement-unmet`: done or partial work that lacks an output the plan's words demand."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.checks.requirement_findings import requirement_findings
from ipr_rules.findings import Finding, Severity
from ipr_rules.i18n import Text

KIND = "requirement-unmet"
SEVERITY: Severity = "warning"
SCOPE = "unit"
STAGE = "report"
# The kind's short name in documents.
LABEL = Text("未达要点要求", "requirement unmet")
DESCRIPTION = Text(
    "任务原文要求了具体产出（如 4-1“每半年公开发布违法问题检查情况”要求上、下半年各有一次公开发布），"
    "本单位的条目为已完成或部分完成，却缺少相应的 outputs。严重程度取该要求自身的设定（默认为警告）。",
    "The task's text demands an output (4-1 每半年公开发布 asks for a publication in each half of the year) and "
    "the unit's entry, done or partial, lacks it under outputs. The severity is the requirement's own "
    "(warning by default).",
)
PASSING = """\
unit: 区市场监管局
year: 2020
tasks:
  "4-1":
    status: done
    actions: [检查批发市场 36 个次，立案 14 件]
    outputs:
      - {title: 2020年上半年重点市场违法问题检查情况, date: 2020-06-30, kind: publication}
      - {title: 2020年下半年重点市场违法问题检查情况, date: 2020-12-28, kind: publication}
"""
FAILING = """\
unit: 区市场监管局
year: 2020
tasks:
  "4-1":
    status: done
    actions: [检查批发市场 36 个次，立案 14 件]
    outputs:
      - {title: 2020年下半年重点市场违法问题检查情况, date: 2020-12-28, kind: publication}
"""


def check(ctx: ReportContext) -> Iterator[Finding]:
    """Every requirement of the task but its campaigns, at the line of the entry's outputs."""
    return requirement_findings(ctx, KIND, campaigns=False, field="outputs")
