"""A progress line on stderr for long runs, shown only to a person at a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from ipr_rules.i18n import Lang, Text

PROGRESS = Text("\r已检查 {done} 个文件…", "\rchecked {done} file(s)…")
# Only runs that take a while deserve a progress line.
DELAY_SECONDS = 1.0


def progress_callback(wanted: bool | None, lang: Lang) -> Callable[[int], None] | None:
    if wanted is False or (wanted is None and not sys.stderr.isatty()):
        return None
    started = time.monotonic()
    last = [0.0]

    def report(done: int) -> None:
        now = time.monotonic()
        if now - started < DELAY_SECONDS or now - last[0] < 0.2:
            return
        last[0] = now
        sys.stderr.write(PROGRESS.render(lang, done=done))
        sys.stderr.flush()

    return report
