"""A place in a report said in the clerk's terms: counted from one, fields by their Chinese names.

`tasks.4-1.outputs.1.date` is how the loader knows a place; a clerk reads `任务 4-1 的第 2 个产出的
日期（outputs[2].date）`: positions from one, the field's Chinese name (the one the workbook's
headers use) with its YAML key in brackets, so that the key can still be found in the file.
Messages take a `FieldPath` as an argument; JSON keeps the machine path in its own field.
The workbook reader can name its cells with the same words (`FieldPath.render`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ipr_rules.i18n import Lang, Text

# Each field's Chinese name, as the workbook's headers and the template's comments say it.
FIELD_LABELS: dict[str, Text] = {
    "unit": Text("单位名称", "unit name"),
    "year": Text("年度", "year"),
    "submitted": Text("提交日期", "submission date"),
    "contact": Text("联系人", "contact"),
    "tasks": Text("任务清单", "list of tasks"),
    "status": Text("状态", "status"),
    "actions": Text("工作内容", "actions"),
    "campaigns": Text("专项行动", "campaigns"),
    "outputs": Text("产出", "outputs"),
    "metrics": Text("指标", "metrics"),
    "evidence": Text("佐证", "evidence"),
    "reason": Text("原因说明", "reason"),
    "title": Text("标题", "title"),
    "date": Text("日期", "date"),
    "kind": Text("类别", "kind"),
    "url": Text("链接", "link"),
    "name": Text("姓名", "name"),
    "phone": Text("电话", "phone"),
    "email": Text("电子邮箱", "e-mail"),
    "department": Text("部门", "department"),
}
# One item of a list, counted: `第 2 项工作内容`, `第 2 个产出` / `action 2`, `output 2`.
ITEM_LABELS: dict[str, Text] = {
    "actions": Text("第 {n} 项工作内容", "action {n}"),
    "campaigns": Text("第 {n} 个专项行动", "campaign {n}"),
    "outputs": Text("第 {n} 个产出", "output {n}"),
    "evidence": Text("第 {n} 项佐证", "evidence item {n}"),
}
_ITEM = Text("第 {n} 项{label}", "item {n} of {label}")
_TASK = Text("任务 {task}", "task {task}")
_ENTRY = Text("任务 {task} 的条目", "the entry of task {task}")
_METRIC = Text("指标“{name}”", "metric '{name}'")
_UNKNOWN_KEY = Text("“{name}”", "'{name}'")
_NO_ARTICLE = ("action ", "output ", "campaign ", "evidence item ", "item ", "metric ", "'", "task ", "(")
WHOLE_REPORT = Text("（整份报告）", "(the whole report)")


class FieldPath:
    """A message argument naming a place in a report; renders in the language around it."""

    __slots__ = ("known", "path")

    def __init__(self, path: Sequence[Any], known: bool = True) -> None:
        """`known`: False when the last key is not a field of the format (an unknown field)."""
        self.path = tuple(path)
        self.known = known

    @property
    def key(self) -> str:
        return str(self.path[-1]) if self.path else ""

    @property
    def machine(self) -> str:
        """The loader's own path, positions from zero: `tasks.4-1.outputs.1.date`."""
        return machine_path(self.path)

    def render(self, lang: Lang) -> str:
        task, rest = _split(self.path)
        words = _words(rest, lang, self.known)
        bracket = _bracket(rest) if self.known and rest else ""
        zh = lang == "zh"
        if task is not None:
            head = _TASK.render(lang, task=task)
            if not words:
                return _ENTRY.render(lang, task=task)
            if zh:
                text = f"{head} {'中的' if not self.known else '的'}{words}"
            else:
                text = f"{words} {'in' if not self.known else 'of'} {head}"
        elif words:
            text = words
        else:
            return WHOLE_REPORT.render(lang)
        if bracket and bracket != words:
            text += f"（{bracket}）" if zh else f" ({bracket})"
        return text if zh or text.startswith(_NO_ARTICLE) else "the " + text

    def __str__(self) -> str:
        return self.render("zh")

    def __repr__(self) -> str:
        return f"FieldPath({self.machine!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FieldPath) and (self.path, self.known) == (other.path, other.known)

    def __hash__(self) -> int:
        return hash(self.path)


