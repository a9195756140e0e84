"""The custom cerberus rules requirements are written in, all in one validator subclass.

Each `_validate_<rule>` method's docstring is the cerberus schema of its constraint, so a
requirement that misuses a rule fails when its schema is checked (`validate-ruleset`). When a
rule fails it records why in `self.unmet`, which `evaluate` turns into the user's message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cerberus import Validator

from ipr_rules.requirements.windows import DEFAULT_GRACE_MONTHS, PERIODS, assign, period_windows, year_window
from ipr_rules.wording.negation import mentions


def period_of(day: dt.date, periods: str) -> int:
    """0-based calendar period of the year (no grace): half 0–1, quarter 0–3."""
    months_per_period = 12 // PERIODS[periods]
    return (day.month - 1) // months_per_period


def title_fits(title: str, constraint: dict[str, Any]) -> bool:
    """Whether a title names what the plan asks for: one of `title_heads` (what the document calls
    itself: 标准, 规范 …) and one of `title_words` (what it is about: 侵权, 判断 …), where given."""
    heads, words = constraint.get("title_heads"), constraint.get("title_words")
    return (not heads or any(head in title for head in heads)) and (not words or any(word in title for word in words))


class RequirementValidator(Validator):  # type: ignore[misc]
    """Validates one report entry (as a plain dict) against one requirement's schema.

    The year the entry reports on is given as `Validator(schema, year=2020)`.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_unknown", True)
        super().__init__(*args, **kwargs)
        self.unmet: list[tuple[str, dict[str, Any]]] = []

    def validate(self, document: Any, *args: Any, **kwargs: Any) -> bool:
        """Validation only: requirements neither coerce nor fill in, and normalising would copy
        the entry and its schema on every call."""
        self.unmet = []
        kwargs.setdefault("normalize", False)
        return bool(super().validate(document, *args, **kwargs))

    def _year(self) -> int | None:
        year = self._config.get("year")
        return year if isinstance(year, int) else None

    @staticmethod
    def _of_kinds(outputs: Any, kinds: list[str] | None) -> list[dict[str, Any]]:
        items = [o for o in outputs if isinstance(o, dict)] if isinstance(outputs, list) else []
        return [o for o in items if kinds is None or o.get("kind") in kinds]

    def _fitting(self, value: Any, constraint: dict[str, Any]) -> tuple[list[dict[str, Any]], int, list[str]]:
        """Outputs of the constraint's kinds that fit its title words, dated inside the year's
        window; and how many of the kinds had no date, and the titles that name the wrong thing."""
        year = self._year()
        grace = constraint.get("grace_months", DEFAULT_GRACE_MONTHS)
        start, end = year_window(year, grace) if year is not None else (dt.date.min, dt.date.max)
        fitting: list[dict[str, Any]] = []
        undated = 0
        unfit: list[str] = []
        for output in self._of_kinds(value, constraint.get("kinds")):
            fits = title_fits(str(output.get("title") or ""), constraint)
            if not fits:
                unfit.append(str(output.get("title") or ""))
            if not isinstance(output.get("date"), dt.date):
                undated += 1
            elif fits and start <= output["date"] <= end:
                fitting.append(output)
        return fitting, undated, unfit

    def _validate_min_outputs_of_kind(self, constraint: dict[str, Any], field: str, value: Any) -> None:
        """At least `count` outputs whose kind is one of `kinds`, dated inside the plan year (with
        `grace_months` after it), and whose title holds every word of one of `title_words`.

        The rule's arguments are validated against this schema:
        {'type': 'dict', 'schema': {
            'kinds': {'type': 'list', 'required': True, 'minlength': 1, 'schema': {'type': 'string'}},
            'count': {'type': 'integer', 'min': 1, 'default': 1},
            'grace_months': {'type': 'integer', 'min': 0, 'max': 12},
            'title_heads': {'type': 'list', 'schema': {'type': 'string', 'empty': False}},
            'title_words': {'type': 'list', 'schema': {'type': 'string', 'empty': False}}}}
        """
        count = constraint.get("count", 1)
        fitting, undated, unfit = self._fitting(value, constraint)
        if len(fitting) < count:
            detail = {"kinds": constraint["kinds"], "count": count, "found": len(fitting), "undated": undated}
            if unfit:
                detail.update(unfit=unfit, words=constraint.get("title_words"), heads=constraint.get("title_heads"))
            self.unmet.append(("min_outputs_of_kind", detail))
            self._error(field, f"needs {count} output(s) of kind {constraint['kinds']}, found {len(fitting)}")

    def _validate_covers_periods(self, constraint: dict[str, Any], field: str, value: Any) -> None:
        """A dated output of one of `kinds` (any kind when null) for every half or quarter of the
        year, each output serving one period; a period's window runs `grace_months` (default 1)
        past its end.

        The rule's arguments are validated against this schema:
        {'type': 'dict', 'schema': {
            'kinds': {'type': 'list', 'nullable': True, 'schema': {'type': 'string'}},
            'periods': {'type': 'string', 'required': True, 'allowed': ['half', 'quarter']},
            'grace_months': {'type': 'integer', 'min': 0, 'max': 12}}}
        """
        periods = constraint["periods"]
        year = self._year()
        grace = constraint.get("grace_months", DEFAULT_GRACE_MONTHS)
        outputs = self._of_kinds(value, constraint.get("kinds"))
        dates = [o["date"] for o in outputs if isinstance(o.get("date"), dt.date)]
        windows = period_windows(year if year is not None else dt.date.today().year, periods, grace)
        served = assign(dates, windows)
        missing = [period for period, date in enumerate(served) if date is None]
        if missing:
            detail = {
                "kinds": constraint.get("kinds"),
                "periods": periods,
                "missing": missing,
                "windows": [windows[period] for period in missing],
                "undated": len(outputs) - len(dates),
            }
            self.unmet.append(("covers_periods", detail))
            self._error(field, f"no dated output in period(s) {missing}")

    def _validate_min_dated_outputs(self, constraint: dict[str, Any], field: str, value: Any) -> None:
        """At least `count` outputs of `kinds` (any kind when null) on different dates inside the
        plan year (with `grace_months` after it).

        The rule's arguments are validated against this schema:
        {'type': 'dict', 'schema': {
            'kinds': {'type': 'list', 'nullable': True, 'schema': {'type': 'string'}},
            'count': {'type': 'integer', 'min': 1, 'required': True},
            'grace_months': {'type': 'integer', 'min': 0, 'max': 12}}}
        """
        fitting, undated, _ = self._fitting(value, constraint)
        dates = {o["date"] for o in fitting}
        if len(dates) < constraint["count"]:
            self.unmet.append(
                (
                    "min_dated_outputs",
                    {
                        "kinds": constraint.get("kinds"),
                        "count": constraint["count"],
                        "found": len(dates),
                        "undated": undated,
                    },
                )
            )
            self._error(field, f"needs {constraint['count']} dated outputs, found {len(dates)}")

    def _validate_mentions_campaign(self, constraint: dict[str, Any], field: str, value: Any) -> None:
        """The campaign `name` (or its name without the year, such as 剑网 for 剑网2020) is mentioned
        in the actions outside a negated clause, or listed under campaigns with no action saying it
        was not done.

        The rule's arguments are validated against this schema:
        {'type': 'dict', 'schema': {
            'name': {'type': 'string', 'required': True, 'empty': False},
            'also': {'type': 'list', 'schema': {'type': 'string'}}}}
        """
        from ipr_rules.textnorm import fold

        # Folded first: spaces, invisible characters and full-width digits do not hide a mention.
        names = [fold(name) for name in (constraint["name"], *constraint.get("also", []))]
        items = [fold(str(item)) for item in (value if isinstance(value, list) else [])]
        listed = any(name in item for name in names for item in items)
        done = negated = False
        for action in self.document.get("actions") or []:
            folded = fold(str(action))
            for name in names:
                positive, negative = mentions(folded, name)
                done, negated = done or positive, negated or negative
        # A mention in a negated clause (未开展“铁拳”专项行动) reports nothing, and overrides a bare listing.
        if not (done or (listed and not negated)):
            self.unmet.append(("mentions_campaign", {"name": constraint["name"], "negated": negated}))
            self._error(field, f"does not mention {constraint['name']}")


def schema_problem(schema: Any) -> str | None:
    """Why `schema` is not a rule set this validator accepts, or None when it is."""
    from cerberus import SchemaError

    if not isinstance(schema, dict) or not schema:
        return "not a non-empty mapping"
    from ipr_rules.requirements.regex_guard import regex_problems

    if (problem := next(regex_problems(schema), None)) is not None:
        return problem
    try:
        RequirementValidator(schema)
    except SchemaError as error:
        return str(error)
    except Exception as error:  # cerberus raises assorted errors for malformed rule sets
        return f"{type(error).__name__}: {error}"
    return None
