"""`diff-ruleset`: the seed against a 2021-style variant built here."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from ipr_rules.model.ruleset import Assignee, Ruleset, Unit, UnitRegistry
from ipr_rules.ruleset.bundled import bundled_ruleset_dir
from ipr_rules.ruleset.diff import diff_rulesets
from ipr_rules.ruleset.files import PLAN_FILE
from ipr_rules.ruleset.loader import load_ruleset
from tests.ruleset.variant import variant_2021

SEED = bundled_ruleset_dir()
REWORDED_FROM = "加大重点时段抽查和打击力度"
REWORDED_TO = "加大节假日等重点时段抽查力度"


@pytest.fixture(scope="module")
def ruleset_2021(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from ipr_rules.cli import main

    folder = tmp_path_factory.mktemp("diff")
    source = folder / "plan-2021.txt"
    text = variant_2021((SEED / PLAN_FILE).read_text(encoding="utf-8"))
    source.write_text(text.replace(REWORDED_FROM, REWORDED_TO), encoding="utf-8")
    target = folder / "2021"
    result = CliRunner().invoke(main, ["init", str(target), "--plan", str(source), "--from", str(SEED)])
    assert result.exit_code == 0, result.output
    return target


def test_the_json_diff_lists_what_changed(run_cli, ruleset_2021: Path) -> None:
    result = run_cli("diff-ruleset", str(SEED), str(ruleset_2021), "--format", "json")
    assert result.exit_code == 0
    diff = json.loads(result.stdout)
    tasks = diff["tasks"]
    assert [t["id"] for t in tasks["added"]] == ["1-5"]
    assert [t["id"] for t in tasks["removed"]] == ["2-2"]
    assert tasks["renumbered"] == [{"old": "2-3", "new": "2-2", "similarity": 1.0}]
    [reworded] = tasks["reworded"]
    assert (reworded["old"], reworded["new"]) == ("1-1", "1-1")
    assert "{+节假日等+}" in reworded["marked"] and "[-和打击-]" in reworded["marked"]
    assert diff["roles"] == [
        {"old_task": "3-1", "new_task": "3-1", "unit": "区市场监管局", "old_role": "co", "new_role": "lead"}
    ]
    renamed = {(r["old"], r["new"]) for r in diff["campaigns"]["renamed"]}
    assert renamed == {("剑网2020", "剑网2021"), ("秋风2020", "秋风2021"), ("昆仑2020", "昆仑2021")}
    assert diff["campaigns"]["added"] == [] and diff["campaigns"]["removed"] == []
    assert diff["units"] == {"renamed": [], "added": [], "removed": []}
    assert (diff["old"]["year"], diff["new"]["year"]) == (2020, 2021)


@pytest.mark.parametrize("format_name", ["table", "markdown"])
def test_the_text_diffs_name_the_same_changes(run_cli, ruleset_2021: Path, format_name: str) -> None:
    result = run_cli("diff-ruleset", str(SEED), str(ruleset_2021), "--format", format_name, "--lang", "en")
    assert result.exit_code == 0
    text = result.stdout
    assert "剑网2020 → 剑网2021" in text
    assert "2-3" in text and "1-5" in text
    assert "1 added, 1 removed, 1 reworded, 1 renumbered, 1 role change(s)" in text
    if format_name == "markdown":
        assert text.startswith("# ruleset diff")
        assert "**节假日等**" in text


def test_a_ruleset_against_itself_has_no_change() -> None:
    seed = load_ruleset(SEED, trusted=True)
    diff = diff_rulesets(seed, seed)
    assert not (diff.added or diff.removed or diff.reworded or diff.renumbered or diff.roles)
    assert len(diff.pairs) == 55


def test_units_renamed_through_the_registry_and_their_roles() -> None:
    seed = load_ruleset(SEED, trusted=True)
    renamed_units = [
        Unit("区工信局", unit.full_name, unit.kind, (unit.name, *unit.aliases)) if unit.name == "区科信局" else unit
        for unit in seed.registry.units
    ]
    units = (*renamed_units, Unit("区教育体育局", "昆明市官渡区教育体育局", "government"))
    tasks = tuple(
        dataclasses.replace(
            task,
            assignees=tuple(
                dataclasses.replace(a, unit="区工信局") if a.unit == "区科信局" else a for a in task.assignees
            ),
        )
        for task in seed.tasks
    )
    first = tasks[0]
    tasks = (dataclasses.replace(first, assignees=(*first.assignees, Assignee("区教育体育局", "co"))), *tasks[1:])
    renamed = Ruleset(dataclasses.replace(seed.plan, tasks=tasks), UnitRegistry(units), "renamed")
    diff = diff_rulesets(seed, renamed)
    assert [(r.old, r.new) for r in diff.units_renamed] == [("区科信局", "区工信局")]
    assert diff.units_added == ("区教育体育局",) and diff.units_removed == ()
    # A renamed unit keeps its roles: the only role change is the unit newly named on 1-1.
    assert [(c.new_task, c.unit, c.old_role, c.new_role) for c in diff.roles] == [("1-1", "区教育体育局", None, "co")]


def test_a_hostile_ruleset_is_refused_by_diff(run_cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    for path in SEED.iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    (broken / "units.yaml").write_text("units: [\n", encoding="utf-8")
    result = run_cli("diff-ruleset", str(SEED), str(broken))
    assert result.exit_code == 2
    assert f"{broken / 'units.yaml'}:" in result.stderr
