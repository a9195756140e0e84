"""Output stubs a report template offers for a requirement, commented for the unit to fill in."""

from __future__ import annotations

from ipr_rules.model.ruleset import Requirement


def output_stubs(requirement: Requirement, year: int) -> list[str]:
    """Flow-style YAML lines, one per output the requirement asks for."""
    return [
        f"{{title: , date: {date_hint.replace('YYYY', str(year))}, kind: {kind}}}"
        for kind, date_hint in requirement_outputs(requirement)
    ]


def requirement_outputs(requirement: Requirement) -> list[tuple[str, str]]:
    """(kind, date hint) for each output a requirement's schema asks for."""
    outputs = requirement.schema.get("outputs", {})
    if not isinstance(outputs, dict) or not outputs:
        return []
    kinds = _kinds(outputs)
    kind = kinds[0] if kinds else "other"
    if "covers_periods" in outputs:
        periods = outputs["covers_periods"].get("periods")
        hints = {
            "half": ["YYYY-06-30", "YYYY-12-31"],
            "quarter": ["YYYY-03-31", "YYYY-06-30", "YYYY-09-30", "YYYY-12-31"],
        }
        return [(kind, hint) for hint in hints.get(periods, ["YYYY-MM-DD"])]
    count = 1
    for rule in ("min_outputs_of_kind", "min_dated_outputs"):
        if rule in outputs:
            count = max(count, int(outputs[rule].get("count", 1)))
    return [(kind, "YYYY-MM-DD")] * count


def _kinds(outputs: dict[str, object]) -> list[str]:
    for rule in ("covers_periods", "min_outputs_of_kind", "min_dated_outputs"):
        spec = outputs.get(rule)
        if isinstance(spec, dict) and spec.get("kinds"):
            return [str(kind) for kind in spec["kinds"]]
    return []
