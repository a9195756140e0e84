"""Running the engine on fixture files and comparing findings as (kind, unit, task, line) tuples.

A failing fixture states what it must produce in comments, one finding per line:

    # expect: wrong-unit 区财政局 21-6 7

(`-` stands for null). Comments may also set options: `# options: complete` or
`# options: unit-only`. A passing fixture must produce no finding of its kind at all.
Messages are never compared here; the tests that are about a message's content say so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.findings import Finding
from ipr_rules.i18n import Lang
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.result import CheckResult

CASES = Path(__file__).resolve().parent.parent / "cases"
NULL = "-"

Key = tuple[str, str | None, str | None, int | None]


def check(paths: Iterable[str | Path], ruleset: Ruleset, **options: Any) -> CheckResult:
    """One engine run in this process (no workers), as the CLI would do it."""
    return check_paths([str(path) for path in paths], ruleset, CheckOptions(jobs=1, **options))


def key(item: Finding) -> Key:
    return (item.kind, item.unit, item.task, item.line)


def keys(result: CheckResult, kind: str | None = None) -> list[Key]:
    """The findings as sorted tuples, optionally of one kind only."""
    return sorted((key(item) for item in result.findings if kind is None or item.kind == kind), key=_order)


def of_kind(result: CheckResult, kind: str) -> list[Finding]:
    return [item for item in result.findings if item.kind == kind]


def kinds(result: CheckResult) -> set[str]:
    return {item.kind for item in result.findings}


def messages(result: CheckResult, kind: str, lang: Lang = "zh") -> list[str]:
    return [item.text(lang) for item in of_kind(result, kind)]


def _order(item: Key) -> tuple[str, ...]:
    return tuple("" if part is None else f"{part:>8}" if isinstance(part, int) else part for part in item)


@dataclass(frozen=True)
class Case:
    path: Path
    expected: list[Key]
    options: dict[str, bool] = field(default_factory=dict)


def read_case(path: Path) -> Case:
    """The `# expect:` and `# options:` comments of a fixture (any encoding: they are ASCII)."""
    expected: list[Key] = []
    options: dict[str, bool] = {}
    for raw in path.read_bytes().splitlines():
        line = raw.decode("utf-8", "replace").strip()
        if line.startswith("# expect:"):
            kind, unit, task, number = line.removeprefix("# expect:").split()
            expected.append((kind, _null(unit), _null(task), None if number == NULL else int(number)))
        elif line.startswith("# options:"):
            for name in line.removeprefix("# options:").split():
                options[name.replace("-", "_")] = True
    return Case(path, sorted(expected, key=_order), options)


def _null(text: str) -> str | None:
    return None if text == NULL else text


def case_paths(kind: str, outcome: str) -> list[Path]:
    return sorted((CASES / kind / outcome).glob("*.yaml"))


def case_tests(kind: str) -> tuple[Callable[..., None], Callable[..., None]]:
    """The two data-driven tests every check module's test file runs over its fixtures."""

    @pytest.mark.parametrize("path", case_paths(kind, "fail"), ids=lambda path: path.stem)
    def test_failing_fixture(path: Path, ruleset: Ruleset) -> None:
        case = read_case(path)
        assert case.expected, f"{path.name} states no `# expect:` finding"
        assert {item[0] for item in case.expected} == {kind}, "a fixture states findings of its own kind only"
        assert keys(check([path], ruleset, **case.options), kind) == case.expected

    @pytest.mark.parametrize("path", case_paths(kind, "pass"), ids=lambda path: path.stem)
    def test_passing_fixture(path: Path, ruleset: Ruleset) -> None:
        case = read_case(path)
        assert not case.expected, f"{path.name} is a passing fixture but states findings"
        assert keys(check([path], ruleset, **case.options), kind) == []

    return test_failing_fixture, test_passing_fixture


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def report(unit: str, tasks: str = "{}", year: int = 2020) -> str:
    """A minimal report; `tasks` is YAML for the mapping (flow style, or a block indented by two)."""
    if tasks.startswith("\n"):
        return f"unit: {unit}\nyear: {year}\ntasks:{tasks}"
    return f"unit: {unit}\nyear: {year}\ntasks: {tasks}\n"
