"""The one normal form for comparing typed text with the plan and the registry."""

from __future__ import annotations

import pytest

from ipr_rules.textnorm import describe_en, describe_zh, fold, fold_keep_spaces, odd_characters


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("区司法局", "区司法局"),
        ("区司\u200b法局", "区司法局"),  # zero-width space
        ("区司 法局", "区司法局"),  # ordinary space from a hard wrap
        ("区司\u00a0法局", "区司法局"),  # no-break space
        ("区司\u3000法局", "区司法局"),  # ideographic space
        ("区⽂化和旅游局", "区文化和旅游局"),  # Kangxi radical U+2F42
        ("区\uf9d1局", "区六局"),  # compatibility ideograph U+F9D1
        ("２-３", "2-3"),  # full-width digits
        ("\ufeff1-1", "1-1"),  # BOM
        ("剑网\u202e2020", "剑网2020"),  # right-to-left override
    ],
)
def test_fold_makes_what_reads_the_same_equal(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_fold_keep_spaces_keeps_one_space_between_words() -> None:
    assert fold_keep_spaces("  Guandu\u00a0\u00a0District  court ") == "Guandu District court"


def test_plain_text_has_no_odd_characters() -> None:
    assert odd_characters("区市场监管局 2020 年 1-1") == []


def test_odd_characters_are_named_with_position_and_replacement() -> None:
    odd = odd_characters("区⽂化\u200b局２")
    assert [(o.position, o.kind_zh, o.replacement) for o in odd] == [
        (2, "康熙部首", "文"),
        (4, "不可见字符", ""),
        (6, "全角字符", "2"),
    ]
    assert describe_zh(odd[0]) == "第 2 个字“⽂”是康熙部首，应为“文”"
    assert describe_zh(odd[1]) == "第 4 个字符是不可见字符（U+200B），应删除"
    assert "Kangxi radical (U+2F42)" in describe_en(odd[0])


def test_special_spaces_are_named_but_ordinary_ones_are_not() -> None:
    odd = odd_characters("1\u00a0-1 x")
    assert [(o.position, o.kind_zh, o.code) for o in odd] == [(2, "特殊空格", "U+00A0")]


def test_compatibility_ideograph_is_named() -> None:
    (odd,) = odd_characters("\uf9d1")
    assert odd.kind_zh == "兼容汉字"
    assert odd.replacement == "六"
