"""YAML 1.1 numbers are refused, never read silently; copied plan text is recognised through
spaces and invisible characters, and an action holding invisible characters is flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hardening.support import check_json, kinds, messages, write

HEAD = "unit: 区司法局\n"
COPIED = "加强知识产权纠纷人民调解组织建设，发展专业化、职业化人民调解员队伍"


def _report(year: str, metrics: str = "{cases: 3}") -> str:
    return (
        f"{HEAD}year: {year}\ntasks:\n"
        f'  "26-2":\n    status: done\n    actions: [新建调解委员会 2 个，调解纠纷 23 件]\n    metrics: {metrics}\n'
    )


@pytest.mark.parametrize(
    ("year", "read_as"), [("0x7E4", "2020"), ("2_020", "2020"), ("33:40", "2020"), ("03744", "2020")]
)
def test_a_yaml11_year_is_an_invalid_report_not_2020(tmp_path: Path, year: str, read_as: str) -> None:
    code, document = check_json(write(tmp_path, "r.yaml", _report(year)), "--unit-only")
    assert code == 1
    assert ("invalid-report", 2) in kinds(document, "invalid-report")
    message = next(m for m in messages(document, "invalid-report") if year in m)
    assert read_as in message and "YAML 1.1" in message


@pytest.mark.parametrize(("metric", "read_as"), [("010", "8"), ("1:00:00", "3600"), ("1:30", "90"), ("1_000", "1000")])
def test_a_yaml11_metric_is_an_invalid_report(tmp_path: Path, metric: str, read_as: str) -> None:
    code, document = check_json(write(tmp_path, "r.yaml", _report("2020", f"{{cases: {metric}}}")), "--unit-only")
    assert code == 1
    found = [m for m in messages(document, "invalid-report") if metric in m]
    assert len(found) == 1 and read_as in found[0]


def test_plain_numbers_and_quoted_text_stay_as_they_are(tmp_path: Path) -> None:
    text = _report("2020", '{cases: 12, fines_yuan: 340000, hours: "1:30"}')
    _, document = check_json(write(tmp_path, "r.yaml", text), "--unit-only")
    assert not [m for m in messages(document, "invalid-report") if "YAML 1.1" in m]


def test_a_sexagesimal_task_id_gets_the_id_it_means(tmp_path: Path) -> None:
    text = f"{HEAD}year: 2020\ntasks:\n  2:3:\n    status: not_started\n"
    _, document = check_json(write(tmp_path, "r.yaml", text), "--unit-only")
    assert any('"2-3"' in m for m in messages(document, "invalid-report"))


@pytest.mark.parametrize("joiner", ["\u200b", " ", "\u3000", "\u00a0", "\u2060", "\ufeff"])
def test_copied_plan_text_spread_with_spaces_or_invisible_characters_is_still_a_copy(
    tmp_path: Path, joiner: str
) -> None:
    action = joiner.join(COPIED)
    text = f'{HEAD}year: 2020\ntasks:\n  "26-2":\n    status: done\n    actions: ["{action}"]\n'
    _, document = check_json(write(tmp_path, "r.yaml", text), "--unit-only")
    assert kinds(document, "restated-plan") == [("restated-plan", 6)]


@pytest.mark.parametrize("joiner", ["\u200b", "\u2060", "\ufeff", "\u200d"])
def test_an_action_with_invisible_characters_is_flagged(tmp_path: Path, joiner: str) -> None:
    text = f'{HEAD}year: 2020\ntasks:\n  "26-2":\n    status: done\n    actions: ["调解纠纷{joiner}23 件"]\n'
    _, document = check_json(write(tmp_path, "r.yaml", text), "--unit-only")
    found = [m for m in messages(document, "invalid-report") if "actions[0]" in m]
    assert len(found) == 1 and f"U+{ord(joiner):04X}" in found[0]


def test_a_campaign_mentioned_with_invisible_characters_or_full_width_digits_counts(tmp_path: Path) -> None:
    base = 'unit: 市公安官渡分局\nyear: 2020\ntasks:\n  "13-1":\n    status: done\n    actions: ["{}"]\n'
    for mention in ("开展“昆\u200b仑２０２０”专项行动，破获案件 18 起", "开展昆 仑 2020 专项行动，破获案件 18 起"):
        _, document = check_json(write(tmp_path, "r.yaml", base.format(mention)), "--unit-only")
        assert kinds(document, "campaign-not-reported") == [], mention
