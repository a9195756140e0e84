"""`init`: a new plan's ruleset, drafted, that validate-ruleset accepts as written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from ipr_rules.ruleset.bundled import bundled_ruleset_dir
from ipr_rules.ruleset.draft import GUESSED_RENAME, draft_units, guess_kind
from ipr_rules.ruleset.files import EXEMPTIONS_FILE, METRICS_FILE, OVERLAY_FILE, PLAN_FILE, RULESET_FILE, UNITS_FILE
from ipr_rules.ruleset.loader import load_ruleset
from ipr_rules.ruleset.plan_text import parse_plan
from tests.ruleset.variant import variant_2021

GENRE = Path(__file__).resolve().parent / "fixtures" / "genre"
SEED = bundled_ruleset_dir()


@pytest.fixture
def plan_2021(tmp_path: Path) -> Path:
    path = tmp_path / "plan-2021.txt"
    path.write_text(variant_2021((SEED / PLAN_FILE).read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_init_writes_every_file_and_marks_each_guess(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "2015"
    result = run_cli("init", str(target), "--plan", str(GENRE / "fujian-2015.txt"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == sorted(
        [PLAN_FILE, RULESET_FILE, UNITS_FILE, OVERLAY_FILE, EXEMPTIONS_FILE, METRICS_FILE]
    )
    units_text = (target / UNITS_FILE).read_text(encoding="utf-8")
    units = yaml.safe_load(units_text)["units"]
    assert [u["name"] for u in units][:3] == ["省打击侵权假冒工作领导小组办公室", "省公安厅", "省农业厅"]
    assert len(units) == 15
    lines = units_text.splitlines()
    # Each unit to review is printed with the line of its entry, whose comment above marks it.
    reviewed = re.findall(r"units\.yaml:(\d+): (\S+?):", result.stdout)
    assert len(reviewed) == 15
    for line, name in reviewed:
        assert lines[int(line) - 1] == f"- name: {name}"
        assert lines[int(line) - 2].startswith("# 请核对")
    assert f"ipr-check validate-ruleset {target}" in result.stdout
    assert yaml.safe_load((target / EXEMPTIONS_FILE).read_text(encoding="utf-8")) == {"exemptions": []}
    assert yaml.safe_load((target / METRICS_FILE).read_text(encoding="utf-8")) == {"metrics": []}


def test_init_refuses_a_folder_that_is_not_empty(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run_cli("init", str(target), "--plan", str(GENRE / "national-2022.txt"))
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    forced = run_cli("init", str(target), "--plan", str(GENRE / "national-2022.txt"), "--force")
    assert forced.exit_code == 0
    assert (target / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert run_cli("validate-ruleset", str(target)).exit_code == 0


def test_a_plan_that_cannot_be_read_leaves_nothing_behind(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("只有一段文字，没有部分，也没有事项。\n", encoding="utf-8")
    target = tmp_path / "new"
    result = run_cli("init", str(target), "--plan", str(source))
    assert result.exit_code == 2
    assert str(source) in result.stderr
    assert not target.exists()


def test_a_plan_without_assignments_gives_an_empty_valid_ruleset(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("2021年全区打击侵权假冒工作要点\n一、总体要求\n（一）加强领导。落实责任。\n", encoding="utf-8")
    target = tmp_path / "new"
    result = run_cli("init", str(target), "--plan", str(source))
    assert result.exit_code == 0, result.output
    assert "no-assignment" in result.stderr
    assert "要点中没有点名任何单位" in result.stdout and "沿用" not in result.stdout
    assert run_cli("validate-ruleset", str(target)).exit_code == 0
    assert json.loads(run_cli("tasks", "--json", "--ruleset", str(target)).stdout) == []


def test_init_from_last_year_carries_the_registry_over(run_cli, tmp_path: Path, plan_2021: Path) -> None:
    previous = tmp_path / "2020"
    previous.mkdir()
    for path in SEED.iterdir():
        (previous / path.name).write_bytes(path.read_bytes())
    (previous / METRICS_FILE).write_text("# 指标\nmetrics: []  # 沿用\n", encoding="utf-8")
    target = tmp_path / "2021"
    result = run_cli("init", str(target), "--plan", str(plan_2021), "--from", str(previous))
    assert result.exit_code == 0, result.output
    assert run_cli("validate-ruleset", str(target)).exit_code == 0
    new, old = load_ruleset(target), load_ruleset(SEED, trusted=True)
    assert new.year == 2021
    assert len(new.registry.units) == 19
    old_units = {unit.name: unit for unit in old.registry.units}
    for unit in new.registry.units:
        assert unit == old_units[unit.name]  # full name, kind and aliases carried over
    assert (target / METRICS_FILE).read_text(encoding="utf-8") == "# 指标\nmetrics: []  # 沿用\n"
    assert "# 请核对" not in (target / UNITS_FILE).read_text(encoding="utf-8")


def test_a_renamed_unit_is_guessed_and_marked(plan_2021: Path) -> None:
    text = plan_2021.read_text(encoding="utf-8").replace("区科信局", "区工信局")
    old = load_ruleset(SEED, trusted=True)
    draft = draft_units(parse_plan(text), old.registry)
    [renamed] = draft.to_review
    assert renamed.unit.name == "区工信局"
    assert "区科信局" in renamed.unit.aliases
    assert renamed.notes[0][0] is GUESSED_RENAME
    assert len(draft.units) == 19


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("区法院", "judicial"),
        ("中央宣传部", "party"),
        ("区委政法委", "party"),
        ("市公安官渡分局", "city_branch"),
        ("省工商局", "government"),
    ],
)
def test_the_kind_is_guessed_from_the_name(name: str, kind: str) -> None:
    assert guess_kind(name) == kind
