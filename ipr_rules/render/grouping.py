"""How the human-readable renderers order findings: by unit, errors first, then by place."""

from __future__ import annotations

from collections.abc import Iterator

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


def by_unit(result: CheckResult) -> Iterator[tuple[str | None, list[Finding]]]:
    return findings_by_unit(result, unit_order(result))


# Up to this many units, each unit's findings are gathered afresh from the result's list.
_FEW = 64


def findings_by_unit(result: CheckResult, units: list[str | None]) -> Iterator[tuple[str | None, list[Finding]]]:
    """Each of `units` with its findings in order, one unit at a time: a large run's findings are
    never all copied at once (with many units, names that match none, they are grouped once)."""
    if len(units) <= _FEW:
        for unit in units:
            group = [finding for finding in result.findings if finding.unit == unit]
            group.sort(key=sort_key)
            yield unit, group
        return
    groups: dict[str | None, list[Finding]] = {}
    for finding in result.findings:
        groups.setdefault(finding.unit, []).append(finding)
    for unit in units:
        group = groups.pop(unit, [])
        group.sort(key=sort_key)
        yield unit, group
