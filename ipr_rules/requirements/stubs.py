"""Output stubs a report template offers for a requirement, commented for the unit to fill in.

A stub leaves the date empty and says which dates count: a suggested date such as 2020-06-30
would only tempt a unit to backdate (SPEC §6).
"""

from __future__ import annotations

from ipr_rules.i18n import Lang, Text
from ipr_rules.model.ruleset import Requirement
from ipr_rules.requirements.windows import DEFAULT_GRACE_MONTHS, period_windows, year_window

PERIOD_HINT = Text(
    "{period}：填实际日期，{start} 至 {end} 之间的计入", "{period}: the real date; {start} to {end} count"
)
YEAR_HINT = Text("填实际日期，{start} 至 {end} 之间的计入", "the real date; {start} to {end} count")
PERIOD_LABELS = {
    "half": (Text("上半年", "first half"), Text("下半年", "second half")),
    "quarter": (
        Text("第一季度", "first quarter"),
        Text("第二季度", "second quarter"),
        Text("第三季度", "third quarter"),
        Text("第四季度", "fourth quarter"),
    ),
}


def output_stubs(requirement: Requirement, year: int, lang: Lang = "zh") -> list[str]:
    """Flow-style YAML lines, one per output the requirement asks for, each with its window."""
    return [
        f"{{title: , date: , kind: {kind}}}  # {hint}" for kind, hint in requirement_outputs(requirement, year, lang)
    ]


def requirement_outputs(requirement: Requirement, year: int, lang: Lang = "zh") -> list[tuple[str, str]]:
    """(kind, which dates count) for each output a requirement's schema asks for."""
    outputs = requirement.schema.get("outputs", {})
    if not isinstance(outputs, dict) or not outputs:
        return []
    kinds = _kinds(outputs)
    kind = kinds[0] if kinds else "other"
    periods = outputs.get("covers_periods")
    if isinstance(periods, dict) and periods.get("periods") in PERIOD_LABELS:
        name = str(periods["periods"])
        windows = period_windows(year, name, int(periods.get("grace_months", DEFAULT_GRACE_MONTHS)))
        return [
            (kind, PERIOD_HINT.render(lang, period=label, start=start.isoformat(), end=end.isoformat()))
            for label, (start, end) in zip(PERIOD_LABELS[name], windows, strict=True)
        ]
    count, grace = 1, DEFAULT_GRACE_MONTHS
    for rule in ("min_outputs_of_kind", "min_dated_outputs"):
        if isinstance(outputs.get(rule), dict):
            count = max(count, int(outputs[rule].get("count", 1)))
            grace = int(outputs[rule].get("grace_months", grace))
    start, end = year_window(year, grace)
    return [(kind, YEAR_HINT.render(lang, start=start.isoformat(), end=end.isoformat()))] * count


def _kinds(outputs: dict[str, object]) -> list[str]:
    for rule in ("covers_periods", "min_outputs_of_kind", "min_dated_outputs"):
        spec = outputs.get(rule)
        if isinstance(spec, dict) and spec.get("kinds"):
            return [str(kind) for kind in spec["kinds"]]
    return []
