"""Each derivation rule on plan fragments, and the full list derived from the 2020 plan."""

from __future__ import annotations

import pytest

from ipr_rules.model.ruleset import Assignee, Ruleset, Task
from ipr_rules.requirements.derive import derive_requirements


def task(text: str, *, lead: bool = False, campaigns: tuple[str, ...] = ()) -> Task:
    assignees = (Assignee("区市场监管局", "lead" if lead else "co"), Assignee("区委宣传部", "co"))
    return Task("9-9", 1, 9, "事项", text, assignees, False, campaigns, 1, 1)


def derived(text: str, **kwargs: object) -> dict[str, tuple[str, str, dict[str, object]]]:
    return {
        r.id.split("/", 1)[1]: (r.source, r.applies_to, r.schema) for r in derive_requirements(task(text, **kwargs))
    }


@pytest.mark.parametrize(
    ("text", "key", "source"),
    [
        ("依法及时公开侵权假冒行政处罚案件信息。", "publication", "依法及时公开侵权假冒行政处罚案件信息"),
        ("在网上公布检查结果。", "publication", "在网上公布检查结果"),
        ("适时发布农资领域失信黑名单。", "publication", "适时发布农资领域失信黑名单"),
        ("及时向社会通报违法企业和不合格产品。", "publication", "及时向社会通报违法企业和不合格产品"),
        ("曝光一批典型案例。", "publication", "曝光一批典型案例"),
        ("制定出台商标行政执法侵权判断标准。", "standard", "制定出台商标行政执法侵权判断标准"),
        ("研究编制电商平台管理标准。", "standard", "研究编制电商平台管理标准"),
        ("制定治理盗版现象制度规定。", "standard", "制定治理盗版现象制度规定"),
        ("举办网络版权保护与发展大会。", "event", "举办网络版权保护与发展大会"),
        ("举办业务能力提升班。", "event", "举办业务能力提升班"),
        ("组织开展外商投资企业知识产权保护状况调查。", "survey", "组织开展外商投资企业知识产权保护状况调查"),
    ],
)
def test_outputs_by_verb_and_object(text: str, key: str, source: str) -> None:
    found = derived(text)
    assert list(found) == [key]
    assert found[key][0] == source


def test_publication_kind_and_count() -> None:
    schema = derived("曝光一批典型案例。")["publication"][2]
    assert schema == {"outputs": {"type": "list", "min_outputs_of_kind": {"kinds": ["publication"], "count": 1}}}


def test_standard_accepts_regulations_too() -> None:
    schema = derived("制定出台商标行政执法侵权判断标准。")["standard"][2]
    assert schema["outputs"]["min_outputs_of_kind"]["kinds"] == ["standard", "regulation"]  # type: ignore[index]


def test_each_half_year_attaches_to_the_output_verb() -> None:
    found = derived("每半年公开发布违法问题检查情况。")
    assert list(found) == ["each-half-publication"]
    source, _, schema = found["each-half-publication"]
    assert source == "每半年公开发布违法问题检查情况"
    assert schema["outputs"]["covers_periods"] == {"kinds": ["publication"], "periods": "half"}  # type: ignore[index]


def test_each_quarter() -> None:
    found = derived("每季度通报检查情况。")
    assert found["each-quarter-publication"][2]["outputs"]["covers_periods"]["periods"] == "quarter"  # type: ignore[index]


def test_regularly_without_an_output_verb_asks_for_two_dated_outputs_of_any_kind() -> None:
    found = derived("协调组织各地定期开展无害化销毁。")
    assert list(found) == ["periodic"]
    assert found["periodic"][2]["outputs"]["min_dated_outputs"] == {"kinds": None, "count": 2}  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "完善案件信息公开管理制度。",  # 信息公开 is a noun phrase
        "加强对信息公开工作的监督检查、情况通报和考核评价。",  # nouns, not duties to publish
        "健全信息共享、案情通报、案件移送制度。",
        "通过通报、约谈、挂牌督办等方式督促整改。",  # a means, not an output
        "指导各地公布并定期更新本地单位名录。",  # others publish; the unit guides
        "完善专利行政执法侵权判断标准。",  # 完善 is not 制定/出台/编制
        "配合推动制订修订著作权法。",
        "聚焦“一带一路”沿线国家和地区。",
        "开展“双随机”检查。",
    ],
)
def test_no_requirement_the_text_does_not_state(text: str) -> None:
    assert derived(text) == {}


