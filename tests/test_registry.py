"""Completeness of the rule registry: every kind of SPEC §4 has a module, a test file, fixtures,
messages in both languages, the severity SPEC gives it, and generated documentation that is
current."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import Result

import ipr_rules.checks
import ipr_rules.loading
from ipr_rules.checks import BY_KIND, KINDS, MODULES, RULES
from ipr_rules.i18n import LANGS, Lang, Text

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"

# SPEC §4: kind -> (severity, scope). requirement-unmet takes its requirement's severity; the
# module's SEVERITY is the default, a warning.
SPEC_KINDS: dict[str, tuple[str, str]] = {
    "missing-task": ("error", "unit"),
    "task-not-started": ("error", "unit"),
    "task-partial": ("warning", "unit"),
    "wrong-unit": ("error", "unit"),
    "unaddressed-shared-duty": ("error", "set"),
    "missing-report": ("error", "set"),
    "duplicate-report": ("error", "set"),
    "campaign-not-reported": ("warning", "unit"),
    "restated-plan": ("warning", "unit"),
    "requirement-unmet": ("warning", "unit"),
    "unknown-task": ("error", "unit"),
    "unknown-unit": ("error", "unit"),
    "year-mismatch": ("error", "unit"),
    "invalid-report": ("error", "unit"),
    "unreadable": ("error", "file"),
    # SPEC §6. task-not-applicable is a warning for a co-responsible unit; the module's SEVERITY
    # is the lead's and sole unit's.
    "task-not-applicable": ("error", "unit"),
    "vague-action": ("warning", "unit"),
    "out-of-period": ("warning", "unit"),
    "exemption-expired": ("info", "unit"),
    "exemption-unused": ("info", "set"),
}
# Kinds whose test file another part of the work provides. A kind leaves this set as soon as
# its file exists (the test below fails until it is removed here), so it cannot hide a gap.
TESTS_PROVIDED_ELSEWHERE: set[str] = set()


def test_every_spec_kind_is_registered() -> None:
    assert set(SPEC_KINDS) <= set(KINDS)
    assert len(KINDS) == len(RULES), "each kind once"


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_its_own_module(kind: str) -> None:
    rule = BY_KIND[kind]
    assert rule.module == f"ipr_rules.checks.{kind.replace('-', '_')}"
    assert (REPO / "ipr_rules" / "checks" / f"{kind.replace('-', '_')}.py").is_file()


def test_every_check_module_is_in_the_registry() -> None:
    """A module of the checks package that defines a KIND is registered (helpers define none)."""
    with_kind = set()
    for info in pkgutil.iter_modules(ipr_rules.checks.__path__):
        module = importlib.import_module(f"ipr_rules.checks.{info.name}")
        if hasattr(module, "KIND"):
            with_kind.add(module.__name__)
    assert with_kind == {module.__name__ for module in MODULES}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_a_test_file(kind: str) -> None:
    path = TESTS / "checks" / f"test_{kind.replace('-', '_')}.py"
    if kind in TESTS_PROVIDED_ELSEWHERE:
        assert not path.exists(), f"{path.name} exists now: remove {kind} from TESTS_PROVIDED_ELSEWHERE"
        return
    assert path.is_file()


@pytest.mark.parametrize("kind", sorted(set(KINDS) - TESTS_PROVIDED_ELSEWHERE))
def test_each_kind_has_passing_and_failing_fixtures(kind: str) -> None:
    for outcome in ("pass", "fail"):
        assert list((TESTS / "cases" / kind / outcome).glob("*.yaml")), f"no {outcome} fixture for {kind}"


@pytest.mark.parametrize("kind", sorted(SPEC_KINDS))
def test_severity_and_scope_match_the_spec(kind: str) -> None:
    rule = BY_KIND[kind]
    assert (rule.severity, rule.scope) == SPEC_KINDS[kind]


@pytest.mark.parametrize("rule", RULES, ids=[rule.kind for rule in RULES])
def test_each_rule_is_documented(rule: Any) -> None:
    assert rule.severity in ("error", "warning", "info")
    assert rule.scope in ("unit", "set", "file")
    assert rule.stage in ("file", "report", "set", "waiver")
    assert isinstance(rule.description, Text)
    assert rule.description.zh.strip() and rule.description.en.strip()
    assert rule.passing.strip() and rule.failing.strip()
    assert callable(rule.check)


def _message_modules() -> Iterator[ModuleType]:
    yield from MODULES
    for package in (ipr_rules.loading,):
        for info in pkgutil.iter_modules(package.__path__):
            yield importlib.import_module(f"{package.__name__}.{info.name}")
    yield importlib.import_module("ipr_rules.model.messages")


def _texts() -> list[tuple[str, Text]]:
    found = []
    for module in _message_modules():
        for name, value in vars(module).items():
            if isinstance(value, Text):
                found.append((f"{module.__name__}.{name}", value))
            elif isinstance(value, dict):
                found += [
                    (f"{module.__name__}.{name}[{key}]", item) for key, item in value.items() if isinstance(item, Text)
                ]
    return found


TEXTS = _texts()


class _Anything:
    """A message argument that formats under any format spec."""

    def __format__(self, spec: str) -> str:
        return "〈x〉"


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[name for name, _ in TEXTS])
def test_every_message_has_both_languages_with_the_same_fields(name: str, text: Text) -> None:
    assert isinstance(text.zh, str) and isinstance(text.en, str)
    assert bool(text.zh.strip()) == bool(text.en.strip()), "both languages, or neither (an empty argument)"
    assert text.fields("zh") == text.fields("en")
    for lang in LANGS:
        text.render(lang, **{field: _Anything() for field in text.fields(lang)})


def test_docs_are_generated_from_the_rules(run_cli: Callable[..., Result]) -> None:
    """docs/rules.md is `ipr-check rules --format markdown`; regenerate it when this fails."""
    result = run_cli("rules", "--format", "markdown")
    assert result.exit_code == 0
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == result.stdout


@pytest.mark.parametrize("lang", LANGS)
def test_rules_lists_every_kind(lang: Lang, run_cli: Callable[..., Result]) -> None:
    result = run_cli("rules", "--lang", lang)
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert listed == list(KINDS)
    for rule in RULES:
        assert rule.description.render(lang)[:10] in result.stdout


def test_rules_markdown_shows_every_example(run_cli: Callable[..., Result]) -> None:
    text = run_cli("rules", "--format", "markdown", "--lang", "en").stdout
    for rule in RULES:
        assert f"## `{rule.kind}`" in text
        assert rule.passing in text and rule.failing in text
