"""What the office hands upward (SPEC §8): district totals from the units' own figures, what each
unit did per task, the tasks nobody carried, and the check time in local time."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import Result

from ipr_rules.render.summary import local_time, summarize
from ipr_rules.result import CheckResult

from .support import REPO

# Three units with figures of their own: by Chinese label, a decimal amount, per-task figures
# over the unit's total, and one unknown key.
MARKET = """\
unit: 区市场监管局
year: 2020
metrics: {admin_cases: 1849, case_value_wan: 3749.29, case_count: 3}
tasks:
  "2-1":
    status: done
    actions: [在城乡结合部检查经营户 2315 户次，立案 23 件]
    outputs: [{title: 城乡结合部市场检查情况通报, date: 2020-07-10, kind: publication}]
    metrics: {admin_cases: 23, case_value_wan: 10.5}
"""
POLICE = """\
unit: 市公安官渡分局
year: 2020
metrics: {刑事立案: 65, 抓获犯罪嫌疑人: 106, 案值: 0.71}
tasks:
  "13-1":
    status: done
    actions: [开展“昆仑2020”专项行动，破获案件 38 起]
    campaigns: [昆仑2020]
    metrics: {criminal_cases: 40, arrests: 70}
"""
COURT = """\
unit: 区法院
year: 2020
metrics: {trials_concluded: 10}
tasks:
  "15-1":
    status: done
    actions: [审结知识产权案件 12 件]
    metrics: {trials_concluded: 12}
