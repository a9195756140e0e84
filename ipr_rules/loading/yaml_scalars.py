"""Scalar resolution: what a plain, quoted or tagged YAML scalar is.

YAML 1.1's rules as PyYAML's safe loader has them, with two refusals of our own: a text or
number too long is refused before it is interpreted, and a number only YAML 1.1 reads as one
(`0x7E4`, `2_020`, `33:40`, `010`: hexadecimal, underscores, base 60, octal) is refused with
what YAML made of it (SPEC §7), never taken as a silent number.

`plain_tag` is the one place that says whether a plain scalar is text; `as_written` is the
reader's one fast path built on it.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from ipr_rules.clerk import FieldPath
from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.limits import Limits
from ipr_rules.loading.yaml_messages import (
    BAD_SCALAR,
    FORMS,
    INVALID_DATE,
    NUMBER_TOO_LONG,
    TEXT_TOO_LONG,
    UNSUPPORTED_TAG,
    YAML11_NUMBER,
)
from ipr_rules.loading.yamlpos import Path

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
_scalars = yaml.constructor.SafeConstructor()
# The safe constructor's own scalar rules, called directly: its construct_object() would
# remember every node it has seen for the life of the process.
_SCALAR_CONSTRUCTORS: dict[str, Any] = {
    INT: _scalars.construct_yaml_int,
    FLOAT: _scalars.construct_yaml_float,
    BOOL: _scalars.construct_yaml_bool,
    NULL: _scalars.construct_yaml_null,
}
_RESOLVER: Any = yaml.resolver.Resolver()
# Plain scalars resolve by their text alone: reports repeat the same few (done, 2020, …).
_PLAIN_TAGS: dict[str, str] = {}
_PLAIN_TAGS_MAX = 4096
_PLAIN_TAG_TEXT_MAX = 64
_PLAIN_IMPLICIT = (True, False)
# A plain scalar resolves to something other than text only if its first character starts one
# of YAML's implicit types (digits, signs, true/false/yes/no/null, ~, …): other text is text.
_RESOLVABLE_FIRST = frozenset(key for key in _RESOLVER.yaml_implicit_resolvers if key is not None)
_DOTTED_DATE = re.compile(r"\d{4}\.\d{1,2}\.\d{1,2}")
# No count, year, metric or date needs more digits; longer ones are refused before conversion.
MAX_NUMBER_CHARS = 100


def plain_tag(text: str) -> str:
    """The tag of a plain scalar written without one: the one test of "this plain scalar is text".

    Text whose first character starts none of YAML's implicit types is text without asking the
    resolver; the rest is resolved once per distinct short text and remembered."""
    if text and text[0] not in _RESOLVABLE_FIRST:
        return STR
    found = _PLAIN_TAGS.get(text)
    if found is None:
        found = str(_RESOLVER.resolve(ScalarNode, text, _PLAIN_IMPLICIT))
        if len(text) <= _PLAIN_TAG_TEXT_MAX and len(_PLAIN_TAGS) < _PLAIN_TAGS_MAX:
            _PLAIN_TAGS[text] = found
    return found


def as_written(event: Any, max_text: int) -> str | None:
    """The reader's fast path: the text of a scalar event that is text as written, else None.

    Most scalars of a report are keys and texts written without tag or anchor; such a scalar
    is text when it is quoted (or a block scalar) or a plain scalar that `plain_tag` calls
    text. A text longer than `max_text` is not one: it must be refused before it is
    interpreted. Whatever this does not take goes through `ScalarReader.scalar` (or the key
    path), which gives the same value for what this takes, only slower."""
    if event.tag is not None or event.anchor is not None:
        return None
    text: str = event.value
    if len(text) > max_text:
        return None
    if event.style or plain_tag(text) == STR:
        return text
    return None


def yaml11_form(text: str) -> str | None:
    """The YAML 1.1-only form of a plain scalar that resolved to an int or float, if it is one."""
    for name, pattern in _YAML11_PATTERNS:
        if pattern.fullmatch(text):
            return name
    return None


_SIGN = r"[-+]?"
_YAML11_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sexagesimal", re.compile(_SIGN + r"[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")),
    ("hexadecimal", re.compile(_SIGN + r"0x[0-9a-fA-F_]+")),
    ("binary", re.compile(_SIGN + r"0b[01_]+")),
    ("octal", re.compile(_SIGN + r"0[0-7_]+")),
    ("underscores", re.compile(_SIGN + r"(?:[0-9][0-9_]*_[0-9_]*|[0-9_]*\.[0-9_]*_[0-9_]*)(?:[eE][-+][0-9]+)?")),
)


def as_task_id(raw: str) -> str:
    """A numeric key as the task id it probably means: `1.1`, `2:3`, `1_10` → "1-1", "2-3", "1-10"."""
    return re.sub(r"[._:]", "-", raw)


class ScalarReader:
    """Scalar resolution for the reader (`yamlreader.DocumentReader`): what a plain, quoted or
    tagged scalar is, refusing what is too long before it is interpreted."""

    problems: list[Diagnostic]
    limits: Limits
    offset: int
    last_line: int

    def too_long(self, text: str, line: int, path: Path) -> Diagnostic:
        return Diagnostic(TEXT_TOO_LONG, line, path, {"length": len(text), "limit": self.limits.max_text})

    def tag_of(self, event: Any) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            implicit = event.implicit
            if implicit[0] and not implicit[1]:
                return plain_tag(event.value)
            return str(_RESOLVER.resolve(ScalarNode, event.value, implicit))
        return str(tag)

    def scalar(self, event: Any, path: Path) -> Any:
        text = event.value
        line = event.start_mark.line + self.offset
        self.last_line = line
        if len(text) > self.limits.max_text:
            self.problems.append(self.too_long(text, line, path))
            return None
        tag = self.tag_of(event)
        if tag == STR:
            return text
        if tag == INT and text.isdigit() and (text[0] != "0" or len(text) == 1) and len(text) <= MAX_NUMBER_CHARS:
            return int(text)  # plain decimal digits: YAML 1.1's octal, sexagesimal and signs go the long way
        if tag == FLOAT and _DOTTED_DATE.fullmatch(text):
            return text  # 2020.7.10 is a date as people write it (SPEC §7), not a broken float
        if tag in (INT, FLOAT) and len(text) > MAX_NUMBER_CHARS:
            self.problems.append(Diagnostic(NUMBER_TOO_LONG, line, path, {"digits": len(text)}))
            return None
        if tag in (INT, FLOAT) and event.tag is None and (form := yaml11_form(text)) is not None:
            value = _SCALAR_CONSTRUCTORS[tag](ScalarNode(tag, text))
            args = {"raw": text, "form": FORMS[form], "value": value}
            self.problems.append(Diagnostic(YAML11_NUMBER, line, path, args))
            return None
        try:
            if tag == TIMESTAMP:
                return _timestamp(text)
            construct = _SCALAR_CONSTRUCTORS.get(tag)
            if construct is None:
                self.problems.append(Diagnostic(UNSUPPORTED_TAG, line, path, {"tag": display_tag(tag)}))
                return None
            return construct(ScalarNode(tag, text))
        except (ValueError, OverflowError, TypeError, KeyError, AttributeError, IndexError, yaml.YAMLError):
            # The constructors' own failures on an explicitly tagged value (`!!int 十二`).
            self.problems.append(_scalar_problem(tag, text, line, path))
            return None


def _scalar_problem(tag: str, text: str, line: int, path: Path) -> Diagnostic:
    if tag == TIMESTAMP:
        return Diagnostic(INVALID_DATE, line, path, {"value": text, "field": FieldPath(path)})
    shown = text if len(text) <= 40 else text[:40] + "…"
    return Diagnostic(BAD_SCALAR, line, path, {"value": shown, "tag": display_tag(tag)})


def display_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _timestamp(text: str) -> _dt.date | _dt.datetime:
    if len(text) == 10:
        return _dt.date.fromisoformat(text)
    value = _scalars.construct_yaml_timestamp(ScalarNode(TIMESTAMP, text))
    assert isinstance(value, (_dt.date, _dt.datetime))
    return value
