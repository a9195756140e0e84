"""The one ruleset loader: hostile files fail fast with exit 2, and every problem at file:line."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from ipr_rules.errors import RulesetError
from ipr_rules.loading.limits import Limits, ReadLimits
from ipr_rules.ruleset import bundled, files
from ipr_rules.ruleset.bundled import bundled_ruleset_dir
from ipr_rules.ruleset.loader import NO_BUNDLED_YEAR, load_ruleset, open_ruleset
from ipr_rules.ruleset.schema import RulesetSchemaError

SEED = bundled_ruleset_dir()
REPORTS = Path(__file__).resolve().parents[2] / "reports" / "2020"


def copy_of_seed(folder: Path) -> Path:
    shutil.copytree(SEED, folder)
    return folder


def checked_with(run_cli, folder: Path):  # type: ignore[no-untyped-def]
    started = time.monotonic()
    result = run_cli(str(REPORTS), "--ruleset", str(folder))
    assert time.monotonic() - started < 30
    return result


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_not_waited_on(run_cli, tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path / "r")
    (folder / "units.yaml").unlink()
    os.mkfifo(folder / "units.yaml")
    result = checked_with(run_cli, folder)
    assert result.exit_code == 2
    assert f"{folder / 'units.yaml'}: " in result.stderr
    assert files.NOT_A_FILE.zh in result.stderr


@pytest.mark.skipif(not Path("/dev/urandom").exists(), reason="needs /dev/urandom")
def test_a_device_is_refused_not_read(run_cli, tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path / "r")
    (folder / "ruleset.yaml").unlink()
    (folder / "ruleset.yaml").symlink_to("/dev/urandom")
    result = checked_with(run_cli, folder)
    assert result.exit_code == 2
    assert files.NOT_A_FILE.zh in result.stderr


def test_random_bytes_are_refused(run_cli, tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path / "r")
    (folder / "ruleset.yaml").write_bytes(bytes(range(256)) * 64)
    result = checked_with(run_cli, folder)
    assert result.exit_code == 2
    assert f"{folder / 'ruleset.yaml'}" in result.stderr
    assert "Traceback" not in result.output


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "units.yaml"
    path.write_text("units: []\n" + "#" * 2000 + "\n", encoding="utf-8")
    checked = files.read_checked(path, ReadLimits(max_file_bytes=1000))
    assert [p.message for p in checked.problems] == [files.TOO_LARGE]
    assert files.read_checked(path).problems == []


def test_node_and_depth_limits_apply(tmp_path: Path) -> None:
    path = tmp_path / "units.yaml"
    path.write_text("units: " + "[" * 50 + "]" * 50 + "\n", encoding="utf-8")
    checked = files.read_checked(path, ReadLimits(yaml=Limits(max_depth=10)))
    assert checked.problems and checked.problems[0].file == str(path) and checked.problems[0].line == 1
    many = tmp_path / "many.yaml"
    many.write_text("units:\n" + "".join(f"- {n}\n" for n in range(300)), encoding="utf-8")
    assert files.read_checked(many, ReadLimits(yaml=Limits(max_nodes=100))).problems


def test_a_duplicate_task_id_is_refused_by_check(run_cli, tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path / "r")
    target = folder / "ruleset.yaml"
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines.index("- id: 1-2\n") + 1
    lines[line - 1] = "- id: 1-1\n"
    target.write_text("".join(lines), encoding="utf-8")
    result = checked_with(run_cli, folder)
    assert result.exit_code == 2
    assert f"{target}:{line}: tasks[1].id:" in result.stderr
    with pytest.raises(RulesetSchemaError):
        load_ruleset(folder)


def test_an_id_or_a_source_with_a_path_is_refused(run_cli, tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path / "r")
    target = folder / "ruleset.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("- id: 1-2\n", "- id: ../../etc/passwd\n", 1), encoding="utf-8")
    assert checked_with(run_cli, folder).exit_code == 2
    target.write_text(text.replace("source: plan.txt\n", "source: ../../etc/passwd\n", 1), encoding="utf-8")
    result = run_cli("validate-ruleset", str(folder))
    assert result.exit_code == 1
    assert "source:" in result.stdout and "../../etc/passwd" in result.stdout


def test_a_stalling_regex_in_the_overlay_is_refused(run_cli, tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path / "r")
    (folder / "requirements.yaml").write_text(
        "add:\n"
        "- task: '1-1'\n"
        "  id: pattern\n"
        "  kind: custom\n"
        "  source: 加强网络市场监管\n"
        "  applies_to: named\n"
        "  schema: {actions: {type: list, schema: {type: string, regex: '(a+)+$'}}}\n"
        "  reason: test\n",
        encoding="utf-8",
    )
    result = run_cli("validate-ruleset", str(folder))
    assert result.exit_code == 1
    assert f"{folder / 'requirements.yaml'}:7: add[0].schema:" in result.stdout
    assert checked_with(run_cli, folder).exit_code == 2


def test_optional_files_are_read_with_the_same_care(run_cli, tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path / "r")
    (folder / "metrics.yaml").write_text("- not\n- a mapping\n", encoding="utf-8")
    result = run_cli("validate-ruleset", str(folder))
    assert result.exit_code == 1
    assert f"{folder / 'metrics.yaml'}:1:" in result.stdout
    (folder / "metrics.yaml").write_text("metrics: []\n", encoding="utf-8")
    (folder / "exemptions.yaml").write_text("exemptions: []\n", encoding="utf-8")
    assert run_cli("validate-ruleset", str(folder)).exit_code == 0


def test_a_year_without_a_bundled_ruleset_is_a_usage_error(run_cli) -> None:
    with pytest.raises(RulesetError) as caught:
        open_ruleset(None, 1999)
    assert caught.value.message is NO_BUNDLED_YEAR
    result = run_cli("tasks", "--year", "1999")
    assert result.exit_code == 2
    assert "1999" in result.stderr


@pytest.fixture
def two_years(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package that carries the 2020 ruleset and a 2021 one whose plan names one task fewer."""
    root = tmp_path / "rulesets"
    shutil.copytree(SEED, root / "2020")
    later = shutil.copytree(SEED, root / "2021")
    plan = (later / "plan.txt").read_text(encoding="utf-8").replace("2020", "2021")
    (later / "plan.txt").write_text(plan, encoding="utf-8")
    from ipr_rules.ruleset.build import build_ruleset

    build_ruleset(later / "plan.txt", later)
    monkeypatch.setattr(bundled, "bundled_root", lambda: root)
    return root


