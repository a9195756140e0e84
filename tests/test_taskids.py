"""What a clerk meant by a task id the plan does not have."""

from __future__ import annotations

import pytest

from ipr_rules.model.ruleset import Ruleset
from ipr_rules.taskids import chinese_number, explain, item_zh, likely_task, meant


@pytest.mark.parametrize(
    ("text", "number"), [("十三", 13), ("三十一", 31), ("二十", 20), ("十", 10), ("七", 7), ("13", 13)]
)
def test_chinese_item_numbers(text: str, number: int) -> None:
    assert chinese_number(text) == number
    assert item_zh(number) == (text if not text.isdigit() else "十三")


@pytest.mark.parametrize(
    ("raw", "how", "tasks"),
    [
        ("（十三）", "item", ("13-1",)),
        ("十三", "item", ("13-1",)),
        ("第十三项", "item", ("13-1",)),
        ("13", "item", ("13-1",)),
        ("13.1", "separator", ("13-1",)),
        ("15—1", "separator", ("15-1",)),
        ("十五-1", "separator", ("15-1",)),
        ("２-３", "characters", ("2-3",)),
        ("15-1\u00a0", "characters", ("15-1",)),
        ("“15-1”", "quotes", ("15-1",)),
        ("二十九", "item", ("29-1", "29-2", "29-3", "29-4")),
    ],
)
def test_what_a_mis_written_id_means(raw: str, how: str, tasks: tuple[str, ...], ruleset: Ruleset) -> None:
    found = meant(raw, ruleset)
    assert found is not None and (found.how, found.tasks) == (how, tasks)


@pytest.mark.parametrize("raw", ["99-1", "1.10", "abc", "四十", "15-9"])
def test_an_id_like_no_task_means_nothing(raw: str, ruleset: Ruleset) -> None:
    assert meant(raw, ruleset) is None


def test_an_item_of_several_tasks_points_to_the_units_own(ruleset: Ruleset) -> None:
    assert likely_task("二十九", ruleset, "区法院") == "29-3"
    assert likely_task("二十九", ruleset, None) is None


def test_the_message_says_the_task_left_unentered_only_when_it_is(ruleset: Ruleset) -> None:
    found = explain("（十五）", ruleset, "区法院", set())
    assert found is not None
    message, args = found
    assert "改正前，任务 15-1 算作没有填写" in message.render("zh", **args)
    message, args = explain("（十五）", ruleset, "区法院", {"15-1"}) or (message, args)
    assert "改正前" not in message.render("zh", **args)
