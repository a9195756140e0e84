"""Bytes of a file to text, or a reason it cannot be read (SPEC §3: never garbage).

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as they are. A file that is not
UTF-8 is read as GB18030 (which covers GBK and GB2312, the usual encodings of Chinese Windows
desktops) only when every line decodes and the text looks like Chinese prose; a file whose lines
are partly UTF-8 and partly GBK is refused, naming a line of each.
"""

from __future__ import annotations

import codecs
import re

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import Text
from ipr_rules.records import record

NUL_BYTES = Text(
    "文件含有 NUL 字节，不是文本文件（可能是二进制文件或无 BOM 的 UTF-16 文件），请另存为 UTF-8 文本",
    "the file contains NUL bytes: it is not a text file (binary, or UTF-16 without a BOM); save it as UTF-8 text",
)
MIXED_ENCODINGS = Text(
    "文件混用了多种编码：第 {utf8_line} 行是 UTF-8，第 {gbk_line} 行是 GBK/GB18030，请统一另存为 UTF-8",
    "the file mixes encodings: line {utf8_line} is UTF-8 and line {gbk_line} is GBK/GB18030; save it all as UTF-8",
)
UNKNOWN_ENCODING = Text(
    "无法识别文件编码：第 {line} 行既不是 UTF-8 也不是 GBK/GB18030，请另存为 UTF-8",
    "cannot tell the file's encoding: line {line} is neither UTF-8 nor GBK/GB18030; save it as UTF-8",
)
BAD_UTF16 = Text(
    "文件以 {encoding} 的 BOM 开头，但内容无法按 {encoding} 解码",
    "the file starts with a {encoding} BOM but does not decode as {encoding}",
)
BAD_AFTER_BOM = Text(
    "文件以 {encoding} 的 BOM 开头，但第 {line} 行无法按 {encoding} 解码，请另存为 UTF-8",
    "the file starts with a {encoding} BOM but line {line} does not decode as {encoding}; save it as UTF-8",
)
TRUNCATED = Text(
    "文件末尾的字符不完整（第 {line} 行），文件可能在传送或保存时被截断，请重新获取完整文件",
    "the last character of the file is incomplete (line {line}): the file may have been cut short; "
    "get the whole file again",
)
DECODED_AS = Text(
    "文件为 {encoding} 编码，已按该编码读取；建议另存为 UTF-8",
    "the file is encoded in {encoding} and was read as such; consider saving it as UTF-8",
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_NAMES = {"utf-32": "UTF-32", "utf-16": "UTF-16", "utf-8-sig": "UTF-8"}
_NON_ASCII = re.compile(rb"[\x80-\xff]")
# Control characters other than tab, line feed and carriage return never occur in prose.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@record
class Decoded:
    text: str
    encoding: str
    # Set when the text was converted from a legacy encoding: the user should hear of it.
    notice: Text | None = None


def decode(data: bytes) -> Decoded | Diagnostic:
    """Line breaks come out as `\\n` whatever the file used (CRLF from Windows, CR alone), so
    that every line number counted later agrees with the parser's."""
    decoded = _decode(data)
    if isinstance(decoded, Decoded) and "\r" in decoded.text:
        text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
        return Decoded(text, decoded.encoding, decoded.notice)
    return decoded


def _decode(data: bytes) -> Decoded | Diagnostic:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), _BOM_NAMES[codec])
            except UnicodeDecodeError as error:
                name = _BOM_NAMES[codec]
                if codec == "utf-8-sig":
                    line = _line_of(data, error.start + len(bom))
                    return Diagnostic(BAD_AFTER_BOM, line, args={"encoding": name, "line": line})
                return Diagnostic(BAD_UTF16, None, args={"encoding": name})
    if b"\x00" in data:
        return Diagnostic(NUL_BYTES, _line_of(data, data.index(b"\x00")))
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError as error:
        legacy = _decode_legacy(data)
        if isinstance(legacy, Diagnostic) and error.reason == "unexpected end of data" and error.end == len(data):
            # UTF-8 up to a character cut in half at the very end: a file cut short in transit.
            line = _line_of(data, error.start)
            return Diagnostic(TRUNCATED, line, args={"line": line})
        return legacy


def _decode_legacy(data: bytes) -> Decoded | Diagnostic:
    utf8_line: int | None = None
    gbk_line: int | None = None
    for number, raw_line in enumerate(data.split(b"\n"), start=1):
        if not _NON_ASCII.search(raw_line):
            continue
        try:
            raw_line.decode("utf-8")
            utf8_line = utf8_line or number
            continue
        except UnicodeDecodeError:
            pass
        try:
            decoded = raw_line.decode("gb18030")
        except UnicodeDecodeError:
            return Diagnostic(UNKNOWN_ENCODING, number, args={"line": number})
        if not _looks_like_chinese(decoded):
            return Diagnostic(UNKNOWN_ENCODING, number, args={"line": number})
        gbk_line = gbk_line or number
    if utf8_line is not None and gbk_line is not None:
        return Diagnostic(MIXED_ENCODINGS, gbk_line, args={"utf8_line": utf8_line, "gbk_line": gbk_line})
    return Decoded(data.decode("gb18030"), "GB18030", DECODED_AS)


def _looks_like_chinese(text: str) -> bool:
    """Text decoded from bytes that were not GBK turns into rare characters and controls."""
    if _CONTROL.search(text):
        return False
    wide = [char for char in text if ord(char) > 0x7F]
    if not wide:
        return True
    common = 0
    for char in wide:
        try:
            char.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.8 * len(wide)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
