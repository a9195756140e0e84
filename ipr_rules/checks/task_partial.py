"""`task-partial`: the unit's own task is reported as only partly done."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.checks.task_not_started import reason_argument
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Text

KIND = "task-partial"
SEVERITY: Severity = "warning"
SCOPE = "unit"
STAGE = "report"
# The kind's short name in documents.
LABEL = Text("任务部分完成", "task partly done")
DESCRIPTION = Text(
    "本单位被点名的任务，条目状态为 partial（部分完成）。该任务仍算作已承担；请在 reason 中说明未完成的部分。",
    "A task that names the unit has the status partial. The task still counts as carried; say under reason what "
    "is left undone.",
)
PASSING = """\
unit: 区自然资源局
year: 2020
tasks:
  "10-1":
    status: done
    actions: [抽查林草种苗生产经营单位 12 家，抽检苗木样品 30 批次]
"""
FAILING = """\
unit: 区自然资源局
year: 2020
tasks:
  "10-1":
    status: partial
    actions: [抽查林草种苗生产经营单位 12 家]
    reason: 受疫情影响，下半年抽检推迟
"""
PARTIAL = Text("任务 {task}（{title}）仅部分完成{reason}", "task {task} ({title}) is only partly done{reason}")


def check(ctx: ReportContext) -> Iterator[Finding]:
    unit = ctx.unit
    if unit is None:
        return
    for task_id, entry, task in ctx.named_entries():
        if entry.status == "partial":
            yield finding(
                KIND,
                SEVERITY,
                PARTIAL,
                unit.name,
                task_id,
                ctx.file,
                ctx.entry_line(task_id, "status"),
                task=task_id,
                title=task.item_title,
                reason=reason_argument(entry.reason),
            )
