"""Generic schema validation of one checked ruleset file with pydantic, unknown fields forbidden.

Any record type can be checked against the data of a `CheckedFile` (see `files.py`); each
problem names its file, line and field. Knows no file names and no particular file.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.errors import RulesetError
from ipr_rules.i18n import Lang, Text
from ipr_rules.model.messages import message_for
from ipr_rules.ruleset.files import CheckedFile, field_path

if TYPE_CHECKING:
    from ipr_rules.loading.yamlpos import Path as DataPath

WHOLE_FILE = Text("（整个文件）", "(the whole file)")
INVALID_RULESET = Text("规则集无效，共 {count} 处问题：", "the ruleset is not valid: {count} problem(s):")


class RulesetSchemaError(RulesetError):
    def __init__(self, problems: list[Diagnostic]) -> None:
        super().__init__(INVALID_RULESET, count=len(problems))
        self.problems = problems

    def render(self, lang: Lang) -> str:
        return "\n".join(
            [INVALID_RULESET.render(lang, count=len(self.problems))] + [p.render(lang) for p in self.problems]
        )


@cache
def _adapter(model: type) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(model)


def validate_as(checked: CheckedFile, model: type) -> Any:
    """The file's data as `model`, or None with the problems appended to `checked`."""
    from pydantic import ValidationError

    if checked.data is None and checked.problems:
        return None
    try:
        return _adapter(model).validate_python(checked.data)
    except ValidationError as error:
        for detail in error.errors():
            if detail["type"] == "unexpected_keyword_argument":
                # What pydantic reports for an unknown field of a dataclass with extra="forbid".
                detail = {**detail, "type": "extra_forbidden"}
            location = tuple(detail["loc"])
            known = _known_fields(model, location)
            if detail["type"] == "extra_forbidden" and location:
                # Suggest by the unknown key itself, not by its whole path (`tasks[0].opne`).
                import difflib

                known = tuple(difflib.get_close_matches(str(location[-1]), known, n=1, cutoff=0.6))
            field_name: Any = field_path(location) or WHOLE_FILE
            message, args = message_for(dict(detail), field_name, known)
            checked.problems.append(
                Diagnostic(message, checked.line(location), args=args, file=str(checked.path), field=field_name)
            )
        return None


def _known_fields(model: type, location: DataPath) -> tuple[str, ...]:
    """Field names of the record at `location`'s parent, to suggest for an unknown one."""
    from dataclasses import fields, is_dataclass
    from typing import get_args, get_type_hints

    current: Any = model
    for part in location[:-1]:
        if isinstance(part, int):
            args = get_args(current)
            current = args[0] if args else current
            continue
        if not (is_dataclass(current) and isinstance(current, type)):
            return ()
        current = get_type_hints(current).get(part, Any)
    if is_dataclass(current) and isinstance(current, type):
        return tuple(f.name for f in fields(current) if not f.name.startswith("_"))
    return ()
