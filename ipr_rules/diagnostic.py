"""One positioned message: what is wrong, where, said in the reader's language at the edge.

Every reader of an input says what it found the same way: the loaders of reports, the
ruleset's files, the plan compiler and the command line's usage errors. A `Diagnostic` keeps
the message as a template and its arguments, so the language is chosen when it is shown; it is
a value, passed and collected. Where a command or the library API must stop, `UsageError`
(`errors.py`) carries one; a `Finding` is made from one with `Finding.of`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from typing import Any

from ipr_rules.i18n import Lang, Text
from ipr_rules.loading.cells import cell_of
from ipr_rules.records import record


def where(file: str | None, line: int | None, column: int | None = None) -> str:
    """`file`, `file:line` (`file:任务!F12` in a workbook), or `file:line:column`; "" without a file."""
    if file is None:
        return ""
    if line is None:
        return file
    place = f"{file}:{cell_of(line) or line}"
    return place if column is None else f"{place}:{column}"


@record
class Diagnostic:
    """A message about a place: the file, its 1-based line (a `CellLine` names a workbook's
    cell), the column where one is known, and the path of the value inside the document."""

    message: Text
    line: int | None = None
    # Where in the document (keys, positions from zero), as the loader knows it.
    path: tuple[Any, ...] = ()
    args: dict[str, Any] = dataclasses.field(default_factory=dict)
    file: str | None = None
    column: int | None = None
    # The field the message is about, named before it (`tasks[0].id: …`), where the message
    # does not name it itself.
    field: str | Text = ""

    def at(self, file: str) -> Diagnostic:
        """The same diagnostic, in `file`."""
        return replace(self, file=file)

    @property
    def location(self) -> str | None:
        """The sheet and cell (`任务!F12`) when the diagnostic is about a workbook."""
        return cell_of(self.line)

    @property
    def where(self) -> str:
        return where(self.file, self.line, self.column)

    def text(self, lang: Lang) -> str:
        """The message, with the field it is about before it."""
        text = self.message.render(lang, **self.args)
        field = self.field.render(lang) if isinstance(self.field, Text) else self.field
        return f"{field}: {text}" if field else text

    def render(self, lang: Lang) -> str:
        """`where: message`, or the message alone when there is no file."""
        where = self.where
        return f"{where}: {self.text(lang)}" if where else self.text(lang)
