"""YAML text to plain data plus a map from each path to its 1-based line.

Positions are made here, once, from the node tree that libyaml composes; nothing downstream
adds 1 or parses again. Construction is our own, so that it can refuse what a report must not
hold (duplicate keys, custom tags, alias bombs, nesting past a limit) as values instead of
exceptions, and keep keys that are not strings (`1.1:`) apart for a precise message.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ipr_rules.i18n import Text

HAS_LIBYAML = bool(getattr(yaml, "__with_libyaml__", False))
_Loader: Any = yaml.CSafeLoader if HAS_LIBYAML else yaml.SafeLoader

Path = tuple[Any, ...]

DUPLICATE_KEY = Text(
    "键“{key}”重复出现（第 {first} 行和第 {second} 行），请合并为一处",
    "key '{key}' appears twice (lines {first} and {second}); keep one",
)
UNSUPPORTED_TAG = Text(
    "不支持的 YAML 标签 {tag}，报告只能包含文字、数字、日期、列表和映射",
    "unsupported YAML tag {tag}: a report holds only text, numbers, dates, lists and mappings",
)
TOO_DEEP = Text("嵌套层次超过 {limit} 层", "nesting deeper than {limit} levels")
TOO_MANY_NODES = Text(
    "文档展开后超过 {limit} 个节点（别名或合并键 << 展开过多），已停止读取",
    "the document expands to more than {limit} nodes (aliases or merge keys <<); reading stopped",
)
RECURSIVE_ALIAS = Text("别名引用了自身（循环引用）", "an alias refers to itself (a cycle)")
BAD_SCALAR = Text("无法读取值“{value}”：{reason}", "cannot read the value '{value}': {reason}")
INVALID_DATE = Text("日期 {value} 不存在，请检查年、月、日", "the date {value} does not exist; check year, month and day")
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


@dataclass(frozen=True, slots=True)
class Limits:
    max_depth: int = 32
    max_nodes: int = 100_000


class _TooBig(Exception):
    pass


class _Builder:
    """Builds one document; tracks lines, problems and how far aliases expand."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.lines: dict[Path, int] = {}
        self.problems: list[Problem] = []
        self.nodes = 0
        self.done: dict[int, Any] = {}
        self.sizes: dict[int, int] = {}
        self.building: set[int] = set()

    def build(self, node: Node, path: Path, depth: int) -> Any:
        key = id(node)
        if key in self.done:
            self._count(self.sizes[key])
            return self.done[key]
        if key in self.building:
            self.problems.append(Problem(RECURSIVE_ALIAS, node.start_mark.line + 1, path))
            return None
        if depth > self.limits.max_depth:
            self.problems.append(Problem(TOO_DEEP, node.start_mark.line + 1, path, {"limit": self.limits.max_depth}))
            return None
        before = self.nodes
        self._count(1)
        if isinstance(node, ScalarNode):
            value = self._scalar(node, path)
        else:
            self.building.add(key)
            if isinstance(node, MappingNode):
                value = self._mapping(node, path, depth)
            else:
                value = self._sequence(node, path, depth)
            self.building.discard(key)
        self.done[key] = value
        self.sizes[key] = self.nodes - before
        return value

    def _count(self, nodes: int) -> None:
        self.nodes += nodes
        if self.nodes > self.limits.max_nodes:
            raise _TooBig

    def _scalar(self, node: ScalarNode, path: Path) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        try:
            if tag == _TIMESTAMP:
                return _timestamp(node.value)
            construct = _SCALAR_CONSTRUCTORS.get(tag)
            if construct is None:
                self.problems.append(Problem(UNSUPPORTED_TAG, node.start_mark.line + 1, path, {"tag": display_tag(tag)}))
                return None
            return construct(node)
        except (ValueError, OverflowError) as error:
            self.problems.append(_scalar_problem(node, path, error))
            return None

    def _sequence(self, node: SequenceNode, path: Path, depth: int) -> list[Any]:
        if node.tag != _SEQ:
            self.problems.append(Problem(UNSUPPORTED_TAG, node.start_mark.line + 1, path, {"tag": display_tag(node.tag)}))
            return []
        items = []
        lines = self.lines
        for index, child in enumerate(node.value):
            child_path = (*path, index)
            lines[child_path] = child.start_mark.line + 1
            items.append(self.build(child, child_path, depth + 1))
        return items

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[Any, Any]:
        if node.tag != _MAP:
            self.problems.append(Problem(UNSUPPORTED_TAG, node.start_mark.line + 1, path, {"tag": display_tag(node.tag)}))
            return {}
        result: dict[Any, Any] = {}
        merged: list[tuple[Any, Any, int]] = []
        lines = self.lines
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == _MERGE:
                merged.extend(self._merge_sources(value_node, path, depth))
                continue
            key = self._key(key_node, path)
            if key in result:
                first = lines.get((*path, key), key_line)
                self.problems.append(Problem(DUPLICATE_KEY, key_line, (*path, key), {"key": key, "first": first, "second": key_line}))
                self._count(1)
                continue
            child_path = (*path, key)
            lines[child_path] = key_line
            result[key] = self.build(value_node, child_path, depth + 1)
        for key, value, line in merged:
            if key not in result:
                lines.setdefault((*path, key), line)
                result[key] = value
        return result

    def _key(self, node: Node, path: Path) -> Any:
        if isinstance(node, ScalarNode):
            if node.tag == _STR:
                return node.value
            return NonStringKey(node.value, node.tag.rsplit(":", 1)[-1])
        self.problems.append(Problem(UNSUPPORTED_TAG, node.start_mark.line + 1, path, {"tag": "complex key"}))
        return NonStringKey(f"<{node.start_mark.line + 1}:{node.start_mark.column + 1}>", "complex")

    def _merge_sources(self, node: Node, path: Path, depth: int) -> Iterator[tuple[Any, Any, int]]:
        sources = node.value if isinstance(node, SequenceNode) else [node]
        for source in sources:
            if not isinstance(source, MappingNode):
                self.problems.append(Problem(BAD_MERGE, source.start_mark.line + 1, path))
                continue
            value = self.build(source, path, depth)
            for key_node, _ in source.value:
                if key_node.tag == _MERGE:
                    continue
                key = self._key(key_node, path)
                if isinstance(value, dict) and key in value:
                    yield key, value[key], key_node.start_mark.line + 1


