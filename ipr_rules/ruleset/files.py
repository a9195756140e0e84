"""The files of a ruleset directory: their names, and reading one within the report files' limits.

This module owns the names. Every file is read the same way whatever it holds: a regular file
only (a pipe or a device is refused, not waited on), no larger than the limit, one YAML
document within the node and depth limits, with the line of every value kept so that each
problem names its file and line. Problems are values, never exceptions.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import Text
from ipr_rules.loading.limits import MEGABYTE, ReadLimits

if TYPE_CHECKING:
    from ipr_rules.loading.yamlpos import Path as DataPath

PLAN_FILE = "plan.txt"  # the plan's text, the compiled data's source
RULESET_FILE = "ruleset.yaml"  # what `compile` makes of it, never edited by hand
UNITS_FILE = "units.yaml"  # the hand-kept unit registry
OVERLAY_FILE = "requirements.yaml"  # hand-kept adjustments to derived requirements (optional)
EXEMPTIONS_FILE = "exemptions.yaml"  # hand-kept office exemptions (optional)
METRICS_FILE = "metrics.yaml"  # the metrics vocabulary (optional)
REQUIRED_FILES = (RULESET_FILE, UNITS_FILE)
OPTIONAL_FILES = (OVERLAY_FILE, EXEMPTIONS_FILE, METRICS_FILE)
# What one ruleset file may cost to read: the limits a report file has.
LIMITS = ReadLimits()

NOT_ONE_DOCUMENT = Text("应只包含一个 YAML 文档，实有 {count} 个", "should hold exactly one YAML document, not {count}")
FILE_MISSING = Text("文件不存在", "the file does not exist")
FILE_UNREADABLE = Text("无法读取：{reason}", "cannot read: {reason}")
NOT_A_FILE = Text(
    "不是普通文件（而是目录、管道、设备等），未读取", "not a regular file (a folder, a pipe, a device …); not read"
)
TOO_LARGE = Text("文件大于 {limit} MB，未读取", "the file is larger than {limit} MB; not read")
NOT_UTF8 = Text("不是 UTF-8 编码的文本", "not UTF-8 text")


@dataclass(slots=True)
class CheckedFile:
    """One file of a ruleset directory: its data, or what was wrong with it."""

    path: Path
    data: Any
    lines: dict[DataPath, int]
    problems: list[Diagnostic]
    text: str = ""
    # The file could not be read or parsed at all (missing, refused, not YAML, over a limit).
    unreadable: bool = False

    def line(self, data_path: DataPath) -> int | None:
        while data_path:
            if data_path in self.lines:
                return self.lines[data_path]
            data_path = data_path[:-1]
        return 1


def field_path(data_path: DataPath) -> str:
    text = ""
    for part in data_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_limited(path: Path, limits: ReadLimits = LIMITS) -> str | Diagnostic:
    """The file's text, or why it is refused: a pipe, a device, a folder, too many bytes, not UTF-8.

    FileNotFoundError passes through, for the caller to say which file is missing.
    """
    data = read_limited_bytes(path, limits)
    if isinstance(data, Diagnostic):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Diagnostic(NOT_UTF8, file=str(path))


def read_limited_bytes(path: Path, limits: ReadLimits = LIMITS) -> bytes | Diagnostic:
    """The file's bytes, never more than the limit, or why it is refused; a pipe or a device is
    refused, not waited on. FileNotFoundError passes through."""
    shown = str(path)
    too_large = Diagnostic(TOO_LARGE, args={"limit": f"{limits.max_file_bytes / MEGABYTE:g}"}, file=shown)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise
    except OSError as error:
        return _unreadable(error, shown)
    try:
        with os.fdopen(descriptor, "rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode):
                return Diagnostic(NOT_A_FILE, file=shown)
            if info.st_size > limits.max_file_bytes:
                return too_large
            data = stream.read(limits.max_file_bytes + 1)
    except OSError as error:
        return _unreadable(error, shown)
    if len(data) > limits.max_file_bytes:
        return too_large
    return data


def _unreadable(error: OSError, shown: str) -> Diagnostic:
    return Diagnostic(FILE_UNREADABLE, args={"reason": error.strerror or type(error).__name__}, file=shown)


def read_checked(path: Path, limits: ReadLimits = LIMITS) -> CheckedFile:
    """One YAML document with its lines; reading, syntax and limit problems as values."""
    # The reader with positions, for a ruleset's source; the bundled ruleset is read without it.
    from ipr_rules.loading.yaml_errors import explain_syntax_error
    from ipr_rules.loading.yamlpos import Document, is_syntax_error
    from ipr_rules.loading.yamlstream import read_stream

    shown = str(path)
    try:
        text = read_limited(path, limits)
    except FileNotFoundError:
        return CheckedFile(path, None, {}, [Diagnostic(FILE_MISSING, file=shown)], unreadable=True)
    if isinstance(text, Diagnostic):
        return CheckedFile(path, None, {}, [text], unreadable=True)
    documents: list[Document | Diagnostic] = []
    for item in read_stream(text, limits.yaml):
        if isinstance(item, Diagnostic) and is_syntax_error(item):
            return CheckedFile(path, None, {}, [explain_syntax_error(item, text).at(shown)], unreadable=True)
        documents.append(item)
    if len(documents) != 1:
        problem = Diagnostic(NOT_ONE_DOCUMENT, 1, args={"count": len(documents)}, file=shown)
        return CheckedFile(path, None, {}, [problem], unreadable=True)
    document = documents[0]
    if isinstance(document, Diagnostic):  # a limit reached: the file was not read to its end
        return CheckedFile(path, None, {}, [document.at(shown)], text, unreadable=True)
    problems = [
        Diagnostic(problem.message, problem.line, args=problem.args, file=shown, field=field_path(problem.path))
        for problem in document.problems
    ]
    # A document with problems and no data (a root the reader refused) could not be read at all.
    unreadable = document.data is None and bool(problems)
    return CheckedFile(path, document.data, document.lines, problems, text, unreadable)


@dataclass(slots=True)
class RulesetFiles:
    """A ruleset directory read once: each file checked, an optional file None when absent."""

    folder: Path
    plan: CheckedFile
    units: CheckedFile
    overlay: CheckedFile | None
    exemptions: CheckedFile | None
    metrics: CheckedFile | None

    @property
    def unreadable(self) -> bool:
        """Some file could not be read or parsed (SPEC §5: exit 2), not merely found invalid."""
        checked = (self.plan, self.units, self.overlay, self.exemptions, self.metrics)
        return any(item is not None and item.unreadable for item in checked)


def read_ruleset_files(folder: Path) -> RulesetFiles:
    def optional(name: str) -> CheckedFile | None:
        path = folder / name
        return read_checked(path) if os.path.lexists(path) else None

    return RulesetFiles(
        folder,
        read_checked(folder / RULESET_FILE),
        read_checked(folder / UNITS_FILE),
        optional(OVERLAY_FILE),
        optional(EXEMPTIONS_FILE),
        optional(METRICS_FILE),
    )
