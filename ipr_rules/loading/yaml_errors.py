"""libyaml's syntax errors, said in the user's terms, with a hint where the cause is typical.

Reports are typed by hand in Chinese input methods: full-width colons and spaces, tabs and
unclosed quotes cause most syntax errors, and the raw parser message names none of them. The
parser's own words are kept only for a problem no message here explains.

The stream reports a syntax error as a `Diagnostic` in the parser's words (`yamlpos.syntax_error`):
its line and column, and as arguments libyaml's `problem`, its `context` (what it was reading)
and the `context_line` where that began. This module reads those and gives the diagnostic the
user sees.
"""

from __future__ import annotations

import re
from typing import Any

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import Localized, Text
from ipr_rules.loading.yaml_messages import (
    ANCHOR,
    BAD_ESCAPE,
    BAD_START,
    COLON,
    COLON_IN_VALUE,
    CONTROL_CHARACTER,
    DIRECTIVE,
    DOCUMENT_MARKER,
    END_OF_STREAM,
    EXTRA_CONTENT,
    FULL_WIDTH_COLON,
    FULL_WIDTH_COLON_HINT,
    FULL_WIDTH_HASH,
    FULL_WIDTH_QUOTE_HINT,
    FULL_WIDTH_SPACE,
    FULL_WIDTH_SPACE_HINT,
    GENERIC,
    INDENTATION,
    MISSING_COLON,
    NO_CONTENT,
    NO_HINT,
    NO_SPACE_AFTER_COLON,
    NO_SPACE_AFTER_DASH,
    OPENS_THEN_MORE,
    QUOTE_NAMES,
    TAB,
    TOO_DEEP_TO_PARSE,
    UNCLOSED_BRACKET,
    UNCLOSED_QUOTE,
    UNDEFINED_ALIAS,
)
from ipr_rules.loading.yaml_spacing import full_width_hash, missing_space, opens_then_more, spacing_args

_PATTERNS: tuple[tuple[str, Text], ...] = (
    ("tab character", TAB),
    ("mapping values are not allowed", COLON),
    ("could not find expected ':'", MISSING_COLON),
    ("unexpected end of stream", END_OF_STREAM),
    ("found undefined alias", UNDEFINED_ALIAS),
    ("maximum nesting depth", TOO_DEEP_TO_PARSE),
    ("control characters are not allowed", CONTROL_CHARACTER),
    ("unacceptable character", CONTROL_CHARACTER),
    ("expected ',' or ']'", UNCLOSED_BRACKET),
    ("expected ',' or '}'", UNCLOSED_BRACKET),
    ("expected <block end>", INDENTATION),
    ("did not find expected key", INDENTATION),
    ("did not find expected '-' indicator", INDENTATION),
    ("block sequence entries are not allowed", INDENTATION),
    ("did not find expected node content", NO_CONTENT),
    ("expected comment or line break", EXTRA_CONTENT),
    ("expected <document start>", EXTRA_CONTENT),
    ("cannot start any token", BAD_START),
    ("escape character", BAD_ESCAPE),
    ("hexdecimal number", BAD_ESCAPE),
    ("Unicode character escape", BAD_ESCAPE),
    ("alphabetic or numeric character", ANCHOR),
    ("document indicator", DOCUMENT_MARKER),
    ("directive", DIRECTIVE),
    ("incompatible YAML document", DIRECTIVE),
    ("tag handle", DIRECTIVE),
)


def explain_syntax_error(error: Diagnostic, text: str | list[str]) -> Diagnostic:
    """A syntax error as the stream reported it, said in the user's terms; `text` is the file's
    text or its lines.

    It points at the tab, the full-width character or the opening quote that caused the error
    when one did, else where libyaml stopped."""
    lines = text.split("\n") if isinstance(text, str) else text
    opens = _opens_then_more(error, lines)
    if opens is not None:
        return Diagnostic(OPENS_THEN_MORE, error.line, args={**opens, "hint": Localized(NO_HINT)})
    message, line, hint = _diagnose(error, lines)
    problem: str = error.args["problem"]
    args: dict[str, Any] = {
        **_extra_args(message, line, lines),
        "problem": problem,
        "detail": problem.rsplit(" ", 1)[-1] if message is CONTROL_CHARACTER else problem,
        "hint": hint,
        "line": line or "?",
        "start": line or "?",
        "character": _character_at(lines, error.line, error.column),
    }
    return Diagnostic(message, line, args=args)


