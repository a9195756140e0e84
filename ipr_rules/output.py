"""Writing results: files whole or not at all, stdout that survives odd consoles and pipes."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ipr_rules.errors import UsageError
from ipr_rules.i18n import Text

CANNOT_WRITE = Text("无法写入 {path}：{reason}", "cannot write {path}: {reason}")
OUTPUT_IS_INPUT = Text(
    "输出文件 {path} 是要检查的报告之一，不会覆盖它；请换一个文件名",
    "the output file {path} is one of the reports to check and will not be overwritten; choose another name",
)
REPORT_SUFFIXES = (".yaml", ".yml", ".xlsx")

Payload = str | bytes | Iterable[str | bytes]


def write_atomic(path: str | Path, data: Payload) -> None:
    """Write to a temporary file beside `path`, then rename: a killed run leaves no half file.

    `data` is the whole text or bytes, or chunks of them (a generator may raise midway: then
    neither the target nor the temporary file is left behind, and an old target is untouched).
    Text is written as UTF-8; a character no encoding can write (a lone surrogate) is written
    as its escape instead of failing the run.
    """
    target = Path(path)
    chunks: Iterable[str | bytes] = [data] if isinstance(data, (str, bytes)) else data
    if _is_special(target):
        _write_through(target, chunks)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise UsageError(CANNOT_WRITE, path=str(target), reason=error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk.encode("utf-8", "backslashreplace") if isinstance(chunk, str) else chunk)
            stream.flush()
            os.fsync(stream.fileno())
        _set_mode(temporary, target)
        os.replace(temporary, target)
    except OSError as error:
        _discard(temporary)
        raise UsageError(CANNOT_WRITE, path=str(target), reason=error.strerror or str(error)) from None
    except BaseException:
        _discard(temporary)
        raise


def _is_special(target: Path) -> bool:
    """A device or pipe (`-o /dev/null`, `-o /dev/stdout`): it is written to, never replaced."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_through(target: Path, chunks: Iterable[str | bytes]) -> None:
    try:
        with open(target, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk.encode("utf-8", "backslashreplace") if isinstance(chunk, str) else chunk)
    except OSError as error:
        raise UsageError(CANNOT_WRITE, path=str(target), reason=error.strerror or str(error)) from None


def _set_mode(temporary: str, target: Path) -> None:
    """The mode an ordinary new file would get (mkstemp makes it private), or the old file's."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        mode = 0o666 & ~mask
    with contextlib.suppress(OSError):
        os.chmod(temporary, mode)


def _discard(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def refuse_inputs(targets: Iterable[Path], inputs: Iterable[str]) -> None:
    """An output file must not be a report being checked: inputs are never modified."""
    given = list(inputs)
    for target in targets:
        if not target.exists():
            continue
        for path in given:
            if _same_file(target, path) or (
                target.suffix.lower() in REPORT_SUFFIXES and os.path.isdir(path) and _inside(target, path)
            ):
                raise UsageError(OUTPUT_IS_INPUT, path=str(target))


def _same_file(target: Path, path: str) -> bool:
    try:
        return os.path.samefile(target, path)
    except OSError:
        return False


def _inside(target: Path, folder: str) -> bool:
    try:
        return Path(os.path.realpath(target)).is_relative_to(os.path.realpath(folder))
    except (OSError, ValueError):
        return False


def prepare_stdout() -> None:
    """Characters the console cannot show (a GBK console, a lone surrogate) become '?' rather
    than an exception halfway through a report."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def emit(rendered: Payload) -> None:
    """A renderer's output on stdout as it comes, chunk by chunk, ending in one newline."""
    chunks: Iterable[str | bytes] = [rendered] if isinstance(rendered, (str, bytes)) else rendered
    last = ""
    for chunk in chunks:
        text = chunk.decode("utf-8") if isinstance(chunk, bytes) else chunk
        if text:
            sys.stdout.write(text)
            last = text
    if not last.endswith("\n"):
        sys.stdout.write("\n")


def echo(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text if text.endswith("\n") or not text else text + "\n")


UNKNOWN_SUFFIX = Text(
    "无法从文件名 {path} 判断输出格式，请用 --format 指定，或使用 .txt .md .json .html .xlsx .docx .xml 之一",
    "cannot tell the format of {path} from its name: give --format, or use .txt .md .json .html .xlsx .docx .xml",
)
BINARY_TO_TERMINAL = Text(
    "{format} 格式是二进制文件，请用 -o 文件名.{format} 写入文件",
    "the {format} format is binary: write it to a file with -o NAME.{format}",
)


BINARY_FORMATS = ("xlsx", "docx")


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
    if stdout in BINARY_FORMATS:
        raise UsageError(BINARY_TO_TERMINAL, format=stdout)
    return stdout, targets
