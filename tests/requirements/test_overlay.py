"""The hand-kept overlay: add, change the severity of, or drop a requirement, with a reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.ruleset.loader import load_ruleset
from ipr_rules.ruleset.validate import validate_ruleset
from tests.conftest import BUNDLED

ADD = """\
add:
  - task: "7-1"
    id: standard
    kind: standard
    source: 完善专利行政执法侵权判断标准
    applies_to: named
    severity: error
    description: 至少一项出台的标准或制度规定
    schema: {outputs: {type: list, min_outputs_of_kind: {kinds: [standard, regulation], count: 1}}}
    reason: 区里要求年内修订专利侵权判断标准
change:
  - {requirement: 4-1/each-half-publication, severity: error, reason: 信息公开考核的硬性指标}
drop:
  - {requirement: 14-1/campaign-四个最严, reason: 由上级检察院统一部署}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "2020"
    shutil.copytree(BUNDLED, target)
    return target


def requirements(folder: Path) -> dict[str, tuple[str, str]]:
    ruleset = load_ruleset(folder)
    return {r.id: (r.severity, r.origin) for t in ruleset.tasks for r in t.requirements}


def test_add_change_drop(folder: Path) -> None:
    (folder / "requirements.yaml").write_text(ADD, encoding="utf-8")
    found = requirements(folder)
    assert found["7-1/standard"] == ("error", "overlay")
    assert found["4-1/each-half-publication"] == ("error", "overlay")
    assert "14-1/campaign-四个最严" not in found
    assert validate_ruleset(folder).ok


def test_the_engine_uses_the_adjusted_requirements(folder: Path, tmp_path: Path) -> None:
    (folder / "requirements.yaml").write_text(ADD, encoding="utf-8")
    report = tmp_path / "r.yaml"
    report.write_text(
        'unit: 区市场监管局\nyear: 2020\ntasks:\n  "7-1": {status: done, actions: [调处专利纠纷 12 件]}\n',
        encoding="utf-8",
    )
    result = check_paths([str(report)], load_ruleset(folder), CheckOptions(unit_only=True))
    found = [(f.kind, f.task, f.severity) for f in result.findings if f.kind == "requirement-unmet"]
    assert found == [("requirement-unmet", "7-1", "error")]


def test_the_bundled_overlay_is_valid_and_empty(folder: Path) -> None:
    assert requirements(folder) == requirements(BUNDLED)


@pytest.mark.parametrize(
    ("overlay", "field"),
    [
        ("drop:\n  - {requirement: 4-1/no-such, reason: x}\n", "drop[0].requirement"),
        ("change:\n  - {requirement: 4-1/each-half-publication, severity: error, reason: ''}\n", "change[0].reason"),
        ("change:\n  - {requirement: 4-1/each-half-publication, severity: fatal, reason: x}\n", "change[0].severity"),
        ("drop:\n  - {requirement: 4-1/each-half-publication}\n", "drop[0].reason"),
        (
            "add:\n  - {task: '99-1', id: x, kind: x, source: x, applies_to: named, schema: {outputs: {type: list}}, reason: x}\n",
            "add[0].task",
        ),
        (
            "add:\n  - {task: '7-1', id: x, kind: x, source: x, applies_to: named, schema: {outputs: {bogus: 1}}, reason: x}\n",
            "add[0].schema",
        ),
        (
            "add:\n  - {task: '4-1', id: each-half-publication, kind: x, source: x, applies_to: named, schema: {outputs: {type: list}}, reason: x}\n",
            "add[0].id",
        ),
        ("drop:\n  - {requirement: 4-1/each-half-publication, reason: x, extra: 1}\n", "drop[0].extra"),
    ],
)
def test_a_broken_overlay_fails_validation_naming_file_line_and_field(folder: Path, overlay: str, field: str) -> None:
    (folder / "requirements.yaml").write_text(overlay, encoding="utf-8")
    result = validate_ruleset(folder)
    assert not result.ok
    rendered = "\n".join(problem.render("en") for problem in result.errors)
    assert f"requirements.yaml:2: {field}:" in rendered or f"requirements.yaml:2: {field.split('.')[0]}" in rendered, (
        rendered
    )


def test_a_compiled_requirement_with_an_invalid_schema_fails_validation(folder: Path) -> None:
    text = (folder / "ruleset.yaml").read_text(encoding="utf-8")
    broken = text.replace("min_outputs_of_kind:", "min_outputs_of_kinds:", 1)
    (folder / "ruleset.yaml").write_text(broken, encoding="utf-8")
    rendered = "\n".join(problem.render("en") for problem in validate_ruleset(folder).errors)
    assert "requirements[0].schema" in rendered
    assert "not a valid cerberus rule set" in rendered
