"""The garbage collector is paused while the program starts, and only then."""

from __future__ import annotations

import gc
import pathlib
import subprocess
import sys

from ipr_rules import collector

from .conftest import REPO

REPORT = "reports/2020/区法院.yaml"


def test_resume_does_nothing_unless_the_program_paused_the_collector() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    collector.resume()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def collector_state(arguments: list[str]) -> tuple[bool, bool]:
    """(enabled, anything frozen) when the program ends, as launched from the command line."""
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('GC', gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr))\n"
        f"sys.argv = ['ipr-check', *{arguments!r}]\n"
        "from ipr_rules.launch import main\n"
        "main()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    line = next(line for line in run.stderr.splitlines() if line.startswith("GC "))
    enabled, frozen = line.split()[1:]
    return enabled == "True", frozen == "True"


def test_a_check_resumes_the_collector_with_start_up_frozen() -> None:
    assert collector_state([REPORT]) == (True, True)


def test_a_view_ends_before_it_needs_the_collector() -> None:
    assert collector_state(["units"]) == (False, False)


def test_a_command_that_reads_inputs_of_any_size_resumes_the_collector(tmp_path: pathlib.Path) -> None:
    assert collector_state(["convert", REPORT, "-o", str(tmp_path / "out.xlsx")]) == (True, True)
    assert collector_state(["validate-ruleset", "rulesets/2020"]) == (True, True)
