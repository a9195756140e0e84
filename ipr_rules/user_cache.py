"""Where ipr-check keeps what it saves between runs to start faster, and the switches for it.

The user's cache folder (`$XDG_CACHE_HOME/ipr-check`, `~/.cache/ipr-check`, or on Windows
`%LOCALAPPDATA%\\ipr-check\\cache`); `IPR_CHECK_CACHE_DIR` moves it and `IPR_CHECK_NO_CACHE=1`
turns every cache off. What is kept there is plain data, never code, and only ever saves time:
a missing, stale or corrupt file means doing the work afresh.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

CACHE_DIR_ENV = "IPR_CHECK_CACHE_DIR"
NO_CACHE_ENV = "IPR_CHECK_NO_CACHE"


def cache_folder() -> Path | None:
    """Where the caches live: $IPR_CHECK_CACHE_DIR, else the user's cache folder; None when off."""
    from pathlib import Path

    location = cache_location()
    return Path(location) if location is not None else None


def cache_location() -> str | None:
    """`cache_folder()` as text, for the pattern cache that is read before `pathlib` is imported
    (importing it compiles patterns)."""
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    named = os.environ.get(CACHE_DIR_ENV)
    if named:
        return named
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return os.path.join(base, "ipr-check", "cache") if base else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "ipr-check")
    home = os.path.expanduser("~")
    return os.path.join(home, ".cache", "ipr-check") if home != "~" else None


def write_whole(path: str | Path, data: bytes) -> None:
    """Whole or not at all; a folder that cannot be written is no cache, not an error."""
    path = os.fspath(path)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
