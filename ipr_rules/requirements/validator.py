"""The custom cerberus rules requirements are written in, all in one validator subclass.

Each `_validate_<rule>` method's docstring is the cerberus schema of its constraint, so a
requirement that misuses a rule fails when its schema is checked (`validate-ruleset`). When a
rule fails it records why in `self.unmet`, which `evaluate` turns into the user's message. What
each rule asks is in `rules`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cerberus import Validator

from ipr_rules.requirements import rules
from ipr_rules.requirements.windows import PERIODS


def period_of(day: dt.date, periods: str) -> int:
    """0-based calendar period of the year (no grace): half 0–1, quarter 0–3."""
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
        detail = rules.min_outputs_of_kind(constraint, value, self._year())
        if detail is not None:
            self.unmet.append(("min_outputs_of_kind", detail))
            self._error(
                field, f"needs {detail['count']} output(s) of kind {constraint['kinds']}, found {detail['found']}"
            )

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
        detail = rules.covers_periods(constraint, value, self._year())
        if detail is not None:
            self.unmet.append(("covers_periods", detail))
            self._error(field, f"no dated output in period(s) {detail['missing']}")

    def _validate_min_dated_outputs(self, constraint: dict[str, Any], field: str, value: Any) -> None:
        """At least `count` outputs of `kinds` (any kind when null) on different dates inside the
        plan year (with `grace_months` after it).

        The rule's arguments are validated against this schema:
        {'type': 'dict', 'schema': {
            'kinds': {'type': 'list', 'nullable': True, 'schema': {'type': 'string'}},
            'count': {'type': 'integer', 'min': 1, 'required': True},
            'grace_months': {'type': 'integer', 'min': 0, 'max': 12}}}
        """
        detail = rules.min_dated_outputs(constraint, value, self._year())
        if detail is not None:
            self.unmet.append(("min_dated_outputs", detail))
            self._error(field, f"needs {constraint['count']} dated outputs, found {detail['found']}")

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

        detail = rules.mentions_campaign(constraint, value, self.document.get("actions") or [], fold)
        if detail is not None:
            self.unmet.append(("mentions_campaign", detail))
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
