"""A YAML stream, document by document: each one read by `yamlpos`, a broken one passed over.

libyaml's parser supplies the events (PyYAML's own where libyaml is missing); its exceptions
stop here and become `Diagnostic`s. After a syntax error, reading resumes at the next `---`, so
a consolidated file with one broken report still gives the reports after it; a limit reached
stops the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml
from yaml.events import DocumentStartEvent, StreamEndEvent

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.limits import Limits
from ipr_rules.loading.yaml_messages import TOO_MANY_NODES
from ipr_rules.loading.yamlpos import Document, NodeBudget, TooManyNodes, is_syntax_error, syntax_error
from ipr_rules.loading.yamlreader import DocumentReader

HAS_LIBYAML = bool(getattr(yaml, "__with_libyaml__", False))
_Loader: Any = yaml.CSafeLoader if HAS_LIBYAML else yaml.SafeLoader


# Past this many broken documents in one stream, the rest of the file is not tried.
MAX_RESYNCS = 20


def read_stream(text: str, limits: Limits = Limits()) -> Iterator[Document | Diagnostic]:
    """Each document of a YAML stream in order, and a `Diagnostic` where the stream breaks.

    A break is a syntax error (`is_syntax_error`, in libyaml's words until `yaml_errors`
    explains it), after which reading resumes at the next `---` line, so that a consolidated
    file with one broken report still gives the reports after it; or a limit, which stops the
    file.
    """
    budget = NodeBudget(limits.max_nodes)
    start = 0  # 0-based line where the current parser starts
    index = 0
    breaks = 0
    while True:
        failure: Diagnostic | None = None
        for item in _read_from(text, start, limits, budget, index):
            if isinstance(item, Document):
                index += 1
                yield item
            elif is_syntax_error(item):
                failure = item
            else:
                yield item
                return
        if failure is None:
            return
        yield failure
        breaks += 1
        resume = _next_document_start(text, max((failure.line or 1) - 1, start + 1))
        if resume is None or breaks >= MAX_RESYNCS:
            return
        start = resume


def _read_from(
    text: str, start: int, limits: Limits, budget: NodeBudget, index: int
) -> Iterator[Document | Diagnostic]:
    source = text if start == 0 else _tail(text, start)
    parser = _Loader(source)
    try:
        while True:
            try:
                event = parser.get_event()
                if isinstance(event, StreamEndEvent):
                    return
                if not isinstance(event, DocumentStartEvent):
                    continue  # StreamStartEvent
                mark: Any = event.start_mark
                line = int(mark.line) + start + 1
                reader = DocumentReader(parser, limits, budget, start)
                try:
                    document = reader.document(index)
                except TooManyNodes:
                    yield Diagnostic(TOO_MANY_NODES, max(reader.last_line, line), args={"limit": limits.max_nodes})
                    return
            except yaml.MarkedYAMLError as error:
                yield _syntax_error(error, start)
                return
            except yaml.reader.ReaderError as error:
                yield _reader_error(error, source, start)
                return
            except yaml.YAMLError as error:
                yield syntax_error(str(error), None)
                return
            index += 1
            yield document
    finally:
        parser.dispose()


def _syntax_error(error: yaml.MarkedYAMLError, start: int) -> Diagnostic:
    """libyaml's error with its marks turned into 1-based lines of the whole file."""
    mark: Any = error.problem_mark or error.context_mark
    context: Any = error.context_mark
    return syntax_error(
        error.problem or str(error),
        int(mark.line) + start + 1 if mark is not None else None,
        int(mark.column) + 1 if mark is not None else None,
        error.context,
        int(context.line) + start + 1 if context is not None else None,
    )


def _reader_error(error: yaml.reader.ReaderError, source: str, start: int) -> Diagnostic:
    """libyaml counts the position of a bad character in bytes of UTF-8, PyYAML in characters."""
    position = max(0, int(error.position))
    if _Loader is not yaml.SafeLoader:
        before = source.encode("utf-8", "surrogatepass")[:position]
        line = before.count(b"\n") + start + 1
    else:
        line = source.count("\n", 0, min(position, len(source))) + start + 1
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character)
    return syntax_error(f"{error.reason} U+{code:04X}", line)


def _tail(text: str, start: int) -> str:
    """The text from 0-based line `start` on."""
    position = 0
    for _ in range(start):
        position = text.find("\n", position) + 1
        if position == 0:
            return ""
    return text[position:]


def _next_document_start(text: str, after: int) -> int | None:
    """The 0-based number of the first `---` line at or after 0-based line `after`."""
    position = 0
    number = 0
    while True:
        if number >= after and text.startswith("---", position):
            rest = text[position + 3 : position + 4]
            if rest in ("", " ", "\t", "\n", "\r"):
                return number
        position = text.find("\n", position) + 1
        if position == 0:
            return None
        number += 1
