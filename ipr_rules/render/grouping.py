"""How the human-readable renderers order findings: by unit, errors first, then by place."""

from __future__ import annotations

from ipr_rules.findings import SEVERITY_RANK, Finding
from ipr_rules.result import CheckResult


def unit_order(result: CheckResult) -> list[str | None]:
    """Units in registry order, then unknown names as written, then findings of no unit."""
    known = [unit.name for unit in result.ruleset.registry.units]
    seen = {finding.unit for finding in result.findings}
    ordered: list[str | None] = [unit for unit in known if unit in seen]
    ordered += sorted(unit for unit in seen if unit is not None and unit not in known)
    if None in seen:
        ordered.append(None)
    return ordered


def sort_key(finding: Finding) -> tuple[int, str, int, str]:
    return (SEVERITY_RANK[finding.severity], finding.file or "", finding.line or 0, finding.kind)


def by_unit(result: CheckResult) -> list[tuple[str | None, list[Finding]]]:
    groups: dict[str | None, list[Finding]] = {}
    for finding in result.findings:
        groups.setdefault(finding.unit, []).append(finding)
    return [(unit, sorted(groups[unit], key=sort_key)) for unit in unit_order(result)]
