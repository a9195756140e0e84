"""Start-up: a check against the bundled ruleset imports only what checking needs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

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


# What a district of valid reports is checked without: the pydantic models are built only for a
# report that is not plainly valid (`loading.plain`), tabulate and wcwidth only for a table of
# characters `views.tables` does not know, cerberus only for a requirement that is more than one
# of the custom rules (the bundled ruleset has none).
NOT_FOR_VALID_REPORTS = (
    "pydantic",
    "ipr_rules.model.report",
    "cerberus",
    "importlib.metadata",
    "tabulate",
    "wcwidth",
    *NOT_FOR_A_DISTRICT,
)
# What a view of the bundled ruleset, once its cache is written, is shown without.
NOT_FOR_A_VIEW = (
    "yaml",
    "pydantic",
    "tabulate",
    "wcwidth",
    "ipr_rules.ruleset.plan_text",
    "ipr_rules.ruleset.store",
    "ipr_rules.requirements.overlay",
)


@pytest.fixture(scope="module")
def valid_district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.generate import generate

    corpus = tmp_path_factory.mktemp("corpus")
    generate(corpus, 19, seed=1)
    return corpus / "district-0001"


def test_checking_valid_reports_builds_no_report_model_and_no_tabulate(valid_district: Path) -> None:
    assert imported_by([str(valid_district)], NOT_FOR_VALID_REPORTS) == []
    assert imported_by([str(valid_district / "区法院.yaml")], NOT_FOR_VALID_REPORTS) == []


def test_an_invalid_report_is_still_validated_by_the_models(tmp_path: Path) -> None:
    report = tmp_path / "区法院.yaml"
    report.write_text("unit: 区法院\nyear: 2020\ntasks:\n  '1-1': {status: yes}\n", encoding="utf-8")
    assert imported_by([str(report)], ("ipr_rules.model.report",)) == ["ipr_rules.model.report"]


def test_the_views_read_the_bundled_ruleset_from_its_cache() -> None:
    imported_by(["tasks"], ())  # writes the cache, if no test has yet
    for arguments in (["tasks"], ["units"], ["explain", "1-1"], ["template", "区法院"], ["--help"]):
        assert imported_by(arguments, NOT_FOR_A_VIEW) == [], arguments


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


def test_a_command_imports_only_its_own_module_of_the_cli() -> None:
    modules = tuple(f"ipr_rules.cli.{name}" for name in ("check", "convert", "ruleset", "serve", "views", "years"))
    assert imported_by(["tasks"], modules) == ["ipr_rules.cli.views"]
    assert imported_by(["reports/2020/区法院.yaml"], modules) == ["ipr_rules.cli.check"]
    assert imported_by(["init", "--help"], modules) == ["ipr_rules.cli.years"]