def _diagnose(error: Diagnostic, lines: list[str]) -> tuple[Text, int | None, Localized]:
    """The message, the line it is about, and a hint."""
    problem: str = error.args["problem"]
    context_line: int | None = error.args["context_line"]
    message = next((text_ for needle, text_ in _PATTERNS if needle in problem), GENERIC)
    tab_line = _tab_line(lines, error.line)
    if tab_line is not None:
        return TAB, tab_line, Localized(NO_HINT)
    full_width = _full_width(lines, error.line)
    hashed = full_width_hash(lines, error.line)
    if hashed is not None:
        return FULL_WIDTH_HASH, hashed, Localized(NO_HINT)
    spacing = missing_space(lines, error.line)
    if spacing is not None and full_width is None:
        return spacing[0], spacing[1], Localized(NO_HINT)
    opened = _open_quote(lines, error.line) if message in _QUOTE_SUSPECTS else None
    if _unclosed_quote(error):
        message = UNCLOSED_QUOTE
        line = context_line
    elif opened is not None:
        message, line = UNCLOSED_QUOTE, opened
    elif message is UNCLOSED_BRACKET and context_line is not None:
        line = context_line
        if _flow_open_quote(lines, line) is not None:  # `["官市监〔2020〕21号]`: the quote ate the bracket
            message = UNCLOSED_QUOTE
    elif (opened := _bracket_open_at_document_end(error, lines)) is not None:
        return UNCLOSED_BRACKET, opened, Localized(NO_HINT)
    elif full_width is not None and full_width[0] is not FULL_WIDTH_QUOTE_HINT:
        # The full-width character is the cause; what libyaml tripped over is only its effect.
        text, number = full_width
        return (FULL_WIDTH_COLON if text is FULL_WIDTH_COLON_HINT else FULL_WIDTH_SPACE), number, Localized(NO_HINT)
    elif message is COLON and _colon_in_value(lines, error.line):
        message, line = COLON_IN_VALUE, error.line
    else:
        line = error.line
    hint = Localized(full_width[0], line=full_width[1]) if full_width is not None else Localized(NO_HINT)
    return message, line, hint


# What libyaml says when a quoted or bracketed value goes on after it closes.
_AFTER_VALUE = ("expected <block end>", "did not find expected '-' indicator", "did not find expected key")


def _opens_then_more(error: Diagnostic, lines: list[str]) -> dict[str, Any] | None:
    problem: str = error.args["problem"]
    if not any(needle in problem for needle in _AFTER_VALUE) or _tab_line(lines, error.line) is not None:
        return None
    return opens_then_more(lines, error.line)


# Errors an unclosed quote causes some lines later, when the next quote closes it by mistake.
_QUOTE_SUSPECTS = (INDENTATION, MISSING_COLON, EXTRA_CONTENT, NO_CONTENT, END_OF_STREAM, GENERIC)
# A value that starts with a quote: `- "…`, `key: "…`, `"key": "…`.
_QUOTED_VALUE = re.compile(r"""^[ \t]*(?:-[ \t]+)?(?:(?:"[^"]*"|'[^']*'|[^\s"'#:][^:#]*?)[ \t]*:[ \t]+)?(["'])(.*)$""")
_VALUE_WITH_COLON = re.compile(r"^([ \t]*(?:-[ \t]+)?[^\s\"'#:][^:#]*?:[ \t]+)([^\"'\s#][^#]*?)[ \t]*$")


def _open_quote(lines: list[str], line: int | None) -> int | None:
    """The first line up to the error whose value opens a quote that the line does not close."""
    if line is None:
        return None
    for number in range(1, min(line, len(lines)) + 1):
        match = _QUOTED_VALUE.match(lines[number - 1])
        if match and not _closes(match.group(1), match.group(2)):
            return number
    return None


def _flow_open_quote(lines: list[str], line: int | None) -> str | None:
    """The quote that an item of a `[…]` or `{…}` on this line opens and the line never closes."""
    if line is None or not 1 <= line <= len(lines):
        return None
    content = lines[line - 1]
    start = min((i for i in (content.find("["), content.find("{")) if i >= 0), default=-1)
    if start < 0:
        return None
    item_start, index = True, start + 1
    while index < len(content):
        char = content[index]
        if char in "\"'" and item_start:
            end = _quote_end(content, index)
            if end is None:
                return char
            index, item_start = end + 1, False
            continue
        if char == "#" and content[index - 1] in " \t":
            return None
        if not char.isspace():
            item_start = char in "[{," or (char == ":" and content[index + 1 : index + 2] in ("", " "))
        index += 1
    return None


