"""`unknown-unit`: the report's unit matches no unit and no alias; aliases resolve exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, keys, kinds, messages, report, write

KIND = "unknown-unit"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_a_near_miss_gets_the_closest_names(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "near-miss.yaml"], ruleset)
    [zh] = messages(result, KIND, "zh")
    [en] = messages(result, KIND, "en")
    suggested = zh.split("是否为：", 1)[1]
    assert "区市场监管局" in suggested
    assert "did you mean" in en and "区市场监管局" in en


def test_a_name_like_none_gets_no_suggestion(ruleset: Ruleset) -> None:
    [zh] = messages(check([CASES / KIND / "fail" / "unrelated-name.yaml"], ruleset), KIND)
    assert "是否为" not in zh


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("昆明市官渡区人民法院", "区法院"),
        ("区人民法院", "区法院"),
        ("区生态环境局", "市生态环境官渡分局"),
        ("市生态环境官渡分局", "市生态环境官渡分局"),
        ("区打假办", "区打击侵权假冒工作领导小组办公室"),
        ("区市场监督管理局", "区市场监管局"),
    ],
)
def test_aliases_resolve_to_the_canonical_unit(written: str, canonical: str, tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "r.yaml", report(written))
    result = check([path], ruleset)
    assert KIND not in kinds(result)
    assert [(summary.unit, summary.known) for summary in result.reports] == [(canonical, True)]
    assert {item.unit for item in result.findings if item.kind == "missing-task"} == {canonical}


def test_an_unknown_unit_gets_only_the_unknown_unit_and_unknown_task_checks(tmp_path: Path, ruleset: Ruleset) -> None:
    entries = (
        "\n"
        '  "99-1": {status: done, actions: [检查批发市场 36 个次]}\n'  # unknown-task
        '  "21-6": {status: done, actions: [推行信用承诺制]}\n'  # would be wrong-unit
        '  "17-1": {status: not_started}\n'  # would be task-not-started
        '  "10-1": {status: partial, actions: [抽查种苗 12 家]}\n'  # would be task-partial
        '  "13-1": {status: done, actions: [破获刑事案件 18 起]}\n'  # would be campaign-not-reported
        '  "26-2": {status: done, actions: ["加强知识产权纠纷人民调解组织建设，发展专业化、职业化人民调解员队伍。"]}\n'
    )
    path = write(tmp_path, "r.yaml", report("区市场监督局", entries, year=2021))
    result = check([path], ruleset, complete=True)
    per_report = {item.kind for item in result.findings if item.file is not None and item.kind != "missing-report"}
    assert per_report == {"unknown-unit", "unknown-task"}
    # The set check says whose report it most likely was, at the file, instead of "no report".
    [unresolved] = [item for item in result.findings if item.kind == "missing-report" and item.file is not None]
    assert (unresolved.unit, unresolved.line) == ("区市场监管局", 1)
    assert "unit 写作“区市场监督局”，无法识别" in unresolved.text("zh")
    assert keys(result, "unknown-task") == [("unknown-task", "区市场监督局", "99-1", 4)]
    assert [(summary.unit, summary.known) for summary in result.reports] == [("区市场监督局", False)]


def test_an_unknown_unit_counts_for_no_unit(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "r.yaml", report("区法院") + "---\n" + report("区市场监督局"))
    alone = check([path], ruleset)
    assert not alone.set_checks, "one known unit and an unknown one are not two units"
    complete = check([path], ruleset, complete=True)
    missing = {item.unit for item in complete.findings if item.kind == "missing-report"}
    assert "区市场监管局" in missing and "区法院" not in missing
    assert "区市场监督局" not in [unit["unit"] for unit in complete.coverage.record()["units"]]
