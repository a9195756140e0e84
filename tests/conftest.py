"""Shared fixtures: the bundled ruleset and a CLI runner that lets exceptions through."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ipr_rules.cli import main
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.ruleset.bundled import bundled_ruleset_dir
from ipr_rules.ruleset.loader import load_ruleset

REPO = Path(__file__).resolve().parent.parent
BUNDLED = bundled_ruleset_dir()

# Times are shown in local time: the tests run in UTC wherever they run, and the tests of
# another zone set TZ themselves.
os.environ["TZ"] = "UTC"
if hasattr(time, "tzset"):
    time.tzset()
# The loaded-ruleset cache of the tests' runs (and of the commands they start) is their own.
os.environ["IPR_CHECK_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="ipr-check-test-cache-")
atexit.register(shutil.rmtree, _CACHE, True)


@pytest.fixture(scope="session")
def ruleset() -> Ruleset:
    return load_ruleset(BUNDLED, trusted=False)


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """Invoke `ipr-check` in-process; a Python exception fails the test instead of hiding."""

    def invoke(*args: str, input: str | None = None) -> Result:
        # A fixed time of the check, so that two runs' markdown or HTML can be compared.
        env = {"SOURCE_DATE_EPOCH": "1609459200"}
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False, env=env)

    return invoke
