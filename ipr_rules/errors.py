"""Errors that stop a command before it can check anything: the CLI maps them to exit 2.

Everything about a single input file is a value (a finding), never one of these; these are for
a ruleset that cannot be used, an option that makes no sense, an output that cannot be written.
"""

from __future__ import annotations

from typing import Any

from ipr_rules.i18n import Lang, Text


class UsageError(Exception):
    """A problem the user can fix; rendered in their language, never as a traceback."""

    def __init__(self, message: Text, *, file: str | None = None, line: int | None = None, **args: Any) -> None:
        super().__init__(message.en)
        self.message = message
        self.file = file
        self.line = line
        self.args_ = args

    def render(self, lang: Lang) -> str:
        text = self.message.render(lang, **self.args_)
        if self.file is None:
            return text
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {text}"


class RulesetError(UsageError):
    """The ruleset cannot be loaded or compiled; details in the message."""
