"""Golden test: the sample year's JSON report, byte for byte.

`ipr-check reports/2020/ --exemptions docs/examples/exemptions-2020.yaml --format json`, run from the repository root, must print exactly
tests/golden/sample-2020.json (findings, reports, summary and the coverage object).

When a change to the checks or to the sample is meant to change it, regenerate the file and
review the difference before committing it:

    IPR_UPDATE_GOLDEN=1 pytest tests/golden

With IPR_UPDATE_GOLDEN set the test rewrites the file and then fails, saying that it did, so a
run that regenerates can never pass unnoticed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "sample-2020.json"
UPDATE = "IPR_UPDATE_GOLDEN"


def test_sample_year_json(run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run_cli("reports/2020/", "--exemptions", "docs/examples/exemptions-2020.yaml", "--format", "json")
    assert result.exit_code == 1, result.stderr
    if os.environ.get(UPDATE):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
        pytest.fail(
            f"{UPDATE} is set: rewrote {GOLDEN.relative_to(REPO)}; review the difference, then run again without it"
        )
    assert GOLDEN.is_file(), f"no golden file yet: run `{UPDATE}=1 pytest tests/golden`"
    expected = GOLDEN.read_text(encoding="utf-8")
    if result.stdout != expected:
        # The structured comparison first: pytest shows which finding or number differs.
        assert json.loads(result.stdout) == json.loads(expected)
        assert result.stdout == expected, "same data, different formatting"


def test_golden_file_is_the_spec_shape() -> None:
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert list(document)[:4] == ["ruleset", "reports", "findings", "summary"]
    assert document["ruleset"] == {"year": 2020, "tasks": 55, "units": 19}
    assert "coverage" in document
