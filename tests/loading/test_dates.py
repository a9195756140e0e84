"""Dates as people write them (SPEC §7): 2020年7月10日, 2020.7.10 and 2020/7/10 are the dates they name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ipr_rules.loading.reports import load_file
from ipr_rules.model.report import written_date

ENTRY = (
    '  "4-1":\n    status: done\n    actions: [发布通报 2 期]\n    outputs:\n      - {{title: 通报, date: {date}}}\n'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020年7月10日", dt.date(2020, 7, 10)),
        ("2020 年 7 月 10 日", dt.date(2020, 7, 10)),
        ("２０２０年７月１０日", dt.date(2020, 7, 10)),
        ("2020.7.10", dt.date(2020, 7, 10)),
        ("2020/07/10", dt.date(2020, 7, 10)),
        ("2020-07-10", dt.date(2020, 7, 10)),
        ("2020年2月30日", None),
        ("2020/7.10", None),
        ("2020年7月", None),
        ("七月十日", None),
    ],
)
def test_written_dates(text: str, expected: dt.date | None) -> None:
    assert written_date(text) == expected


@pytest.mark.parametrize("date", ["2020年7月10日", "2020.7.10", "2020/7/10", '"2020.7.10"'])
def test_a_chinese_date_in_yaml_is_the_date_it_names(tmp_path: Path, date: str) -> None:
    path = tmp_path / "区市场监管局.yaml"
    path.write_text(f"unit: 区市场监管局\nyear: 2020\nsubmitted: {date}\ntasks:\n" + ENTRY.format(date=date), "utf-8")
    report = load_file(str(path)).documents[0]
    assert report.problems == []
    assert report.entries["4-1"].outputs[0].date == dt.date(2020, 7, 10)


@pytest.mark.parametrize("date", ["2020年13月10日", "2020.2.30"])
def test_a_date_that_does_not_exist_is_still_a_problem(tmp_path: Path, date: str) -> None:
    path = tmp_path / "区市场监管局.yaml"
    path.write_text("unit: 区市场监管局\nyear: 2020\ntasks:\n" + ENTRY.format(date=date), "utf-8")
    report = load_file(str(path)).documents[0]
    assert [problem.line for problem in report.problems] == [8]
