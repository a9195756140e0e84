"""libyaml's syntax errors, said in the user's terms, with a hint where the cause is typical.

Reports are typed by hand in Chinese input methods: full-width colons and spaces, tabs and
unclosed quotes cause most syntax errors, and the raw parser message names none of them.
"""

from __future__ import annotations

from typing import Any

from ipr_rules.i18n import Localized, Text
from ipr_rules.loading.yamlpos import YamlSyntaxError

TAB = Text(
    "YAML 格式错误：使用了制表符（Tab）缩进，YAML 只能用空格缩进{hint}",
    "YAML syntax error: indented with a tab; YAML indents with spaces only{hint}",
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
    "YAML 格式错误：文件意外结束，引号或括号没有闭合{hint}", "YAML syntax error: the file ends early; a quote or bracket is not closed{hint}"
)
INDENTATION = Text(
    "YAML 格式错误：缩进不一致，同一层的键和列表项要对齐{hint}",
    "YAML syntax error: inconsistent indentation; keys and list items of one level must line up{hint}",
)
UNDEFINED_ALIAS = Text("YAML 格式错误：引用了未定义的别名（*名称）{hint}", "YAML syntax error: an alias (*name) that was never defined{hint}")
CONTROL_CHARACTER = Text(
    "文件含有不允许的控制字符（{detail}），可能是从其他软件粘贴带入的{hint}",
    "the file contains a control character YAML does not allow ({detail}), perhaps pasted from another program{hint}",
)
TOO_DEEP = Text("YAML 嵌套层次过深，无法读取{hint}", "the YAML is nested too deeply to read{hint}")
GENERIC = Text("YAML 格式错误：{problem}{hint}", "YAML syntax error: {problem}{hint}")
FULL_WIDTH_COLON_HINT = Text(
    "（第 {line} 行使用了全角冒号“：”，请改为半角“:”）", " (line {line} uses a full-width colon '：'; use a half-width ':')"
)
FULL_WIDTH_SPACE_HINT = Text(
    "（第 {line} 行含有全角空格，请改为半角空格）", " (line {line} contains full-width spaces; use ordinary spaces)"
)
NO_HINT = Text("", "")

_PATTERNS: tuple[tuple[str, Text], ...] = (
    ("'\\t'", TAB),
    ("tab character", TAB),
    ("mapping values are not allowed", COLON),
    ("could not find expected ':'", MISSING_COLON),
    ("unexpected end of stream", END_OF_STREAM),
    ("found undefined alias", UNDEFINED_ALIAS),
    ("maximum nesting depth", TOO_DEEP),
    ("control characters are not allowed", CONTROL_CHARACTER),
    ("unacceptable character", CONTROL_CHARACTER),
    ("expected <block end>", INDENTATION),
    ("did not find expected key", INDENTATION),
    ("did not find expected '-' indicator", INDENTATION),
)


def explain_syntax_error(error: YamlSyntaxError, text: str) -> tuple[Text, dict[str, Any]]:
    problem = error.problem or ""
    if _tab_indented(text, error.line):
        # libyaml names no character ("found character that cannot start any token").
        message = TAB
    else:
        message = next((text_ for needle, text_ in _PATTERNS if needle in problem), GENERIC)
    return message, {"problem": problem, "detail": problem, "hint": _hint(text, error.line)}


def _tab_indented(text: str, line: int | None) -> bool:
    """The error line is indented with a tab (with or without spaces before it)."""
    lines = text.splitlines()
    if line is None or not 1 <= line <= len(lines):
        return False
    content = lines[line - 1]
    return "\t" in content[: len(content) - len(content.lstrip(" \t"))]


def _hint(text: str, line: int | None) -> Localized:
    """Full-width punctuation at or just before the error line is the usual cause."""
    if line is None:
        return Localized(NO_HINT)
    lines = text.splitlines()
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            content = lines[number - 1]
            if "：" in content and ":" not in content.split("#", 1)[0]:
                return Localized(FULL_WIDTH_COLON_HINT, line=number)
            if "\u3000" in content[: len(content) - len(content.lstrip(" \u3000"))]:
                return Localized(FULL_WIDTH_SPACE_HINT, line=number)
    return Localized(NO_HINT)
