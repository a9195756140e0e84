"""Equal message arguments are kept once per run, and only where equal means the same words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ipr_rules import shared_args
from ipr_rules.findings import compact, finding, pack
from ipr_rules.i18n import Localized, Names, Text

REASON = Text("（{reason}）", "({reason})")
MESSAGE = Text("{task}：{value}", "{task}: {value}")


@pytest.fixture(autouse=True)
def fresh() -> None:
    shared_args.forget()


def _reason(text: str) -> Localized:
    return Localized(REASON, reason="".join(text))  # a new string each time, as a report gives it


def test_equal_arguments_are_kept_once() -> None:
    first = pack({"task": "1-1", "reason": _reason("经费未落实")})
    second = pack({"task": "1-1", "reason": _reason("经费未落实")})
    other = pack({"task": "1-1", "reason": _reason("人员不足")})
    assert first is second
    assert other is not first and other[2].render("zh") == "（人员不足）"


def test_a_finding_renders_the_same_from_the_shared_copy() -> None:
    made = [
        finding("k", "warning", MESSAGE, "区法院", "1-1", f"{number}.yaml", 3, task="1-1", value=Names(["甲", "乙"]))
        for number in range(3)
    ]
    assert made[0].args is made[2].args
    assert [item.text("en") for item in made] == ["1-1: 甲, 乙"] * 3


@pytest.mark.parametrize(
    ("earlier", "later"),
    [(1, 1.0), (1.0, 1), (1, True), (Decimal("5"), Decimal("5.0")), (0.0, -0.0), (0, 0.0)],
)
def test_values_equal_but_written_differently_are_not_shared(earlier: object, later: object) -> None:
    first = pack({"task": "1-1", "value": earlier})
    second = pack({"task": "1-1", "value": later})
    assert second is not first
    assert MESSAGE.render("en", task="1-1", value=second[2]) == f"1-1: {later}"


def test_fractions_are_shared_where_the_shape_has_them() -> None:
    first = pack({"task": "1-1", "share": 0.75})
    assert pack({"task": "1-1", "share": 0.75}) is first


def test_reasons_under_one_template_hash_apart() -> None:
    reasons = {hash(_reason(f"原因{number}")) for number in range(50)}
    assert len(reasons) > 40  # not one bucket for every reason a template quotes
    assert _reason("同一") == _reason("同一") and hash(_reason("同一")) == hash(_reason("同一"))


def test_a_shape_whose_arguments_never_repeat_stops_being_looked_up() -> None:
    for number in range(shared_args.TRIAL + 10):
        pack({"unit": "区法院", "number": number + 1000})
    names = ("unit", "number")
    assert shared_args._SHAPES[names] is None
    again = pack({"unit": "区法院", "number": 5000})
    assert pack({"unit": "区法院", "number": 5000}) is not again


def test_forget_drops_the_tables_but_not_the_findings_arguments() -> None:
    kept = pack({"task": "1-1", "reason": _reason("经费未落实")})
    shared_args.forget()
    assert not shared_args._SHAPES
    assert kept[2].render("en") == "(经费未落实)"
    assert pack({"task": "1-1", "reason": _reason("经费未落实")}) is not kept


def test_large_whole_numbers_are_kept_once() -> None:
    first, second = int("1234"), int("1234")
    assert first is not second
    assert compact(first) is compact(second)
