"""User-facing text in two languages, rendered at the edge.

A `Text` holds a template in Chinese (the default) and in English. Code that detects a
condition keeps the `Text` next to the condition and passes arguments; only renderers and the
CLI turn it into a string in the chosen language.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from typing import Any, Literal, NamedTuple

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


class Text(NamedTuple):
    zh: str
    en: str

    def render(self, lang: Lang, /, **args: Any) -> str:
        """The template in `lang`; arguments that can render themselves do so in `lang` too."""
        template = self.en if lang == "en" else self.zh
        return template.format(**{name: _argument(value, lang) for name, value in args.items()})

    def fields(self, lang: Lang) -> set[str]:
        template = self.en if lang == "en" else self.zh
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _argument(value: Any, lang: Lang) -> Any:
    """An argument that knows how to render itself (a Text, a Localized …) does so in `lang`."""
    render = getattr(value, "render", None)
    if callable(render) and type(value) is not str:
        return render(lang)
    return value


_ARGUMENT_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}


class Localized:
    """A message argument that is itself a message: rendered in the language around it."""

    __slots__ = ("names", "text", "values")

    def __init__(self, text: Text, **args: Any) -> None:
        # Thousands are kept per run (a reason quoted in each finding): the names as one shared
        # tuple, and one value kept as it is rather than in a tuple of its own.
        self.text = text
        names = tuple(args)
        self.names = _ARGUMENT_NAMES.setdefault(names, names)
        self.values: Any = next(iter(args.values())) if len(names) == 1 else tuple(args.values())

    @property
    def args(self) -> dict[str, Any]:
        if len(self.names) == 1:
            return {self.names[0]: self.values}
        return dict(zip(self.names, self.values, strict=True))

    def render(self, lang: Lang) -> str:
        return self.text.render(lang, **self.args)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Localized) and (self.text, self.args) == (other.text, other.args)

    def __hash__(self) -> int:
        # By the values too: reasons quoted under one template must not all fall in one bucket.
        try:
            return hash((self.text, self.values))
        except TypeError:
            return hash(self.text)

    def __repr__(self) -> str:
        return self.text.render("en", **self.args)


class Names:
    """A list as a message argument: 、-joined in Chinese, comma-joined in English, or joined
    by another separator (或 / or); items that are texts render in the language around them."""

    __slots__ = ("names", "separator")

    def __init__(self, names: Iterable[str | Text | Localized], separator: Text | None = None) -> None:
        self.names = tuple(names)
        self.separator = separator

    def render(self, lang: Lang) -> str:
        items = [_argument(name, lang) for name in self.names]
        if self.separator is None:
            return join_names(items, lang)
        return self.separator.render(lang).join(items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Names) and (self.names, self.separator) == (other.names, other.separator)

    def __hash__(self) -> int:
        return hash(self.names)

    def __str__(self) -> str:
        return self.render("zh")

    def __repr__(self) -> str:
        return f"Names({self.names!r})"


def join_names(names: list[str] | tuple[str, ...], lang: Lang) -> str:
    """A list of names joined the way each language lists them."""
    return ("、" if lang == "zh" else ", ").join(names)


ROLE_LABELS: dict[str, Text] = {
    "lead": Text("牵头", "lead"),
    "co": Text("分工负责", "co-responsible"),
    "sole": Text("负责", "sole"),
}

SEVERITY_LABELS: dict[str, Text] = {
    "error": Text("错误", "error"),
    "warning": Text("警告", "warning"),
    "info": Text("提示", "info"),
}

UNIT_KIND_LABELS: dict[str, Text] = {
    "party": Text("党委部门", "party"),
    "government": Text("政府部门", "government"),
    "judicial": Text("司法机关", "judicial"),
    "city_branch": Text("市级派驻机构", "city branch"),
}

YES_NO: dict[bool, Text] = {True: Text("是", "yes"), False: Text("否", "no")}
