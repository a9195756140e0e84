"""Applying the office's exemptions to a run's findings (SPEC §6).

A finding an exemption covers is *waived*: it leaves the counts and the exit code, and every
output shows it in its own section with the exemption's reason, approver and document. An
exemption past its `expires` date is not applied; the finding stays, and `exemption-expired`
says why. Nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ipr_rules.findings import Finding
from ipr_rules.i18n import Lang
from ipr_rules.model.exemption import Exemption
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.records import record


@record
class WaivedFinding:
    finding: Finding
    exemption: Exemption

    def record(self, lang: Lang) -> dict[str, Any]:
        """The finding's JSON object with the exemption that waived it."""
        return {**self.finding.record(lang), "exemption": self.exemption.record()}


@dataclass(slots=True)
class Waiving:
    """Findings after the exemptions: those kept and those the office waived."""

    kept: list[Finding] = field(default_factory=list)
    waived: list[WaivedFinding] = field(default_factory=list)
    # (a finding left standing, the expired exemption that would have covered it)
    expired: list[tuple[Finding, Exemption]] = field(default_factory=list)
    matched: set[Exemption] = field(default_factory=set)


@record
class WaiverContext:
    """What the exemption kinds see: the ruleset, the outcome of waiving, and the set."""

    ruleset: Ruleset
    waiving: Waiving
    set_checks: bool
    reported_units: frozenset[str]


def waive(findings: list[Finding], exemptions: Iterable[Exemption], today: dt.date) -> Waiving:
    """Split the findings into those that stand and those an unexpired exemption covers."""
    if not exemptions:
        return Waiving(kept=findings)
    index: dict[tuple[str, str], list[Exemption]] = {}
    for exemption in exemptions:
        for task in exemption.tasks:
            index.setdefault((exemption.unit, task), []).append(exemption)
    outcome = Waiving()
    for item in findings:
        candidates = index.get((item.unit, item.task), []) if item.unit and item.task else []
        matching = [exemption for exemption in candidates if exemption.matches(item)]
        outcome.matched.update(matching)
        applied = next((exemption for exemption in matching if not exemption.expired(today)), None)
        if applied is not None:
            outcome.waived.append(WaivedFinding(item, applied))
            continue
        outcome.kept.append(item)
        seen = {(e.file, e.line) for _, e in outcome.expired if _.unit == item.unit and _.task == item.task}
        for exemption in matching:
            if (exemption.file, exemption.line) not in seen:
                outcome.expired.append((item, exemption))
                seen.add((exemption.file, exemption.line))
    return outcome