def _quote_end(content: str, start: int) -> int | None:
    """Where the quote opened at `start` closes on this line."""
    quote, index = content[start], start + 1
    while index < len(content):
        char = content[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and content[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def _closes(quote: str, rest: str) -> bool:
    if quote == "'":
        return "'" in rest.replace("''", "")
    escaped = False
    for char in rest:
        if char == '"' and not escaped:
            return True
        escaped = char == "\\" and not escaped
    return False


def _colon_in_value(lines: list[str], line: int | None) -> bool:
    if line is None or not 1 <= line <= len(lines):
        return False
    match = _VALUE_WITH_COLON.match(lines[line - 1])
    return bool(match and ": " in match.group(2))


def _extra_args(message: Text, line: int | None, lines: list[str]) -> dict[str, Any]:
    """The quote that was left open, or the key and value a colon split."""
    content = lines[line - 1] if line is not None and 1 <= line <= len(lines) else ""
    if message is UNCLOSED_QUOTE:
        match = _QUOTED_VALUE.match(content)
        quote = match.group(1) if match else _flow_open_quote(lines, line) or '"'
        return {"quote": Localized(QUOTE_NAMES[quote])}
    if message in (NO_SPACE_AFTER_COLON, NO_SPACE_AFTER_DASH):
        return spacing_args(message, content)
    if message is COLON_IN_VALUE:
        match = _VALUE_WITH_COLON.match(content)
        if match:
            value = match.group(2)
            return {"key": value.split(":", 1)[0].strip(), "fixed": f'{match.group(1).strip()} "{value}"'}
    return {}


def _bracket_open_at_document_end(error: Diagnostic, lines: list[str]) -> int | None:
    """A `[` or `{` still open when the next `---` comes: the line that opened it."""
    context: str | None = error.args["context"]
    if not (context and "flow" in context and error.line and 1 <= error.line <= len(lines)):
        return None
    if not lines[error.line - 1].startswith(("---", "...")):
        return None
    for number in range(error.line - 1, max(0, error.line - 200), -1):
        code = lines[number - 1].split("#", 1)[0]
        if "[" in code or "{" in code:
            return number
    return None


def _unclosed_quote(error: Diagnostic) -> bool:
    """A quote still open at the end of the file, or at the next `---`."""
    problem: str = error.args["problem"]
    context: str | None = error.args["context"]
    in_quote = bool(context and "quoted scalar" in context)
    at_end = "end of stream" in problem or "document indicator" in problem
    return in_quote and error.args["context_line"] is not None and at_end


def _tab_line(lines: list[str], line: int | None) -> int | None:
    """A tab in the indentation at or just before the error line is the cause, whatever libyaml says."""
    if line is None:
        return None
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            content = lines[number - 1]
            indentation = content[: len(content) - len(content.lstrip(" \t\u3000"))]
            if "\t" in indentation:
                return number
    return None


def _character_at(lines: list[str], line: int | None, column: int | None) -> str:
    if line is None or column is None or not 1 <= line <= len(lines):
        return "?"
    content = lines[line - 1]
    return content[column - 1] if 1 <= column <= len(content) else "?"


# A key typed with a full-width colon: any word on a line of its own, an ASCII word in a list
# item (`- 开展检查：共 5 次` is text, `- title：…` a key).
_FULL_WIDTH_KEY = re.compile(
    r"^[ \t\u3000]*(?:[\"'“]?[\w.\-]{1,40}[\"'”]?|-[ \t]+[\"']?[A-Za-z_][\w\-]*[\"']?)[ \t\u3000]*："
)


def _full_width(lines: list[str], line: int | None) -> tuple[Text, int] | None:
    """Full-width punctuation at or just before the error line, the usual cause of the error."""
    if line is None:
        return None
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            content = lines[number - 1]
            code = content.split("#", 1)[0]
            if _FULL_WIDTH_KEY.match(code):
                return FULL_WIDTH_COLON_HINT, number
            if "\u3000" in content[: len(content) - len(content.lstrip(" \u3000"))]:
                return FULL_WIDTH_SPACE_HINT, number
            if code.lstrip(" -").startswith(("“", "”")):
                return FULL_WIDTH_QUOTE_HINT, number
    return None
