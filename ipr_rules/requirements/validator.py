"""The custom cerberus rules requirements are written in, all in one validator subclass.

Each `_validate_<rule>` method's docstring is the cerberus schema of its constraint, so a
requirement that misuses a rule fails when its schema is checked (`validate-ruleset`). When a
rule fails it records why in `self.unmet`, which `evaluate` turns into the user's message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cerberus import Validator

PERIODS = {"half": 2, "quarter": 4}


def period_of(day: dt.date, periods: str) -> int:
    """0-based period of the year: half 0–1, quarter 0–3."""
    months_per_period = 12 // PERIODS[periods]
    return (day.month - 1) // months_per_period


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

    def _validate_min_outputs_of_kind(self, constraint: dict[str, Any], field: str, value: Any) -> None:
        """At least `count` outputs whose kind is one of `kinds`.

        The rule's arguments are validated against this schema:
        {'type': 'dict', 'schema': {
            'kinds': {'type': 'list', 'required': True, 'minlength': 1, 'schema': {'type': 'string'}},
            'count': {'type': 'integer', 'min': 1, 'default': 1}}}
        """
        count = constraint.get("count", 1)
        found = len(self._of_kinds(value, constraint["kinds"]))
        if found < count:
            self.unmet.append(("min_outputs_of_kind", {"kinds": constraint["kinds"], "count": count, "found": found}))
            self._error(field, f"needs {count} output(s) of kind {constraint['kinds']}, found {found}")

    def _validate_covers_periods(self, constraint: dict[str, Any], field: str, value: Any) -> None:
        """A dated output of one of `kinds` (any kind when null) in every half or quarter of the year.

        The rule's arguments are validated against this schema:
        {'type': 'dict', 'schema': {
            'kinds': {'type': 'list', 'nullable': True, 'schema': {'type': 'string'}},
            'periods': {'type': 'string', 'required': True, 'allowed': ['half', 'quarter']}}}
        """
        periods = constraint["periods"]
        year = self._year()
        covered = set()
        for output in self._of_kinds(value, constraint.get("kinds")):
            day = output.get("date")
            if isinstance(day, dt.date) and (year is None or day.year == year):
                covered.add(period_of(day, periods))
        missing = [period for period in range(PERIODS[periods]) if period not in covered]
        if missing:
            self.unmet.append(
                ("covers_periods", {"kinds": constraint.get("kinds"), "periods": periods, "missing": missing})
            )
            self._error(field, f"no dated output in period(s) {missing}")

    def _validate_min_dated_outputs(self, constraint: dict[str, Any], field: str, value: Any) -> None:
        """At least `count` outputs of `kinds` (any kind when null) on different dates.

        The rule's arguments are validated against this schema:
        {'type': 'dict', 'schema': {
            'kinds': {'type': 'list', 'nullable': True, 'schema': {'type': 'string'}},
            'count': {'type': 'integer', 'min': 1, 'required': True}}}
        """
        dates = {
            o.get("date") for o in self._of_kinds(value, constraint.get("kinds")) if isinstance(o.get("date"), dt.date)
        }
        if len(dates) < constraint["count"]:
            self.unmet.append(
                (
                    "min_dated_outputs",
                    {"kinds": constraint.get("kinds"), "count": constraint["count"], "found": len(dates)},
                )
            )
            self._error(field, f"needs {constraint['count']} dated outputs, found {len(dates)}")

    def _validate_mentions_campaign(self, constraint: dict[str, Any], field: str, value: Any) -> None:
        """The campaign `name` (or its name without the year, such as 剑网 for 剑网2020) is listed
        under campaigns or mentioned in the actions.

        The rule's arguments are validated against this schema:
        {'type': 'dict', 'schema': {
            'name': {'type': 'string', 'required': True, 'empty': False},
            'also': {'type': 'list', 'schema': {'type': 'string'}}}}
        """
        from ipr_rules.textnorm import fold

        names = [fold(name) for name in (constraint["name"], *constraint.get("also", []))]
        texts = [
            fold(str(text))
            for text in (*(value if isinstance(value, list) else []), *(self.document.get("actions") or []))
        ]
        if not any(name in text for name in names for text in texts):
            self.unmet.append(("mentions_campaign", {"name": constraint["name"]}))
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