def machine_path(path: Sequence[Any]) -> str:
    return ".".join(str(part) for part in path)


def _split(path: tuple[Any, ...]) -> tuple[str | None, tuple[Any, ...]]:
    if len(path) >= 2 and path[0] == "tasks":
        return str(path[1]), path[2:]
    return None, path


def _words(rest: tuple[Any, ...], lang: Lang, known: bool) -> str:
    """`第 2 个产出的日期` / `the date of output 2`, from the path below a task (or the report)."""
    parts: list[str] = []
    index = 0
    while index < len(rest):
        key = rest[index]
        last = index == len(rest) - 1
        following = rest[index + 1] if not last else None
        if not known and last:
            parts.append(_UNKNOWN_KEY.render(lang, name=key))
        elif isinstance(key, str) and isinstance(following, int):
            item = ITEM_LABELS.get(key)
            label = _label(key, lang)
            parts.append(
                item.render(lang, n=following + 1) if item else _ITEM.render(lang, n=following + 1, label=label)
            )
            index += 1
        elif key == "metrics" and following is not None:
            parts.append(_METRIC.render(lang, name=following))
            index += 1
        elif isinstance(key, int):
            parts.append(_ITEM.render(lang, n=key + 1, label=""))
        else:
            parts.append(_label(str(key), lang))
        index += 1
    if lang == "zh":
        return "的".join(parts)
    return " of ".join(reversed(parts)) if len(parts) > 1 else (parts[0] if parts else "")


def _label(key: str, lang: Lang) -> str:
    label = FIELD_LABELS.get(key)
    return label.render(lang) if label else _UNKNOWN_KEY.render(lang, name=key)


def _bracket(rest: tuple[Any, ...]) -> str:
    """The YAML keys below the task, list positions from one: `outputs[2].date`."""
    text = ""
    for part in rest:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + str(part)
    return text


# What clerks write for a field, in Chinese and English, beside its own key: a suggestion by
# meaning comes before one by spelling (`remark` is nearer `metrics` in letters, but means `reason`).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "unit": ("单位", "单位名称", "填报单位", "department_name", "organization", "org"),
    "year": ("年度", "年份", "年"),
    "submitted": ("提交日期", "报送日期", "填报日期", "submit_date", "submitted_on", "date_submitted"),
    "contact": ("联系人", "联系方式", "contacts"),
    "tasks": ("任务", "任务清单", "task", "duties"),
    "status": ("状态", "完成情况", "进度", "state", "progress"),
    "actions": ("工作内容", "主要做法", "做法", "措施", "工作措施", "action", "work", "measures", "activities"),
    "campaigns": ("专项行动", "行动", "campaign", "operations"),
    "outputs": ("产出", "成果", "工作成果", "output", "results", "documents", "publications"),
    "metrics": ("指标", "数据", "统计", "metric", "figures", "stats", "statistics", "numbers"),
    "evidence": ("佐证", "佐证材料", "证明材料", "依据", "文号", "proof", "attachments", "references"),
    "reason": (
        "原因",
        "原因说明",
        "理由",
        "说明",
        "备注",
        "remark",
        "remarks",
        "note",
        "notes",
        "comment",
        "comments",
        "explanation",
        "why",
    ),
    "title": ("标题", "名称", "题目", "name"),
    "date": ("日期", "时间", "发布日期", "time", "published"),
    "kind": ("类别", "类型", "种类", "type", "category"),
    "url": ("链接", "网址", "link"),
    "phone": ("电话", "联系电话", "手机", "tel", "mobile"),
    "email": ("邮箱", "电子邮箱", "mail", "e-mail"),
    "name": ("姓名", "联系人姓名"),
    "department": ("部门", "科室", "处室"),
}


