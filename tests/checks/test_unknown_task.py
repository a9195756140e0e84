"""`unknown-task`: an entry whose id is not a task of the ruleset."""

from __future__ import annotations

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, of_kind

KIND = "unknown-task"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_suggests_the_units_own_tasks_first(ruleset: Ruleset) -> None:
    found = {
        item.task: item.text("zh")
        for item in of_kind(check([CASES / KIND / "fail" / "near-own-task.yaml"], ruleset), KIND)
    }
    assert found["15-2"].split("是否为：", 1)[1].startswith("15-1")
    assert found["29-5"].split("是否为：", 1)[1].startswith("29-3")


def test_an_id_like_none_gets_no_suggestion(ruleset: Ruleset) -> None:
    found = {
        item.task: item.text("en")
        for item in of_kind(check([CASES / KIND / "fail" / "other-forms.yaml"], ruleset), KIND)
    }
    assert "did you mean" not in found["十七"]
    assert "17-1" in found["17.1"]
