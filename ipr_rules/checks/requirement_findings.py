"""The findings of a report's unmet requirements, for the kinds that report them
(`requirement-unmet`, `campaign-not-reported`); `requirements.evaluate` says what is unmet."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding


def requirement_findings(ctx: ReportContext, kind: str, *, campaigns: bool, field: str | None) -> Iterator[Finding]:
    """One finding of `kind` per unmet requirement of the unit's carried entries, at the line of
    the entry's `field` (or of the entry itself)."""
    from ipr_rules.requirements.evaluate import unmet_requirements  # cerberus, only when checking

    unit = ctx.unit
    if unit is None:
        return
    validators = ctx.derived.table("requirements")
    year = ctx.ruleset.year
    for task_id, entry, task in ctx.carried_entries():
        if not task.requirements:
            continue
        line = ctx.entry_line(task_id, field) if field else ctx.entry_line(task_id)
        for unmet in unmet_requirements(task, unit.name, entry, year, campaigns=campaigns, validators=validators):
            yield Finding(
                kind, unmet.requirement.severity, unit.name, task_id, ctx.file, line, unmet.message, unmet.args
            )
