"""The command line's output: the formats routed to files or stdout, outputs that would overwrite an input
refused, and stdout that survives odd consoles and pipes. Files are written by `atomic_write`."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from ipr_rules.atomic_write import STDOUT, STDOUT_TWICE, Payload, Target, display_path, resolve_target
from ipr_rules.errors import UsageError
from ipr_rules.i18n import Text

OUTPUT_IS_INPUT = Text(
    "输出文件 {path} 是要检查的报告之一，不会覆盖它；请换一个文件名",
    "the output file {path} is one of the reports to check and will not be overwritten; choose another name",
)
REPORT_SUFFIXES = (".yaml", ".yml", ".xlsx")
# Formats whose output is not text: never printed on a terminal, only to a file or `-o -` in a pipe.
BINARY_FORMATS = ("xlsx", "docx")


def refuse_inputs(targets: Iterable[Target | Path], inputs: Iterable[str]) -> None:
    """An output file must not be a report being checked: inputs are never modified."""
    given = list(inputs)
    for item in targets:
        if isinstance(item, Target) and item.kind != "file":
            continue
        target = item.path if isinstance(item, Target) else item
        if not target.exists():
            continue
        for path in given:
            if _same_file(target, path) or (
                target.suffix.lower() in REPORT_SUFFIXES and os.path.isdir(path) and _inside(target, path)
            ):
                shown = item.given if isinstance(item, Target) else target
                raise UsageError(OUTPUT_IS_INPUT, path=display_path(shown))


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


def plan_outputs(chosen: str | None, files: Sequence[str | Path]) -> tuple[str | None, list[tuple[Target, str]]]:
    """Which format goes to stdout (None: nothing more) and where each `-o` output goes.

    A file's format comes from its suffix, or from --format when the suffix says nothing; `-`
    (standard output) takes --format, or the table. The table is still printed beside files,
    unless --format named a format that went to a file, or an output already goes to stdout.
    Where each output goes is settled here, before anything is checked: a missing folder or a
    device is refused before a long run, not after it.
    """
    from ipr_rules.render import format_for

    targets: list[tuple[Target, str]] = []
    for path in files:
        target = resolve_target(path)
        by_suffix = None if target.kind == "stdout" and os.fspath(path) == STDOUT else format_for(Path(path))
        if by_suffix is not None and (chosen is None or len(files) > 1 or by_suffix == chosen):
            targets.append((target, by_suffix))
        elif chosen is not None or os.fspath(path) == STDOUT:
            targets.append((target, chosen or "table"))
        else:
            raise UsageError(UNKNOWN_SUFFIX, path=display_path(path))
    to_stdout = [fmt for target, fmt in targets if target.kind == "stdout"]
    if len(to_stdout) > 1:
        raise UsageError(STDOUT_TWICE)
    written = {fmt for _, fmt in targets}
    stdout: str | None = chosen if chosen is not None and chosen not in written else "table"
    if to_stdout:
        stdout = None
    if stdout in BINARY_FORMATS:
        raise UsageError(BINARY_TO_TERMINAL, format=stdout)
    if to_stdout and to_stdout[0] in BINARY_FORMATS and _is_terminal(sys.stdout):
        raise UsageError(BINARY_TO_TERMINAL, format=to_stdout[0])
    return stdout, targets


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):
        return False