"""


@pytest.fixture
def district(tmp_path: Path) -> Path:
    for name, text in (("market.yaml", MARKET), ("police.yaml", POLICE), ("court.yaml", COURT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _json(run_cli: Callable[..., Result], *args: str) -> dict[str, object]:
    result = run_cli(*args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    document: dict[str, object] = json.loads(result.stdout)
    return document


def test_json_totals_add_up_the_units_own_figures_only(district: Path, run_cli: Callable[..., Result]) -> None:
    document = _json(run_cli, str(district))
    totals = {item["metric"]: item for item in document["totals"]}  # type: ignore[attr-defined]
    assert totals["admin_cases"] == {
        "metric": "admin_cases",
        "label": "行政案件",
        "unit": "件",
        "total": 1849,
        "by_unit": {"区市场监管局": 1849},
    }
    # 3749.29 + 0.71 exactly, and the per-task 10.5 not added again.
    assert totals["case_value_wan"]["total"] == 3750
    assert totals["case_value_wan"]["by_unit"] == {"市公安官渡分局": 0.71, "区市场监管局": 3749.29}
    assert totals["criminal_cases"]["total"] == 65  # keyed by its label 刑事立案
    assert totals["trials_concluded"]["total"] == 10  # the total, not the 12 of the breakdown
    assert "case_count" not in totals
    kinds = {(item["kind"], item["unit"]) for item in document["findings"]}  # type: ignore[attr-defined]
    assert ("unknown-metric", "区市场监管局") in kinds
    assert ("metric-inconsistent", "区法院") in kinds
    assert ("metric-inconsistent", "市公安官渡分局") not in kinds


def test_summary_totals_are_exact_decimals(district: Path) -> None:
    from ipr_rules.ruleset.loader import open_ruleset
    from tests.checks.support import check

    summary = summarize(check([district], open_ruleset(None)))
    totals = {total.metric: total for total in summary.totals}
    assert totals["case_value_wan"].total == Decimal("3750.00")


def test_markdown_shows_totals_and_what_units_did(district: Path, run_cli: Callable[..., Result]) -> None:
    text = run_cli(str(district), "--format", "markdown").stdout
    totals = text[text.index("## 全区指标合计") :]
    assert "| 案值 | 万元 | 3750 | 市公安官渡分局 0.71；区市场监管局 3749.29 |" in totals
    work = text[text.index("## 各项任务完成情况") :]
    assert "- **区市场监管局（分工负责 · 已完成）**" in work
    assert "  - 在城乡结合部检查经营户 2315 户次，立案 23 件" in work
    assert "《城乡结合部市场检查情况通报》（2020-07-10）" in work
    assert "专项行动：昆仑2020" in work
    english = run_cli(str(district), "--format", "markdown", "--lang", "en").stdout
    assert "## District totals" in english and "## What was done, task by task" in english


def test_table_names_the_tasks_nobody_carried(run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    exempted = ("--exemptions", "docs/examples/exemptions-2020.yaml")
    lines = run_cli("reports/2020/", *exempted).stdout.splitlines()
    assert "无人承担的任务（1 项）：17-1（查处侵权假冒涉税案件）" in lines
    # Without the office's exemption, 30-2 (its only unit said not applicable) is nobody's too.
    plain = run_cli("reports/2020/").stdout.splitlines()
    assert "无人承担的任务（2 项）：17-1（查处侵权假冒涉税案件）；30-2（运用信息化手段）" in plain
    english = run_cli("reports/2020/", *exempted, "--lang", "en").stdout
    assert "tasks nobody carried (1): 17-1 (查处侵权假冒涉税案件)" in english


def test_html_totals_chart_and_collapsed_work(district: Path, run_cli: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "out" / "r.html"
    target.parent.mkdir()  # a missing folder is refused, never made
    run_cli(str(district), "-o", str(target))
    page = target.read_text(encoding="utf-8")
    totals = page[page.index('id="totals"') : page.index('id="matrix"')]
    assert "<svg" in totals and "3749.29" in totals and "<script" not in page
    work = page[page.index('id="work"') :]
    screen = work[: work.index('class="print-only"')]
    assert "<details><summary>2-1 " in screen and "<details open" not in screen
    printed = work[work.index('class="print-only"') :]
    assert "在城乡结合部检查经营户 2315 户次，立案 23 件" in printed
    assert ".print-only { display: block; }" in page


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


@pytest.mark.usefixtures("shanghai")
def test_check_time_is_local_with_its_offset(district: Path, run_cli: Callable[..., Result], tmp_path: Path) -> None:
    # SOURCE_DATE_EPOCH of the run_cli fixture: 2021-01-01 00:00:00 UTC.
    target = tmp_path / "r.html"
    run_cli(str(district), "-o", str(target))
    assert "<dt>检查时间</dt><dd>2021-01-01 08:00:00 +08:00</dd>" in target.read_text(encoding="utf-8")
    assert "检查时间：2021-01-01 08:00:00 +08:00" in run_cli(str(district), "--format", "markdown").stdout


def test_local_time_text() -> None:
    assert local_time("2021-01-01T08:00:00+08:00") == "2021-01-01 08:00:00 +08:00"
    assert local_time("2021-01-01T00:00:00") == "2021-01-01 00:00:00"
    assert local_time("not a time") == "not a time"


def test_sample_year_totals(sample: CheckResult) -> None:
    totals = {total.metric: total for total in summarize(sample).totals}
    assert totals["admin_cases"].by_unit == {
        "区市场监管局": Decimal(426),
        "区文化和旅游局": Decimal(18),
        "区农业农村局": Decimal(27),
    }
    assert totals["case_value_wan"].total == Decimal("3749.75")


def test_workers_give_the_same_totals_and_narrative(district: Path) -> None:
    from ipr_rules.engine import CheckOptions, check_paths
    from ipr_rules.render import render_whole
    from ipr_rules.ruleset.loader import open_ruleset

    for copy in range(3):  # a unit's second report: its first figures count, its work is kept
        (district / f"market-{copy}.yaml").write_text(MARKET.replace("1849", str(2000 + copy)), encoding="utf-8")
    ruleset = open_ruleset(None)
    serial = check_paths([str(district)], ruleset, CheckOptions(jobs=1))
    parallel = check_paths([str(district)], ruleset, CheckOptions(jobs=2))
    parallel.checked_at = serial.checked_at
    assert render_whole("markdown", parallel, "zh") == render_whole("markdown", serial, "zh")
    assert render_whole("json", parallel, "zh") == render_whole("json", serial, "zh")
    totals = {total.metric: total for total in summarize(serial).totals}
    assert totals["admin_cases"].by_unit == {"区市场监管局": Decimal(2000)}  # market-0.yaml is read first
