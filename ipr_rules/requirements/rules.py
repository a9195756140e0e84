"""What each custom requirement rule asks of an entry, as plain functions.

A rule function takes the rule's constraint (as written in the requirement's schema), the value
of the field the rule stands on, and returns None when the entry meets it or the detail of what
is missing (which `evaluate` turns into the user's message). The cerberus validator
(`validator.RequirementValidator`) calls them from its `_validate_<rule>` methods; `evaluate`
calls them directly for a requirement whose schema holds one of these rules and nothing else
cerberus would have to check, so that the per-report path does not pay for cerberus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from ipr_rules.requirements.windows import DEFAULT_GRACE_MONTHS, assign, period_windows, year_window
from ipr_rules.wording.negation import mentions

Detail = dict[str, Any]


def title_fits(title: str, constraint: dict[str, Any]) -> bool:
    """Whether a title names what the plan asks for: one of `title_heads` (what the document calls
    itself: 标准, 规范 …) and one of `title_words` (what it is about: 侵权, 判断 …), where given."""
    heads, words = constraint.get("title_heads"), constraint.get("title_words")
    return (not heads or any(head in title for head in heads)) and (not words or any(word in title for word in words))


def of_kinds(outputs: Any, kinds: list[str] | None) -> list[dict[str, Any]]:
    items = [o for o in outputs if isinstance(o, dict)] if isinstance(outputs, list) else []
    return [o for o in items if kinds is None or o.get("kind") in kinds]


def fitting(value: Any, constraint: dict[str, Any], year: int | None) -> tuple[list[dict[str, Any]], int, list[str]]:
    """Outputs of the constraint's kinds that fit its title words, dated inside the year's
    window; and how many of the kinds had no date, and the titles that name the wrong thing."""
    grace = constraint.get("grace_months", DEFAULT_GRACE_MONTHS)
    start, end = year_window(year, grace) if year is not None else (dt.date.min, dt.date.max)
    found: list[dict[str, Any]] = []
    undated = 0
    unfit: list[str] = []
    for output in of_kinds(value, constraint.get("kinds")):
        fits = title_fits(str(output.get("title") or ""), constraint)
        if not fits:
            unfit.append(str(output.get("title") or ""))
        if not isinstance(output.get("date"), dt.date):
            undated += 1
        elif fits and start <= output["date"] <= end:
            found.append(output)
    return found, undated, unfit


def min_outputs_of_kind(constraint: dict[str, Any], value: Any, year: int | None) -> Detail | None:
    count = constraint.get("count", 1)
    found, undated, unfit = fitting(value, constraint, year)
    if len(found) >= count:
        return None
    detail = {"kinds": constraint["kinds"], "count": count, "found": len(found), "undated": undated}
    if unfit:
        detail.update(unfit=unfit, words=constraint.get("title_words"), heads=constraint.get("title_heads"))
    return detail


def covers_periods(constraint: dict[str, Any], value: Any, year: int | None) -> Detail | None:
    periods = constraint["periods"]
    grace = constraint.get("grace_months", DEFAULT_GRACE_MONTHS)
    outputs = of_kinds(value, constraint.get("kinds"))
    dates = [o["date"] for o in outputs if isinstance(o.get("date"), dt.date)]
    windows = period_windows(year if year is not None else dt.date.today().year, periods, grace)
    served = assign(dates, windows)
    missing = [period for period, date in enumerate(served) if date is None]
    if not missing:
        return None
    return {
        "kinds": constraint.get("kinds"),
        "periods": periods,
        "missing": missing,
        "windows": [windows[period] for period in missing],
        "undated": len(outputs) - len(dates),
    }


def min_dated_outputs(constraint: dict[str, Any], value: Any, year: int | None) -> Detail | None:
    found, undated, _ = fitting(value, constraint, year)
    dates = {o["date"] for o in found}
    if len(dates) >= constraint["count"]:
        return None
    return {"kinds": constraint.get("kinds"), "count": constraint["count"], "found": len(dates), "undated": undated}


def mentions_campaign(
    constraint: dict[str, Any], value: Any, actions: Sequence[Any], fold: Callable[[str], str]
) -> Detail | None:
    """`value`: what is listed under the field (campaigns); `fold`: `textnorm.fold`, or a
    report's cache of it."""
    # Folded first: spaces, invisible characters and full-width digits do not hide a mention.
    names = [fold(name) for name in (constraint["name"], *constraint.get("also", []))]
    items = [fold(str(item)) for item in (value if isinstance(value, list) else [])]
    listed = any(name in item for name in names for item in items)
    done = negated = False
    for action in actions:
        folded = fold(str(action))
        for name in names:
            positive, negative = mentions(folded, name)
            done, negated = done or positive, negated or negative
    # A mention in a negated clause (未开展“铁拳”专项行动) reports nothing, and overrides a bare listing.
    if done or (listed and not negated):
        return None
    return {"name": constraint["name"], "negated": negated}
