"""A YAML stream, document by document: each one read by `yamlpos`, a broken one passed over.

libyaml's parser supplies the events (PyYAML's own where libyaml is missing). After a syntax
error, reading resumes at the next `---`, so a consolidated file with one broken report still
gives the reports after it; a limit reached stops the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml
from yaml.events import DocumentStartEvent, StreamEndEvent

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.limits import Limits
from ipr_rules.loading.yaml_messages import TOO_MANY_NODES
from ipr_rules.loading.yamlpos import (
    Document,
    NodeBudget,
    TooManyNodes,
    YamlSyntaxError,
)
from ipr_rules.loading.yamlreader import DocumentReader
from ipr_rules.records import record

HAS_LIBYAML = bool(getattr(yaml, "__with_libyaml__", False))
_Loader: Any = yaml.CSafeLoader if HAS_LIBYAML else yaml.SafeLoader


@record
class StreamBreak:
    """Where a stream could not be read further: a syntax error or a limit, with its line."""

    error: YamlSyntaxError | Diagnostic


# Past this many broken documents in one stream, the rest of the file is not tried.
MAX_RESYNCS = 20


def read_stream(text: str, limits: Limits = Limits()) -> Iterator[Document | StreamBreak]:
    """Each document of a YAML stream in order, and a `StreamBreak` where one is broken.

    After a syntax error, reading resumes at the next `---` line, so that a consolidated file
    with one broken report still gives the reports after it. A limit stops the file.
    """
    budget = NodeBudget(limits.max_nodes)
    start = 0  # 0-based line where the current parser starts
    index = 0
    breaks = 0
    while True:
        failure: YamlSyntaxError | None = None
        for item in _read_from(text, start, limits, budget, index):
            if isinstance(item, Document):
                index += 1
                yield item
            elif isinstance(item, Diagnostic):
                yield StreamBreak(item)
                return
            else:
                failure = item
        if failure is None:
            return
        yield StreamBreak(failure)
        breaks += 1
        resume = _next_document_start(text, max((failure.line or 1) - 1, start + 1))
        if resume is None or breaks >= MAX_RESYNCS:
            return
        start = resume


def _read_from(
    text: str, start: int, limits: Limits, budget: NodeBudget, index: int
) -> Iterator[Document | YamlSyntaxError | Diagnostic]:
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
            except YamlSyntaxError as error:
                yield error
                return
            except yaml.YAMLError as error:
                yield YamlSyntaxError(str(error), None, None)
                return
            index += 1
            yield document
    finally:
        parser.dispose()


def _syntax_error(error: yaml.MarkedYAMLError, start: int) -> YamlSyntaxError:
    """libyaml's error with its marks turned into 1-based lines of the whole file."""
    mark: Any = error.problem_mark or error.context_mark
    context: Any = error.context_mark
    return YamlSyntaxError(
        error.problem or str(error),
        int(mark.line) + start + 1 if mark is not None else None,
        error.context,
        int(mark.column) + 1 if mark is not None else None,
        int(context.line) + start + 1 if context is not None else None,
    )


def _reader_error(error: yaml.reader.ReaderError, source: str, start: int) -> YamlSyntaxError:
    """libyaml counts the position of a bad character in bytes of UTF-8, PyYAML in characters."""
    position = max(0, int(error.position))
    if _Loader is not yaml.SafeLoader:
        before = source.encode("utf-8", "surrogatepass")[:position]
        line = before.count(b"\n") + start + 1
    else:
        line = source.count("\n", 0, min(position, len(source))) + start + 1
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character)
    return YamlSyntaxError(f"{error.reason} U+{code:04X}", line, None)


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


def load_documents(text: str, limits: Limits = Limits()) -> Iterator[Document]:
    """Each document of a YAML stream in order; raises YamlSyntaxError where parsing stops.

    Documents before the broken one have already been yielded. A limit reached becomes a
    problem of an empty last document (for callers that read one trusted document).
    """
    for item in read_stream(text, limits):
        if isinstance(item, Document):
            yield item
            continue
        error = item.error
        if isinstance(error, YamlSyntaxError):
            raise error
        line = error.line or 1
        yield Document(None, {}, line, 0, [error], line)
        return
