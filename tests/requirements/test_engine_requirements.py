"""Every 2020 requirement, met and missed, through the engine; who a requirement applies to."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.model.ruleset import Ruleset

# (task, unit the requirement applies to, outputs that meet it, outputs that miss it)
CASES = [
    ("1-4", "区科信局", [{"title": "电商平台知识产权保护管理办法", "date": "2020-09-01", "kind": "regulation"}], []),
    (
        "2-2",
        "区商投局",
        [{"title": "典型案例通报", "date": "2020-08-01", "kind": "publication"}],
        [{"title": "工作总结", "kind": "other"}],
    ),
    (
        "4-1",
        "区市场监管局",
        [
            {"title": "上半年检查情况", "date": "2020-06-29", "kind": "publication"},
            {"title": "下半年检查情况", "date": "2020-12-28", "kind": "publication"},
        ],
        [{"title": "下半年检查情况", "date": "2020-12-28", "kind": "publication"}],
    ),
    ("5-3", "区卫生健康局综合监督执法局", [{"title": "抽检结果通报", "date": "2020-10-01", "kind": "publication"}], []),
    (
        "6-1",
        "区市场监管局",
        [{"title": "商标侵权判断标准", "date": "2020-11-02", "kind": "standard"}],
        [{"title": "草案", "kind": "other"}],
    ),
    ("8-1", "区委宣传部", [{"title": "网络版权保护与发展大会", "date": "2020-04-26", "kind": "event"}], []),
    (
        "11-1",
        "区委宣传部",
        [{"title": "软件正版化检查结果公告", "date": "2020-12-15", "kind": "publication"}],
        [{"title": "检查报告", "kind": "other"}],
    ),
    (
        "12-1",
        "区打击侵权假冒工作领导小组办公室",
        [{"title": "外资企业知识产权保护状况调查报告", "date": "2020-10-20", "kind": "survey"}],
        [],
    ),
    (
        "20-3",
        "区打击侵权假冒工作领导小组办公室",
        [
            {"title": "第一次集中销毁", "date": "2020-04-26", "kind": "event"},
            {"title": "第二次集中销毁", "date": "2020-11-10", "kind": "event"},
        ],
        [{"title": "集中销毁", "date": "2020-04-26", "kind": "event"}],
    ),
    ("21-4", "区财政局", [{"title": "失信行为曝光", "date": "2020-12-04", "kind": "publication"}], []),
    ("21-5", "区农业农村局", [{"title": "农资失信黑名单", "date": "2020-12-01", "kind": "publication"}], []),
    (
        "23-1",
        "区打击侵权假冒工作领导小组办公室",
        [{"title": "行政处罚案件信息公开", "date": "2020-07-01", "kind": "publication"}],
        [],
    ),
    (
        "28-1",
        "区打击侵权假冒工作领导小组办公室",
        [{"title": "典型案例发布", "date": "2020-04-20", "kind": "publication"}],
        [],
    ),
    (
        "29-2",
        "区打击侵权假冒工作领导小组办公室",
        [{"title": "业务能力提升班", "date": "2020-09-15", "kind": "event"}],
        [],
    ),
]


def write_report(folder: Path, unit: str, task: str, outputs: list[dict[str, str]], status: str = "done") -> Path:
    entry: dict[str, object] = {"status": status, "actions": ["开展专项检查 12 次，立案 3 件"], "outputs": outputs}
    if task in ("8-1",):
        entry["campaigns"] = ["秋风2020"]
    if task == "6-1":
        entry["campaigns"] = ["铁拳"]
    path = folder / f"{unit}-{task}-{len(outputs)}.yaml"
    path.write_text(
        yaml.safe_dump({"unit": unit, "year": 2020, "tasks": {task: entry}}, allow_unicode=True), encoding="utf-8"
    )
    return path


def unmet(path: Path, ruleset: Ruleset) -> list[tuple[str, str | None, str | None, int | None]]:
    result = check_paths([str(path)], ruleset, CheckOptions(unit_only=True))
    return [(f.kind, f.unit, f.task, f.line) for f in result.findings if f.kind == "requirement-unmet"]


@pytest.mark.parametrize(("task", "unit", "meets", "misses"), CASES, ids=[case[0] for case in CASES])
def test_each_2020_requirement_met_and_missed(
    tmp_path: Path, ruleset: Ruleset, task: str, unit: str, meets: list, misses: list
) -> None:
    assert unmet(write_report(tmp_path, unit, task, meets), ruleset) == []
    found = unmet(write_report(tmp_path, unit, task, misses), ruleset)
    assert [(kind, who, task_id) for kind, who, task_id, _ in found] == [("requirement-unmet", unit, task)]
    assert found[0][3] is not None


def test_the_message_quotes_the_plan_and_names_the_missing_half(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write_report(tmp_path, "区市场监管局", "4-1", CASES[2][3])
    result = check_paths([str(path)], ruleset, CheckOptions(unit_only=True))
    [finding] = [f for f in result.findings if f.kind == "requirement-unmet"]
    assert "每半年公开发布违法问题检查情况" in finding.text("zh")
    assert "上半年" in finding.text("zh")
    assert "first half" in finding.text("en")
    assert finding.severity == "warning"


def test_a_lead_duty_does_not_apply_to_co_units(tmp_path: Path, ruleset: Ruleset) -> None:
    assert unmet(write_report(tmp_path, "区委宣传部", "4-1", []), ruleset) == []


def test_not_started_entries_are_not_held_to_requirements(tmp_path: Path, ruleset: Ruleset) -> None:
    path = tmp_path / "r.yaml"
    path.write_text('unit: 区市场监管局\nyear: 2020\ntasks:\n  "4-1": {status: not_started}\n', encoding="utf-8")
    assert unmet(path, ruleset) == []


def test_partial_entries_are_held_to_requirements(tmp_path: Path, ruleset: Ruleset) -> None:
    assert unmet(write_report(tmp_path, "区委宣传部", "11-1", [], status="partial"), ruleset)


def test_the_sample_year_misses_exactly_the_documented_requirement(ruleset: Ruleset) -> None:
    repo = Path(__file__).resolve().parents[2]
    result = check_paths([str(repo / "reports" / "2020")], ruleset)
    found = [(f.unit, f.task) for f in result.findings if f.kind == "requirement-unmet"]
    assert found == [("区市场监管局", "4-1")]
