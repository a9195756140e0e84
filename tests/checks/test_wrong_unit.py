"""`wrong-unit`: work reported on a task that neither names the unit nor is open."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, keys, messages, report, write

KIND = "wrong-unit"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_message_names_the_owner_and_suggests_the_units_own_task(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "misfiled-procurement.yaml"], ruleset)
    [zh] = messages(result, KIND, "zh")
    [en] = messages(result, KIND, "en")
    assert "区商投局" in zh and "是否应填报 21-4？" in zh
    assert "区商投局" in en and "reported under 21-4" in en


def test_message_without_a_suggestion_still_names_the_owner(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "no-suggestion.yaml"], ruleset)
    [zh] = messages(result, KIND, "zh")
    assert "市公安官渡分局" in zh
    assert "是否应填报" not in zh


def test_message_names_every_owner(tmp_path: Path, ruleset: Ruleset) -> None:
    # 10-1 names 区农业农村局 and 区自然资源局.
    path = write(tmp_path, "r.yaml", report("区税务局", '{"10-1": {status: done, actions: [配合抽检种苗 3 批次]}}'))
    [zh] = messages(check([path], ruleset), KIND, "zh")
    assert "区农业农村局" in zh and "区自然资源局" in zh


def test_the_entry_carries_nothing(tmp_path: Path, ruleset: Ruleset) -> None:
    """21-6 names 区商投局 alone; 区财政局's done entry for it does not count as 区商投局's work."""
    path = write(tmp_path, "r.yaml", report("区财政局", '{"21-6": {status: done, actions: [推行供应商信用承诺制]}}'))
    result = check([path], ruleset, complete=True)
    assert ("wrong-unit", "区财政局", "21-6", 3) in keys(result, KIND)
    assert result.coverage.record()["overall"]["carried"] == 0
    assert ("missing-report", "区商投局", None, None) in keys(result, "missing-report")


def test_alias_is_resolved_before_ownership(tmp_path: Path, ruleset: Ruleset) -> None:
    """区打假办 is the canonical 区打击侵权假冒工作领导小组办公室, which leads 20-3."""
    path = write(tmp_path, "r.yaml", report("区打假办", '{"20-3": {status: done, actions: [组织集中销毁 2 次]}}'))
    assert keys(check([path], ruleset), KIND) == []
