"""`campaign-not-reported`: work on a task that names a campaign says nothing of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, keys, messages, report, write

KIND = "campaign-not-reported"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_message_names_the_campaign_that_is_missing(ruleset: Ruleset) -> None:
    [zh] = messages(check([CASES / KIND / "fail" / "one-of-two.yaml"], ruleset), KIND)
    assert "龙腾" in zh and "清风" not in zh
    [en] = messages(check([CASES / KIND / "fail" / "not-mentioned.yaml"], ruleset), KIND, "en")
    assert "昆仑2020" in en


@pytest.mark.parametrize(
    "entry",
    [
        "{status: done, actions: [查办网络侵权盗版案件 5 件], campaigns: [剑网2020]}",
        "{status: done, actions: [开展剑网2020专项行动，查办网络侵权盗版案件 5 件]}",
        "{status: done, actions: [按照“剑网”行动部署查办网络侵权盗版案件 5 件]}",
        "{status: partial, actions: [查办案件 5 件], campaigns: [“剑网2020”专项行动], reason: 未完成}",
    ],
    ids=["listed", "named-in-actions", "core-name-in-actions", "listed-with-suffix"],
)
def test_ways_of_naming_jianwang_2020(entry: str, tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "r.yaml", report("区文化和旅游局", '{"1-2": ' + entry + "}"))
    assert keys(check([path], ruleset), KIND) == []


def test_only_the_task_naming_the_campaign_needs_it(tmp_path: Path, ruleset: Ruleset) -> None:
    """1-1 names no campaign: done work without one is fine; 1-2 beside it needs 剑网2020."""
    path = write(
        tmp_path,
        "r.yaml",
        report(
            "区科信局",
            '{"1-1": {status: done, actions: [核查网站备案 23 家]}, "1-2": {status: done, actions: [检查网盘 4 家]}}',
        ),
    )
    assert keys(check([path], ruleset), KIND) == [(KIND, "区科信局", "1-2", 3)]
