"""Report text made harmless for the medium it is shown in.

Reports are typed by people and passed around as attachments: their text may hold terminal
escape sequences, bidirectional overrides, HTML or Markdown. Renderers pass every piece of it
through the function for their medium.
"""

from __future__ import annotations

import re

# C0 and C1 controls (tab and newline aside); the bidirectional controls that can make text
# display in another order than it reads; and lone surrogates, which no encoding can write (a
# YAML "\ud800" escape read by the pure-Python parser, a file name that is not UTF-8).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Characters that show as nothing (zero-width spaces and joiners, word joiner, BOM, soft
# hyphen): in a line a person reads, they would make `区法\u200b院` look like `区法院`.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200d\u2028\u2029\u2060-\u2064\ufeff\ufff9-\ufffb]")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """Control and bidirectional characters and lone surrogates shown as visible escapes
    (`\\x1b`, `\\u202e`, `\\ud800`), never obeyed; the result always encodes as UTF-8."""
    return _UNSAFE.sub(_escape, text)


def reveal(text: str) -> str:
    """`terminal`, and invisible characters shown as escapes too (`\\u200b`)."""
    return _INVISIBLE.sub(_escape, terminal(text))


def one_line(text: str) -> str:
    """One line of a plain-text table: `reveal`, with line breaks and tabs as spaces."""
    return reveal(text).replace("\r", " ").replace("\n", " ").replace("\t", " ")


def markdown(text: str) -> str:
    """Inline Markdown: no markup, no HTML, no line breaks from report text."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", text)


def json_text(text: str) -> str:
    """JSON text with every control, bidirectional and invisible character written as a
    `\\uXXXX` escape: the same JSON value, but nothing in it acts on a terminal that shows it,
    and a lone surrogate no longer stops it being written as UTF-8.

    Such characters only ever stand inside JSON strings, where the escape means the same."""
    return _JSON_UNSAFE.sub(_json_escape, text)


_JSON_UNSAFE = re.compile(f"{_UNSAFE.pattern}|{_INVISIBLE.pattern}")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MARKDOWN_LEADING = re.compile(r"^(\s*)([-+#>]|\d+[.)])")


def markdown_prose(text: str) -> str:
    """Report prose for a Markdown line, escaped as little as is safe: emphasis, code, links,
    table pipes and strike-through are escaped anywhere, list and heading markers only where
    they could start a block. Dates (2020-03-15) and brackets in text read as written."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    return _MARKDOWN_LEADING.sub(lambda match: match.group(1) + "\\" + match.group(2), text, count=1)
