"""An office exemption as the engine uses it (SPEC §6); `ipr_rules.ruleset.exemptions` reads them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ipr_rules.records import record

if TYPE_CHECKING:
    from ipr_rules.findings import Finding

# The kinds about exemptions themselves are never waived.
OWN_KINDS = frozenset({"exemption-expired", "exemption-unused"})


@record
class Exemption:
    """An exemption resolved against the ruleset: canonical unit, its tasks, where it is written."""

    unit: str
    tasks: tuple[str, ...]
    kinds: frozenset[str] | None
    reason: str
    approved_by: str
    approved_on: dt.date
    document: str | None
    expires: dt.date | None
    file: str
    line: int

    def matches(self, finding: Finding) -> bool:
        """Whether the exemption is about this finding (whether or not it has expired)."""
        return (
            finding.unit == self.unit
            and finding.task in self.tasks
            and finding.kind not in OWN_KINDS
            and (self.kinds is None or finding.kind in self.kinds)
        )

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def record(self) -> dict[str, Any]:
        """The exemption as JSON shows it beside a waived finding."""
        return {
            "unit": self.unit,
            "tasks": list(self.tasks),
            "kinds": sorted(self.kinds) if self.kinds is not None else None,
            "reason": self.reason,
            "approved_by": self.approved_by,
            "approved_on": self.approved_on.isoformat(),
            "document": self.document,
            "expires": self.expires.isoformat() if self.expires else None,
            "file": self.file,
            "line": self.line,
        }
