"""`unknown-metric`: a metric key the vocabulary does not know; ids, aliases and labels resolve."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset

from .support import case_tests, check, keys, messages, write

KIND = "unknown-metric"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_message_suggests_the_closest_names(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "r.yaml", "unit: 区法院\nyear: 2020\nmetrics: {trials_concludd: 3}\ntasks: {}\n")
    result = check([path], ruleset)
    assert keys(result, KIND) == [(KIND, "区法院", None, 3)]
    assert "trials_concluded" in messages(result, KIND)[0]
    assert "trials_concluded" in messages(result, KIND, "en")[0]


def test_a_ruleset_without_a_vocabulary_takes_keys_as_written(tmp_path: Path, ruleset: Ruleset) -> None:
    from dataclasses import replace

    bare = replace(ruleset, metrics=None)
    path = write(tmp_path, "r.yaml", "unit: 区法院\nyear: 2020\nmetrics: {whatever: 3}\ntasks: {}\n")
    assert keys(check([path], bare), KIND) == []


def test_a_count_with_decimals_is_invalid_an_amount_is_not(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "unit: 区法院\nyear: 2020\nmetrics: {admin_cases: 12.5, case_value_wan: 3749.29}\ntasks: {}\n",
    )
    result = check([path], ruleset)
    assert keys(result, "invalid-report") == [("invalid-report", "区法院", None, 3)]
    assert "12.5" in messages(result, "invalid-report")[0]
    assert keys(result, KIND) == []


def test_one_metric_under_two_names_is_invalid(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "r.yaml", "unit: 区法院\nyear: 2020\nmetrics:\n  cases: 3\n  行政案件: 4\ntasks: {}\n")
    result = check([path], ruleset)
    assert keys(result, "invalid-report") == [("invalid-report", "区法院", None, 5)]
    assert "cases" in messages(result, "invalid-report")[0]