def _scalar_problem(node: ScalarNode, path: Path, error: Exception) -> Problem:
    line = node.start_mark.line + 1
    if node.tag == _TIMESTAMP:
        return Problem(INVALID_DATE, line, path, {"value": node.value})
    if node.tag == _INT and len(node.value) > 100:
        return Problem(NUMBER_TOO_LONG, line, path, {"digits": len(node.value)})
    shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
    return Problem(BAD_SCALAR, line, path, {"value": shown, "reason": str(error)[:200]})


def display_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _timestamp(text: str) -> _dt.date | _dt.datetime:
    if len(text) == 10:
        return _dt.date.fromisoformat(text)
    value = _scalars.construct_yaml_timestamp(ScalarNode(_TIMESTAMP, text))
    assert isinstance(value, (_dt.date, _dt.datetime))
    return value


class YamlSyntaxError(Exception):
    """The text is not YAML; carries libyaml's problem and its 1-based line."""

    def __init__(self, problem: str, line: int | None, context: str | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line
        self.context = context


def load_documents(text: str, limits: Limits = Limits()) -> Iterator[Document]:
    """Each document of a YAML stream in order; raises YamlSyntaxError where parsing stops.

    Documents before the broken one have already been yielded, so a stream with one bad
    document still gives the good ones before it.
    """
    loader = _Loader(text)
    index = 0
    try:
        while True:
            try:
                if not loader.check_node():
                    break
                node = loader.get_node()
            except yaml.MarkedYAMLError as error:
                mark = error.problem_mark or error.context_mark
                if mark is not None and error.context_mark is not None and mark.line >= len(text.splitlines()):
                    # The parser ran past the last line (an unclosed quote or bracket): point
                    # at where the unclosed construct began, a line the file has.
                    mark = error.context_mark
                raise YamlSyntaxError(
                    error.problem or str(error), mark.line + 1 if mark else None, error.context
                ) from None
            except yaml.YAMLError as error:
                raise YamlSyntaxError(str(error), None, None) from None
            except RecursionError:
                raise YamlSyntaxError("exceeded maximum nesting depth", None, None) from None
            yield _build_document(node, index, limits)
            index += 1
    finally:
        loader.dispose()


def _build_document(node: Node, index: int, limits: Limits) -> Document:
    builder = _Builder(limits)
    line = node.start_mark.line + 1
    try:
        data = builder.build(node, (), 0)
    except _TooBig:
        builder.problems.append(Problem(TOO_MANY_NODES, line, (), {"limit": limits.max_nodes}))
        return Document(None, {}, line, index, builder.problems)
    return Document(data, builder.lines, line, index, builder.problems)
