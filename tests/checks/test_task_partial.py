"""`task-partial`: the unit's own task is reported as only partly done."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, keys, messages, report, write

KIND = "task-partial"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_is_a_warning_with_its_reason(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "partial.yaml"], ruleset)
    assert [item.severity for item in result.findings if item.kind == KIND] == ["warning"]
    assert "受疫情影响，下半年抽检推迟" in messages(result, KIND)[0]


def test_a_partial_task_still_counts_as_carried(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        report("区自然资源局", '{"10-1": {status: partial, actions: [抽查种苗经营单位 12 家], reason: 抽检推迟}}')
        + "---\n"
        + report("区农业农村局", '{"10-1": {status: not_started}}'),
    )
    result = check([path], ruleset)
    assert result.set_checks
    assert ("task-partial", "区自然资源局", "10-1", 3) in keys(result, KIND)
    assert [item for item in result.findings if item.kind == "unaddressed-shared-duty" and item.task == "10-1"] == []
