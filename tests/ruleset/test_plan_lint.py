"""Warnings about the plan's own wording (ipr_rules.ruleset.lint), with their source lines."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.model.ruleset import UnitRegistry
from ipr_rules.ruleset import lint
from ipr_rules.ruleset.build import read_registry
from ipr_rules.ruleset.lint import lint_plan, render_warning
from ipr_rules.ruleset.plan_text import parse_plan

from .conftest import BUNDLED_DIR


@pytest.fixture(scope="module")
def warnings(plan_text: str) -> list[Diagnostic]:
    return lint_plan(parse_plan(plan_text), read_registry(BUNDLED_DIR / "units.yaml"))


def rule(warning: Diagnostic) -> str:
    return str(warning.args["rule"])


def task(warning: Diagnostic) -> str | None:
    found = warning.args["task"]
    return None if found is None else str(found)


def by_rule(warnings: list[Diagnostic], name: str) -> list[Diagnostic]:
    return [w for w in warnings if rule(w) == name]


def at(warning: Diagnostic) -> tuple[str | None, int | None]:
    return task(warning), warning.line


def column(warning: Diagnostic) -> int:
    assert warning.column is not None
    return warning.column


def points_at(warning: Diagnostic, plan_lines: list[str], token: str) -> bool:
    assert warning.line is not None
    return plan_lines[warning.line - 1][column(warning) - 1 :].startswith(token)


def test_repeated_unit_in_11_1(warnings: list[Diagnostic], plan_lines: list[str]) -> None:
    [warning] = by_rule(warnings, "repeated-unit")
    assert at(warning) == ("11-1", 21)
    assert warning.args["name"] == "区市场监管局"
    line = plan_lines[20]
    second = line.index("区市场监管局", line.index("区市场监管局") + 1)
    assert column(warning) == second + 1


def test_inconsistent_spelling_at_20_1(warnings: list[Diagnostic], plan_lines: list[str]) -> None:
    [warning] = by_rule(warnings, "inconsistent-spelling")
    assert at(warning) == ("20-1", 33)
    assert warning.args["written"] == "区生态环境局"
    assert warning.args["usual"] == "市生态环境官渡分局"
    assert set(str(warning.args["tasks"]).split("、")) == {"5-4", "5-5"}
    assert points_at(warning, plan_lines, "区生态环境局牵头负责")


def test_abbreviated_name_in_11_1(warnings: list[Diagnostic], plan_lines: list[str]) -> None:
    [warning] = by_rule(warnings, "abbreviated-name")
    assert at(warning) == ("11-1", 21)
    assert warning.args["written"] == "国资委"
    assert warning.args["suggested"] == "区国资委"
    assert points_at(warning, plan_lines, "国资委、")


def test_vague_assignees(warnings: list[Diagnostic], plan_lines: list[str]) -> None:
    found = by_rule(warnings, "vague-assignee")
    placeholders = {(task(w), w.line, w.args["written"]) for w in found if "written" in w.args}
    assert placeholders == {
        ("5-1", 14, "有关部门"),
        ("6-1", 16, "有关部门"),
        ("7-1", 17, "有关部门"),
        ("9-1", 19, "有关部门"),
        ("31-1", 46, "相关成员单位"),
    }
    et_cetera = {(task(w), w.line) for w in found if "written" not in w.args}
    assert et_cetera == {("5-4", 14), ("5-5", 14), ("8-1", 18), ("17-1", 29), ("26-1", 40), ("26-2", 40)}
    for warning in found:
        assert points_at(warning, plan_lines, str(warning.args.get("written", "等"))), warning


def test_near_duplicate_5_5_of_5_4(warnings: list[Diagnostic], plan_lines: list[str]) -> None:
    [warning] = by_rule(warnings, "near-duplicate")
    assert at(warning) == ("5-5", 14)
    assert warning.args["other"] == "5-4"
    assert points_at(warning, plan_lines, "严厉打击生产销售假冒伪劣铅蓄电池违法行为")


def test_beyond_district_words(warnings: list[Diagnostic], plan_lines: list[str]) -> None:
    found = by_rule(warnings, "beyond-district")
    words: dict[tuple[str | None, int], set[str]] = defaultdict(set)
    for warning in found:
        words[at(warning)].add(str(warning.args["word"]))
        assert points_at(warning, plan_lines, str(warning.args["word"])), warning
    assert words[("18-1", 30)] == {"京津冀", "长三角", "泛珠三角", "丝绸之路经济带"}
    assert words[("20-1", 33)] == {"各地"}
    assert words[("29-2", 44)] == {"全国"}
    assert words[("30-2", 45)] == {"全国"}
    # 16-1 uses the national information-sharing system, which a district does
    assert ("16-1", 28) not in words


def test_the_2020_plan_has_no_orphan_text(warnings: list[Diagnostic]) -> None:
    assert by_rule(warnings, "orphan-text") == []


def test_warnings_are_sorted_by_position(warnings: list[Diagnostic]) -> None:
    assert warnings == sorted(warnings, key=lambda w: (w.line or 0, column(w), rule(w)))


def test_lint_on_a_fragment(small_registry: UnitRegistry) -> None:
    text = "\n".join(
        [
            "关于印发官渡区2021年测试工作要点的通知",
            "一、第一部分",
            "（一）标题。任务一。（区甲局、区乙局、区甲局按职责分工分别负责）任务二。（区甲局牵头负责，有关部门按职责分工负责）",
            "（二）标题二。任务三。（区乙局等负责）没有分工的结尾。",
        ]
    )
    found = lint_plan(parse_plan(text), small_registry)
    lines = text.splitlines()
    assert {(rule(w), task(w), w.line) for w in found} == {
        ("repeated-unit", "1-1", 3),
        ("vague-assignee", "1-2", 3),
        ("vague-assignee", "2-1", 4),
        ("orphan-text", None, 4),
    }
    orphan = next(w for w in found if rule(w) == "orphan-text")
    assert orphan.args["item"] == 2
    assert lines[3][column(orphan) - 1 :] == "没有分工的结尾。"
    repeated = next(w for w in found if rule(w) == "repeated-unit")
    assert column(repeated) - 1 == lines[2].index("区甲局按职责")


def test_every_rule_is_registered() -> None:
    assert {rule.__name__ for rule in lint.RULES} >= {
        "repeated_unit",
        "inconsistent_spelling",
        "abbreviated_name",
        "vague_assignee",
        "near_duplicate",
        "beyond_district",
        "orphan_text",
    }


def test_compile_prints_warnings_to_stderr_and_succeeds(run_cli, tmp_path: Path, warnings: list[Diagnostic]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(BUNDLED_DIR / "units.yaml", out / "units.yaml")
    result = run_cli("compile", str(BUNDLED_DIR / "plan.txt"), "-o", str(out))
    assert result.exit_code == 0
    assert (out / "ruleset.yaml").is_file()
    lines = result.stderr.splitlines()
    source = str(out / "plan.txt")
    expected = [
        (21, "[11-1]", "(repeated-unit)"),
        (21, "[11-1]", "(abbreviated-name)"),
        (33, "[20-1]", "(inconsistent-spelling)"),
        (14, "[5-5]", "(near-duplicate)"),
        (14, "[5-1]", "(vague-assignee)"),
        (46, "[31-1]", "(vague-assignee)"),
        (30, "[18-1]", "(beyond-district)"),
        (44, "[29-2]", "(beyond-district)"),
        (45, "[30-2]", "(beyond-district)"),
    ]
    for line, task, rule in expected:
        assert any(
            entry.startswith(f"{source}:{line}:") and task in entry and entry.endswith(rule) for entry in lines
        ), (line, task, rule)
    assert len(lines) == len(warnings)  # one line each
    assert "[11-1]" not in result.stdout


def test_validate_ruleset_prints_warnings_and_passes(run_cli, warnings: list[Diagnostic]) -> None:
    result = run_cli("validate-ruleset", str(BUNDLED_DIR))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    source = str(BUNDLED_DIR / "plan.txt")
    warning_lines = [line for line in lines if line.startswith(f"{source}:")]
    assert len(warning_lines) == len(warnings)
    assert any(line.startswith(f"{source}:21:") and line.endswith("(repeated-unit)") for line in warning_lines)
    assert any(line.startswith(f"{source}:33:") and line.endswith("(inconsistent-spelling)") for line in warning_lines)


FRAGMENT = "\n".join(
    [
        "关于印发官渡区2021年测试工作要点的通知",
        "一、第一部分",
        "（一）标题。任务一。（区甲局、区乙局、区甲局按职责分工分别负责）",
        "（二）标题二。任务三。（区乙局负责）没有分工的结尾。",
    ]
)


def test_a_warning_is_a_diagnostic_in_the_plans_file_line_and_column(small_registry: UnitRegistry) -> None:
    found = lint_plan(parse_plan(FRAGMENT), small_registry, file="plan.txt")
    assert all(isinstance(warning, Diagnostic) and warning.file == "plan.txt" for warning in found)
    repeated, orphan = sorted(found, key=rule, reverse=True)
    lines = FRAGMENT.splitlines()
    repeated_at = lines[2].index("区甲局按职责") + 1
    orphan_at = lines[3].index("没有分工的结尾") + 1
    assert (repeated.where, orphan.where) == (f"plan.txt:3:{repeated_at}", f"plan.txt:4:{orphan_at}")
    assert render_warning(repeated, "en") == (
        f"plan.txt:3:{repeated_at}: [1-1] '区甲局' is named twice in one assignment (repeated-unit)"
    )
    assert render_warning(orphan, "zh") == (
        f"plan.txt:4:{orphan_at}: 第（2）项最后一处分工之后还有文字，不属于任何任务：“没有分工的结尾。” (orphan-text)"
    )


def test_compile_prints_each_warning_as_file_line_column_task_message_rule(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(BUNDLED_DIR / "units.yaml", out / "units.yaml")
    result = run_cli("compile", str(BUNDLED_DIR / "plan.txt"), "-o", str(out), "--lang", "en")
    line = (BUNDLED_DIR / "plan.txt").read_text(encoding="utf-8").splitlines()[20]
    second = line.index("区市场监管局", line.index("区市场监管局") + 1) + 1
    expected = f"{out / 'plan.txt'}:21:{second}: [11-1] '区市场监管局' is named twice in one assignment (repeated-unit)"
    assert expected in result.stderr.splitlines()
