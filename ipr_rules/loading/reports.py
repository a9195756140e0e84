"""Report files: find them, read them within limits, split streams, validate each document.

Nothing here raises for a bad input: a file that cannot be read becomes a `Diagnostic`, so
the other files are still checked (SPEC §4, `unreadable`).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field

from ipr_rules.atomic_write import display_path
from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import Text
from ipr_rules.loading.decode import decode
from ipr_rules.loading.ime_mistakes import TextHints
from ipr_rules.loading.limits import MEGABYTE, ReadLimits
from ipr_rules.loading.validate import ReportDocument, empty_report, validate_document
from ipr_rules.loading.yaml_errors import explain_syntax_error
from ipr_rules.loading.yamlpos import Document, is_syntax_error
from ipr_rules.loading.yamlstream import read_stream

SUFFIXES = (".yaml", ".yml", ".xlsx")
# Read as workbooks whatever their content turns out to be (an .xls is refused with a message).
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")

NOT_FOUND = Text("文件或目录不存在", "no such file or directory")
DANGLING_LINK = Text("符号链接指向的文件不存在", "the symbolic link points to nothing")
LINK_LOOP = Text("目录的符号链接形成循环，已跳过", "the directory's symbolic links form a loop; skipped")
NOT_READABLE = Text("无法读取（{reason}）", "cannot be read ({reason})")
LINK_LOOP_FILE = Text("符号链接形成循环，无法读取", "the symbolic links form a loop; cannot be read")
REASONS: dict[int, Text] = {
    errno.EACCES: Text("没有读取权限", "permission denied"),
    errno.EPERM: Text("操作不被允许", "operation not permitted"),
    errno.EISDIR: Text("这是一个目录", "it is a folder"),
    errno.ENAMETOOLONG: Text("路径过长", "the path is too long"),
    errno.EIO: Text("读取时发生输入/输出错误", "an input/output error while reading"),
    errno.ENOTDIR: Text("路径中有一部分不是目录", "a part of the path is not a folder"),
}
TOO_LARGE = Text(
    "文件大小 {size} MB 超过上限 {limit} MB，未读取（可用 --max-file-size 调整）",
    "the file is {size} MB, over the {limit} MB limit; not read (see --max-file-size)",
)
NOT_A_FILE = Text("不是普通文件（而是管道、设备等），未读取", "not a regular file (a pipe, a device …); not read")
NO_REPORTS = Text("目录中没有 .yaml、.yml 或 .xlsx 报告文件", "the folder holds no .yaml, .yml or .xlsx report files")


@dataclass(slots=True)
class LoadedFile:
    """One file read: its reports, or the diagnostics that stopped it."""

    file: str
    documents: list[ReportDocument]
    # The first place the file could not be read; it makes the run exit 2.
    failure: Diagnostic | None = None
    # Set when the file was converted from a legacy encoding.
    encoding_notice: Text | None = None
    encoding: str = "UTF-8"
    # Further broken documents of a stream, after the first (reading resumed at each `---`).
    later_failures: list[Diagnostic] = field(default_factory=list)

    @property
    def failures(self) -> list[Diagnostic]:
        return ([self.failure] if self.failure is not None else []) + self.later_failures


_FileKey = tuple[int, int]  # (device, inode): the same file by whatever path it is reached
_FolderKey = _FileKey


def discover(paths: list[str]) -> Iterator[str | Diagnostic]:
    """Report files under `paths` in order (directories recursively, sorted), each once."""
    # One int per file (device and inode packed), not a tuple: a large run keeps one per report.
    seen: set[int] = set()
    for given in paths:
        for found in _expand(given):
            if isinstance(found, Diagnostic):
                yield found
                continue
            path, (device, inode) = found
            key = device << 64 | inode
            if key not in seen:
                seen.add(key)
                yield path


def _expand(given: str) -> Iterator[tuple[str, _FileKey] | Diagnostic]:
    try:
        info = os.stat(given)
    except OSError as error:
        yield _os_failure(given, error)
        return
    if not stat.S_ISDIR(info.st_mode):
        yield given, (info.st_dev, info.st_ino)
        return
    found_any = False
    for item in _walk(given, (info.st_dev, info.st_ino)):
        found_any = found_any or not isinstance(item, Diagnostic)
        yield item
    if not found_any:
        yield Diagnostic(NO_REPORTS, file=display_path(given))


def _walk(root: str, root_key: _FolderKey) -> Iterator[tuple[str, _FileKey] | Diagnostic]:
    """Report files under `root`, depth first in sorted order, without recursion.

    Each folder is walked once however many links lead to it, so links cannot make the walk
    loop or grow past the number of folders there are.
    """
    listing = _list(root)
    if isinstance(listing, Diagnostic):
        yield listing
        return
    visited = {root_key}
    # Each open folder's remaining entries, its device, and the folders above it (a link back
    # to one of them is a loop).
    stack: list[tuple[Iterator[os.DirEntry[str]], int, frozenset[_FolderKey]]] = [
        (iter(listing), root_key[0], frozenset({root_key}))
    ]
    while stack:
        entries, device, ancestors = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
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
                yield _os_failure(path, error)
                continue
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                yield Diagnostic(LINK_LOOP, file=display_path(path))
                continue
            if key in visited:
                continue
            visited.add(key)
            inner = _list(path)
            if isinstance(inner, Diagnostic):
                yield inner
                continue
            stack.append((iter(inner), info.st_dev, ancestors | {key}))
        elif entry.name.lower().endswith(SUFFIXES):
            if entry.is_symlink():
                try:
                    target = os.stat(path)
                except OSError as error:
                    yield _os_failure(path, error)
                    continue
                yield path, (target.st_dev, target.st_ino)
            else:
                yield path, (device, entry.inode())  # from the listing itself: no system call


def _list(folder: str) -> list[os.DirEntry[str]] | Diagnostic:
    try:
        with os.scandir(folder) as scan:
            return sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        return _os_failure(folder, error)


def _os_failure(path: str, error: OSError) -> Diagnostic:
    """Why the system refused a path, said in the user's terms."""
    shown = display_path(path)
    if error.errno == errno.ENOENT:
        return Diagnostic(DANGLING_LINK if os.path.islink(path) else NOT_FOUND, file=shown)
    if error.errno == errno.ELOOP:
        return Diagnostic(LINK_LOOP_FILE, file=shown)
    reason = REASONS.get(error.errno or 0)
    if reason is not None:
        return Diagnostic(NOT_READABLE, args={"reason": reason}, file=shown)
    return Diagnostic(NOT_READABLE, args={"reason": error.strerror or type(error).__name__}, file=shown)


