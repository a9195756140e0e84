"""Regular expressions in requirement schemas, refused where matching could stall a check.

cerberus matches a `regex` rule with Python's backtracking engine, against report text of up
to the text limit. A pattern is accepted only when it is short, compiles, has no backreference
and no variable repetition or alternatives inside an unbounded one (`(a+)+`, `(a|aa)*`), nor
inside a bounded one that repeats them into more than MAX_WAYS ways to split a text
(`(a?){25}`, `(a{1,99}){1,99}`), and few unbounded repetitions in all: the shapes whose
matching time grows exponentially or as a high power of the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MAX_PATTERN_LENGTH = 200
MAX_UNBOUNDED_REPEATS = 3
# A repetition whose upper bound is at least this is treated as unbounded.
_UNBOUNDED = 100
# How many ways a repeated group may split a text between its repetitions: `(\d{1,3}\.){3}` has 27.
MAX_WAYS = 1000


def regex_problems(schema: Any) -> Iterator[str]:
    """Why each `regex` in a cerberus rule set (nested anywhere) could stall matching."""
    for pattern in _regexes(schema):
        if (problem := pattern_problem(pattern)) is not None:
            yield f"regex {pattern!r}: {problem}"


def _regexes(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "regex":
                yield item
            else:
                yield from _regexes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _regexes(item)


def pattern_problem(pattern: Any) -> str | None:
    import re
    import sys

    if sys.version_info >= (3, 11):
        from re import _parser as parser  # type: ignore[attr-defined]
    else:  # pragma: no cover - Python 3.10
        import sre_parse as parser

    if not isinstance(pattern, str):
        return "not a string"
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"longer than {MAX_PATTERN_LENGTH} characters"
    try:
        re.compile(pattern)
        parsed = parser.parse(pattern)
    except (re.error, RecursionError, OverflowError) as error:
        return f"not a valid regular expression ({error})"
    counts = {"unbounded": 0}
    problem = _walk(list(parsed), outer=1, counts=counts)
    if problem is None and counts["unbounded"] > MAX_UNBOUNDED_REPEATS:
        problem = f"more than {MAX_UNBOUNDED_REPEATS} unbounded repetitions"
    return problem


def _too_many_ways(choices: int, outer: int) -> bool:
    """Whether `choices` per repetition, repeated `outer` times (_UNBOUNDED: without end), is too many."""
    if outer <= 1 or choices <= 1:
        return False
    return outer >= _UNBOUNDED or choices >= _UNBOUNDED or choices**outer > MAX_WAYS


def _walk(items: list[Any], *, outer: int, counts: dict[str, int]) -> str | None:
    """`outer`: how often the enclosing repetitions repeat `items` at most (_UNBOUNDED: without end)."""
    for op, argument in items:
        name = str(op)
        if name in ("GROUPREF", "GROUPREF_EXISTS"):
            return "backreferences are not allowed"
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, body = argument
            unbounded = high >= _UNBOUNDED
            if high != low and _too_many_ways(min(high, _UNBOUNDED) - low + 1, outer):
                if outer >= _UNBOUNDED:
                    return "a repetition inside an unbounded repetition can backtrack without end"
                return "a variable repetition repeated inside another can backtrack too long"
            if unbounded:
                counts["unbounded"] += 1
            problem = _walk(list(body), outer=min(outer * max(high, 1), _UNBOUNDED), counts=counts)
            if problem:
                return problem
        elif name == "SUBPATTERN":
            problem = _walk(list(argument[-1]), outer=outer, counts=counts)
            if problem:
                return problem
        elif name == "BRANCH":
            if _too_many_ways(len(argument[1]), outer):
                if outer >= _UNBOUNDED:
                    return "alternatives inside an unbounded repetition can backtrack without end"
                return "alternatives repeated inside a repetition can backtrack too long"
            for branch in argument[1]:
                if problem := _walk(list(branch), outer=outer, counts=counts):
                    return problem
        elif name in ("ASSERT", "ASSERT_NOT") and (problem := _walk(list(argument[1]), outer=outer, counts=counts)):
            return problem
    return None
