"""libyaml's syntax errors, said in the user's terms, with a hint where the cause is typical.

Reports are typed by hand in Chinese input methods: full-width colons and spaces, tabs and
unclosed quotes cause most syntax errors, and the raw parser message names none of them. The
parser's own words are kept only for a problem no message here explains.
"""

from __future__ import annotations

import re
from typing import Any

from ipr_rules.i18n import Localized, Text
from ipr_rules.loading.yaml_spacing import (
    FULL_WIDTH_HASH,
    NO_SPACE_AFTER_COLON,
    NO_SPACE_AFTER_DASH,
    OPENS_THEN_MORE,
    full_width_hash,
    missing_space,
    opens_then_more,
    spacing_args,
)
from ipr_rules.loading.yamlpos import YamlSyntaxError

TAB = Text(
    "YAML 格式错误：第 {line} 行使用了制表符（Tab）缩进，YAML 只能用空格缩进{hint}",
    "YAML syntax error: line {line} is indented with a tab; YAML indents with spaces only{hint}",
)
COLON = Text(
    "YAML 格式错误：冒号位置不对；值中含有“: ”时请给整个值加引号{hint}",
    "YAML syntax error: a colon where none may stand; quote a value that contains ': '{hint}",
)
MISSING_COLON = Text(
    "YAML 格式错误：缺少“键: 值”中的冒号，或引号、括号没有闭合{hint}",
    "YAML syntax error: a 'key: value' colon is missing, or a quote or bracket is not closed{hint}",
)
END_OF_STREAM = Text(
    "YAML 格式错误：文件意外结束，引号或括号没有闭合{hint}",
    "YAML syntax error: the file ends early; a quote or bracket is not closed{hint}",
)
UNCLOSED_QUOTE = Text(
    "YAML 格式错误：第 {start} 行开始的引号没有闭合（这一行的{quote}缺少与之配对的另一个），"
    "请在这一项文字的末尾补上，或去掉开头的引号{hint}",
    "YAML syntax error: the quote opened on line {start} is not closed (the {quote} on that line has no partner); "
    "add one at the end of that text, or drop the opening one{hint}",
)
COLON_IN_VALUE = Text(
    "YAML 格式错误：第 {line} 行的值中有半角冒号加空格（“{key}: ”），YAML 把它当成了新的键；"
    "请给整个值加引号（{fixed}），或把冒号改为全角“：”{hint}",
    "YAML syntax error: the value on line {line} holds an ASCII colon and a space ('{key}: '), which YAML takes for "
    "a new key; quote the whole value ({fixed}) or use a full-width colon '：'{hint}",
)
QUOTE_NAMES: dict[str, Text] = {'"': Text('双引号（"）', 'double quote "'), "'": Text("单引号（'）", "single quote '")}
UNCLOSED_BRACKET = Text(
    "YAML 格式错误：第 {start} 行开始的方括号 [ 或花括号 {{ 没有闭合，或其中缺少逗号{hint}",
    "YAML syntax error: the [ or {{ opened on line {start} is not closed, or a comma is missing in it{hint}",
)
INDENTATION = Text(
    "YAML 格式错误：缩进不一致，同一层的键和列表项要对齐{hint}",
    "YAML syntax error: inconsistent indentation; keys and list items of one level must line up{hint}",
)
NO_CONTENT = Text(
    "YAML 格式错误：此处缺少内容（如“- ”或“,”后面什么也没有）{hint}",
    "YAML syntax error: content is missing here (nothing after a '- ' or a ','){hint}",
)
EXTRA_CONTENT = Text(
    "YAML 格式错误：值后面有多余的内容；含引号或“#”的文字请整个加引号，注释的“#”前要有空格{hint}",
    "YAML syntax error: something follows a value; quote a whole text that holds quotes or '#', "
    "and put a space before a comment's '#'{hint}",
)
BAD_START = Text(
    "YAML 格式错误：值不能以“{character}”开头，请给整个值加引号{hint}",
    "YAML syntax error: a value cannot start with '{character}'; quote the whole value{hint}",
)
BAD_ESCAPE = Text(
    "YAML 格式错误：双引号中的反斜杠“\\”转义无效（如 Windows 路径或单独的代理项 \\ud800）；"
    "含反斜杠的文字请改用单引号{hint}",
    "YAML syntax error: an invalid backslash escape inside double quotes (a Windows path, or a lone surrogate "
    "such as \\ud800); use single quotes for text with backslashes{hint}",
)
ANCHOR = Text(
    "YAML 格式错误：“&”或“*”后缺少名称；若这是文字，请给整个值加引号{hint}",
    "YAML syntax error: a name is missing after '&' or '*'; quote the whole value if it is text{hint}",
)
DOCUMENT_MARKER = Text(
    "YAML 格式错误：“---”或“...”只能单独占一行，用来分隔多份报告{hint}",
    "YAML syntax error: '---' and '...' stand alone on a line, between reports{hint}",
)
DIRECTIVE = Text(
    "YAML 格式错误：不支持的 % 指令或标签前缀（报告不需要以 % 开头的行）{hint}",
    "YAML syntax error: an unsupported % directive or tag prefix (a report needs no line starting with %){hint}",
)
UNDEFINED_ALIAS = Text(
    "YAML 格式错误：引用了未定义的别名（*名称）{hint}",
    "YAML syntax error: an alias (*name) that was never defined{hint}",
)
CONTROL_CHARACTER = Text(
    "文件含有不允许的控制字符（{detail}），可能是从其他软件粘贴带入的{hint}",
    "the file contains a control character YAML does not allow ({detail}), perhaps pasted from another program{hint}",
)
TOO_DEEP = Text(
    "YAML 嵌套层次过深（超过 1000 层），无法读取{hint}",
    "the YAML is nested too deeply to read (more than 1000 levels){hint}",
)
GENERIC = Text("YAML 格式错误（{problem}）{hint}", "YAML syntax error: {problem}{hint}")
FULL_WIDTH_COLON_HINT = Text(
    "（第 {line} 行使用了全角冒号“：”，请改为半角“:”）",
    " (line {line} uses a full-width colon '：'; use a half-width ':')",
)
FULL_WIDTH_SPACE_HINT = Text(
    "（第 {line} 行含有全角空格，请改为半角空格）", " (line {line} contains full-width spaces; use ordinary spaces)"
)
FULL_WIDTH_QUOTE_HINT = Text(
    "（第 {line} 行的引号是全角“”，YAML 只认半角引号 \" 和 '）",
    " (line {line} has full-width quotes “”; YAML only knows \" and ')",
)
NO_HINT = Text("", "")
FULL_WIDTH_COLON = Text(
    "YAML 格式错误：第 {line} 行使用了全角冒号“：”，请改为半角“:”（冒号后加一个空格）",
    "YAML syntax error: line {line} uses a full-width colon '：'; use a half-width ':' followed by a space",
)
FULL_WIDTH_SPACE = Text(
    "YAML 格式错误：第 {line} 行使用了全角空格缩进，请改为半角空格",
    "YAML syntax error: line {line} is indented with full-width spaces; use ordinary spaces",
)

