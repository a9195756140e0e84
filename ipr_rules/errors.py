"""Errors that stop a command before it can check anything: the CLI maps them to exit 2.

Everything about a single input file is a value (a finding, a `Diagnostic`), never one of
these; these are for a ruleset that cannot be used, an option that makes no sense, an output
that cannot be written: the places where the command line or the library API must stop.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import Lang, Text

if TYPE_CHECKING:
    from typing import Self  # Python 3.11+; annotations only, so 3.10 runs without it


class UsageError(Exception):
    """A problem the user can fix: the `Diagnostic` that says it, rendered in their language,
    never as a traceback."""

    def __init__(self, message: Text, *, file: str | None = None, line: int | None = None, **args: Any) -> None:
        super().__init__(message.en)
        # A usage error names the row of a workbook, not its cell.
        self.diagnostic = Diagnostic(message, None if line is None else int(line), (), args, file)

    @classmethod
    def of(cls, diagnostic: Diagnostic) -> Self:
        error = cls(diagnostic.message)
        error.diagnostic = diagnostic
        return error

    @property
    def message(self) -> Text:
        return self.diagnostic.message

    @property
    def line(self) -> int | None:
        return self.diagnostic.line

    @property
    def args_(self) -> dict[str, Any]:
        return self.diagnostic.args

    @property
    def file(self) -> str | None:
        return self.diagnostic.file

    @file.setter
    def file(self, file: str | None) -> None:
        self.diagnostic = replace(self.diagnostic, file=file)

    def render(self, lang: Lang) -> str:
        return self.diagnostic.render(lang)


class RulesetError(UsageError):
    """The ruleset cannot be loaded or compiled; details in the message."""
