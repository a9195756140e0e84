"""The garbage collector while the program starts (see `ipr_rules.launch`).

The program pauses the collector before it imports anything; a command resumes it where its
own work begins (`resume()`: checking reports, serving), freezing first what start-up made so
that no later collection walks it again. A command that ends before then never needs it. Run
in-process (tests, a library caller of `cli.main`), nothing here was paused and nothing
changes.
"""

from __future__ import annotations

import gc

_paused = False


def paused_at_launch() -> None:
    """The program paused the collector before importing the command line."""
    global _paused
    _paused = True


def resume() -> None:
    global _paused
    if _paused:
        _paused = False
        gc.freeze()  # start-up's objects live as long as the process: later collections skip them
        gc.enable()
