"""Start-up: a check against the bundled ruleset imports only what checking needs."""

from __future__ import annotations

import ast
import subprocess
import sys

from .conftest import REPO

# The ruleset's source checks and compiler are for rulesets named on the command line and for
# `build-ruleset`; the worker pool is for runs of hundreds of files.
NOT_FOR_A_DISTRICT = (
    "ipr_rules.ruleset.validate",
    "ipr_rules.ruleset.build",
    "ipr_rules.ruleset.compile",
    "ipr_rules.ruleset.lint",
    "ipr_rules.requirements.derive",
    "multiprocessing",
    "xlsxwriter",
    "ipr_rules.render.html",
)


def imported_by(arguments: list[str], watched: tuple[str, ...]) -> list[str]:
    code = (
        "import sys\n"
        "from ipr_rules.cli import main\n"
        f"try:\n    main({arguments!r})\nexcept SystemExit:\n    pass\n"
        f"print('IMPORTED', [m for m in {watched!r} if m in sys.modules], file=sys.stderr)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    line = next((line for line in run.stderr.splitlines() if line.startswith("IMPORTED ")), None)
    assert line is not None, run.stderr
    names: list[str] = ast.literal_eval(line.removeprefix("IMPORTED "))
    return names


def test_checking_a_district_loads_no_compiler_and_no_worker_pool() -> None:
    assert imported_by(["reports/2020/"], NOT_FOR_A_DISTRICT) == []
    assert imported_by(["reports/2020/区法院.yaml"], NOT_FOR_A_DISTRICT) == []


def test_the_views_load_no_checks() -> None:
    checking = (
        "ipr_rules.engine",
        "ipr_rules.checks",
        "ipr_rules.model.report",
        *NOT_FOR_A_DISTRICT,
    )
    for arguments in (["--help"], ["tasks"], ["units"], ["explain", "1-1"]):
        assert imported_by(arguments, checking) == [], arguments


def test_a_named_ruleset_is_still_validated() -> None:
    assert imported_by(["tasks", "--ruleset", "rulesets/2020"], ("ipr_rules.ruleset.validate",)) == [
        "ipr_rules.ruleset.validate"
    ]