def load_file(path: str, limits: ReadLimits = ReadLimits()) -> LoadedFile:
    shown = display_path(path)
    data = _read_bytes(path, shown, limits)
    if isinstance(data, Diagnostic):
        return LoadedFile(shown, [], data)
    if path.lower().endswith(WORKBOOK_SUFFIXES):
        return _load_workbook(data, shown, limits)
    decoded = decode(data)
    del data
    if isinstance(decoded, Diagnostic):
        return LoadedFile(shown, [], decoded.at(shown))
    text = decoded.text
    loaded = LoadedFile(shown, [], encoding_notice=decoded.notice, encoding=decoded.encoding)
    # The lines are for hints about full-width punctuation, and for explaining a syntax error:
    # split only when the text has some, or has an error.
    hints = TextHints(text)
    for item in read_stream(text, limits.yaml):
        if isinstance(item, Document):
            loaded.documents.append(validate_document(item, shown, hints))
            continue
        failure = (explain_syntax_error(item, hints.lines) if is_syntax_error(item) else item).at(shown)
        if loaded.failure is None:
            loaded.failure = failure
        else:
            loaded.later_failures.append(failure)
    # `---` at the end of a stream or twice in a row makes an empty document: not a report. A
    # file with nothing in it at all is one empty report, which breaks the format.
    loaded.documents = [document for document in loaded.documents if not document.empty]
    if not loaded.documents and loaded.failure is None:
        loaded.documents.append(empty_report(shown))
    return loaded


def _load_workbook(data: bytes, shown: str, limits: ReadLimits) -> LoadedFile:
    from ipr_rules.workbook.reader import read_workbook

    read = read_workbook(data, limits)
    if isinstance(read, Diagnostic):
        return LoadedFile(shown, [], read.at(shown))
    return LoadedFile(shown, [validate_document(read, shown)])


def _read_bytes(path: str, shown: str, limits: ReadLimits) -> bytes | Diagnostic:
    """The file's bytes, never more than the limit; a pipe or device is refused, not waited on."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        return _os_failure(path, error)
    try:
        with os.fdopen(descriptor, "rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode):
                return Diagnostic(NOT_A_FILE, file=shown)
            if info.st_size > limits.max_file_bytes:
                return _too_large(shown, info.st_size, limits)
            # As much as the file holds and one byte more: a read of the whole limit would set
            # aside a buffer of the limit's size for every file. A file that grew meanwhile is
            # read on, up to the limit.
            data = stream.read(min(info.st_size, limits.max_file_bytes) + 1)
            if len(data) > info.st_size:
                data += stream.read(limits.max_file_bytes + 1 - len(data))
    except OSError as error:
        return _os_failure(path, error)
    if len(data) > limits.max_file_bytes:
        return _too_large(shown, len(data), limits)
    return data


def _too_large(shown: str, size: int, limits: ReadLimits) -> Diagnostic:
    mega = MEGABYTE
    args: dict[str, object] = {"size": f"{size / mega:.1f}", "limit": f"{limits.max_file_bytes / mega:g}"}
    return Diagnostic(TOO_LARGE, args=args, file=shown)
