"""The one record that crosses from checks to renderers (SPEC §4).

A finding is a `Diagnostic` (`Finding.of`) with what the check adds: its kind, severity, unit
and task. It keeps its message as a template and arguments; the language is chosen at the edge.
It is a slotted, frozen dataclass rather than a pydantic model because tens of thousands are
made per run and none needs validating: one costs about a tenth of the memory of a model.
"""

from __future__ import annotations

import sys
from typing import Any, Literal, cast

from ipr_rules.diagnostic import Diagnostic, where
from ipr_rules.file_names import keeps_file_as_source, kept_file
from ipr_rules.i18n import Lang, Text
from ipr_rules.loading.cells import cell_of
from ipr_rules.records import record
from ipr_rules.shared_args import shared, shared_int, shared_message

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@keeps_file_as_source
@record
class Finding:
    kind: str
    severity: Severity
    unit: str | None
    task: str | None
    # Kept as its folder and its own name, shared by the findings of one file (`file_names`).
    file: str | None
    line: int | None
    message: Text
    # The message's arguments as `pack` keeps them: the tuple of their names (one shared tuple
    # per message) followed by their values; a large run keeps tens of thousands of these.
    # Names and values in turn, (name, value, name, value, …), are read as well.
    args: tuple[Any, ...] = ()
    # Where in the document, as the loader knows it (keys, positions from zero): JSON gives it as
    # `path`, the message says it in the clerk's words.
    path: tuple[Any, ...] = ()

    @classmethod
    def of(cls, diagnostic: Diagnostic, kind: str, severity: Severity, unit: str | None, task: str | None) -> Finding:
        """The finding a diagnostic makes: its place, message and arguments, with what the check adds."""
        file, line, args = diagnostic.file, diagnostic.line, pack(diagnostic.args)
        return cls(kind, severity, compact(unit), compact(task), file, line, diagnostic.message, args, diagnostic.path)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled (for the main process) as its fields, its file as the Source it keeps."""
        fields = (self.kind, self.severity, self.unit, self.task, kept_file(self), self.line)
        return (_rejoined, (*fields, self.message, self.args, self.path))

    @property
    def diagnostic(self) -> Diagnostic:
        """The finding's place and message, without what the check added."""
        return Diagnostic(self.message, self.line, self.path, self.arguments, self.file)

    @property
    def arguments(self) -> dict[str, Any]:
        args = self.args
        if args and args[0].__class__ is tuple:
            return dict(zip(args[0], args[1:], strict=True))
        return dict(zip(args[::2], args[1::2], strict=False))

    def text(self, lang: Lang) -> str:
        return self.message.render(lang, **self.arguments)

    @property
    def cell(self) -> str | None:
        """The sheet and cell (`任务!F12`) when the finding is about a workbook."""
        return cell_of(self.line)

    @property
    def location(self) -> str:
        return where(self.file, self.line)

    def record(self, lang: Lang) -> dict[str, Any]:
        """The finding as SPEC §5's JSON object; about a workbook, also its `location` (`任务!F12`), and
        `path` (`tasks.4-1.outputs.1.date`) when the finding is about one field."""
        record: dict[str, Any] = {
            "kind": self.kind,
            "severity": self.severity,
            "unit": self.unit,
            "task": self.task,
            "file": self.file,
            "line": None if self.line is None else int(self.line),
        }
        cell = self.cell
        if cell is not None:
            record["location"] = cell
        record["message"] = self.text(lang)
        if self.path:
            record["path"] = ".".join(str(part) for part in self.path)
        return record


def finding(
    kind: str,
    severity: Severity,
    message: Text,
    unit: str | None,
    task: str | None,
    file: str | None,
    line: int | None,
    /,
    **args: Any,
) -> Finding:
    """A finding; the location comes first and positionally, so message arguments may use any name."""
    return Finding(kind, severity, compact(unit), compact(task), file, line, message, pack(args))


def _rejoined(
    kind: str,
    severity: str,
    unit: str | None,
    task: str | None,
    file: Any,
    line: int | None,
    message: Text,
    args: tuple[Any, ...],
    path: tuple[Any, ...],
) -> Finding:
    """A finding unpickled from a worker process, holding this process's one copy of its names,
    texts, message and equal arguments (each batch comes with copies of its own), its file the
    Source of the other records about the file (see `file_names`)."""
    if args and args[0].__class__ is tuple:
        names = args[0]
        args = shared((_NAMES.setdefault(names, names), *map(compact, args[1:])))
    level = cast(Severity, sys.intern(severity))
    return Finding(
        sys.intern(kind), level, compact(unit), compact(task), file, line, shared_message(message), args, path
    )


def pack(args: dict[str, Any]) -> tuple[Any, ...]:
    """A message's arguments as a Finding keeps them: the shared tuple of their names, then their
    values, short texts interned; equal arguments of the run kept once (see `shared_args`)."""
    if not args:
        return ()
    names = tuple(args)
    return shared((_NAMES.setdefault(names, names), *map(compact, args.values())))


# One tuple of argument names per message shape, shared by every finding of that shape.
_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}


# Texts up to this long are interned: task ids, unit, campaign and field names repeat in
# thousands of findings; longer ones (excerpts, reasons) are each their own.
_SHORT = 64


def compact(value: Any) -> Any:
    """One shared copy of a short text, so that a run's findings hold each name once."""
    if value.__class__ is str and len(value) <= _SHORT:
        return sys.intern(value)
    if value.__class__ is int:
        return shared_int(value)
    return value
