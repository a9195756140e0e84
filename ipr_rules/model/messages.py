"""Pydantic's validation errors as messages a user can act on, in both languages."""

from __future__ import annotations

import re
from typing import Any

from ipr_rules.i18n import Lang, Localized, Text

MISSING = Text("缺少必填字段：{field}", "a required field is missing: {field}")
NOT_FILLED = Text(
    "{field}没有填写（冒号后面没有内容），请填写",
    "{field} is not filled in (nothing follows its colon); fill it in",
)
EMPTY_ITEM = Text(
    "{field}是空的（“- ”后面没有内容；“#”及其后的文字是注释），请填写或删去这一行",
    "{field} is empty (nothing after its '- '; a '#' starts a comment); fill it in or delete the line",
)
NOT_FILLED_CHOICE = Text(
    "{field}没有填写（冒号后面没有内容），请填写 {expected} 之一",
    "{field} is not filled in (nothing follows its colon); write one of {expected}",
)
MISSING_TASKS = Text(
    "缺少必填字段：{field}。改正前，本单位的任务都算作没有填写",
    "a required field is missing: {field}; until it is there, every task of the unit counts as not entered",
)
UNKNOWN_FIELD = Text("不认识的字段：{field}", "unknown field {field}")
UNKNOWN_FIELD_NEAR = Text("不认识的字段：{field}，是否为{near}？", "unknown field {field}; did you mean {near}?")
LOOK_ALIKE_FIELD = Text(
    "不认识的字段：{field}，{characters}；应写作“{near}”",
    "unknown field {field}: {characters}; write '{near}'",
)
NOT_TEXT = Text("{field}应为文字，实为{actual}", "{field} should be text, not {actual}")
COLON_IN_TEXT = Text(
    "{field}应为文字，但“{key}: ”的半角冒号后跟着空格，YAML 把它读成了“键: 值”。"
    '请给整项加引号（"{written}"），或把冒号改为全角“：”',
    "{field} should be text, but the ASCII colon and space after '{key}: ' made YAML read a 'key: value'. "
    "Quote the whole text (\"{written}\") or use a full-width colon '：'",
)
NOT_INTEGER = Text("{field}应为整数，实为{actual}", "{field} should be a whole number, not {actual}")
NOT_INTEGER_WRITE = Text(
    "{field}应为整数，实为{actual}：只写数字，不加单位和千位分隔符，应写作 {number}",
    "{field} should be a whole number, not {actual}: write the digits alone, without a unit or thousands "
    "separators: {number}",
)
# `1,860`, `35人`, `2020年`: digits with thousands commas and a unit word after them.
_NUMBER_WITH_WORDS = re.compile(r"^\s*([0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)\s*[^\W\d_]{0,4}\s*$")
FULL_WIDTH_NUMBER = Text(
    "{field}应为整数，实为文字“{value_text}”：{characters}；应写作 {number}",
    "{field} should be a whole number, not the text '{value_text}': {characters}; write {number}",
)
NOT_NUMBER = Text("{field}应为非负数，实为{actual}", "{field} should be a non-negative number, not {actual}")
NOT_NUMBER_WRITE = Text(
    "{field}应为非负数，实为{actual}：只写数字，不加单位和千位分隔符，应写作 {number}",
    "{field} should be a non-negative number, not {actual}: write the digits alone, without a unit or thousands "
    "separators: {number}",
)
NOT_BOOL = Text("{field}应为 true 或 false，实为{actual}", "{field} should be true or false, not {actual}")
NOT_LIST = Text(
    "{field}应为列表（每项一行，以“- ”开头），实为{actual}",
    "{field} should be a list (one '- ' line per item), not {actual}",
)
NOT_MAPPING = Text(
    "{field}应为映射（“键: 值”），实为{actual}", "{field} should be a mapping ('key: value'), not {actual}"
)
LIST_FOR_MAPPING = Text(
    "{field}应为映射（“键: 值”），实为列表：请去掉其下各行开头的“- ”，每项写作“键: 值”",
    "{field} should be a mapping ('key: value'), not a list: drop the '- ' that starts its lines",
)
NOT_DATE = Text(
    "{field}应为日期，如 2020-12-20，实为{actual}", "{field} should be a date such as 2020-12-20, not {actual}"
)
NOT_ONE_OF = Text("{field}应为 {expected} 之一，实为{actual}", "{field} should be one of {expected}, not {actual}")
NOT_ONE_OF_NAMED = Text(
    "{field}应为 {expected} 之一，实为{actual}，请写作 {near}",
    "{field} should be one of {expected}, not {actual}; write {near}",
)
# A choice as people name it (the template's header comment, the workbook's drop-downs) → the value.
CHOICE_NAMES: dict[str, str] = {
    "已完成": "done",
    "完成": "done",
    "部分完成": "partial",
    "未开展": "not_started",
    "未启动": "not_started",
    "不适用": "not_applicable",
    "notstarted": "not_started",
    "notapplicable": "not_applicable",
    "公开发布": "publication",
    "发布": "publication",
    "标准": "standard",
    "制度": "regulation",
    "规定": "regulation",
    "制度规定": "regulation",
    "会议": "event",
    "活动": "event",
    "会议活动": "event",
    "调查": "survey",
    "调研": "survey",
    "其他": "other",
}
TOO_SMALL = Text("{field}不能小于 {limit}", "{field} must not be less than {limit}")
TOO_LARGE = Text("{field}不能大于 {limit}", "{field} must not be greater than {limit}")
TOO_SHORT = Text("{field}至少应有 {limit} 项", "{field} needs at least {limit} item(s)")
TOO_LONG = Text("{field}过长（最多 {limit}）", "{field} is too long (at most {limit})")
EMPTY_TEXT = Text("{field}不能为空", "{field} must not be empty")
BAD_FORMAT = Text("{field}格式不对，应匹配 {pattern}", "{field} is not in the expected form {pattern}")
INVALID = Text("{field}的值无效：{detail}", "{field} is not valid: {detail}")

