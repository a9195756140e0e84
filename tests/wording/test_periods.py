"""When an action says its work was done: SPEC §6's and the issue's examples, both directions."""

from __future__ import annotations

import pytest

from ipr_rules.wording.periods import work_years

OTHER_YEAR = [
    ("2019年11月，组织开展专项检查", [2019]),
    ("2019年，全区共查处案件 12 件", [2019]),
    ("于2019年11月开展检查", [2019]),
    ("2019年12月开展农资打假专项检查", [2019]),
    ("在2018年6月完成系统建设", [2018]),
    ("2019-11-15，联合开展夜查", [2019]),
    ("（一）2019年12月，开展集中销毁", [2019]),
    ("2021年3月，补充开展专项检查", [2021]),
]
NOT_THE_TIME_OF_WORK = [
    "较2019年增长30%",
    "同比增长 20%",
    "与2019年相比，案件数上升 5 件",
    "案件数比上年增加 5 件",
    "比2019年多查处案件 3 件",
    "2019年同期为 8 件",
    "落实2019—2021年三年行动计划",
    "2018年至2020年累计查处案件 30 件",
    "2019年以来累计查处案件 40 件",
    "自2018年起持续开展",
    "2021年将继续开展专项检查",
    "计划2021年建立移交机制",
    "复查2019年度立案的案件 4 件",
    "查处2019年立案的案件 3 件",
    "参加“剑网2019”总结会",
    "对照《2019年度考核办法》整改",
    "以官市监〔2019〕12号文件为依据",
    "2020年3月开展检查",
    "2021年1月，发布下半年检查情况通报",
    "2021-01-15，召开年度总结会",
]


@pytest.mark.parametrize(("text", "years"), OTHER_YEAR)
def test_work_dated_in_another_year(text: str, years: list[int]) -> None:
    assert work_years(text, 2020) == years


@pytest.mark.parametrize("text", NOT_THE_TIME_OF_WORK)
def test_years_that_are_not_the_time_of_the_work(text: str) -> None:
    assert work_years(text, 2020) == []
