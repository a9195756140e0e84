"""Every message of the loader and the writers exists in both languages with the same fields,
and renders whatever its arguments hold."""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from ipr_rules import atomic_write, progress
from ipr_rules.cli import output, signals
from ipr_rules.i18n import Text
from ipr_rules.loading import decode, ime_mistakes, reports, validate, yaml_messages, yamlstream

MODULES: tuple[ModuleType, ...] = (
    decode,
    reports,
    ime_mistakes,
    validate,
    yaml_messages,
    yamlstream,
    output,
    atomic_write,
    signals,
    progress,
)
TEXTS = [
    (f"{module.__name__.rsplit('.', 1)[-1]}.{name}", value)
    for module in MODULES
    for name, value in vars(module).items()
    if isinstance(value, Text) and value.zh
]
HOSTILE_ARGUMENT = "{0}{unit}{__class__}%s\x1b[31m\ud800<b>}{"


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[name for name, _ in TEXTS])
def test_both_languages_take_the_same_fields(name: str, text: Text) -> None:
    assert text.fields("zh") == text.fields("en"), name
    assert re.search("[\u4e00-\u9fff]", text.zh), f"{name}: the Chinese message is not in Chinese"
    assert not re.search("[\u4e00-\u9fff]", text.en.replace("：", "")), f"{name}: Chinese in the English message"


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[name for name, _ in TEXTS])
def test_any_argument_renders_as_a_value(name: str, text: Text) -> None:
    args = dict.fromkeys(text.fields("zh"), HOSTILE_ARGUMENT)
    if not args:
        return
    for lang in ("zh", "en"):
        rendered = text.render(lang, **args)
        assert HOSTILE_ARGUMENT in rendered


def test_the_number_of_messages_checked() -> None:
    assert len(TEXTS) > 60
