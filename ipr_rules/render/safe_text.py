"""Report text made harmless for the medium it is shown in.

Reports are typed by people and passed around as attachments: their text may hold terminal
escape sequences, bidirectional overrides, HTML or Markdown. Renderers pass every piece of it
through the function for their medium.
"""

from __future__ import annotations

import re

# C0 and C1 controls (tab and newline aside), and the bidirectional controls that can make
# text display in another order than it reads.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """Control and bidirectional characters shown as visible escapes, never obeyed."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    return terminal(text).replace("\r", " ").replace("\n", " ").replace("\t", " ")


def markdown(text: str) -> str:
    """Inline Markdown: no markup, no HTML, no line breaks from report text."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", text)