def suggest_field(key: str, known: Sequence[str]) -> str | None:
    """The field of `known` a clerk most likely meant by `key`: by meaning first, then spelling."""
    from ipr_rules.textnorm import fold

    typed = fold(key).lower()
    for field in known:
        if typed == field or typed in FIELD_ALIASES.get(field, ()):
            return field
    from ipr_rules.suggest import closest

    near = closest(typed, known, limit=1)
    return near[0] if near else None


class NamedField:
    """A field named for a suggestion: `“reason”（原因说明）` in Chinese, `'reason'` in English."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key

    def render(self, lang: Lang) -> str:
        label = FIELD_LABELS.get(self.key)
        if lang == "zh":
            return f"“{self.key}”（{label.zh}）" if label else f"“{self.key}”"
        return f"'{self.key}'"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NamedField) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"NamedField({self.key!r})"


# Spaces and invisible characters pasted from Word, WeChat and web pages, by the names people know.
SPACE_NAMES: dict[str, Text] = {
    "\u00a0": Text("不换行空格", "no-break space"),
    "\u3000": Text("全角空格", "ideographic (full-width) space"),
    "\u2002": Text("半角宽空格", "en space"),
    "\u2003": Text("全角宽空格", "em space"),
    "\u200b": Text("零宽空格", "zero width space"),
    "\u200c": Text("零宽非连接符", "zero width non-joiner"),
    "\u200d": Text("零宽连接符", "zero width joiner"),
    "\u2060": Text("词连接符", "word joiner"),
    "\ufeff": Text("零宽不换行空格（BOM）", "zero width no-break space (BOM)"),
}
_DROPPED = Text(
    "第 {position} 个字符是{name}（{code}），应删除", "character {position} is a {name} ({code}); delete it"
)


_RUN = Text(
    "第 {first}–{last} 个字“{chars}”是{kind}，应为“{replacement}”",
    "characters {first}–{last} '{chars}' are {kind}; they should be '{replacement}'",
)


def _runs(found: list[Any]) -> list[list[Any]]:
    """Neighbouring characters of one kind that read as something (`ｒｅａｓｏｎ`), as one run."""
    runs: list[list[Any]] = []
    for odd in found:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and odd.position == last.position + 1
            and odd.kind_zh == last.kind_zh
            and bool(odd.replacement) == bool(last.replacement)
            and SPACE_NAMES.get(odd.char) is None
        ):
            runs[-1].append(odd)
        else:
            runs.append([odd])
    return runs


class OddCharacters:
    """A message argument naming the characters of a text that read as others: `第 3 个字“⽂”是
    康熙部首，应为“文”`, an invisible one by its code; each language its own way."""

    __slots__ = ("only", "text")

    def __init__(self, text: str, only: frozenset[str] | None = None) -> None:
        """`only`: the kinds (`康熙部首`, `全角字符` …) to name; all when None."""
        self.text = text
        self.only = only

    def found(self) -> list[Any]:
        from ipr_rules.textnorm import odd_characters

        return [odd for odd in odd_characters(self.text) if self.only is None or odd.kind_zh in self.only]

    def __bool__(self) -> bool:
        return bool(self.found())

    def render(self, lang: Lang) -> str:
        from ipr_rules.textnorm import describe_en, describe_zh

        parts = []
        for run in _runs(self.found()):
            first, last = run[0], run[-1]
            name = SPACE_NAMES.get(first.char)
            if len(run) >= 3:
                kind = first.kind_zh if lang == "zh" else first.kind_en + "s"
                parts.append(
                    _RUN.render(
                        lang,
                        first=first.position,
                        last=last.position,
                        chars="".join(odd.char for odd in run),
                        kind=kind,
                        replacement="".join(odd.replacement for odd in run),
                    )
                )
            elif name is not None and not first.replacement:
                parts.extend(_DROPPED.render(lang, position=odd.position, name=name, code=odd.code) for odd in run)
            else:
                parts.extend(describe_zh(odd) if lang == "zh" else describe_en(odd) for odd in run)
        return ("，" if lang == "zh" else "; ").join(parts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OddCharacters) and (self.text, self.only) == (other.text, other.only)

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"OddCharacters({self.text!r})"
