"""Schema validation of a ruleset directory's files with pydantic, unknown fields forbidden.

Each file is read with the position-keeping loader, so every problem names its file, line and
field. Used by `validate-ruleset` and whenever a ruleset comes from outside the package.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipr_rules.errors import RulesetError
from ipr_rules.i18n import Lang, Text
from ipr_rules.loading.yamlpos import Path as DataPath
from ipr_rules.loading.yamlpos import YamlSyntaxError
from ipr_rules.loading.yamlstream import load_documents
from ipr_rules.model.messages import message_for
from ipr_rules.model.ruleset import CompiledPlan, UnitsFile

if TYPE_CHECKING:
    from ipr_rules.requirements.overlay import Overlay

WHOLE_FILE = Text("（整个文件）", "(the whole file)")
NOT_YAML = Text("不是有效的 YAML：{problem}", "not valid YAML: {problem}")
NOT_ONE_DOCUMENT = Text("应只包含一个 YAML 文档，实有 {count} 个", "should hold exactly one YAML document, not {count}")
FILE_MISSING = Text("文件不存在", "the file does not exist")
FILE_UNREADABLE = Text("无法读取：{reason}", "cannot read: {reason}")
INVALID_RULESET = Text("规则集无效，共 {count} 处问题：", "the ruleset is not valid: {count} problem(s):")


@dataclass(frozen=True, slots=True)
class RulesetProblem:
    file: str
    line: int | None
    field: str | Text
    message: Text
    args: dict[str, Any] = dataclasses.field(default_factory=dict)

    def render(self, lang: Lang) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = self.field.render(lang) if isinstance(self.field, Text) else self.field
        field_part = f" {field}:" if field else ""
        return f"{where}:{field_part} {self.message.render(lang, **self.args)}"


@dataclass(slots=True)
class CheckedFile:
    path: Path
    data: Any
    lines: dict[DataPath, int]
    problems: list[RulesetProblem]
    text: str = ""

    def line(self, data_path: DataPath) -> int | None:
        while data_path:
            if data_path in self.lines:
                return self.lines[data_path]
            data_path = data_path[:-1]
        return 1


class RulesetSchemaError(RulesetError):
    def __init__(self, problems: list[RulesetProblem]) -> None:
        super().__init__(INVALID_RULESET, count=len(problems))
        self.problems = problems

    def render(self, lang: Lang) -> str:
        return "\n".join(
            [INVALID_RULESET.render(lang, count=len(self.problems))] + [p.render(lang) for p in self.problems]
        )


def field_path(data_path: DataPath) -> str:
    text = ""
    for part in data_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_checked(path: Path) -> CheckedFile:
    """One YAML document with its lines; syntax and loading problems as values."""
    shown = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return CheckedFile(path, None, {}, [RulesetProblem(shown, None, "", FILE_MISSING)])
    except (OSError, UnicodeDecodeError) as error:
        return CheckedFile(path, None, {}, [RulesetProblem(shown, None, "", FILE_UNREADABLE, {"reason": str(error)})])
    try:
        documents = list(load_documents(text))
    except YamlSyntaxError as error:
        return CheckedFile(
            path, None, {}, [RulesetProblem(shown, error.line, "", NOT_YAML, {"problem": error.problem})]
        )
    if len(documents) != 1:
        return CheckedFile(path, None, {}, [RulesetProblem(shown, 1, "", NOT_ONE_DOCUMENT, {"count": len(documents)})])
    document = documents[0]
    problems = [
        RulesetProblem(shown, problem.line, field_path(problem.path), problem.message, problem.args)
        for problem in document.problems
    ]
    return CheckedFile(path, document.data, document.lines, problems, text)


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
                RulesetProblem(str(checked.path), checked.line(location), field_name, message, args)
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


def read_validated(folder: Path) -> tuple[CompiledPlan, UnitsFile, Overlay | None]:
    """A ruleset directory's files as validated records; RulesetSchemaError lists every problem."""
    from ipr_rules.requirements.overlay import read_overlay
    from ipr_rules.ruleset.store import OVERLAY_FILE, RULESET_FILE, UNITS_FILE

    plan_file, units_file = read_checked(folder / RULESET_FILE), read_checked(folder / UNITS_FILE)
    plan: CompiledPlan | None = validate_as(plan_file, CompiledPlan)
    units: UnitsFile | None = validate_as(units_file, UnitsFile)
    problems = plan_file.problems + units_file.problems
    overlay = None
    if (folder / OVERLAY_FILE).exists():
        overlay, overlay_problems = read_overlay(folder / OVERLAY_FILE, plan)
        problems += overlay_problems
    if problems or plan is None or units is None:
        raise RulesetSchemaError(problems)
    return plan, units, overlay
