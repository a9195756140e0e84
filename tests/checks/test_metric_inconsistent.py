"""`metric-inconsistent`: the tasks' figures of a metric add up to more than the unit's own total."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, keys, messages, write

KIND = "metric-inconsistent"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_message_gives_both_figures_and_the_tasks(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "breakdown-exceeds.yaml"], ruleset)
    [message] = messages(result, KIND)
    assert "50" in message and "40" in message and "2-1" in message and "2-2" in message
    assert "行政案件" in message


def test_decimal_amounts_are_added_exactly(tmp_path: Path, ruleset: Ruleset) -> None:
    # 0.1 + 0.2 is 0.30000000000000004 in binary floating point: it must not exceed 0.3.
    tasks = (
        '\n  "2-1": {status: done, actions: [罚没 0.1 万元], metrics: {fines_wan: 0.1}}'
        '\n  "2-2": {status: done, actions: [罚没 0.2 万元], metrics: {fines_wan: 0.2}}\n'
    )
    path = write(tmp_path, "r.yaml", f"unit: 区市场监管局\nyear: 2020\nmetrics: {{fines_wan: 0.3}}\ntasks:{tasks}")
    assert keys(check([path], ruleset), KIND) == []
    exceeding = write(tmp_path, "s.yaml", path.read_text(encoding="utf-8").replace("0.3}", "0.29}"))
    assert keys(check([exceeding], ruleset), KIND) == [(KIND, "区市场监管局", None, 3)]
