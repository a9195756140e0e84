"""Where the rulesets shipped with the package live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.ruleset.files import RULESET_FILE

DEFAULT_YEAR = 2020
_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_root() -> Path:
    installed = _PACKAGE / "rulesets"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "rulesets"  # a source checkout, before installing


def bundled_ruleset_dir(year: int = DEFAULT_YEAR) -> Path:
    return bundled_root() / str(year)


def is_bundled(directory: Path) -> bool:
    try:
        return directory.resolve().parent == bundled_root().resolve()
    except OSError:
        return False


def bundled_years() -> tuple[int, ...]:
    """The years the package carries a ruleset for, in order."""
    root = bundled_root()
    if not root.is_dir():
        return ()
    return tuple(
        sorted(int(entry.name) for entry in root.iterdir() if entry.name.isdigit() and (entry / RULESET_FILE).is_file())
    )
