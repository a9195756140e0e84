"""`task-not-applicable`: the unit declares its own duty not applicable; only the office can accept that."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import ROLE_LABELS, Localized, Text

KIND = "task-not-applicable"
SEVERITY: Severity = "error"
SCOPE = "unit"
STAGE = "report"
EXEMPTIONS_FILE = "exemptions.yaml"
DESCRIPTION = Text(
    "本单位被点名的任务，条目状态为 not_applicable（不适用）。“不适用”是单位的申请，不是结论：只有区打假办"
    "在规则集的 exemptions.yaml 中登记豁免后，该任务才不再算作缺口（豁免的问题仍列在“已豁免”一节）。"
    "本单位为牵头或负责单位时为错误，分工负责时为警告。未点名本单位的任务标为 not_applicable，不报告。",
    "A task that names the unit has the status not_applicable. Not applicable is the unit's request, not a "
    "verdict: only the office can accept it, by recording an exemption in the ruleset's exemptions.yaml (the "
    "finding is then listed as waived). An error when the unit is lead or sole on the task, a warning when "
    "co-responsible. not_applicable on a task that does not name the unit gives no finding.",
)
PASSING = """\
unit: 区法院
year: 2020
tasks:
  "21-6":
    status: not_applicable
    reason: 商务诚信建设不是本院的任务
"""
FAILING = """\
unit: 区司法局
year: 2020
tasks:
  "26-1":
    status: not_applicable
    reason: 本局不涉及
"""
NOT_APPLICABLE = Text(
    "本单位{role}的任务 {task}（{title}）标为不适用，理由：“{reason}”。不适用须由区打假办认可："
    "如确不适用，请区打假办在规则集的 {file} 中登记豁免；否则请如实填写完成情况",
    "task {task} ({title}), {role} for this unit, is marked not applicable because '{reason}'. Only the office "
    "can accept that, by recording an exemption in the ruleset's {file}; otherwise report what was done",
)
NO_REASON = Text("（未说明）", "(none given)")


def check(ctx: ReportContext) -> Iterator[Finding]:
    unit = ctx.unit
    if unit is None:
        return
    for task_id, entry, task in ctx.named_entries():
        if entry.status != "not_applicable":
            continue
        role = task.role_of(unit.name) or "co"
        reason = (entry.reason or "").strip().rstrip("。．.；;")
        shown = reason if len(reason) <= 80 else reason[:80] + "…"
        yield finding(
            KIND,
            "warning" if role == "co" else "error",
            NOT_APPLICABLE,
            unit.name,
            task_id,
            ctx.file,
            ctx.entry_line(task_id, "status"),
            role=ROLE_LABELS[role],
            task=task_id,
            title=task.item_title,
            reason=shown or Localized(NO_REASON),
            file=EXEMPTIONS_FILE,
        )