ACTUAL_KINDS: dict[str, Text] = {
    "str": Text("文字“{value}”", "the text '{value}'"),
    "bool": Text(
        "真假值 {value}（YAML 把 yes/no/on/off 读作真假值，请加引号或改写）",
        "{value} (YAML reads yes/no/on/off as true/false; quote it)",
    ),
    "int": Text("数字 {value}", "the number {value}"),
    "float": Text("小数 {value}", "the decimal {value}"),
    "NoneType": Text("空值", "nothing"),
    "list": Text("列表", "a list"),
    "dict": Text("映射", "a mapping"),
    "date": Text("日期 {value}", "the date {value}"),
    "datetime": Text("日期时间 {value}", "the date and time {value}"),
}
_OTHER = Text("{value}", "{value}")


class Quoted(str):
    """A name as a message argument, quoted the way each language quotes: “name” / 'name'.
    It is still the plain string (equal to it, hashed as it)."""

    __slots__ = ()

    def render(self, lang: Lang) -> str:
        return f"“{self}”" if lang == "zh" else f"'{self}'"


def describe_value(value: Any) -> Text:
    """A short description of what the user wrote, as a Text to be rendered with its value."""
    return ACTUAL_KINDS.get(type(value).__name__, _OTHER)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _folded(text: str) -> str:
    from ipr_rules.textnorm import fold

    return fold(text)


def _colon_text(value: Any) -> tuple[str, str] | None:
    """`主要做法: 联合检查` read as {'主要做法': '联合检查'}: the key and the text as it was typed."""
    if not (isinstance(value, dict) and len(value) == 1):
        return None
    ((key, rest),) = value.items()
    if not isinstance(key, str) or isinstance(rest, (dict, list)):
        return None
    shown = "" if rest is None else _shown(rest)
    return key, f"{key}: {shown}".rstrip()


def _choices(expected: str) -> str:
    """pydantic's "'done', 'partial' or 'not_started'" as "done | partial | not_started"."""
    return " | ".join(part.strip(" '\"") for part in expected.replace(" or ", ", ").split(",") if part.strip())


def _named_choice(value: Any, choices: list[str]) -> str | None:
    """The choice a value names in Chinese or in other English spelling (`已完成`, `Not started`)."""
    if not isinstance(value, str):
        return None
    key = "".join(_folded(value).lower().replace("_", " ").replace("-", " ").split())
    near = CHOICE_NAMES.get(key) or next((c for c in choices if c.replace("_", "") == key), None)
    return near if near in choices else None


