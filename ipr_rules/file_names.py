"""A file's name as a run keeps it: its folder once for every file in it, its own name apart.

Every finding about a report names the report's file, and so does the report's line: in a large
run the full name of each file (its folder repeated each time, as text wide enough for Chinese)
was the largest thing kept per report. A `Source` keeps the folder and the file's own name as
shared strings (districts name their files alike, by unit: `区法院.yaml`); the records that
name a file (`Finding`, `ReportSummary`) keep a Source in place of the text and give the text
back when asked (`keeps_file_as_source`), so that `file` reads as before. The records of one
file share one Source: consecutive records given the same name get the same one, and a worker's
records, rebuilt in the main process, share their Source and the main process's copy of the
folder.
"""

from __future__ import annotations

import os
import sys
from typing import Any, TypeVar

Record = TypeVar("Record", bound=type)

_SEPARATORS = "/" if os.sep == "/" else "/" + os.sep


class Source:
    """A file's name: its folder (ending in a separator, or empty) and its own name."""

    __slots__ = ("folder", "name")

    def __init__(self, folder: str, name: str) -> None:
        self.folder = folder
        self.name = name

    @property
    def text(self) -> str:
        return self.folder + self.name

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Source({self.text!r})"

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        return (_rebuilt, (self.folder, self.name))


def _rebuilt(folder: str, name: str) -> Source:
    """A Source from another process, its folder and name the copies this process keeps."""
    return Source(sys.intern(folder), sys.intern(name))


# The last name made into a Source, and that Source: a report's records come one after another.
_last: tuple[str, Source] = ("", Source("", ""))


def source_of(text: str) -> Source:
    """The Source of a file's name; the same Source as the previous call's for the same name."""
    global _last
    last_text, last = _last
    if text is last_text or text == last_text:
        return last
    cut = max(map(text.rfind, _SEPARATORS)) + 1
    made = Source(sys.intern(text[:cut]), sys.intern(text[cut:]))
    _last = (text, made)
    return made


def kept_file(record: Any) -> Any:
    """The file of a record as it keeps it (a Source, or None): for another record about it."""
    return record.__class__._kept_file.__get__(record)


def keeps_file_as_source(cls: Record) -> Record:
    """A slotted record (`records.record`) whose `file` (text or None) is kept as a Source: set
    with a name or a Source, read as text. Pickle it with `kept_file` (a `__reduce__`), so that
    the process unpickling records shares one Source between the records of one file."""
    slot = cls.__dict__["file"]

    def get(record: Any) -> str | None:
        value = slot.__get__(record)
        return value.text if value.__class__ is Source else value

    def put(record: Any, value: Any) -> None:
        slot.__set__(record, source_of(value) if value.__class__ is str else value)

    patched: Any = cls
    patched._kept_file = slot
    patched.file = property(get, put)
    return cls
