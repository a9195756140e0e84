"""No status, date or wording can turn a gap into silence (SPEC §6), tried the way a clerk would.

A report of 区司法局 whose duties are all done and stated with facts comes back clean. One duty is
then left undone and the clerk tries to hide it: any status, a reason of any kind, actions of
empty officialese, work dated in another year, a campaign named only as not done, outputs that are
undated, dated outside the year or named for something else. Whatever the combination, the
duty must still give a finding at warning level or above: never exit 0 under --fail-on warning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipr_rules.model.ruleset import Ruleset
from ipr_rules.result import exit_code

from .support import check

UNIT = "区司法局"
HONEST: dict[str, dict[str, Any]] = {
    "19-1": {"status": "done", "actions": ["对《专利法》《著作权法》修正草案提出修改意见 9 条"]},
    "26-1": {"status": "done", "actions": ["在螺蛳湾国际商贸城设立知识产权纠纷调处工作站 1 个，调处纠纷 26 件"]},
    "26-2": {"status": "done", "actions": ["各街道司法所调解室受理商标、著作权纠纷 12 件"]},
    "26-3": {"status": "done", "actions": ["配合市司法局对辖区 2 家司法鉴定机构开展执业检查"]},
    "28-1": {
        "status": "done",
        "actions": ["编印《知识产权以案释法手册》2000 册"],
        "outputs": [{"title": "知识产权以案释法手册", "date": "2020-04-26", "kind": "publication"}],
    },
}
BOILERPLATE = [
    "高度重视，加强领导，周密部署，狠抓落实",
    "高度重视，加强领导，周密布置，突出重点，确保责任落实",
    "进一步加大工作力度，形成了一批工作成果，取得明显成效",
    "坚持“四个最严”要求，一是强化组织领导，二是压实工作责任",
    "多次深入基层开展工作，形成工作合力",
    "认真贯彻落实上级决策部署，扎实推进各项工作",
    "本年度未开展“铁拳”专项行动",
    "没有参加“剑网2020”专项行动",
]
OTHER_YEAR = [
    "2019年11月，设立知识产权纠纷调处工作站 1 个，调处纠纷 26 件",
    "2019年，全区共调处知识产权纠纷 30 件",
    "于2018年12月开展律师进市场活动 3 次",
]
REASONS = ["", "不涉及", "本局职能不涉及此项工作", "经研究，本年度不适用", "因疫情影响未开展，已向领导小组报告"]
BAD_OUTPUTS = st.lists(
    st.fixed_dictionaries(
        {
            "title": st.sampled_from(["工作方案", "2019年工作总结", "情况通报"]),
            "kind": st.sampled_from(["publication", "regulation", "standard", "event", "other"]),
        },
        optional={"date": st.sampled_from(["2019-12-20", "2021-02-15", "2018-06-01"])},
    ),
    max_size=2,
)
BOUNDED = settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _write(folder: Path, tasks: dict[str, Any]) -> Path:
    path = folder / "report.yaml"
    text = yaml.safe_dump({"unit": UNIT, "year": 2020, "tasks": tasks}, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_honest_report_is_clean(tmp_path: Path, ruleset: Ruleset) -> None:
    result = check([_write(tmp_path, HONEST)], ruleset)
    assert result.findings == [], [item.text("en") for item in result.findings]


@BOUNDED
@given(
    task=st.sampled_from(sorted(HONEST)),
    status=st.sampled_from(["done", "partial", "not_started", "not_applicable"]),
    actions=st.lists(st.sampled_from(BOILERPLATE + OTHER_YEAR), max_size=3),
    reason=st.sampled_from(REASONS),
    outputs=BAD_OUTPUTS,
    drop=st.booleans(),
)
def test_a_gap_cannot_be_hidden(
    tmp_path: Path,
    ruleset: Ruleset,
    task: str,
    status: str,
    actions: list[str],
    reason: str,
    outputs: list[dict[str, str]],
    drop: bool,
) -> None:
    tasks = dict(HONEST)
    if drop:
        del tasks[task]
    else:
        entry: dict[str, Any] = {"status": status, "actions": actions, "outputs": outputs}
        if reason or status == "not_applicable":
            entry["reason"] = reason or "无"
        tasks[task] = entry
    result = check([_write(tmp_path, tasks)], ruleset)
    if not result.unreadable and not any(item.kind == "invalid-report" for item in result.findings):
        about = [item for item in result.findings if item.task == task or item.task is None]
        assert any(item.severity in ("error", "warning") for item in about), (status, actions, outputs)
    assert exit_code(result, "warning") == 1


@pytest.mark.parametrize("status", ["not_started", "not_applicable"])
def test_only_an_office_exemption_silences_it(tmp_path: Path, ruleset: Ruleset, status: str) -> None:
    from ipr_rules.ruleset.loader import with_exemptions

    exemptions = tmp_path / "exemptions.yaml"
    exemptions.write_text(
        "exemptions:\n  - {unit: 区司法局, task: '26-1', reason: 经研究同意, approved_by: 区打假办主任办公会, approved_on: 2020-12-28}\n",
        encoding="utf-8",
    )
    tasks = {**HONEST, "26-1": {"status": status, "reason": "不涉及"}}
    result = check([_write(tmp_path, tasks)], with_exemptions(ruleset, exemptions))
    assert result.findings == [] and len(result.waived) == 1
    assert exit_code(result, "warning") == 0
