"""The reader of `yamlpos`: libyaml's events of one document into data, lines and problems.

A stack of open mappings and lists, never recursion: nesting past `max_depth` is skipped and
every node counts against the file's budget as it is read (the read limits are why `yamlpos`
reads YAML itself). Scalars are resolved by `yamlpos.ScalarReader`.
"""

from __future__ import annotations

from typing import Any

from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
)

from ipr_rules.loading.limits import Limits
from ipr_rules.loading.yamlpos import (
    _MAP,
    _MERGE,
    _PLAIN_TAGS,
    _RESOLVABLE_FIRST,
    _SEQ,
    _STR,
    BAD_MERGE,
    COMPLEX_KEY,
    DUPLICATE_KEY,
    INVISIBLE_CHARACTERS,
    RECURSIVE_ALIAS,
    TOO_DEEP,
    UNSUPPORTED_TAG,
    Document,
    NodeBudget,
    NonStringKey,
    Path,
    Problem,
    ScalarReader,
    TooManyNodes,
    YamlSyntaxError,
    _MergeKey,
    display_tag,
)

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


class DocumentReader(ScalarReader):
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
