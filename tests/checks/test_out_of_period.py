"""`out-of-period`: work, outputs or the submission dated outside the year."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, messages, of_kind, report, write

KIND = "out-of-period"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


@pytest.mark.parametrize(
    ("action", "flagged"),
    [
        ("2019年11月，组织开展专项检查，检查网店 30 家", True),
        ("2019年，全区共查处案件 12 件", True),
        ("较2019年增长30%，查处案件 12 件", False),
        ("查处案件 12 件，同比增长 20%", False),
        ("与2019年相比，查处案件增加 5 件", False),
        ("案件数比上年增加 5 件", False),
        ("落实2019—2021年三年行动计划，检查 5 次", False),
    ],
)
def test_the_examples_of_spec_and_issue(action: str, flagged: bool, tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "r.yaml", report("区市场监管局", '{"3-1": {status: done, actions: [' + action + "]}}"))
    assert bool(of_kind(check([path], ruleset), KIND)) is flagged


def test_messages_name_the_year_and_the_window(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "outputs-and-submitted.yaml"], ruleset)
    text = "\n".join(messages(result, KIND))
    assert "2019-12-20" in text and "2020-01-01 至 2021-01-31" in text and "2022-01-10" in text
    work = check([CASES / KIND / "fail" / "work-2019.yaml"], ruleset)
    assert all("2019" in message for message in messages(work, KIND))
