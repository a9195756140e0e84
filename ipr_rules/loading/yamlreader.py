"""The YAML reader: libyaml's events of one document into data, the line of every path, and problems.

It exists for the read limits. `yaml.compose()` builds the whole node tree before anything can
be counted: on an 11 MB flow list it took 28 s and 1.08 GB. This reader builds the data from
the parser's events and holds every limit while it reads, so the same file stopped at the node
limit after 0.39 s and 63 MB:

- every node counts against the file's budget (`NodeBudget`, `--max-nodes`) as it is read, an
  alias as all it expands to;
- nesting past `--max-depth` is skipped, and a stack of open mappings and lists stands in
  for recursion, so no depth reaches Python's own limit;
- a text past `--max-text-length` is refused before it is interpreted.

Positions are made here, once, from the events: nothing downstream adds 1 or parses again.
Scalars are resolved by `yaml_scalars`; `as_written` there is the one fast path, taken by the
keys and texts of a report, which carry no tag or anchor.
"""

from __future__ import annotations

from typing import Any

from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
)

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.limits import Limits
from ipr_rules.loading.yaml_messages import (
    BAD_MERGE,
    COMPLEX_KEY,
    DUPLICATE_KEY,
    RECURSIVE_ALIAS,
    TOO_DEEP,
    UNSUPPORTED_TAG,
)
from ipr_rules.loading.yaml_scalars import MAP, MERGE, SEQ, STR, ScalarReader, as_written, display_tag
from ipr_rules.loading.yamlpos import (
    INVISIBLE_CHARACTERS,
    Document,
    NodeBudget,
    NonStringKey,
    Path,
)
from ipr_rules.records import record

_NO_KEY = object()  # a mapping waiting for its next key
_SKIPPED = object()  # a key that could not be read: its value is read and dropped
_OPENED = object()  # a mapping or list was opened on the stack, its value comes later


@record
class _MergeKey:
    line: int


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


class DocumentReader(ScalarReader):
    """Reads the documents of one parser into data, lines and problems."""

    def __init__(self, parser: Any, limits: Limits, budget: NodeBudget, line_offset: int) -> None:
        self.parser = parser
        self.limits = limits
        self.budget = budget
        self.offset = line_offset + 1
        self.lines: dict[Path, int] = {}
        self.problems: list[Diagnostic] = []
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

        The loop reads the keys and texts that `as_written` takes itself; everything else
        takes the general methods (`take_key`, `scalar_value`, `begin`).
        """
        stack: list[_Frame] = []
        value = self.begin(event, path, depth, stack)
        if not stack:
            return value
        get_event = self.parser.get_event
        lines = self.lines
        offset = self.offset
        spend = self.budget.spend
        max_text = self.limits.max_text
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
            line = event.start_mark.line + offset
            self.last_line = line
            text = as_written(event, max_text) if kind is ScalarEvent else None
            if frame.is_map:
                key = frame.key
                if key is _NO_KEY:
                    if text is not None and text.isascii() and text not in frame.value:
                        # A new text key such as `status` or "1-1"; `take_key` reads all others.
                        spend(1)
                        frame.key_line = line
                        frame.key = text
                    else:
                        self.take_key(frame, event, text)
                    continue
                if frame.discard:
                    child_path: Path = (*frame.path, _DuplicateOf(key))
                else:
                    child_path = (*frame.path, key)
                    lines[child_path] = frame.key_line
            else:
                child_path = (*frame.path, len(frame.value))
                lines[child_path] = line
            if text is not None:
                spend(1)
                value = text
            elif kind is ScalarEvent:
                value = self.scalar_value(event, child_path)
            else:
                value = self.begin(event, child_path, frame.depth + 1, stack)
                if stack[-1] is not frame:
                    continue
            if not frame.is_map:
                frame.value.append(value)
            elif not frame.discard and frame.key.__class__ is str:
                frame.value[frame.key] = value
                frame.key = _NO_KEY
            else:
                self.attach(frame, value)  # a merge key, or the value of a duplicate key

    def begin(self, event: Any, path: Path, depth: int, stack: list[_Frame]) -> Any:
        """A scalar or alias as its value; a mapping or list opened on the stack."""
        if event.__class__ is ScalarEvent:
            return self.scalar_value(event, path)
        if isinstance(event, AliasEvent):
            return self.alias(event, path)
        line = self.line(event)
        if depth > self.limits.max_depth:
            self.problems.append(Diagnostic(TOO_DEEP, line, path, {"limit": self.limits.max_depth}))
            self.skip()
            if event.anchor is not None:
                self.anchors[event.anchor] = (None, 1)
            return None
        is_map = event.__class__ is MappingStartEvent
        tag = event.tag
        if tag is not None and tag != "!" and tag != (MAP if is_map else SEQ):
            self.problems.append(Diagnostic(UNSUPPORTED_TAG, line, path, {"tag": display_tag(tag)}))
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
        self.budget.spend(1)
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

    def take_key(self, frame: _Frame, event: Any, text: str | None) -> None:
        """The key of the mapping being read; `text` is the key if `as_written` took it."""
        line = event.start_mark.line + self.offset
        self.last_line = line
        frame.key_line = line
        if text is not None and text.isascii():
            # A text key such as `status` or "1-1"; other keys may hold invisible characters.
            self.budget.spend(1)
            key: Any = text
        else:
            key = self.key(event, frame.path)
        if key is _SKIPPED:
            frame.key, frame.discard = _SKIPPED, True
            return
        if key.__class__ is not _MergeKey and key in frame.value:
            first = self.lines.get((*frame.path, key), line)
            args = {"key": key, "first": first, "second": line}
            self.problems.append(Diagnostic(DUPLICATE_KEY, line, (*frame.path, key), args))
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
            if tag == STR:
                if not text.isascii() and INVISIBLE_CHARACTERS.search(text):
                    self.odd_keys.append((*path, text))
                return text
            if tag == MERGE:
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
        self.problems.append(Diagnostic(COMPLEX_KEY, line, path))
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
                self.problems.append(Diagnostic(BAD_MERGE, line, frame.path))

    def alias(self, event: Any, path: Path) -> Any:
        name = event.anchor
        if name in self.open_anchors:
            self.problems.append(Diagnostic(RECURSIVE_ALIAS, self.line(event), path, {"anchor": name}))
            return None
        if name not in self.anchors:
            # As PyYAML's composer says it; `yamlstream` turns it into a syntax error where it stops.
            raise ComposerError(None, None, "found undefined alias", event.start_mark)
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
