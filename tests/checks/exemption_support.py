"""Fixture tests for the exemption kinds: each kind's folder holds an `exemptions.yml` that
replaces the ruleset's own for its fixtures, as `--exemptions FILE` does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ipr_rules.model.ruleset import Ruleset
from ipr_rules.ruleset.loader import with_exemptions

from .support import CASES, case_paths, check, keys, read_case


def exempted(ruleset: Ruleset, kind: str) -> Ruleset:
    return with_exemptions(ruleset, CASES / kind / "exemptions.yml")


def exemption_case_tests(kind: str) -> tuple[Callable[..., None], Callable[..., None]]:
    @pytest.mark.parametrize("path", case_paths(kind, "fail"), ids=lambda path: path.stem)
    def test_failing_fixture(path: Path, ruleset: Ruleset) -> None:
        case = read_case(path)
        assert case.expected and {item[0] for item in case.expected} == {kind}
        assert keys(check([path], exempted(ruleset, kind), **case.options), kind) == case.expected

    @pytest.mark.parametrize("path", case_paths(kind, "pass"), ids=lambda path: path.stem)
    def test_passing_fixture(path: Path, ruleset: Ruleset) -> None:
        case = read_case(path)
        assert not case.expected
        assert keys(check([path], exempted(ruleset, kind), **case.options), kind) == []

    return test_failing_fixture, test_passing_fixture
