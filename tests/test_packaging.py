"""Every subpackage of ipr_rules is in the installed package: a missing one fails only after `pip install .`."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _listed() -> set[str]:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^packages = \[(.*?)\]", text, re.S | re.M)
    assert block, "pyproject.toml lists the packages under [tool.setuptools]"
    return set(re.findall(r'"([\w.]+)"', block.group(1)))


def test_every_subpackage_is_listed_in_pyproject() -> None:
    found = {".".join(init.parent.relative_to(REPO).parts) for init in (REPO / "ipr_rules").rglob("__init__.py")}
    assert found - _listed() == set()
