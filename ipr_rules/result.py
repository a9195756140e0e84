"""What one check run produces, and the exit code it maps to (SPEC §5)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from ipr_rules.file_names import keeps_file_as_source, kept_file
from ipr_rules.findings import SEVERITIES, SEVERITY_RANK, compact
from ipr_rules.records import record
from ipr_rules.shared_args import shared_number

if TYPE_CHECKING:
    from decimal import Decimal

    from ipr_rules.coverage import Coverage
    from ipr_rules.findings import Finding
    from ipr_rules.model.ruleset import Ruleset
    from ipr_rules.set_state import Work
    from ipr_rules.waiver import WaivedFinding

FailOn = Literal["error", "warning", "never"]
FAIL_ON: tuple[FailOn, ...] = ("error", "warning", "never")


@keeps_file_as_source
@record
class ReportSummary:
    """One report in a line; for a known unit, also what the set checks point at (its unit and
    tasks lines): one record per report serves both, since a large run keeps one per report.

    Its numbers (line, entries, the unit and tasks lines, whether the unit is known) are kept
    as one whole number, the same object for every report laid out alike (`of` makes it). Its
    file is kept as the findings about the report keep it, one Source for both (`file_names`)."""

    file: str
    unit: str | None
    packed: int

    @classmethod
    def of(
        cls,
        file: str,
        line: int,
        unit: str | None,
        entries: int,
        known: bool,
        unit_line: int | None = None,
        tasks_line: int | None = None,
    ) -> ReportSummary:
        fields = (line, entries, _optional(unit_line), _optional(tasks_line))
        packed = int(known)
        for shift, value in zip(_SHIFTS, fields, strict=True):
            packed |= value << shift
        return cls(file, unit, shared_number(packed))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled (for the main process) with its file as the Source it keeps; unpickled with
        that process's copies of its unit's name and of its numbers."""
        return (_rejoined, (kept_file(self), self.unit, self.packed))

    @property
    def line(self) -> int:
        return self._field(0)

    @property
    def entries(self) -> int:
        return self._field(1)

    @property
    def known(self) -> bool:
        return bool(self.packed & 1)

    @property
    def unit_line(self) -> int | None:
        return self._field(2) - 1 if self._field(2) else None

    @property
    def tasks_line(self) -> int | None:
        return self._field(3) - 1 if self._field(3) else None

    def _field(self, index: int) -> int:
        return (self.packed >> _SHIFTS[index]) & _MASK


def _rejoined(file: Any, unit: str | None, packed: int) -> ReportSummary:
    return ReportSummary(file, compact(unit), shared_number(packed))


# Where each number sits in `ReportSummary.packed`, 40 bits each above the known flag: a file
# within any size limit has fewer lines than that.
_WIDTH = 40
_SHIFTS = tuple(1 + index * _WIDTH for index in range(4))
_MASK = (1 << _WIDTH) - 1


def _optional(value: int | None) -> int:
    return 0 if value is None else value + 1


@dataclass(slots=True)
class CheckResult:
    """What a check of a set of reports found, with what the outputs need of the reports."""

    ruleset: Ruleset
    inputs: list[str]
    reports: list[ReportSummary]
    findings: list[Finding]
    coverage: Coverage
    set_checks: bool
    files: int = 0
    unreadable: int = 0
    checked_at: str = ""
    options: dict[str, object] = field(default_factory=dict)
    # Findings an office exemption covers: out of the counts and the exit code, shown apart.
    waived: list[WaivedFinding] = field(default_factory=list)
    # Each known unit's own figures for the year by metric id: what the district totals add up.
    unit_metrics: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    # (task, unit) -> what each carrying unit reported doing.
    work: dict[tuple[str, str], list[Work]] = field(default_factory=dict)

    @property
    def summary(self) -> dict[str, int]:
        """Findings per severity, and how many were waived (SPEC §6's `summary.waived`)."""
        counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
        for item in self.findings:
            counts[item.severity] += 1
        counts["waived"] = len(self.waived)
        return counts

    def by_kind(self) -> dict[str, dict[str, int | str]]:
        kinds: dict[str, dict[str, int | str]] = {}
        for item in self.findings:
            entry = kinds.setdefault(item.kind, {"severity": item.severity, "count": 0})
            entry["count"] = int(entry["count"]) + 1
        return kinds


def exit_code(result: CheckResult, fail_on: FailOn) -> int:
    """2 when an input could not be read (2 wins over 1); 1 for findings at or above fail_on."""
    if result.unreadable:
        return 2
    if fail_on == "never":
        return 0
    limit = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] <= limit for f in result.findings) else 0
