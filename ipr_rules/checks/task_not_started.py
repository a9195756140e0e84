"""`task-not-started`: the unit's own task is reported as not started."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import ROLE_LABELS, Localized, Text

KIND = "task-not-started"
SEVERITY: Severity = "error"
SCOPE = "unit"
STAGE = "report"
# The kind's short name in documents.
LABEL = Text("任务未开展", "task not started")
DESCRIPTION = Text(
    "本单位被点名的任务，条目状态为 not_started（未开展）。请在 reason 中说明原因；这也是未填写的报告模板"
    "唯一会得到的问题。",
    "A task that names the unit has the status not_started. Give the cause under reason; this is also the only "
    "finding an unfilled report template gets.",
)
PASSING = """\
unit: 区法院
year: 2020
tasks:
  "15-1":
    status: done
    actions: [审结知识产权民事案件 35 件]
"""
FAILING = """\
unit: 区法院
year: 2020
tasks:
  "15-1":
    status: not_started
"""
NOT_STARTED = Text(
    "本单位{role}的任务 {task}（{title}）未开展{reason}",
    "task {task} ({title}), {role} for this unit, was not started{reason}",
)
REASON = Text("：{reason}", ": {reason}")
NO_REASON = Text("，且未说明原因", ", and no reason is given")


def reason_argument(reason: str | None) -> Localized | Text:
    """The reason quoted, or the one shared "no reason given" (a run may have thousands)."""
    if reason and reason.strip():
        shown = reason.strip()
        return Localized(REASON, reason=shown if len(shown) <= 60 else shown[:60] + "…")
    return NO_REASON


def check(ctx: ReportContext) -> Iterator[Finding]:
    unit = ctx.unit
    if unit is None:
        return
    for task_id, entry, task in ctx.named_entries():
        if entry.status != "not_started":
            continue
        role = ROLE_LABELS[task.role_of(unit.name) or "co"]
        yield finding(
            KIND,
            SEVERITY,
            NOT_STARTED,
            unit.name,
            task_id,
            ctx.file,
            ctx.entry_line(task_id, "status"),
            role=role,
            task=task_id,
            title=task.item_title,
            reason=reason_argument(entry.reason),
        )
