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
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
)
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


_NO_KEY = object()  # a mapping waiting for its next key
_SKIPPED = object()  # a key that could not be read: its value is read and dropped
_OPENED = object()  # a mapping or list was opened on the stack, its value comes later


class _Frame:
    """A mapping or list being read (a plain slotted class: dozens are made per report)."""

    __slots__ = ("anchor", "depth", "discard", "is_map", "key", "key_line", "merges", "path", "spent_before", "value")

    def __init__(self, value: Any, path: Path, depth: int, anchor: str | None, spent_before: int, is_map: bool) -> None:
        self.value = value
        self.path = path
        self.depth = depth
        self.anchor = anchor
        self.spent_before = spent_before
        self.is_map = is_map
        # Mappings alternate between a key and its value.
        self.key: Any = _NO_KEY
        self.key_line = 0
        self.discard = False
        self.merges: list[tuple[Any, int]] | None = None


class _DuplicateOf:
    """Path part for the value of a repeated key: read (its anchors count) but kept apart."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key


class DocumentReader:
    """Reads the documents of one parser into data, lines and problems."""

    def __init__(self, parser: Any, limits: Limits, budget: NodeBudget, line_offset: int) -> None:
        self.parser = parser
        self.limits = limits
        self.budget = budget
        self.offset = line_offset + 1
        self.lines: dict[Path, int] = {}
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.last_line = 0
        self.odd_keys: list[Path] = []

    def line(self, event: Any) -> int:
        line = int(event.start_mark.line) + self.offset
        self.last_line = line
        return line

    def document(self, index: int) -> Document:
        """The document whose start event was just read; a reader reads one document."""
        first = self.parser.get_event()
        line = self.line(first)
        data = self.node(first, (), 0)
        end = self.parser.get_event()  # DocumentEndEvent: its mark stands after the content
        end_line = int(end.end_mark.line) + self.offset - (1 if end.end_mark.column == 0 else 0)
        return Document(data, self.lines, line, index, self.problems, max(end_line, line), self.odd_keys)

    # -- one node, iteratively: a stack of open mappings and lists, never recursion ----------

    def node(self, event: Any, path: Path, depth: int) -> Any:
        """Read one node and everything inside it.

        The loop handles the common events of a report (a plain text key, a text or quoted
        value without anchor or tag) inline; everything else takes the general methods.
        """
        stack: list[_Frame] = []
        value = self.begin(event, path, depth, stack)
        if not stack:
            return value
        get_event = self.parser.get_event
        lines = self.lines
        offset = self.offset
        budget = self.budget
        max_text = self.limits.max_text
        plain_tags = _PLAIN_TAGS
        resolvable = _RESOLVABLE_FIRST
        while True:
            event = get_event()
            kind = event.__class__
            frame = stack[-1]
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                value = self.close(stack.pop())
                if not stack:
                    return value
                self.attach(stack[-1], value)
                continue
            simple = kind is ScalarEvent and event.tag is None and event.anchor is None
            if frame.is_map:
                key = frame.key
                if key is _NO_KEY:
                    text = event.value if simple else None
                    if (
                        text is not None
                        and text.isascii()
                        and (event.style or (text and text[0] not in resolvable) or plain_tags.get(text) == _STR)
                    ):
                        line = event.start_mark.line + offset
                        self.last_line = frame.key_line = line
                        budget.used += 1
                        if budget.used > budget.limit:
                            raise TooManyNodes
                        if text in frame.value:
                            self.take_key(frame, event)  # the duplicate is reported there
                        else:
                            frame.key = text
                    else:
                        self.take_key(frame, event)
                    continue
                if frame.discard:
                    child_path: Path = (*frame.path, _DuplicateOf(key))
                else:
                    child_path = (*frame.path, key)
                    lines[child_path] = frame.key_line
            else:
                child_path = (*frame.path, len(frame.value))
                line = event.start_mark.line + offset
                self.last_line = line
                lines[child_path] = line
            if simple:
                text = event.value
                if len(text) <= max_text and (
                    event.style or (text and text[0] not in resolvable) or plain_tags.get(text) == _STR
                ):
                    budget.used += 1
                    if budget.used > budget.limit:
                        raise TooManyNodes
                    self.last_line = event.start_mark.line + offset
                    value = text  # quoted, or plain text that resolves as text
                else:
                    value = self.scalar_value(event, child_path)
            elif kind is ScalarEvent:
                value = self.scalar_value(event, child_path)
            else:
                value = self.begin(event, child_path, frame.depth + 1, stack)
                if stack[-1] is not frame:
                    continue
            if frame.is_map and not frame.discard and frame.key.__class__ is str:
                frame.value[frame.key] = value
                frame.key = _NO_KEY
            else:
                self.attach(frame, value)

    def begin(self, event: Any, path: Path, depth: int, stack: list[_Frame]) -> Any:
        """A scalar or alias as its value; a mapping or list opened on the stack."""
        if event.__class__ is ScalarEvent:
            return self.scalar_value(event, path)
        if isinstance(event, AliasEvent):
            return self.alias(event, path)
        line = self.line(event)
        if depth > self.limits.max_depth:
            self.problems.append(Problem(TOO_DEEP, line, path, {"limit": self.limits.max_depth}))
            self.skip()
            if event.anchor is not None:
                self.anchors[event.anchor] = (None, 1)
            return None
        is_map = event.__class__ is MappingStartEvent
        tag = event.tag
        if tag is not None and tag != "!" and tag != (_MAP if is_map else _SEQ):
            self.problems.append(Problem(UNSUPPORTED_TAG, line, path, {"tag": display_tag(tag)}))
            self.skip()
            empty: Any = {} if is_map else []
            if event.anchor is not None:
                self.anchors[event.anchor] = (empty, 1)
            return empty
        self.budget.spend(1)
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        stack.append(_Frame({} if is_map else [], path, depth, event.anchor, self.budget.used - 1, is_map))
        return _OPENED

    def scalar_value(self, event: Any, path: Path) -> Any:
        budget = self.budget
        budget.used += 1
        if budget.used > budget.limit:
            raise TooManyNodes
        value = self.scalar(event, path)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        return value

    def close(self, frame: _Frame) -> Any:
        value = frame.value
        if frame.is_map:
            for source, line in frame.merges or ():
                for key, item in source.items():
                    if key not in value:
                        self.lines.setdefault((*frame.path, key), line)
                        value[key] = item
        if frame.anchor is not None:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (value, self.budget.used - frame.spent_before)
        return value

    def attach(self, frame: _Frame, value: Any) -> None:
        if not frame.is_map:
            frame.value.append(value)
            return
        key, frame.key = frame.key, _NO_KEY
        if frame.discard:
            frame.discard = False
        elif key.__class__ is _MergeKey:
            self.merge(frame, value, key.line)
        else:
            frame.value[key] = value

    def take_key(self, frame: _Frame, event: Any) -> None:
        line = event.start_mark.line + self.offset
        self.last_line = line
        frame.key_line = line
        text = event.value if event.__class__ is ScalarEvent else None
        if text is not None and text.isascii() and _PLAIN_TAGS.get(text) == _STR and event.tag is None:
            # The common case, a plain text key such as `status` or "1-1", without the detour.
            budget = self.budget
            budget.used += 1
            if budget.used > budget.limit:
                raise TooManyNodes
            key: Any = text
        else:
            key = self.key(event, frame.path)
        if key is _SKIPPED:
            frame.key, frame.discard = _SKIPPED, True
            return
        if key.__class__ is not _MergeKey and key in frame.value:
            first = self.lines.get((*frame.path, key), line)
            args = {"key": key, "first": first, "second": line}
            self.problems.append(Problem(DUPLICATE_KEY, line, (*frame.path, key), args))
            frame.discard = True
        frame.key = key

    def key(self, event: Any, path: Path) -> Any:
        line = self.line(event)
        if event.__class__ is ScalarEvent:
            self.budget.spend(1)
            text = event.value
            if len(text) > self.limits.max_text:
                self.problems.append(self.too_long(text, line, path))
                return _SKIPPED
            tag = self.tag_of(event)
            if tag == _STR:
                if not text.isascii() and INVISIBLE_CHARACTERS.search(text):
                    self.odd_keys.append((*path, text))
                return text
            if tag == _MERGE:
                return _MergeKey(line)
            key = NonStringKey(text, tag.rsplit(":", 1)[-1])
            self.odd_keys.append((*path, key))
            return key
        if isinstance(event, AliasEvent):
            value = self.alias(event, path)
            if isinstance(value, str):
                return value
            key = NonStringKey(f"*{event.anchor}", "complex")
            self.odd_keys.append((*path, key))
            return key
        self.problems.append(Problem(COMPLEX_KEY, line, path))
        self.skip()
        return _SKIPPED

    def merge(self, frame: _Frame, value: Any, line: int) -> None:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if isinstance(source, dict):
                if frame.merges is None:
                    frame.merges = []
                frame.merges.append((source, line))
            elif source is not None:
                self.problems.append(Problem(BAD_MERGE, line, frame.path))

    def alias(self, event: Any, path: Path) -> Any:
        name = event.anchor
        if name in self.open_anchors:
            self.problems.append(Problem(RECURSIVE_ALIAS, self.line(event), path, {"anchor": name}))
            return None
        if name not in self.anchors:
            raise YamlSyntaxError("found undefined alias", self.line(event), None, int(event.start_mark.column) + 1)
        value, size = self.anchors[name]
        self.budget.spend(size)
        return value

    def skip(self) -> None:
        """Consume the rest of a mapping or list just opened, building nothing."""
        depth = 1
        parser = self.parser
        while depth:
            event = parser.get_event()
            if isinstance(event, CollectionStartEvent):
                depth += 1
            elif not isinstance(event, (ScalarEvent, AliasEvent)):
                depth -= 1
            if getattr(event, "anchor", None) is not None and not isinstance(event, AliasEvent):
                self.anchors[event.anchor] = (None, 1)

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
