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


UNKNOWN_SUFFIX = Text(
    "无法从文件名 {path} 判断输出格式，请用 --format 指定，或使用 .txt .md .json .html .xlsx .xml 之一",
    "cannot tell the format of {path} from its name: give --format, or use .txt .md .json .html .xlsx .xml",
)
BINARY_TO_TERMINAL = Text(
    "{format} 格式是二进制文件，请用 -o 文件名.{format} 写入文件", "the {format} format is binary: write it to a file with -o NAME.{format}"
)


def plan_outputs(chosen: str | None, files: tuple[Path, ...]) -> tuple[str, list[tuple[Path, str]]]:
    """Which format goes to stdout and which to each `-o` file.

    A file's format comes from its suffix, or from --format when the suffix says nothing. The
    table is still printed beside files, unless --format named a format that went to a file.
    """
    from ipr_rules.render import format_for

    targets: list[tuple[Path, str]] = []
    for path in files:
        by_suffix = format_for(path)
        if by_suffix is not None and (chosen is None or len(files) > 1 or by_suffix == chosen):
            targets.append((path, by_suffix))
        elif chosen is not None:
            targets.append((path, chosen))
        else:
            raise UsageError(UNKNOWN_SUFFIX, path=str(path))
    written = {fmt for _, fmt in targets}
    stdout = chosen if chosen is not None and chosen not in written else "table"
    if stdout == "xlsx":
        raise UsageError(BINARY_TO_TERMINAL, format=stdout)
    return stdout, targets
