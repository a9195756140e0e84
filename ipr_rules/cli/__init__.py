"""The `ipr-check` command: click options in, library calls, rendered text out, exit code.

One module per group of commands; each registers its commands on the group in `app`, which
imports a command's module when the command is asked for (`app.COMMAND_MODULES`).
"""

from __future__ import annotations

import sys

from ipr_rules.cli import signals
from ipr_rules.cli.app import main

__all__ = ["entry_point", "main"]


def entry_point() -> None:
    """The console script: exit quietly when the reader of a pipe goes away."""
    try:
        main()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(1)
    except (KeyboardInterrupt, signals.Terminated) as error:  # before or after the command itself
        signals.interrupted(error, sys.argv[1:])


def _silence_stdout() -> None:
    import contextlib
    import os

    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
