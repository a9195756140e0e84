"""Fixtures for the compiler-side tests: copies of the bundled ruleset and a small registry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ipr_rules.model.ruleset import Unit, UnitRegistry
from ipr_rules.ruleset.bundled import bundled_ruleset_dir

BUNDLED_DIR = bundled_ruleset_dir()
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def plan_text() -> str:
    return (BUNDLED_DIR / "plan.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def plan_lines(plan_text: str) -> list[str]:
    return plan_text.splitlines()


@pytest.fixture
def ruleset_copy(tmp_path: Path) -> Path:
    """A private copy of rulesets/2020 that a test may break."""
    target = tmp_path / "2020"
    shutil.copytree(BUNDLED_DIR, target)
    return target


@pytest.fixture(scope="session")
def small_registry() -> UnitRegistry:
    """A registry for synthetic plan fragments."""
    return UnitRegistry(
        (
            Unit("区甲局", "昆明市官渡区甲局", "government", ("区甲务局",)),
            Unit("区乙局", "昆明市官渡区乙局", "government"),
            Unit("区丙局", "昆明市官渡区丙局", "government"),
            Unit("区市场监管局", "昆明市官渡区市场监督管理局", "government", ("区市场监督管理局",)),
            Unit("市生态环境官渡分局", "昆明市生态环境局官渡分局", "city_branch", ("区生态环境局",)),
        )
    )
