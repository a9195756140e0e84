"""Output files: written whole or not at all, all of a run's outputs or none of them.

`-o` may name a new or existing file (a symbolic link is written through, never replaced), `-`
for standard output, a pipe, a terminal or /dev/null; a missing folder, a folder or a device is
refused before anything is checked. Every output of a run is staged beside its target first and
renamed into place only when all of them are complete.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal, TextIO

from ipr_rules.errors import UsageError
from ipr_rules.i18n import Text
from ipr_rules.records import record

CANNOT_WRITE = Text("无法写入 {path}：{reason}", "cannot write {path}: {reason}")
NO_FOLDER = Text(
    "无法写入 {path}：文件夹 {folder} 不存在（不会自动创建，请先建立它或换一个位置）",
    "cannot write {path}: the folder {folder} does not exist (it is not created for you; make it or choose another place)",
)
IS_FOLDER = Text("无法写入 {path}：这是一个文件夹", "cannot write {path}: it is a folder")
NOT_WRITABLE_DEVICE = Text(
    "不写入 {path}：它是设备或套接字，而不是普通文件、管道、终端、标准输出或 /dev/null",
    "will not write {path}: it is a device or socket, not a regular file, pipe, terminal, standard output or /dev/null",
)
STDOUT_TWICE = Text(
    "标准输出只能接收一种输出（-o - 或 -o /dev/stdout 只能用一次）",
    "standard output can take only one of the outputs (-o - or -o /dev/stdout only once)",
)
# `-o -`: standard output.
STDOUT = "-"

Payload = str | bytes | Iterable[str | bytes]


@record
class Target:
    """Where one output goes, decided before anything is written.

    `file`: a regular file (new or replaced whole; a symbolic link is written through, to the
    file it points to); `stdout` / `stderr`: the process's own streams (`-`, `/dev/stdout`, or a
    file that is already one of them); `through`: a pipe or terminal, written to in place;
    `null`: /dev/null."""

    given: str
    kind: Literal["file", "stdout", "stderr", "through", "null"]
    path: Path


def resolve_target(path: str | Path) -> Target:
    """Where `path` leads; a usage error for a missing folder, a folder, or a device."""
    given = os.fspath(path)
    if given == STDOUT:
        return Target(given, "stdout", Path(given))
    try:
        info = os.stat(given)  # the kernel follows /dev/stdout → /proc/self/fd/1 → a pipe
    except FileNotFoundError:
        real = Path(os.path.realpath(given))
        if not real.parent.is_dir():
            raise UsageError(NO_FOLDER, path=display_path(given), folder=display_path(real.parent)) from None
        return Target(given, "file", real)
    except OSError as error:
        raise UsageError(CANNOT_WRITE, path=display_path(given), reason=error.strerror or str(error)) from None
    real = Path(os.path.realpath(given))
    for kind, stream in (("stdout", sys.stdout), ("stderr", sys.stderr)):
        if _same_as_stream(info, stream):
            return Target(given, kind, real)  # type: ignore[arg-type]
    if stat.S_ISREG(info.st_mode):
        return Target(given, "file", real)
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(IS_FOLDER, path=display_path(given))
    if stat.S_ISCHR(info.st_mode) and _is_null(info):
        return Target(given, "null", real)
    if stat.S_ISFIFO(info.st_mode) or (stat.S_ISCHR(info.st_mode) and _is_terminal(real)):
        return Target(given, "through", real)
    raise UsageError(NOT_WRITABLE_DEVICE, path=display_path(given))


def write_atomic(path: str | Path, data: Payload) -> None:
    """Write one output whole or not at all (see `write_outputs`)."""
    write_outputs([(path, data)])


def write_outputs(outputs: Sequence[tuple[str | Path | Target, Payload]]) -> None:
    """Write every output, or none of them.

    Each regular file is first written to a temporary file beside it; only when all of them are
    written are they renamed into place, so a killed run, a renderer that fails midway or a full
    disk leaves no half file and no file replaced while another failed. Then come the outputs that
    cannot be staged (standard output, pipes, terminals). `data` is the whole text or bytes, or
    chunks of them; text is written as UTF-8, a character no encoding can write (a lone
    surrogate) as its escape.
    """
    targets = [item if isinstance(item, Target) else resolve_target(item) for item, _ in outputs]
    staged: list[tuple[str, Target]] = []
    try:
        for target, (_, data) in zip(targets, outputs, strict=True):
            if target.kind == "file":
                staged.append((_stage(target, data), target))
        for temporary, target in staged:
            try:
                os.replace(temporary, target.path)
            except OSError as error:
                raise UsageError(
                    CANNOT_WRITE, path=display_path(target.given), reason=error.strerror or str(error)
                ) from None
    except BaseException:
        for temporary, _ in staged:
            _discard(temporary)
        raise
    for target, (_, data) in zip(targets, outputs, strict=True):
        if target.kind != "file":
            _write_through(target, _chunks(data))


def _chunks(data: Payload) -> Iterable[str | bytes]:
    return [data] if isinstance(data, (str, bytes)) else data


def _stage(target: Target, data: Payload) -> str:
    """The output written whole to a temporary file beside its target; its name."""
    import tempfile  # here: the commands that write no file start without it

    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.path.name}.", suffix=".tmp", dir=target.path.parent)
    except OSError as error:
        raise UsageError(CANNOT_WRITE, path=display_path(target.given), reason=error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in _chunks(data):
                stream.write(_encoded(chunk))
            stream.flush()
            os.fsync(stream.fileno())
        _set_mode(temporary, target.path)
    except OSError as error:
        _discard(temporary)
        raise UsageError(CANNOT_WRITE, path=display_path(target.given), reason=error.strerror or str(error)) from None
    except BaseException:
        _discard(temporary)
        raise
    return temporary


def _encoded(chunk: str | bytes) -> bytes:
    return chunk.encode("utf-8", "backslashreplace") if isinstance(chunk, str) else chunk


def _same_as_stream(info: os.stat_result, stream: TextIO) -> bool:
    try:
        own = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return (own.st_dev, own.st_ino) == (info.st_dev, info.st_ino)


def _is_null(info: os.stat_result) -> bool:
    try:
        return os.stat(os.devnull).st_rdev == info.st_rdev
    except OSError:
        return False


def _is_terminal(path: Path) -> bool:
    try:
        handle = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        return os.isatty(handle)
    finally:
        os.close(handle)


def _write_through(target: Target, chunks: Iterable[str | bytes]) -> None:
    if target.kind in ("stdout", "stderr"):
        _to_stream(sys.stdout if target.kind == "stdout" else sys.stderr, chunks)
        return
    try:
        with open(os.devnull if target.kind == "null" else target.path, "wb") as stream:
            for chunk in chunks:
                stream.write(_encoded(chunk))
    except OSError as error:
        raise UsageError(CANNOT_WRITE, path=display_path(target.given), reason=error.strerror or str(error)) from None


def _to_stream(stream: TextIO, chunks: Iterable[str | bytes]) -> None:
    """Text through the text layer (it knows the console's encoding), ending in a newline;
    bytes (a workbook into a pipe) straight to the binary layer."""
    last = "\n"
    for chunk in chunks:
        if isinstance(chunk, str):
            stream.write(chunk)
            last = chunk or last
            continue
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            buffer.write(chunk)
        last = "\n"
    if not last.endswith("\n"):
        stream.write("\n")
    stream.flush()


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


def display_path(path: str | os.PathLike[str]) -> str:
    """A path fit to print: bytes that are not UTF-8 (a file name from another system) show as
    `\xff` escapes, so that two such names never look the same; the result always encodes."""
    return os.fspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
