"""Ending on a signal: Ctrl-C exits 130, SIGTERM 143, with one line and nothing half written.

SIGTERM is turned into an exception in the main thread, like Ctrl-C's KeyboardInterrupt, so that
the same unwinding runs for both: staged outputs are discarded, worker processes terminated and
joined. The command then prints one line and exits 128 + the signal's number, as shells do, so
that CI can tell an interrupted run from one that finished with findings (1).
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType
from typing import NoReturn

from ipr_rules.i18n import Lang, Text

INTERRUPTED = Text(
    "ipr-check：收到 {signal}，已中断，未写出任何结果",
    "ipr-check: {signal} received; interrupted, nothing was written",
)
SIGINT_EXIT = 128 + int(signal.SIGINT)
SIGTERM_EXIT = 128 + int(signal.SIGTERM)


class Terminated(BaseException):
    """SIGTERM, raised where the main thread happens to be (like KeyboardInterrupt for Ctrl-C)."""


def install() -> None:
    """SIGTERM raises Terminated in the main thread, SIGINT KeyboardInterrupt, even when the
    process was started with SIGINT ignored (a background job of a script): a signal sent to
    the checker on purpose ends it. Only the main thread may set handlers."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _terminate(signum: int, frame: FrameType | None) -> NoReturn:
    # Further SIGTERMs while unwinding would interrupt the cleanup they ask for.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Terminated


def interrupted(error: BaseException, args: Sequence[str]) -> NoReturn:
    """One line on stderr, then exit 130 (Ctrl-C) or 143 (SIGTERM)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    terminated = isinstance(error, Terminated)
    lang: Lang = "en" if _asks_english(args) else "zh"
    line = INTERRUPTED.render(lang, signal="SIGTERM" if terminated else "SIGINT")
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    sys.exit(SIGTERM_EXIT if terminated else SIGINT_EXIT)


def _asks_english(args: Sequence[str]) -> bool:
    for index, arg in enumerate(args):
        if arg == "--lang=en" or (arg == "--lang" and args[index + 1 : index + 2] == ["en"]):
            return True
    return False