_PATTERNS: tuple[tuple[str, Text], ...] = (
    ("tab character", TAB),
    ("mapping values are not allowed", COLON),
    ("could not find expected ':'", MISSING_COLON),
    ("unexpected end of stream", END_OF_STREAM),
    ("found undefined alias", UNDEFINED_ALIAS),
    ("maximum nesting depth", TOO_DEEP),
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


def explain_syntax_error(error: YamlSyntaxError, text: str | list[str]) -> tuple[Text, dict[str, Any]]:
    """The message for a syntax error and its arguments; `text` is the file's text or its lines.

    The line to report with it is `error_line(error, text)`."""
    lines = text.split("\n") if isinstance(text, str) else text
    if _opens_then_more(error, lines) is not None:
        return OPENS_THEN_MORE, {**(_opens_then_more(error, lines) or {}), "hint": Localized(NO_HINT)}
    message, line, hint = _diagnose(error, lines)
    problem = error.problem or ""
    args: dict[str, Any] = {
        **_extra_args(message, line, lines),
        "problem": problem,
        "detail": problem.rsplit(" ", 1)[-1] if message is CONTROL_CHARACTER else problem,
        "hint": hint,
        "line": line or "?",
        "start": line or "?",
        "character": _character_at(lines, error.line, error.column),
    }
    return message, args


def error_line(error: YamlSyntaxError, text: str | list[str] | None = None) -> int | None:
    """Where to point the user: at the tab, the full-width character or the opening quote that
    caused the error when one did, else where libyaml stopped."""
    if text is None:
        return _diagnose(error, [])[1]
    return _diagnose(error, text.split("\n") if isinstance(text, str) else text)[1]


def _diagnose(error: YamlSyntaxError, lines: list[str]) -> tuple[Text, int | None, Localized]:
    """The message, the line it is about, and a hint."""
    problem = error.problem or ""
    message = next((text_ for needle, text_ in _PATTERNS if needle in problem), GENERIC)
    if _opens_then_more(error, lines) is not None:
        return OPENS_THEN_MORE, error.line, Localized(NO_HINT)
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
        line = error.context_line
    elif opened is not None:
        message, line = UNCLOSED_QUOTE, opened
    elif message is UNCLOSED_BRACKET and error.context_line is not None:
        line = error.context_line
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


def _opens_then_more(error: YamlSyntaxError, lines: list[str]) -> dict[str, Any] | None:
    problem = error.problem or ""
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


def _bracket_open_at_document_end(error: YamlSyntaxError, lines: list[str]) -> int | None:
    """A `[` or `{` still open when the next `---` comes: the line that opened it."""
    if not (error.context and "flow" in error.context and error.line and 1 <= error.line <= len(lines)):
        return None
    if not lines[error.line - 1].startswith(("---", "...")):
        return None
    for number in range(error.line - 1, max(0, error.line - 200), -1):
        code = lines[number - 1].split("#", 1)[0]
        if "[" in code or "{" in code:
            return number
    return None


def _unclosed_quote(error: YamlSyntaxError) -> bool:
    """A quote still open at the end of the file, or at the next `---`."""
    problem = error.problem or ""
    in_quote = bool(error.context and "quoted scalar" in error.context)
    at_end = "end of stream" in problem or "document indicator" in problem
    return in_quote and error.context_line is not None and at_end


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
