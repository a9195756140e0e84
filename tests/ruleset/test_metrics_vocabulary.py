"""The metrics vocabulary (metrics.yaml): the ids other tools rely on, lookups by every name,
and `validate-ruleset` naming each problem of a broken copy at its file:line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from ipr_rules.errors import RulesetError
from ipr_rules.ruleset.files import METRICS_FILE
from ipr_rules.ruleset.loader import load_ruleset
from ipr_rules.ruleset.metrics import read_metrics
from ipr_rules.ruleset.validate import validate_ruleset

from .conftest import BUNDLED_DIR

# The ids, labels, units and types the issue fixes, so that reports and other tools can rely on them.
FIXED = {
    "admin_cases": ("行政案件", "件", "count"),
    "cases_closed": ("结案", "件", "count"),
    "case_value_wan": ("案值", "万元", "amount"),
    "fines_wan": ("罚没款", "万元", "amount"),
    "transfers": ("移送司法机关", "件", "count"),
    "criminal_cases": ("刑事立案", "起", "count"),
    "criminal_solved": ("破案", "起", "count"),
    "arrests": ("抓获犯罪嫌疑人", "人", "count"),
    "arrest_approvals": ("批准逮捕", "件", "count"),
    "prosecutions": ("提起公诉", "件", "count"),
    "trials_concluded": ("审结案件", "件", "count"),
    "inspections": ("检查", "次", "count"),
    "entities_inspected": ("检查经营主体", "家", "count"),
    "takedowns": ("删除侵权链接", "条", "count"),
    "trainees": ("培训", "人次", "count"),
    "publicity_events": ("宣传活动", "场", "count"),
    "typical_cases_published": ("曝光典型案例", "件", "count"),
    "mediations": ("调解纠纷", "件", "count"),
}


def test_the_bundled_vocabulary_has_the_fixed_ids() -> None:
    vocabulary, problems = read_metrics(BUNDLED_DIR / METRICS_FILE)
    assert problems == [] and vocabulary is not None
    for metric_id, expected in FIXED.items():
        metric = vocabulary.get(metric_id)
        assert metric is not None, metric_id
        assert (metric.label, metric.unit, metric.type) == expected


@pytest.mark.parametrize(
    ("key", "metric_id"),
    [
        ("admin_cases", "admin_cases"),
        ("cases", "admin_cases"),
        ("行政案件", "admin_cases"),
        ("案值", "case_value_wan"),
        ("案值（万元）", "case_value_wan"),
        ("案值 (万元)", "case_value_wan"),
        ("Cases", "admin_cases"),
        ("ｃａｓｅｓ", "admin_cases"),
        ("行政\u200b案件", "admin_cases"),
    ],
)
def test_keys_resolve_by_id_alias_or_label(key: str, metric_id: str) -> None:
    vocabulary = load_ruleset(BUNDLED_DIR).metrics
    assert vocabulary is not None
    metric = vocabulary.resolve(key)
    assert metric is not None and metric.id == metric_id


@pytest.mark.parametrize("key", ["案值（元）", "case", "行政", ""])
def test_near_misses_do_not_resolve(key: str) -> None:
    vocabulary = load_ruleset(BUNDLED_DIR).metrics
    assert vocabulary is not None and vocabulary.resolve(key) is None


BROKEN = """\
metrics:
- id: admin_cases
  label: 行政案件
  unit: 件
  type: count
  aliases: [cases]
- id: Admin-Cases
  label: 行政案件二
  unit: 件
  type: count
- id: fines_wan
  label: 罚没款
  unit: 万元
  type: decimal
- id: cases_closed
  label: 结案
  unit: 件
  type: count
  aliases: [cases]
  colour: red
"""


def test_validate_ruleset_names_every_problem_at_its_line(ruleset_copy: Path, run_cli: Callable[..., Result]) -> None:
    (ruleset_copy / METRICS_FILE).write_text(BROKEN, encoding="utf-8")
    validation = validate_ruleset(ruleset_copy)
    assert not validation.ok
    shown = str(ruleset_copy / METRICS_FILE)
    places = {(error.file, error.line) for error in validation.errors}
    # type: decimal (line 14) and the unknown field colour (line 20) fail the schema.
    assert (shown, 14) in places and (shown, 20) in places
    result = run_cli("validate-ruleset", str(ruleset_copy))
    assert result.exit_code == 1
    assert f"{shown}:14" in result.stdout


def test_clashing_names_and_bad_ids(ruleset_copy: Path) -> None:
    text = BROKEN.replace("  type: decimal\n", "  type: amount\n").replace("  colour: red\n", "")
    (ruleset_copy / METRICS_FILE).write_text(text, encoding="utf-8")
    errors = validate_ruleset(ruleset_copy).errors
    rendered = [error.render("en") for error in errors]
    assert any(":7:" in line and "Admin-Cases" in line for line in rendered), rendered
    assert any(":19:" in line and "'cases'" in line for line in rendered), rendered
    with pytest.raises(RulesetError):
        load_ruleset(ruleset_copy)


def test_a_ruleset_without_metrics_yaml_has_no_vocabulary(ruleset_copy: Path) -> None:
    (ruleset_copy / METRICS_FILE).unlink()
    assert validate_ruleset(ruleset_copy).ok
    assert load_ruleset(ruleset_copy).metrics is None


def test_metrics_command_lists_the_vocabulary(run_cli: Callable[..., Result]) -> None:
    import json

    table = run_cli("metrics")
    assert table.exit_code == 0
    assert "admin_cases" in table.stdout and "行政案件" in table.stdout and "计数（整数）" in table.stdout
    records = json.loads(run_cli("metrics", "--json").stdout)
    by_id = {record["id"]: record for record in records}
    assert by_id["case_value_wan"]["type"] == "amount" and "涉案金额" in by_id["case_value_wan"]["aliases"]
    assert set(FIXED) <= set(by_id)
    assert "amount (decimal)" in run_cli("metrics", "--lang", "en").stdout


def test_an_empty_vocabulary_is_none(ruleset_copy: Path, run_cli: Callable[..., Result]) -> None:
    (ruleset_copy / METRICS_FILE).write_text("metrics: []\n", encoding="utf-8")
    assert validate_ruleset(ruleset_copy).ok
    assert load_ruleset(ruleset_copy).metrics is None
    result = run_cli("metrics", "--ruleset", str(ruleset_copy))
    assert result.exit_code == 0 and "不存在或没有指标" in result.stdout
