"""What reading YAML gives: documents of plain data with the line of every path, and problems.

`yamlreader` reads a document into a `Document`; what a report must not hold (duplicate keys,
custom tags, keys that are not strings, a limit reached inside a value) becomes a `Diagnostic`
value there, never an exception. Where the parser cannot read on (`syntax_error`) or a limit
stops the file, `yamlstream` reports a `Diagnostic` too, where the stream breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.yaml_messages import PARSER_SYNTAX_ERROR
from ipr_rules.records import record

Path = tuple[Any, ...]

# Invisible and direction-changing characters, which make a key or name differ from how it reads.
INVISIBLE_CHARACTERS = re.compile("[\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e]")


@record
class NonStringKey:
    """A mapping key that YAML read as a number, boolean, date or null; `raw` is as written."""

    raw: str
    tag: str

    def __str__(self) -> str:
        return self.raw


@dataclass(slots=True)
class Document:
    """One YAML document read: its data, the position of every node and the problems met."""

    data: Any
    lines: dict[Path, int]
    line: int
    index: int
    problems: list[Diagnostic]
    # The last line of the document's content (1-based); for lints over the document's own lines.
    end_line: int = 0
    # Paths of keys that are not plain text (`1.1:`) or hold invisible characters: rare, so
    # the validator looks at the data again only when there are some.
    odd_keys: list[Path] = field(default_factory=list)


def syntax_error(
    problem: str,
    line: int | None,
    column: int | None = None,
    context: str | None = None,
    context_line: int | None = None,
) -> Diagnostic:
    """Where libyaml could not read on, in its own words: the `problem`, what it was reading
    (`context`) and the line where that began (an opening quote or bracket), when known.

    `yaml_errors.explain_syntax_error` says it in the user's terms; until then the message is
    the parser's."""
    args = {"problem": problem, "context": context, "context_line": context_line}
    return Diagnostic(PARSER_SYNTAX_ERROR, line, args=args, column=column)


def is_syntax_error(diagnostic: Diagnostic) -> bool:
    """The diagnostic is libyaml's syntax error, not yet explained (not a limit reached)."""
    return diagnostic.message is PARSER_SYNTAX_ERROR


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
