"""Pydantic's validation errors as messages a user can act on, in both languages."""

from __future__ import annotations

from typing import Any

from ipr_rules.i18n import Lang, Localized, Text

MISSING = Text("缺少必填字段：{field}", "a required field is missing: {field}")
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
FULL_WIDTH_NUMBER = Text(
    "{field}应为整数，实为文字“{value_text}”：{characters}；应写作 {number}",
    "{field} should be a whole number, not the text '{value_text}': {characters}; write {number}",
)
NOT_NUMBER = Text("{field}应为非负数，实为{actual}", "{field} should be a non-negative number, not {actual}")
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
        return MISSING, args
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
        return NOT_INTEGER, args
    if kind in ("number_type", "float_type", "float_parsing"):
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
        return NOT_ONE_OF, {**args, "expected": _choices(str(context.get("expected", "")))}
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
