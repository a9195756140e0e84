"""Regexes in requirement schemas that could stall a check are refused before any check runs."""

from __future__ import annotations

import re
import time

import pytest

from ipr_rules.requirements.regex_guard import pattern_problem, regex_problems
from ipr_rules.requirements.validator import schema_problem

STALLING = ["(a+)+$", "(a*)*b", "(a|aa)*c", "(?:ab{1,3})+x", "(x)\\1", ".*a.*b.*c.*d", "a" * 201, "[", 42]
# Variable repetitions or alternatives under a bounded repetition that multiplies them past MAX_WAYS.
STALLING_BOUNDED = ["(a{1,99}){1,99}$", "(.{1,50}){1,50}z", "^(a?){25}a{25}$", "(.*a){12}", "(?:a|b|ab){20}c"]
SAFE = [
    "^剑网\\d{4}$",
    "[0-9]{4}-[0-9]{2}",
    "(?:ab)+",
    "[a-z]+@[a-z]+",
    "专项(行动|整治)",
    "^(\\d{1,3}\\.){3}\\d{1,3}$",
    "(?:a{3})+",
    "(?:19|20){2}",
]


@pytest.mark.parametrize("pattern", STALLING, ids=[repr(p)[:20] for p in STALLING])
def test_a_stalling_or_broken_pattern_is_refused(pattern: object) -> None:
    assert pattern_problem(pattern) is not None


@pytest.mark.parametrize("pattern", STALLING_BOUNDED)
def test_a_repetition_multiplied_by_a_bounded_one_is_refused(pattern: str) -> None:
    assert pattern_problem(pattern) is not None


def test_the_bounded_shapes_do_stall_the_engine() -> None:
    """`(a?){21}a{21}` tries 2**20 ways on 20 letters before it fails: tens of milliseconds
    where a safe pattern takes microseconds, so far over the bound on any machine."""
    started = time.perf_counter()
    re.match("^(a?){21}a{21}$", "a" * 20 + "!")
    assert time.perf_counter() - started > 0.01


@pytest.mark.parametrize("pattern", SAFE)
def test_a_plain_pattern_is_accepted(pattern: str) -> None:
    assert pattern_problem(pattern) is None


def test_the_refused_shapes_do_stall_the_engine() -> None:
    """The guard is not about taste: the first refused pattern takes visible time on 24 letters."""
    started = time.perf_counter()
    re.match("(a+)+$", "a" * 22 + "!")
    assert time.perf_counter() - started > 0.05


def test_a_regex_nested_anywhere_in_a_schema_is_found() -> None:
    schema = {"actions": {"type": "list", "schema": {"type": "string", "regex": "(a+)+$"}}}
    assert len(list(regex_problems(schema))) == 1
    assert "regex" in (schema_problem(schema) or "")
    assert schema_problem({"actions": {"type": "list", "schema": {"type": "string", "regex": "剑网"}}}) is None