def message_for(error: dict[str, Any], field: Any, known_fields: tuple[str, ...] = ()) -> tuple[Text, dict[str, Any]]:
    """The message and its arguments for one pydantic error dict."""
    kind = error["type"]
    value = error.get("input")
    context = error.get("ctx") or {}
    actual = Localized(describe_value(value), value=_shown(value))
    if isinstance(field, str):
        field = Quoted(field)  # a path in a file that is not a report (a ruleset): said as written
    args: dict[str, Any] = {"field": field, "actual": actual}
    if kind == "missing":
        from ipr_rules.clerk import FieldPath

        whole_list = isinstance(field, FieldPath) and field.path == ("tasks",)
        return (MISSING_TASKS if whole_list else MISSING), args
    if value is None and (kind.endswith("_type") or kind in ("date_parsing", "datetime_parsing")):
        from ipr_rules.clerk import FieldPath

        item = isinstance(field, FieldPath) and bool(field.path) and isinstance(field.path[-1], int)
        return (EMPTY_ITEM if item else NOT_FILLED), args
    if kind == "extra_forbidden":
        from ipr_rules.clerk import FieldPath, NamedField, OddCharacters, suggest_field

        key = field.key if isinstance(field, FieldPath) else str(field)
        near = suggest_field(key, known_fields) if known_fields else None
        if near is None:
            return UNKNOWN_FIELD, args
        from ipr_rules.textnorm import fold

        if fold(key) == near:  # looks like the field: say which characters differ
            return LOOK_ALIKE_FIELD, {**args, "near": near, "characters": OddCharacters(key)}
        return UNKNOWN_FIELD_NEAR, {**args, "near": NamedField(near) if isinstance(field, FieldPath) else Quoted(near)}
    if kind in ("string_type", "string_sub_type"):
        written = _colon_text(value)
        if written is not None:
            return COLON_IN_TEXT, {**args, "key": written[0], "written": written[1]}
        return NOT_TEXT, args
    if kind in ("int_type", "int_parsing", "int_from_float", "finite_number"):
        if isinstance(value, str) and value != _folded(value) and _folded(value).isdigit():
            from ipr_rules.clerk import OddCharacters

            shown = {"characters": OddCharacters(value), "number": _folded(value), "value_text": value}
            return FULL_WIDTH_NUMBER, {**args, **shown}
        digits = _NUMBER_WITH_WORDS.match(value) if isinstance(value, str) else None
        if digits is not None and not digits.group(0).strip().isdigit():
            return NOT_INTEGER_WRITE, {**args, "number": int(re.sub(r"[,，]", "", digits.group(1)))}
        return NOT_INTEGER, args
    if kind in ("number_type", "float_type", "float_parsing"):
        digits = _NUMBER_WITH_WORDS.match(value) if isinstance(value, str) else None
        if digits is not None and not digits.group(0).strip().isdigit():
            return NOT_NUMBER_WRITE, {**args, "number": int(re.sub(r"[,，]", "", digits.group(1)))}
        return NOT_NUMBER, args
    if kind in ("bool_type", "bool_parsing"):
        return NOT_BOOL, args
    if kind in ("list_type", "tuple_type", "set_type", "iterable_type"):
        return NOT_LIST, args
    if kind in ("dict_type", "model_type", "model_attributes_type", "dataclass_type", "mapping_type"):
        return (LIST_FOR_MAPPING if isinstance(value, list) else NOT_MAPPING), args
    if kind.startswith("date") or kind.startswith("datetime"):
        return NOT_DATE, args
    if kind in ("literal_error", "enum"):
        expected = _choices(str(context.get("expected", "")))
        if value is None:
            return NOT_FILLED_CHOICE, {**args, "expected": expected}
        near = _named_choice(value, expected.split(" | "))
        if near is not None:
            return NOT_ONE_OF_NAMED, {**args, "expected": expected, "near": near}
        return NOT_ONE_OF, {**args, "expected": expected}
    if kind in ("greater_than_equal", "greater_than"):
        return TOO_SMALL, {**args, "limit": context.get("ge", context.get("gt"))}
    if kind in ("less_than_equal", "less_than"):
        return TOO_LARGE, {**args, "limit": context.get("le", context.get("lt"))}
    if kind == "too_short":
        if isinstance(value, str):
            return EMPTY_TEXT, args
        return TOO_SHORT, {**args, "limit": context.get("min_length", 1)}
    if kind == "too_long":
        return TOO_LONG, {**args, "limit": context.get("max_length", "")}
    if kind == "string_too_short":
        return EMPTY_TEXT, args
    if kind == "string_too_long":
        return TOO_LONG, {**args, "limit": context.get("max_length", "")}
    if kind == "string_pattern_mismatch":
        return BAD_FORMAT, {**args, "pattern": context.get("pattern", "")}
    return INVALID, {**args, "detail": str(error.get("msg", kind))}
