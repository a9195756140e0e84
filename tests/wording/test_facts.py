"""The fact detector on sentences written the way year-end summaries are written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipr_rules.wording.facts import facts, states_fact

# Sentences that state something the office can count, date or look up.
WITH_FACTS = [
    "开展网络市场专项检查，检查网店 126 家，立案 12 件，罚没 34 万元",
    "全年共出动执法人员 2360 人次，检查经营户 5800 余户次",
    "开展农资打假专项检查三次，查处假劣农资案件两起",
    "11月16日在小板桥街道集中销毁侵权假冒商品 12 吨",
    "2020年3月起在螺蛳湾国际商贸城开展商标侵权专项整治",
    "印发《官渡区2020年打击侵权假冒工作要点》，分解任务 55 项",
    "以官市监〔2020〕41号文件部署“铁拳”专项行动",
    "组织律师、法律顾问对《专利法》修正草案开展研讨",
    "受理知识产权民事案件 412 件，同比增长 18.5%",
    "办结率达到百分之九十五以上",
    "罚没款较上年下降 3 个百分点",
    "举办知识产权业务培训班 4 期，培训执法人员 300 余人",
    "抽检种子样品十余批次，合格率 96%",
    "2020-09-15 召开全区打假工作推进会",
    "9月下旬联合区公安分局开展夜查行动",
    "发放宣传资料 2.3 万份，接受群众咨询 1500 余人次",
    "督促 1 家机构整改鉴定文书不规范问题",
    "在“4·26”期间开展《中华人民共和国商标法》宣传进社区活动",
    "建成知识产权纠纷调处工作站 1 个，由 6 名律师轮值坐班",
    "下架侵权链接 3200 余条，关闭侵权网站 5 个",
    "破获侵犯知识产权刑事案件 18 起，抓获犯罪嫌疑人 42 名",
    "十二月底前完成全部案件信息公开",
]
# Officialese that states nothing checkable.
WITHOUT_FACTS = [
    "高度重视，加强领导，周密部署，狠抓落实",
    "高度重视，加强领导，周密布置，突出重点，确保责任落实",
    "进一步加大打击力度，查处了一批大案要案，取得明显成效",
    "坚持“四个最严”要求，一是强化组织领导，二是突出工作重点",
    "多次深入农村市场开展检查，形成高压态势",
    "畅通12315投诉举报渠道，做到件件有回音",
    "认真贯彻落实上级决策部署，扎实推进各项工作",
    "开展“剑网2020”专项行动，净化网络环境",
    "全面落实两法衔接机制，形成工作合力",
    "2020年以来持续加强知识产权保护工作",
    "积极开展知识产权宣传，营造良好氛围",
    "建立健全长效机制，推动工作常态化、制度化",
    "统一思想认识，压实工作责任，确保各项任务落地见效",
    "加强与相关部门的沟通协调，一起推动问题解决",
    "按照“双随机、一公开”要求开展抽查，做到全覆盖",
    "坚持问题导向，逐一梳理风险隐患，及时整改到位",
    "形成一系列可复制可推广的经验做法",
    "充分发挥牵头作用，协调各成员单位形成工作合力",
    "强化一把手负总责，落实一岗双责",
    "对发现的问题一律依法从严查处，绝不姑息",
    "落实“十四五”规划要求，谋划下一步工作",
    "持续推进软件正版化工作，巩固工作成果",
]


@pytest.mark.parametrize("sentence", WITH_FACTS)
def test_a_sentence_with_a_fact(sentence: str) -> None:
    assert states_fact(sentence), sentence
    assert facts(sentence)


@pytest.mark.parametrize("sentence", WITHOUT_FACTS)
def test_a_sentence_without_a_fact(sentence: str) -> None:
    assert not states_fact(sentence), facts(sentence)


def test_enough_real_style_sentences_both_ways() -> None:
    assert len(WITH_FACTS) >= 20 and len(WITHOUT_FACTS) >= 20


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("检查网店 126 家，立案 12 件，罚没 34 万元", ["126 家", "12 件", "34 万元"]),
        ("11月16日集中销毁", ["11月16日"]),
        ("以官市监〔2020〕41号文件部署", ["〔2020〕41号"]),
        ("印发《商标侵权判断标准》", ["《商标侵权判断标准》"]),
        ("查处侵权案件一起", ["一起"]),
    ],
)
def test_what_counts_is_reported_as_written(sentence: str, found: list[str]) -> None:
    assert facts(sentence) == found


def test_linear_on_long_padding() -> None:
    """Precompiled, no backtracking blow-up: a long run of officialese is read quickly."""
    import time

    text = "高度重视，加强领导，周密部署，狠抓落实，" * 2000
    started = time.perf_counter()
    assert not states_fact(text)
    assert time.perf_counter() - started < 1.0


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"一二三十两百万第进个月日号年家件次起场%％.,-/",
                "2020",
                "12",
                "3",
                "《检查报告》",
                "〔2020〕5号",
                "进一步",
                "一批",
                "检查",
                " ",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_a_fact_is_stated_when_one_is_found(text: str) -> None:
    """The kinds tried one by one agree with their union, which lists them."""
    assert states_fact(text) == bool(facts(text))
