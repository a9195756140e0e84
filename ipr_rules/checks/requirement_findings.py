"""The findings of a report's unmet requirements, for the kinds that report them
(`requirement-unmet`, `campaign-not-reported`); `requirements.evaluate` says what is unmet."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding


def requirement_findings(ctx: ReportContext, kind: str, *, campaigns: bool, field: str | None) -> Iterator[Finding]:
    """One finding of `kind` per unmet requirement of the unit's carried entries, at the line of
    the entry's `field` (or of the entry itself)."""
    from ipr_rules.requirements.evaluate import Requirements, unmet_requirements  # cerberus, only when checking

    unit = ctx.unit
    if unit is None:
        return
    requirements = ctx.derived.get("requirements", Requirements)
    year = ctx.ruleset.year
    for task_id, entry, task in ctx.carried_entries():
        if not task.requirements:
            continue
        unmet = unmet_requirements(
            task, unit.name, entry, year, campaigns=campaigns, requirements=requirements, fold=ctx.fold
        )
        if not unmet:
            continue
        line = ctx.entry_line(task_id, field) if field else ctx.entry_line(task_id)
        for item in unmet:
            yield Finding(kind, item.requirement.severity, unit.name, task_id, ctx.file, line, item.message, item.args)
