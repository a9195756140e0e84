"""Results shared by the renderer tests: the 2020 sample year and the hostile fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipr_rules.result import CheckResult

from .support import hostile_folder, run_check, run_sample


@pytest.fixture(scope="session")
def sample() -> CheckResult:
    """reports/2020/: the realistic year with its nine deliberate gaps, one waived (reports/2020/README.md)."""
    return run_sample()


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("hostile")
    return folder, hostile_folder(folder)


@pytest.fixture(scope="session")
def hostile(hostile_dir: tuple[Path, list[str]]) -> CheckResult:
    """Hostile report text and file names, each unit checked on its own (--unit-only)."""
    folder, names = hostile_dir
    return run_check(names, cwd=folder, unit_only=True)


@pytest.fixture(scope="session")
def hostile_set(hostile_dir: tuple[Path, list[str]]) -> CheckResult:
    """The same as a set (two known units): missing reports, shared duties nobody carried."""
    folder, names = hostile_dir
    return run_check(names, cwd=folder)
