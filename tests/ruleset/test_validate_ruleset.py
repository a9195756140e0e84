"""`ipr-check validate-ruleset` on the bundled ruleset and on copies broken in one way each.

Every problem must make the command fail and be printed on a line of its own that names the
file, the field (where there is one) and the line (where known).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from click.testing import Result

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.i18n import Text
from ipr_rules.loading import yaml_messages
from ipr_rules.model import messages
from ipr_rules.ruleset import files, integrity, validate
from ipr_rules.ruleset.validate import Validation, validate_ruleset

from .conftest import BUNDLED_DIR

HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Checked:
    result: Result
    validation: Validation


def run_validate(run_cli, folder: Path, *options: str) -> Checked:
    result = run_cli("validate-ruleset", str(folder), *options)
    validation = validate_ruleset(folder)
    lang = "en" if "en" in options else "zh"
    assert result.exit_code == (0 if validation.ok else 2 if validation.unreadable else 1)
    # one line per problem, errors first, then the plan's warnings
    lines = result.stdout.splitlines()
    assert lines[: len(validation.errors)] == [error.render(lang) for error in validation.errors]
    for error in validation.errors:
        assert "\n" not in error.render(lang)
    return Checked(result, validation)


def find(checked: Checked, file: Path, line: int | None, field: str, kind: Text) -> Diagnostic:
    """The one error at file:line on field, of the given kind, also printed by the CLI."""
    matches = [
        e
        for e in checked.validation.errors
        if e.file == str(file) and e.line == line and e.field == field and e.message is kind
    ]
    assert len(matches) == 1, [(e.file, e.line, e.field, e.message.en) for e in checked.validation.errors]
    where = str(file) if line is None else f"{file}:{line}"
    prefix = f"{where}: {field}:" if field else f"{where}: "
    assert any(output.startswith(prefix) for output in checked.result.stdout.splitlines()), prefix
    return matches[0]


def line_number(path: Path, text: str, after: int = 0) -> int:
    """1-based number of the first line equal to `text` below line `after`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if number > after and line == text:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def set_line(path: Path, number: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = text
    path.write_text("\n".join(lines), encoding="utf-8")


def insert_line(path: Path, after: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(after, text)
    path.write_text("\n".join(lines), encoding="utf-8")


# ---------------------------------------------------------------- the bundled ruleset


def test_the_bundled_ruleset_is_valid(run_cli) -> None:
    checked = run_validate(run_cli, BUNDLED_DIR)
    assert checked.result.exit_code == 0
    assert checked.validation.errors == []
    assert checked.validation.warnings  # the plan's own wording is reported, and does not fail it
    assert checked.result.stderr == ""


def test_a_fresh_copy_is_valid(run_cli, ruleset_copy: Path) -> None:
    assert run_validate(run_cli, ruleset_copy).result.exit_code == 0


# ---------------------------------------------------------------- ruleset.yaml edited by hand


def test_unknown_unit(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    task = line_number(target, "- id: 2-3")  # tasks[6]: 市公安官渡分局、区农业农村局、区市场监管局、区法院、区检察院
    line = line_number(target, "  - unit: 区法院", after=task)
    set_line(target, line, "  - unit: 区法庭")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    problem = find(checked, target, line, "tasks[6].assignees[3].unit", integrity.UNREGISTERED)
    assert problem.args["unit"] == "区法庭"
    # and the file no longer matches what its source compiles to
    find(checked, target, line, "", validate.DRIFT)
    assert checked.result.stderr.strip()


def test_duplicate_task_id(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    first = line_number(target, "- id: 1-1")
    line = line_number(target, "- id: 1-2")
    set_line(target, line, "- id: 1-1")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    problem = find(checked, target, line, "tasks[1].id", integrity.DUPLICATE_ID)
    assert problem.args["other"] == first


def test_task_id_that_does_not_match_its_item(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    line = line_number(target, "- id: 1-2")
    set_line(target, line, "- id: 7-9")
    checked = run_validate(run_cli, ruleset_copy)
    find(checked, target, line, "tasks[1].id", integrity.ID_MISMATCH)
    set_line(target, line, "- id: one-two")
    checked = run_validate(run_cli, ruleset_copy)
    find(checked, target, line, "tasks[1].id", integrity.BAD_ID)


def test_unit_in_two_roles_on_one_task(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    task = line_number(target, "- id: 4-1")  # tasks[8]: 区市场监管局 lead, 区委宣传部 co, …
    assert line_number(target, "  - unit: 区市场监管局", after=task) == task + 6
    line = line_number(target, "  - unit: 区委宣传部", after=task)
    set_line(target, line, "  - unit: 区市场监管局")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    problem = find(checked, target, line, "tasks[8].assignees[1].unit", integrity.TWO_ROLES)
    assert problem.args["unit"] == "区市场监管局"


def test_unit_listed_twice_in_one_role(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    task = line_number(target, "- id: 4-1")
    line = line_number(target, "  - unit: 市公安官渡分局", after=task)  # assignees[2], co like assignees[1]
    set_line(target, line, "  - unit: 区委宣传部")
    checked = run_validate(run_cli, ruleset_copy)
    find(checked, target, line, "tasks[8].assignees[2].unit", integrity.NAMED_TWICE)


def test_unknown_field(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    task = line_number(target, "- id: 1-1")
    open_line = line_number(target, "  open: false", after=task)
    insert_line(target, open_line, "  priority: high")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    problem = find(checked, target, open_line + 1, "tasks[0].priority", messages.UNKNOWN_FIELD)
    assert problem.args["field"] == "tasks[0].priority"


def test_misspelt_field_suggests_the_right_one(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    task = line_number(target, "- id: 1-1")
    open_line = line_number(target, "  open: false", after=task)
    set_line(target, open_line, "  opne: false")
    checked = run_validate(run_cli, ruleset_copy)
    problem = find(checked, target, open_line, "tasks[0].opne", messages.UNKNOWN_FIELD_NEAR)
    assert problem.args["near"] == "open"
    find(checked, target, task, "tasks[0].open", messages.MISSING)


def test_unknown_field_at_the_top_and_in_units(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    year = line_number(target, "year: 2020")
    insert_line(target, year, "author: somebody")
    units = ruleset_copy / "units.yaml"
    first = line_number(units, "- name: 区委宣传部")
    insert_line(units, first, "  phone: '123'")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    find(checked, target, year + 1, "author", messages.UNKNOWN_FIELD)
    find(checked, units, first + 1, "units[0].phone", messages.UNKNOWN_FIELD)


def test_wrong_type_of_value(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    task = line_number(target, "- id: 1-1")
    role = line_number(target, "    role: co", after=task)
    set_line(target, role, "    role: boss")
    checked = run_validate(run_cli, ruleset_copy)
    find(checked, target, role, "tasks[0].assignees[0].role", messages.NOT_ONE_OF)


def test_truncated_in_the_middle_of_a_line(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    task = line_number(target, "- id: 13-1")  # tasks[22]
    lines = target.read_text(encoding="utf-8").split("\n")
    text_line = lines[task + 3]
    assert text_line.startswith("  text: ")
    target.write_text("\n".join([*lines[: task + 3], text_line[: len(text_line) // 2]]), encoding="utf-8")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    for field in ("assignees", "open", "campaigns", "line", "column"):
        find(checked, target, task, f"tasks[22].{field}", messages.MISSING)
    assert all(e.file == str(target) for e in checked.validation.errors)


def test_truncated_in_the_middle_of_a_character(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    data = target.read_bytes()
    cut = data.index("昆仑2020".encode()) + 1  # inside the first character's three bytes
    target.write_bytes(data[:cut])
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 2  # a file that cannot be read or parsed (SPEC §5)
    find(checked, target, None, "", files.NOT_UTF8)


def test_truncated_into_broken_yaml(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    lines = target.read_text(encoding="utf-8").split("\n")
    middle = len(lines) // 2
    target.write_text("\n".join([*lines[:middle], "  campaigns: [剑网2020"]), encoding="utf-8")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 2  # a file that cannot be read or parsed (SPEC §5)
    [error] = checked.validation.errors
    assert error.message is yaml_messages.UNCLOSED_BRACKET
    assert error.file == str(target)
    assert error.line is not None and error.line >= middle


def test_a_syntax_error_is_explained_in_chinese_at_its_line(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "units.yaml"
    lines = target.read_text(encoding="utf-8").split("\n")
    lines[3] = "\t" + lines[3].lstrip()
    target.write_text("\n".join(lines), encoding="utf-8")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 2
    [error] = checked.validation.errors
    assert (error.message, error.line) == (yaml_messages.TAB, 4)
    shown = f"{target}:4: YAML 格式错误：第 4 行使用了制表符（Tab）缩进"
    assert shown in checked.result.output
    refused = run_cli("tasks", "--ruleset", str(ruleset_copy))
    assert refused.exit_code == 2 and shown in refused.output and "cannot start any token" not in refused.output


def test_ruleset_yaml_of_the_wrong_shape(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    target.write_text("- just\n- a list\n", encoding="utf-8")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    assert [e.file for e in checked.validation.errors] == [str(target)]


# ---------------------------------------------------------------- units.yaml


def test_alias_naming_two_units(run_cli, ruleset_copy: Path) -> None:
    units = ruleset_copy / "units.yaml"
    line = line_number(units, "  aliases: [官渡区人民检察院, 区人民检察院]")  # units[11], 区检察院
    set_line(units, line, "  aliases: [官渡区人民检察院, 区人民检察院, 区人民法院]")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    problem = find(checked, units, line, "units[11].aliases[2]", integrity.AMBIGUOUS_ALIAS)
    assert {problem.args["first"], problem.args["second"]} == {"区法院", "区检察院"}


def test_alias_equal_to_another_units_name(run_cli, ruleset_copy: Path) -> None:
    units = ruleset_copy / "units.yaml"
    line = line_number(units, "  aliases: [区文旅局]")  # units[8], 区文化和旅游局
    set_line(units, line, "  aliases: [区文旅局, 区商投局]")
    checked = run_validate(run_cli, ruleset_copy)
    problem = find(checked, units, line, "units[8].aliases[1]", integrity.AMBIGUOUS_ALIAS)
    assert problem.args["name"] == "区商投局"


# ---------------------------------------------------------------- drift against plan.txt


def test_source_changed_after_compiling(run_cli, ruleset_copy: Path) -> None:
    plan = ruleset_copy / "plan.txt"
    plan.write_text(plan.read_text(encoding="utf-8").replace("刷单炒信", "刷单炒作"), encoding="utf-8")
    target = ruleset_copy / "ruleset.yaml"
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    lines = target.read_text(encoding="utf-8").splitlines()
    sha_line = next(number for number, line in enumerate(lines, 1) if line.startswith("source_sha256:"))
    find(checked, target, sha_line, "source_sha256", validate.SOURCE_CHANGED)
    # the drift points at the task text that changed: 1-1's
    text_line = line_number(target, "- id: 1-1") + 4
    assert "刷单炒信" in target.read_text(encoding="utf-8").splitlines()[text_line - 1]
    find(checked, target, text_line, "", validate.DRIFT)
    assert len(checked.validation.errors) == 2


def test_source_reworded_without_changing_the_ruleset(run_cli, ruleset_copy: Path) -> None:
    plan = ruleset_copy / "plan.txt"
    # the preamble is no part of any task: only the digest tells
    plan.write_text(plan.read_text(encoding="utf-8").replace("结合我区实际", "结合本区实际"), encoding="utf-8")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    assert [e.message for e in checked.validation.errors] == [validate.SOURCE_CHANGED]


def test_ruleset_edited_by_hand_drifts(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    task = line_number(target, "- id: 1-1")
    open_line = line_number(target, "  open: false", after=task)
    set_line(target, open_line, "  open: true")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    find(checked, target, open_line, "", validate.DRIFT)
    assert len(checked.validation.errors) == 1


def test_source_no_longer_compiles(run_cli, ruleset_copy: Path) -> None:
    plan = ruleset_copy / "plan.txt"
    text = plan.read_text(encoding="utf-8").replace(
        "督办。（区卫生健康局综合监督执法局负责）", "督办。（区卫健局负责）"
    )
    plan.write_text(text, encoding="utf-8")
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    [unknown] = [e for e in checked.validation.errors if e.file == str(plan)]
    assert unknown.line == 14
    assert unknown.args["name"] == "区卫健局"
    assert any(e.message is validate.SOURCE_CHANGED for e in checked.validation.errors)


# ---------------------------------------------------------------- missing files


def test_missing_units_file(run_cli, ruleset_copy: Path) -> None:
    (ruleset_copy / "units.yaml").unlink()
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 2  # a file that cannot be read or parsed (SPEC §5)
    find(checked, ruleset_copy / "units.yaml", None, "", files.FILE_MISSING)


def test_missing_ruleset_file(run_cli, ruleset_copy: Path) -> None:
    (ruleset_copy / "ruleset.yaml").unlink()
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 2  # a file that cannot be read or parsed (SPEC §5)
    find(checked, ruleset_copy / "ruleset.yaml", None, "", files.FILE_MISSING)


def test_missing_source_text(run_cli, ruleset_copy: Path) -> None:
    (ruleset_copy / "plan.txt").unlink()
    target = ruleset_copy / "ruleset.yaml"
    checked = run_validate(run_cli, ruleset_copy)
    assert checked.result.exit_code == 1
    find(checked, target, line_number(target, "source: plan.txt"), "source", validate.SOURCE_MISSING)


def test_missing_directory_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("validate-ruleset", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert str(tmp_path / "nowhere") in result.stderr
    assert result.stdout == ""


def test_several_problems_are_all_reported(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    set_line(target, line_number(target, "- id: 1-2"), "- id: 1-1")
    units = ruleset_copy / "units.yaml"
    set_line(units, line_number(units, "  aliases: [区文旅局]"), "  aliases: [区文旅局, 区商投局]")
    checked = run_validate(run_cli, ruleset_copy)
    kinds = {e.message for e in checked.validation.errors}
    assert {integrity.DUPLICATE_ID, integrity.AMBIGUOUS_ALIAS} <= kinds


# ---------------------------------------------------------------- language


def test_english_output(run_cli, ruleset_copy: Path) -> None:
    target = ruleset_copy / "ruleset.yaml"
    set_line(target, line_number(target, "- id: 1-2"), "- id: 1-1")
    english = run_validate(run_cli, ruleset_copy, "--lang", "en")
    chinese = run_validate(run_cli, ruleset_copy)
    assert english.result.exit_code == chinese.result.exit_code == 1
    english_errors = english.result.stdout.splitlines()[: len(english.validation.errors)]
    chinese_errors = chinese.result.stdout.splitlines()[: len(chinese.validation.errors)]
    # the duplicate-id message names no unit: in English it holds no Chinese at all
    duplicate = next(line for line in english_errors if "tasks[1].id:" in line)
    assert not HAN.search(duplicate)
    assert HAN.search(next(line for line in chinese_errors if "tasks[1].id:" in line))
    assert not HAN.search(english.result.stderr)
    assert HAN.search(chinese.result.stderr)


def test_english_output_for_a_valid_ruleset(run_cli) -> None:
    result = run_cli("validate-ruleset", str(BUNDLED_DIR), "--lang", "en")
    assert result.exit_code == 0
    last = result.stdout.splitlines()[-1]
    assert not HAN.search(last)
