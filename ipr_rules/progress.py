"""A progress line on stderr for long runs, shown only to a person at a terminal.

The line is redrawn in place with a carriage return and wiped when the run ends (normally or
not), so that the report printed after it, or the shell prompt, starts on a clean line.
"""

from __future__ import annotations

import sys
import time
import unicodedata
from collections.abc import Callable
from typing import TextIO

from ipr_rules.i18n import Lang, Text

PROGRESS = Text("已检查 {done} 个文件…", "checked {done} file(s)…")
# Only runs that take a while deserve a progress line.
DELAY_SECONDS = 1.0
REDRAW_SECONDS = 0.2


class Progress:
    """Call with the number of files done; `finish()` wipes the line if one was drawn."""

    def __init__(self, lang: Lang, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.lang = lang
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.last = 0.0
        self.width = 0  # columns of the line on screen, 0 when none is shown

    def __call__(self, done: int) -> None:
        now = self.clock()
        if now - self.started < DELAY_SECONDS or now - self.last < REDRAW_SECONDS:
            return
        self.last = now
        text = PROGRESS.render(self.lang, done=done)
        self._write("\r" + text + " " * max(0, self.width - columns(text)))
        self.width = max(self.width, columns(text))

    def finish(self) -> None:
        if self.width:
            self._write("\r" + " " * self.width + "\r")
            self.width = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.width = 0  # the terminal went away: nothing to wipe


def columns(text: str) -> int:
    """Terminal columns: wide (Chinese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def progress_callback(wanted: bool | None, lang: Lang) -> Progress | None:
    """A progress line when asked for (`--progress`), or by default when stderr is a terminal."""
    if wanted is False:
        return None
    if wanted is None:
        try:
            if not sys.stderr.isatty():
                return None
        except (AttributeError, ValueError):
            return None
    return Progress(lang)
