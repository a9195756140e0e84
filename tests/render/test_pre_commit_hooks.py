""".pre-commit-hooks.yaml: three hooks, each running a command that works on this repository."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from click.testing import Result

from .support import REPO


@pytest.fixture(scope="module")
def hooks() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for hook in data}


def command(hook: dict[str, Any], files: list[str]) -> list[str]:
    """The arguments pre-commit passes to `ipr-check`: entry, args, then the files if it passes any."""
    words = [*shlex.split(hook["entry"]), *hook.get("args", [])]
    assert words[0] == "ipr-check"
    return words[1:] + (files if hook.get("pass_filenames", True) else [])


def matches(hook: dict[str, Any], path: str) -> bool:
    return re.search(hook.get("files", ""), path) is not None and not re.search(hook.get("exclude", "^$"), path)


def test_three_hooks(hooks: dict[str, dict[str, Any]]) -> None:
    assert set(hooks) == {"ipr-check-unit", "ipr-check-set", "ipr-check-ruleset"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["name"] and hook["description"]


def test_unit_hook_checks_each_changed_report_alone(
    hooks: dict[str, dict[str, Any]], run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = hooks["ipr-check-unit"]
    assert hook.get("pass_filenames", True) and "--unit-only" in hook["entry"]
    assert matches(hook, "reports/2020/区法院.yaml") and not matches(hook, "rulesets/2020/ruleset.yaml")
    monkeypatch.chdir(REPO)
    clean = run_cli(*command(hook, ["reports/2020/区法院.yaml", "reports/2020/区检察院.yaml"]))
    assert clean.exit_code == 0, clean.output
    assert "未做全区集合检查" in clean.output
    gap = run_cli(*command(hook, ["reports/2020/区科信局.yaml"]))
    assert gap.exit_code == 1 and "missing-task" in gap.output


def test_set_hook_runs_once_over_the_folder(
    hooks: dict[str, dict[str, Any]], run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = hooks["ipr-check-set"]
    assert hook["pass_filenames"] is False and hook["require_serial"] is True
    assert hook["args"] == ["reports/"]
    monkeypatch.chdir(REPO)
    result = run_cli(*command(hook, ["reports/2020/区法院.yaml"]))
    assert result.exit_code == 1  # the sample year's deliberate gaps
    assert "unaddressed-shared-duty" in result.output and "共检查 19 份报告" in result.output


def test_ruleset_hook_validates_on_ruleset_changes(
    hooks: dict[str, dict[str, Any]], run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = hooks["ipr-check-ruleset"]
    assert hook["pass_filenames"] is False
    assert matches(hook, "rulesets/2020/units.yaml") and matches(hook, "rulesets/2020/plan.txt")
    assert not matches(hook, "reports/2020/区法院.yaml")
    monkeypatch.chdir(REPO)
    result = run_cli(*command(hook, ["rulesets/2020/units.yaml"]))
    assert result.exit_code == 0, result.output


def test_set_hook_runs_on_every_commit_so_a_deleted_report_is_noticed(
    hooks: dict[str, dict[str, Any]], run_cli: Callable[..., Result], tmp_path: Any
) -> None:
    import shutil

    hook = hooks["ipr-check-set"]
    assert hook["always_run"] is True and "files" not in hook and "types" not in hook
    folder = tmp_path / "reports"
    shutil.copytree(REPO / "reports" / "2020", folder)
    (folder / "区法院.yaml").unlink()  # the commit deletes a report: no file of it is staged
    words = [str(folder) if word == "reports/" else word for word in command(hook, [])]
    result = run_cli(*words, "--format", "json")
    assert result.exit_code == 1
    assert '"kind": "missing-report"' in result.output and '"unit": "区法院"' in result.output


def test_set_hook_while_reports_are_arriving(run_cli: Callable[..., Result], tmp_path: Any) -> None:
    import shutil

    for name in ("区法院.yaml", "区检察院.yaml"):
        shutil.copy(REPO / "reports" / "2020" / name, tmp_path / name)
    early = run_cli(str(tmp_path), "--ignore", "missing-report")
    assert "missing-report" not in early.output and "共检查 2 份报告" in early.output
    assert "missing-report" in run_cli(str(tmp_path)).output


def test_unit_hook_takes_workbooks_and_counts_the_units_it_checked(
    hooks: dict[str, dict[str, Any]], run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = hooks["ipr-check-unit"]
    assert matches(hook, "reports/2020/区法院.xlsx") and not matches(hook, "reports/2020/README.md")
    monkeypatch.chdir(REPO)
    ten = sorted(str(path.relative_to(REPO)) for path in (REPO / "reports" / "2020").glob("*.yaml"))[:10]
    result = run_cli(*command(hook, ten))
    assert "10 个单位各自自查" in result.output and "只检查了一个单位" not in result.output
