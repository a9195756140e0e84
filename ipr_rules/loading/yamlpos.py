"""YAML text to plain data plus a map from each path to its 1-based line.

Positions are made here, once, from libyaml's events; nothing downstream adds 1 or parses
again. Construction is our own and driven by events rather than by a composed node tree, so
that every limit holds while the file is read, not after: a document is never held as nodes,
the nodes counted (aliases expanded) stop the reading at `max_nodes`, nesting past `max_depth`
is skipped without recursion, and a text past `max_text` is refused before it is interpreted.
What a report must not hold (duplicate keys, custom tags, keys that are not strings) becomes a
`Problem` value, never an exception.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from ipr_rules.clerk import FieldPath
from ipr_rules.i18n import Text
from ipr_rules.loading.limits import Limits
from ipr_rules.loading.yaml11 import FORMS, YAML11_NUMBER, yaml11_form

Path = tuple[Any, ...]

DUPLICATE_KEY = Text(
    "键“{key}”重复出现（第 {first} 行和第 {second} 行），请合并为一处",
    "key '{key}' appears twice (lines {first} and {second}); keep one",
)
UNSUPPORTED_TAG = Text(
    "不支持的 YAML 标签 {tag}，报告只能包含文字、数字、日期、列表和映射",
    "unsupported YAML tag {tag}: a report holds only text, numbers, dates, lists and mappings",
)
COMPLEX_KEY = Text(
    "键不能是列表或映射（“? ”开头的复杂键），请改为文字",
    "a key may not be a list or a mapping (a '? ' complex key); use text",
)
TOO_DEEP = Text(
    "嵌套层次超过 {limit} 层，超出部分未读取（可用 --max-depth 调整）",
    "nesting deeper than {limit} levels; the deeper part was not read (see --max-depth)",
)
TOO_MANY_NODES = Text(
    "文件内容展开后超过 {limit} 个节点（内容过多，或别名 *、合并键 << 展开过多），"
    "从此处起未读取（可用 --max-nodes 调整）",
    "the file expands to more than {limit} nodes (too much content, or aliases * and merge keys << expanding); "
    "not read from here on (see --max-nodes)",
)
TEXT_TOO_LONG = Text(
    "文字过长（{length} 个字符，上限 {limit}），未读取（可用 --max-text-length 调整）",
    "a text of {length} characters, over the limit of {limit}; not read (see --max-text-length)",
)
RECURSIVE_ALIAS = Text(
    "别名 *{anchor} 引用了包含它自身的内容（循环引用）", "the alias *{anchor} refers to what contains it (a cycle)"
)
BAD_SCALAR = Text(
    "无法读取值“{value}”：它被标为 {tag}，但不是这种类型的值；若是文字，请去掉标签并加引号",
    "cannot read the value '{value}': it is tagged {tag} but is not one; if it is text, drop the tag and quote it",
)
INVALID_DATE = Text(
    "{field}：日期 {value} 不存在，请检查年、月、日",
    "{field}: the date {value} does not exist; check year, month and day",
)
NUMBER_TOO_LONG = Text("数字过长（{digits} 位），无法读取", "the number is too long to read ({digits} digits)")
BAD_MERGE = Text("合并键 << 只能引用映射", "a merge key << may only refer to mappings")

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_scalars = yaml.constructor.SafeConstructor()
# The safe constructor's own scalar rules, called directly: its construct_object() would
# remember every node it has seen for the life of the process.
_SCALAR_CONSTRUCTORS: dict[str, Any] = {
    _INT: _scalars.construct_yaml_int,
    _FLOAT: _scalars.construct_yaml_float,
    _BOOL: _scalars.construct_yaml_bool,
    _NULL: _scalars.construct_yaml_null,
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
# Invisible and direction-changing characters, which make a key or name differ from how it reads.
INVISIBLE_CHARACTERS = re.compile("[\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e]")
_DOTTED_DATE = re.compile(r"\d{4}\.\d{1,2}\.\d{1,2}")
# No count, year, metric or date needs more digits; longer ones are refused before conversion.
MAX_NUMBER_CHARS = 100


@dataclass(frozen=True, slots=True)
class NonStringKey:
    """A mapping key that YAML read as a number, boolean, date or null; `raw` is as written."""

    raw: str
    tag: str

    def __str__(self) -> str:
        return self.raw


@dataclass(frozen=True, slots=True)
class Problem:
    message: Text
    line: int
    path: Path
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Document:
    data: Any
    lines: dict[Path, int]
    line: int
    index: int
    problems: list[Problem]
    # The last line of the document's content (1-based); for lints over the document's own lines.
    end_line: int = 0
    # Paths of keys that are not plain text (`1.1:`) or hold invisible characters: rare, so
    # the validator looks at the data again only when there are some.
    odd_keys: list[Path] = field(default_factory=list)


class YamlSyntaxError(Exception):
    """The text is not YAML; carries libyaml's problem and its 1-based line (and column)."""

    def __init__(
        self,
        problem: str,
        line: int | None,
        context: str | None,
        column: int | None = None,
        context_line: int | None = None,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line
        self.context = context
        self.column = column
        # Where the construct that failed began (an opening quote or bracket), when known.
        self.context_line = context_line


class YamlLimitError(Exception):
    """Reading stopped at a limit; `message` and `args` say which, `line` where."""

    def __init__(self, message: Text, line: int, **args: Any) -> None:
        super().__init__(message.en)
        self.message = message
        self.line = line
        self.args_ = args


class TooManyNodes(Exception):
    pass


class NodeBudget:
    """Nodes left for one file, shared by its documents (and by the parsers of a resynced stream)."""

    __slots__ = ("limit", "used")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def spend(self, nodes: int) -> None:
        self.used += nodes
        if self.used > self.limit:
            raise TooManyNodes


class ScalarReader:
    """Scalar resolution for the reader (`yamlreader.DocumentReader`): what a plain, quoted or
    tagged scalar is, by YAML 1.1's rules as PyYAML's safe loader has them, refusing what is too
    long before it is interpreted."""

    problems: list[Problem]
    limits: Limits
    offset: int
    last_line: int

    def too_long(self, text: str, line: int, path: Path) -> Problem:
        return Problem(TEXT_TOO_LONG, line, path, {"length": len(text), "limit": self.limits.max_text})

    def tag_of(self, event: Any) -> str:
        tag = event.tag
        if tag is None or tag == "!":
            implicit = event.implicit
            if implicit[0] and not implicit[1]:
                text = event.value
                if text and text[0] not in _RESOLVABLE_FIRST:
                    return _STR
                found = _PLAIN_TAGS.get(text)
                if found is None:
                    found = str(_RESOLVER.resolve(ScalarNode, text, _PLAIN_IMPLICIT))
                    if len(text) <= _PLAIN_TAG_TEXT_MAX and len(_PLAIN_TAGS) < _PLAIN_TAGS_MAX:
                        _PLAIN_TAGS[text] = found
                return found
            return str(_RESOLVER.resolve(ScalarNode, event.value, implicit))
        return str(tag)

    def scalar(self, event: Any, path: Path) -> Any:
        text = event.value
        line = event.start_mark.line + self.offset
        self.last_line = line
        if event.style and event.tag is None and len(text) <= self.limits.max_text:
            return text  # quoted text is text
        if len(text) > self.limits.max_text:
            self.problems.append(self.too_long(text, line, path))
            return None
        tag = self.tag_of(event)
        if tag == _STR:
            return text
        if tag == _INT and text.isdigit() and (text[0] != "0" or len(text) == 1) and len(text) <= MAX_NUMBER_CHARS:
            return int(text)  # plain decimal digits: YAML 1.1's octal, sexagesimal and signs go the long way
        if tag == _FLOAT and _DOTTED_DATE.fullmatch(text):
            return text  # 2020.7.10 is a date as people write it (SPEC §7), not a broken float
        if tag in (_INT, _FLOAT) and len(text) > MAX_NUMBER_CHARS:
            self.problems.append(Problem(NUMBER_TOO_LONG, line, path, {"digits": len(text)}))
            return None
        if tag in (_INT, _FLOAT) and event.tag is None and (form := yaml11_form(text)) is not None:
            value = _SCALAR_CONSTRUCTORS[tag](ScalarNode(tag, text))
            args = {"raw": text, "form": FORMS[form], "value": value}
            self.problems.append(Problem(YAML11_NUMBER, line, path, args))
            return None
        try:
            if tag == _TIMESTAMP:
                return _timestamp(text)
            construct = _SCALAR_CONSTRUCTORS.get(tag)
            if construct is None:
                self.problems.append(Problem(UNSUPPORTED_TAG, line, path, {"tag": display_tag(tag)}))
                return None
            return construct(ScalarNode(tag, text))
        except (ValueError, OverflowError, TypeError, KeyError, AttributeError, IndexError, yaml.YAMLError):
            # The constructors' own failures on an explicitly tagged value (`!!int 十二`).
            self.problems.append(_scalar_problem(tag, text, line, path))
            return None


@dataclass(frozen=True, slots=True)
class _MergeKey:
    line: int


def _scalar_problem(tag: str, text: str, line: int, path: Path) -> Problem:
    if tag == _TIMESTAMP:
        return Problem(INVALID_DATE, line, path, {"value": text, "field": FieldPath(path)})
    shown = text if len(text) <= 40 else text[:40] + "…"
    return Problem(BAD_SCALAR, line, path, {"value": shown, "tag": display_tag(tag)})


def display_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _timestamp(text: str) -> _dt.date | _dt.datetime:
    if len(text) == 10:
        return _dt.date.fromisoformat(text)
    value = _scalars.construct_yaml_timestamp(ScalarNode(_TIMESTAMP, text))
    assert isinstance(value, (_dt.date, _dt.datetime))
    return value