def test_lead_where_the_task_has_one_else_every_named_unit() -> None:
    assert derived("曝光一批典型案例。", lead=True)["publication"][1] == "lead"
    assert derived("曝光一批典型案例。", lead=False)["publication"][1] == "named"


def test_campaigns_apply_to_every_unit_carrying_the_task() -> None:
    found = derived("开展“清风”“龙腾”行动。", campaigns=("清风", "龙腾"))
    assert set(found) == {"campaign-清风", "campaign-龙腾"}
    assert found["campaign-清风"][1] == "carriers"
    assert found["campaign-清风"][0] == "开展“清风”“龙腾”行动"


def test_campaign_name_without_its_year_also_counts() -> None:
    schema = derived("组织开展“剑网2020”专项行动。", campaigns=("剑网2020",))["campaign-剑网2020"][2]
    assert schema["campaigns"]["mentions_campaign"] == {"name": "剑网2020", "also": ["剑网"]}  # type: ignore[index]


def test_two_phrases_of_one_kind_make_one_requirement_quoting_both() -> None:
    found = derived("研究编制电商平台管理标准，制定出台治理盗版现象制度规定。")
    assert list(found) == ["standard"]
    assert found["standard"][0] == "研究编制电商平台管理标准；制定出台治理盗版现象制度规定"


EXPECTED_2020 = {
    "1-2/campaign-剑网2020": ("carriers", "组织开展“剑网2020”专项行动"),
    "1-4/standard": (
        "named",
        "研究编制电商平台知识产权行政保护管理标准；制定出台治理电子商务平台盗版、侵权与假冒现象制度规定",
    ),
    "2-2/publication": ("named", "曝光一批典型案例"),
    "3-1/campaign-清风": ("carriers", "开展“清风”“龙腾”行动"),
    "3-1/campaign-龙腾": ("carriers", "开展“清风”“龙腾”行动"),
    "4-1/each-half-publication": ("lead", "每半年公开发布违法问题检查情况"),
    "5-2/campaign-线上净网线下清源": ("carriers", "开展化妆品“线上净网线下清源”专项行动"),
    "5-3/publication": ("named", "及时向社会通报违法企业和不合格产品"),
    "6-1/standard": ("named", "制定出台商标行政执法侵权判断标准"),
    "6-1/campaign-铁拳": ("carriers", "组织开展“铁拳”专项行动"),
    "8-1/event": ("lead", "举办网络版权保护与发展大会"),
    "8-1/campaign-秋风2020": ("carriers", "组织开展“秋风2020”专项行动"),
    "11-1/publication": ("lead", "并在网上公布检查结果"),
    "12-1/survey": ("lead", "组织开展外商投资企业知识产权保护状况调查"),
    "13-1/campaign-昆仑2020": ("carriers", "深入开展打击食药环节和知识产权“昆仑2020”专项行动"),
    "14-1/campaign-四个最严": ("carriers", "持续深入推进落实食品药品安全“四个最严”要求专项行动"),
    "20-3/periodic": ("lead", "协调组织各地定期开展无害化销毁"),
    "21-4/publication": ("named", "加强对政府采购项目中违法失信行为记录的曝光和惩戒"),
    "21-5/publication": ("named", "适时发布农资领域失信黑名单"),
    "23-1/publication": ("lead", "依法及时公开侵权假冒行政处罚案件信息"),
    "28-1/publication": ("lead", "及时曝光典型案例"),
    "29-2/event": ("named", "举办全国打击侵权假冒业务能力提升班"),
}


def test_the_2020_requirements_are_exactly_these(ruleset: Ruleset) -> None:
    found = {r.id: (r.applies_to, r.source) for task in ruleset.tasks for r in task.requirements}
    assert found == EXPECTED_2020


def test_every_2020_source_is_the_plans_own_words(ruleset: Ruleset) -> None:
    for task_ in ruleset.tasks:
        for requirement in task_.requirements:
            for part in requirement.source.split("；"):
                assert part in task_.text, requirement.id
