"""A workbook's bytes looked at before any spreadsheet library sees them.

Refused here, each with its own message: a legacy .xls or an encrypted file (both OLE
containers), bytes that are not a zip, a corrupt or truncated zip, and a zip bomb. Every part is
decompressed once, in chunks, counting what it really unpacks to (never trusting the sizes the
archive declares), so the reading that follows is bounded by `max_unpacked`. XML with a
document type declaration (the road to entity bombs) is refused: a workbook never has one.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from ipr_rules.i18n import Text
from ipr_rules.loading.limits import MEGABYTE
from ipr_rules.records import record

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
# Parts in one workbook: a report has about a dozen.
MAX_PARTS = 1000
CHUNK = 64 * 1024

LEGACY_XLS = Text(
    "这是旧版 Excel 97-2003 工作簿（.xls），无法读取；请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再检查",
    "this is a legacy Excel 97-2003 workbook (.xls) and cannot be read; save it as an Excel workbook (.xlsx) first",
)
ENCRYPTED = Text(
    "工作簿设置了打开密码（已加密），无法读取；请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再检查",
    "the workbook is encrypted (it has a password to open); remove the password and save it as .xlsx",
)
NOT_A_WORKBOOK = Text(
    "不是 Excel 工作簿（.xlsx）：文件内容不是工作簿格式；请用 Excel 或 WPS 另存为 .xlsx",
    "not an Excel workbook (.xlsx): the content is not a workbook; save it as .xlsx from Excel or WPS",
)
CORRUPT = Text(
    "工作簿已损坏或不完整（可能未下载或复制完整），无法读取；请重新保存或重新获取该文件",
    "the workbook is damaged or incomplete (perhaps cut off while copied); save or fetch it again",
)
TOO_BIG_UNPACKED = Text(
    "工作簿解压后超过 {limit} MB（可能是压缩炸弹，或有大量带格式的空行），未读取（可用 --max-file-size 调整）",
    "the workbook unpacks to more than {limit} MB (a zip bomb, or very many formatted empty rows); "
    "not read (see --max-file-size)",
)
DOCTYPE = Text(
    "工作簿中含有文档类型声明（DOCTYPE），正常的 Excel 文件不会有，出于安全考虑未读取",
    "the workbook holds a document type declaration (DOCTYPE), which real workbooks never have; not read",
)


@record
class Inspection:
    """What the look found: a refusal, or whether any sheet holds formulas."""

    refusal: Text | None = None
    args: dict[str, object] | None = None
    formulas: bool = False


def inspect(data: bytes, max_unpacked: int) -> Inspection:
    if data.startswith(OLE_SIGNATURE):
        encrypted = "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data
        return Inspection(ENCRYPTED if encrypted else LEGACY_XLS)
    if not data.startswith(ZIP_SIGNATURE):
        return Inspection(NOT_A_WORKBOOK)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        if len(members) > MAX_PARTS:
            return Inspection(TOO_BIG_UNPACKED, {"limit": f"{max_unpacked / MEGABYTE:g}"})
        return _unpack(archive, members, max_unpacked)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        return Inspection(CORRUPT)


def _unpack(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], max_unpacked: int) -> Inspection:
    too_big = Inspection(TOO_BIG_UNPACKED, {"limit": f"{max_unpacked / MEGABYTE:g}"})
    if sum(member.file_size for member in members) > max_unpacked:
        return too_big
    total = 0
    formulas = False
    for member in members:
        if not member.filename.endswith((".xml", ".rels")):
            continue
        sheet = member.filename.startswith("xl/worksheets/")
        head = b""
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK):
                total += len(chunk)
                if total > max_unpacked:
                    return too_big
                window = head[-16:] + chunk
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    return Inspection(DOCTYPE)
                if sheet and (b"<f>" in window or b"<f " in window):
                    formulas = True
                head = chunk
    return Inspection(formulas=formulas)
