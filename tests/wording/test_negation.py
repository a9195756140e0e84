"""A campaign named only to say it was not done reports nothing."""

from __future__ import annotations

import pytest

from ipr_rules.wording.negation import mentions


@pytest.mark.parametrize(
    "text",
    [
        "本年度未开展“铁拳”专项行动",
        "没有参加“铁拳”专项行动",
        "尚未开展“铁拳”行动",
        "暂未参与铁拳行动",
        "未能组织开展“铁拳”专项行动",
        "“铁拳”专项行动尚未开展",
        "铁拳行动未能开展",
    ],
)
def test_negated(text: str) -> None:
    assert mentions(text, "铁拳") == (False, True)


@pytest.mark.parametrize(
    "text",
    [
        "开展“铁拳”专项行动，查处案件 12 件",
        "开展“铁拳”专项行动，未发现违法行为",
        "在铁拳行动中未发现问题",
        "参加“铁拳”行动，检查经营户 38 家",
        "未发现违法线索，开展“铁拳”行动 2 次",
    ],
)
def test_not_negated(text: str) -> None:
    assert mentions(text, "铁拳") == (True, False)


def test_not_mentioned() -> None:
    assert mentions("检查经营户 38 家", "铁拳") == (False, False)
