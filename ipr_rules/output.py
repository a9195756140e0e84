"""Writing results: files whole or not at all, stdout that survives odd consoles and pipes."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from ipr_rules.errors import UsageError
from ipr_rules.i18n import Text

CANNOT_WRITE = Text("无法写入 {path}：{reason}", "cannot write {path}: {reason}")


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a killed run leaves no half file."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise UsageError(CANNOT_WRITE, path=str(target), reason=error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        _discard(temporary)
        raise UsageError(CANNOT_WRITE, path=str(target), reason=error.strerror or str(error)) from None
    except BaseException:
        _discard(temporary)
        raise


def _discard(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def prepare_stdout() -> None:
    """Characters the console cannot show (a GBK console, a lone surrogate) become '?' rather
    than an exception halfway through a report."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def echo(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text if text.endswith("\n") or not text else text + "\n")
