"""Report files: find them, read them within limits, split streams, validate each document.

Nothing here raises for a bad input: a file that cannot be read becomes a `FileFailure`, so
the other files are still checked (SPEC §4, `unreadable`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ipr_rules.i18n import Text
from ipr_rules.loading.decode import DecodeFailure, decode
from ipr_rules.loading.validate import ReportDocument, empty_report, validate_document
from ipr_rules.loading.yamlpos import Limits, YamlSyntaxError, load_documents
from ipr_rules.loading.yaml_errors import explain_syntax_error

SUFFIXES = (".yaml", ".yml")

NOT_FOUND = Text("文件或目录不存在", "no such file or directory")
DANGLING_LINK = Text("符号链接指向的文件不存在", "the symbolic link points to nothing")
LINK_LOOP = Text("目录的符号链接形成循环，已跳过", "the directory's symbolic links form a loop; skipped")
NOT_READABLE = Text("无法读取（{reason}）", "cannot be read ({reason})")
TOO_LARGE = Text(
    "文件大小 {size} MB 超过上限 {limit} MB，未读取（可用 --max-file-size 调整）",
    "the file is {size} MB, over the {limit} MB limit; not read (see --max-file-size)",
)
NOT_A_FILE = Text("不是普通文件", "not a regular file")
NO_REPORTS = Text("目录中没有 .yaml 或 .yml 报告文件", "the folder holds no .yaml or .yml report files")


@dataclass(frozen=True, slots=True)
class ReadLimits:
    max_file_bytes: int = 10 * 1024 * 1024
    yaml: Limits = Limits()


@dataclass(frozen=True, slots=True)
class FileFailure:
    """A file, or part of a stream, that could not be read."""

    file: str
    line: int | None
    message: Text
    args: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class LoadedFile:
    file: str
    documents: list[ReportDocument]
    failure: FileFailure | None = None
    # Set when the file was converted from a legacy encoding.
    encoding_notice: Text | None = None
    encoding: str = "UTF-8"


def display_path(path: str | os.PathLike[str]) -> str:
    """A path fit to print: bytes that were not UTF-8 show as U+FFFD instead of failing output."""
    text = os.fspath(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def discover(paths: list[str]) -> Iterator[str | FileFailure]:
    """Report files under `paths` in order (directories recursively, sorted), each once."""
    seen: set[str] = set()
    for given in paths:
        for found in _expand(given):
            if isinstance(found, FileFailure):
                yield found
                continue
            key = os.path.realpath(found)
            if key not in seen:
                seen.add(key)
                yield found


def _expand(given: str) -> Iterator[str | FileFailure]:
    try:
        info = os.stat(given)
    except FileNotFoundError:
        message = DANGLING_LINK if os.path.islink(given) else NOT_FOUND
        yield FileFailure(display_path(given), None, message)
        return
    except OSError as error:
        yield FileFailure(display_path(given), None, NOT_READABLE, {"reason": error.strerror or str(error)})
        return
    if not stat.S_ISDIR(info.st_mode):
        yield given
        return
    found_any = False
    for item in _walk(given, {(info.st_dev, info.st_ino)}):
        found_any = found_any or isinstance(item, str)
        yield item
    if not found_any:
        yield FileFailure(display_path(given), None, NO_REPORTS)


def _walk(folder: str, ancestors: set[tuple[int, int]]) -> Iterator[str | FileFailure]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield FileFailure(display_path(folder), None, NOT_READABLE, {"reason": error.strerror or str(error)})
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = entry.path
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            try:
                info = os.stat(path)
            except OSError as error:
                yield FileFailure(display_path(path), None, NOT_READABLE, {"reason": error.strerror or str(error)})
                continue
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield FileFailure(display_path(path), None, LINK_LOOP)
                continue
            yield from _walk(path, ancestors | {key})
        elif entry.name.lower().endswith(SUFFIXES):
            if entry.is_symlink() and not os.path.exists(path):
                yield FileFailure(display_path(path), None, DANGLING_LINK)
                continue
            yield path


def load_file(path: str, limits: ReadLimits = ReadLimits()) -> LoadedFile:
    shown = display_path(path)
    data = _read_bytes(path, shown, limits)
    if isinstance(data, FileFailure):
        return LoadedFile(shown, [], data)
    decoded = decode(data)
    if isinstance(decoded, DecodeFailure):
        return LoadedFile(shown, [], FileFailure(shown, decoded.line, decoded.message, decoded.args))
    text = decoded.text
    loaded = LoadedFile(shown, [], encoding_notice=decoded.notice, encoding=decoded.encoding)
    text_lines: list[str] | None = None
    try:
        for document in load_documents(text, limits.yaml):
            if document.data is None or not isinstance(document.data, dict):
                text_lines = text_lines or text.splitlines()
            loaded.documents.append(validate_document(document, shown, text_lines))
    except YamlSyntaxError as error:
        message, args = explain_syntax_error(error, text)
        loaded.failure = FileFailure(shown, error.line, message, args)
    # `---` at the end of a stream or twice in a row makes an empty document: not a report. A
    # file with nothing in it at all is one empty report, which breaks the format.
    loaded.documents = [document for document in loaded.documents if not document.empty]
    if not loaded.documents and loaded.failure is None:
        loaded.documents.append(empty_report(shown))
    return loaded


def _read_bytes(path: str, shown: str, limits: ReadLimits) -> bytes | FileFailure:
    try:
        with open(path, "rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode):
                return FileFailure(shown, None, NOT_A_FILE)
            if info.st_size > limits.max_file_bytes:
                return _too_large(shown, info.st_size, limits)
            data = stream.read(limits.max_file_bytes + 1)
    except FileNotFoundError:
        return FileFailure(shown, None, DANGLING_LINK if os.path.islink(path) else NOT_FOUND)
    except OSError as error:
        return FileFailure(shown, None, NOT_READABLE, {"reason": error.strerror or str(error)})
    if len(data) > limits.max_file_bytes:
        return _too_large(shown, len(data), limits)
    return data


def _too_large(shown: str, size: int, limits: ReadLimits) -> FileFailure:
    mega = 1024 * 1024
    return FileFailure(shown, None, TOO_LARGE, {"size": f"{size / mega:.1f}", "limit": f"{limits.max_file_bytes / mega:g}"})


def is_report_path(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES
