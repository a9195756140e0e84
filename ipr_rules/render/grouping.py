"""How the human-readable renderers order findings: by unit, errors first, then by place."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.file_names import kept_file
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


def sort_findings(findings: list[Finding]) -> None:
    """Sort in place by severity (errors first), file, line and kind, one part of that at a time
    (stable sorts, the last part first), the text of each file made once: a large unit's findings
    never each get a key of their own (a finding keeps its file as a Source, shared with the other
    findings about the file)."""
    texts: dict[object, str] = {}

    def file_text(finding: Finding) -> str:
        kept = kept_file(finding)
        text = texts.get(kept)
        if text is None:
            text = texts[kept] = finding.file or ""
        return text

    findings.sort(key=_kind)
    findings.sort(key=_line)
    findings.sort(key=file_text)
    findings.sort(key=_rank)


def _kind(finding: Finding) -> str:
    return finding.kind


def _line(finding: Finding) -> int:
    return finding.line or 0


def _rank(finding: Finding) -> int:
    return SEVERITY_RANK[finding.severity]


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
            sort_findings(group)
            yield unit, group
        return
    groups: dict[str | None, list[Finding]] = {}
    for finding in result.findings:
        groups.setdefault(finding.unit, []).append(finding)
    for unit in units:
        group = groups.pop(unit, [])
        sort_findings(group)
        yield unit, group
