"""What reading YAML gives: documents of plain data with the line of every path, and problems.

`yamlreader` reads a document into a `Document`; what a report must not hold (duplicate keys,
custom tags, keys that are not strings, a limit reached inside a value) becomes a `Diagnostic`
value there, never an exception. A file the parser cannot read raises `YamlSyntaxError`; a
limit that stops the file is a `Diagnostic` too. `yamlstream` turns both into stream breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ipr_rules.diagnostic import Diagnostic
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