def test_year_picks_the_bundled_ruleset_and_the_views_say_which(run_cli, two_years: Path) -> None:
    assert bundled.bundled_years() == (2020, 2021)
    assert open_ruleset(None, 2021).year == 2021
    result = run_cli("tasks", "--year", "2021")
    assert result.exit_code == 0
    assert "2021 年度规则集，共 55 项任务" in result.stdout
    assert "2020 年度规则集" in run_cli("units").stdout
    assert "in the 2021 ruleset" in run_cli("units", "--year", "2021", "--lang", "en").stdout


def test_the_reports_year_picks_the_bundled_ruleset(run_cli, two_years: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    shutil.copytree(REPORTS, reports)
    for path in reports.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("year: 2020", "year: 2021"), encoding="utf-8")
    import json

    result = run_cli(str(reports), "--format", "json")
    assert json.loads(result.stdout)["ruleset"]["year"] == 2021
    assert "year-mismatch" not in result.stdout
    pinned = run_cli(str(reports), "--format", "json", "--ruleset", str(two_years / "2020"))
    assert json.loads(pinned.stdout)["ruleset"]["year"] == 2020
    assert "year-mismatch" in pinned.stdout


def test_validate_ruleset_tells_an_unreadable_file_from_an_invalid_one(run_cli, tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path / "r")
    (folder / "units.yaml").write_bytes(b"\xff\xfe\x00garbage\x9c")
    assert run_cli("validate-ruleset", str(folder)).exit_code == 2
    (folder / "units.yaml").write_text("units: []\n", encoding="utf-8")
    assert run_cli("validate-ruleset", str(folder)).exit_code == 1


def test_a_folder_named_on_the_command_line_is_validated_even_beside_the_bundled_ones(run_cli, two_years: Path) -> None:
    target = two_years / "2021" / "ruleset.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("- id: 1-2\n", "- id: 1-1\n", 1), encoding="utf-8")
    result = run_cli("tasks", "--ruleset", str(two_years / "2021"))
    assert result.exit_code == 2
    assert f"{target}:" in result.stderr
