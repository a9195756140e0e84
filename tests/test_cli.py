"""The command line end to end, in-process through `run_cli` (an exception fails the test)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result

from ipr_rules.checks import KINDS
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.schema_export import PACKAGED

REPO = Path(__file__).resolve().parent.parent
SAMPLE = "reports/2020/"
CASES = REPO / "tests" / "cases"
FINDING_FIELDS = ["kind", "severity", "unit", "task", "file", "line", "message"]
RunCli = Callable[..., Result]


@pytest.fixture(autouse=True)
def _at_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def _json(result: Result) -> Any:
    return json.loads(result.stdout)


def _no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# Options before or after the paths --------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (["--format", "json", SAMPLE], [SAMPLE, "--format", "json"]),
        (["--lang", "en", "--fail-on", "never", SAMPLE], [SAMPLE, "--fail-on", "never", "--lang", "en"]),
        (
            ["-f", "markdown", "--ignore", "missing-task", SAMPLE],
            [SAMPLE, "--ignore", "missing-task", "-f", "markdown"],
        ),
        (["--unit-only", "reports/2020/区法院.yaml"], ["reports/2020/区法院.yaml", "--unit-only"]),
    ],
)
def test_options_before_or_after_the_paths(
    before: list[str], after: list[str], run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609459200")  # the markdown names the time of the check
    first, second = run_cli(*before), run_cli(*after)
    assert (first.exit_code, first.stdout) == (second.exit_code, second.stdout)
    assert first.stdout


def test_english_output(run_cli: RunCli) -> None:
    result = run_cli(SAMPLE, "--lang", "en")
    assert "checked 19 report(s) in 19 file(s)" in result.stdout
    assert "共检查" not in result.stdout
    chinese = run_cli(SAMPLE)
    assert "共检查 19 份报告（19 个文件）" in chinese.stdout


def test_english_json_messages(run_cli: RunCli) -> None:
    findings = _json(run_cli(SAMPLE, "--format", "json", "--lang", "en"))["findings"]
    wrong = [item for item in findings if item["kind"] == "wrong-unit"]
    assert wrong and "belongs to 区商投局" in wrong[0]["message"]


# Exit codes --------------------------------------------------------------------------------


def _only_warnings(tmp_path: Path) -> Path:
    return _write(
        tmp_path,
        "区税务局.yaml",
        'unit: 区税务局\nyear: 2020\ntasks:\n  "17-1":\n    status: partial\n'
        "    actions: [查补税款 56 万元]\n    reason: 专项整治未开展\n",
    )


def test_exit_codes_for_errors(run_cli: RunCli) -> None:
    assert run_cli(SAMPLE).exit_code == 1
    assert run_cli(SAMPLE, "--fail-on", "error").exit_code == 1
    assert run_cli(SAMPLE, "--fail-on", "warning").exit_code == 1
    assert run_cli(SAMPLE, "--fail-on", "never").exit_code == 0


def test_exit_codes_for_warnings_only(tmp_path: Path, run_cli: RunCli) -> None:
    path = str(_only_warnings(tmp_path))
    assert _json(run_cli(path, "--format", "json"))["summary"] == {"error": 0, "warning": 1, "info": 0, "waived": 0}
    assert run_cli(path).exit_code == 0
    assert run_cli(path, "--fail-on", "warning").exit_code == 1
    assert run_cli(path, "--fail-on", "never").exit_code == 0


def test_exit_code_for_a_clean_report(tmp_path: Path, run_cli: RunCli) -> None:
    path = _write(
        tmp_path,
        "r.yaml",
        'unit: 区税务局\nyear: 2020\ntasks:\n  "17-1": {status: done, actions: [查补税款 56 万元]}\n',
    )
    result = run_cli(str(path), "--fail-on", "warning")
    assert result.exit_code == 0
    assert "未发现问题" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "json"],
        ["--lang", "en"],
        ["--unit-only", "--complete", SAMPLE],
        [SAMPLE, "--complete", "--unit-only"],
        [SAMPLE, "--format", "xml"],
        [SAMPLE, "--fail-on", "sometimes"],
        [SAMPLE, "--ignore", "no-such-kind"],
        [SAMPLE, "--lang", "fr"],
        [SAMPLE, "-o", "report.pdf"],
        [SAMPLE, "--no-such-option"],
    ],
    ids=[
        "no-paths",
        "no-paths-en",
        "unit-only-with-complete",
        "complete-with-unit-only",
        "unknown-format",
        "unknown-fail-on",
        "unknown-kind",
        "unknown-lang",
        "unknown-suffix",
        "unknown-option",
    ],
)
def test_usage_errors_exit_2(args: list[str], run_cli: RunCli) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip()
    _no_traceback(result)


def test_an_unreadable_input_exits_2_and_the_rest_is_reported(tmp_path: Path, run_cli: RunCli) -> None:
    broken = _write(tmp_path, "broken.yaml", 'unit: 区法院\nyear: 2020\ntasks: {"15-1": {status: done\n')
    result = run_cli(str(broken), SAMPLE, str(tmp_path / "missing.yaml"), "--format", "json")
    assert result.exit_code == 2, "2 wins over 1"
    document = _json(result)
    unreadable = [item for item in document["findings"] if item["kind"] == "unreadable"]
    assert [item["file"] for item in unreadable] == [str(broken), str(tmp_path / "missing.yaml")]
    assert len(document["reports"]) == 19
    assert {item["kind"] for item in document["findings"]} > {"unreadable", "wrong-unit", "missing-task"}
    assert run_cli(str(broken), "--fail-on", "never").exit_code == 2


# Output files --------------------------------------------------------------------------------


def test_output_file_is_written_whole_and_the_table_still_printed(tmp_path: Path, run_cli: RunCli) -> None:
    target = tmp_path / "out.json"
    result = run_cli(SAMPLE, "-o", str(target))
    assert result.exit_code == 1
    assert json.loads(target.read_text(encoding="utf-8")) == _json(run_cli(SAMPLE, "--format", "json"))
    assert result.stdout == run_cli(SAMPLE).stdout
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"], "no temporary file left behind"


def test_several_output_files_by_suffix(tmp_path: Path, run_cli: RunCli) -> None:
    json_file, markdown, table = tmp_path / "a.json", tmp_path / "b.md", tmp_path / "c.txt"
    result = run_cli(SAMPLE, "-o", str(json_file), "--output", str(markdown), "-o", str(table))
    assert result.exit_code == 1
    assert (
        json.loads(json_file.read_text(encoding="utf-8"))["summary"]
        == _json(run_cli(SAMPLE, "--format", "json"))["summary"]
    )
    assert markdown.read_text(encoding="utf-8") == run_cli(SAMPLE, "--format", "markdown").stdout
    assert table.read_text(encoding="utf-8") == run_cli(SAMPLE).stdout
    assert result.stdout == run_cli(SAMPLE).stdout


def test_format_names_the_output_of_a_file_without_a_known_suffix(tmp_path: Path, run_cli: RunCli) -> None:
    target = tmp_path / "report.out"
    result = run_cli(SAMPLE, "--format", "json", "-o", str(target))
    assert result.exit_code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["ruleset"]["tasks"] == 55
    assert result.stdout == run_cli(SAMPLE).stdout


def test_unknown_suffix_without_format_writes_nothing(tmp_path: Path, run_cli: RunCli) -> None:
    target = tmp_path / "report.out"
    result = run_cli(SAMPLE, "-o", str(target))
    assert result.exit_code == 2
    assert not target.exists()
    assert "--format" in result.stderr


# --ignore ----------------------------------------------------------------------------------


def test_ignore_kinds(run_cli: RunCli) -> None:
    everything = _json(run_cli(SAMPLE, "--format", "json"))
    fewer = _json(run_cli(SAMPLE, "--format", "json", "--ignore", "missing-task", "--ignore", "wrong-unit"))
    kinds = {item["kind"] for item in everything["findings"]}
    assert {"missing-task", "wrong-unit"} <= kinds
    assert {item["kind"] for item in fewer["findings"]} == kinds - {"missing-task", "wrong-unit"}
    assert fewer["summary"]["error"] == everything["summary"]["error"] - 2


def test_ignoring_every_error_exits_0(run_cli: RunCli) -> None:
    errors = {
        item["kind"] for item in _json(run_cli(SAMPLE, "--format", "json"))["findings"] if item["severity"] == "error"
    }
    args = [arg for kind in sorted(errors) for arg in ("--ignore", kind)]
    assert run_cli(SAMPLE, *args).exit_code == 0
    assert run_cli(SAMPLE, *args, "--fail-on", "warning").exit_code == 1


# JSON --------------------------------------------------------------------------------------


def test_json_has_the_shape_of_spec_section_5(run_cli: RunCli) -> None:
    document = _json(run_cli(SAMPLE, "--format", "json"))
    assert {"ruleset", "reports", "findings", "summary"} <= set(document)
    assert document["ruleset"] == {"year": 2020, "tasks": 55, "units": 19}
    assert len(document["reports"]) == 19
    for report in document["reports"]:
        assert list(report) == ["file", "unit", "entries"]
        assert report["file"].startswith(SAMPLE) and isinstance(report["entries"], int)
    court = [report for report in document["reports"] if report["file"].endswith("区法院.yaml")]
    assert court == [{"file": "reports/2020/区法院.yaml", "unit": "区法院", "entries": 9}]
    assert document["findings"]
    for finding in document["findings"]:
        assert list(finding) == FINDING_FIELDS
        assert finding["kind"] in KINDS
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["line"] is None or (isinstance(finding["line"], int) and finding["line"] >= 1)
        assert isinstance(finding["message"], str) and finding["message"]
    counts = {
        severity: sum(item["severity"] == severity for item in document["findings"])
        for severity in ("error", "warning", "info")
    }
    assert document["summary"] == {**counts, "waived": len(document["waived"])}


def test_json_of_nothing_found(tmp_path: Path, run_cli: RunCli) -> None:
    path = _write(
        tmp_path,
        "r.yaml",
        'unit: 区税务局\nyear: 2020\ntasks:\n  "17-1": {status: done, actions: [查补税款 56 万元]}\n',
    )
    document = _json(run_cli(str(path), "--format", "json"))
    assert document["findings"] == []
    assert document["summary"] == {"error": 0, "warning": 0, "info": 0, "waived": 0}
    assert document["reports"] == [{"file": str(path), "unit": "区税务局", "entries": 1}]


# template ------------------------------------------------------------------------------------


def _units(ruleset: Ruleset) -> list[str]:
    return [unit.name for unit in ruleset.registry.units]


def test_there_are_19_units(ruleset: Ruleset) -> None:
    assert len(_units(ruleset)) == 19


def _template_cases() -> Iterator[str]:
    from ipr_rules.ruleset.bundled import bundled_ruleset_dir
    from ipr_rules.ruleset.loader import load_ruleset

    yield from (unit.name for unit in load_ruleset(bundled_ruleset_dir(), trusted=False).registry.units)


@pytest.mark.parametrize("unit", list(_template_cases()))
def test_an_unfilled_template_gets_task_not_started_only(
    unit: str, tmp_path: Path, run_cli: RunCli, ruleset: Ruleset
) -> None:
    result = run_cli("template", unit)
    assert result.exit_code == 0
    path = _write(tmp_path, f"{unit}.yaml", result.stdout)
    document = _json(run_cli(str(path), "--format", "json"))
    # An office exemption (rulesets/2020/exemptions.yaml) waives some; they are listed apart, not dropped.
    findings = document["findings"] + document["waived"]
    assert {item["kind"] for item in findings} == {"task-not-started"}
    assert sorted(item["task"] for item in findings) == sorted(task.id for task in ruleset.tasks_of(unit))
    assert {item["unit"] for item in findings} == {unit}


def test_template_in_english_checks_the_same(tmp_path: Path, run_cli: RunCli, ruleset: Ruleset) -> None:
    text = run_cli("template", "区法院", "--lang", "en").stdout
    assert "annual report" in text
    path = _write(tmp_path, "court.yaml", text)
    findings = _json(run_cli(str(path), "--format", "json"))["findings"]
    assert sorted(item["task"] for item in findings) == sorted(task.id for task in ruleset.tasks_of("区法院"))


def test_template_shows_each_task_with_its_role(run_cli: RunCli, ruleset: Ruleset) -> None:
    text = run_cli("template", "区检察院").stdout
    for task in ruleset.tasks_of("区检察院"):
        assert f'  "{task.id}":\n    status: not_started' in text
    assert re.search(r"# 16-1【牵头】", text) and re.search(r"# 14-1【负责】", text)


@pytest.mark.parametrize(
    ("alias", "canonical"), [("区打假办", "区打击侵权假冒工作领导小组办公室"), ("昆明市官渡区人民法院", "区法院")]
)
def test_template_for_an_alias(alias: str, canonical: str, run_cli: RunCli) -> None:
    result = run_cli("template", alias)
    assert result.exit_code == 0
    assert f'unit: "{canonical}"' in result.stdout
    assert result.stdout == run_cli("template", canonical).stdout


def test_template_for_an_unknown_unit(run_cli: RunCli) -> None:
    result = run_cli("template", "区市场监督局")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "区市场监管局" in result.stderr
    english = run_cli("template", "区市场监督局", "--lang", "en")
    assert english.exit_code == 2 and "did you mean" in english.stderr


def test_template_to_a_file(tmp_path: Path, run_cli: RunCli) -> None:
    target = tmp_path / "区税务局.yaml"
    result = run_cli("template", "区税务局", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8") == run_cli("template", "区税务局").stdout


# schema ----------------------------------------------------------------------------------------


def test_the_packaged_schema_is_current(run_cli: RunCli) -> None:
    """ipr_rules/report.schema.json is `ipr-check schema`; regenerate it when this fails."""
    result = run_cli("schema")
    assert result.exit_code == 0
    assert PACKAGED.read_text(encoding="utf-8") == result.stdout


def _as_json(value: Any) -> Any:
    """YAML data as JSON would carry it: dates as ISO text."""
    if isinstance(value, dict):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _sample_documents() -> list[tuple[str, Any]]:
    documents = []
    for path in sorted((REPO / "reports" / "2020").glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            documents.append((path.name, _as_json(document)))
    return documents


def test_the_schema_validates_the_sample_reports(run_cli: RunCli) -> None:
    import jsonschema  # in the test extras

    schema = json.loads(run_cli("schema").stdout)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for name, document in _sample_documents():
        assert not list(validator.iter_errors(document)), name


def test_the_schema_describes_the_sample_reports(run_cli: RunCli) -> None:
    """Without the jsonschema package: the keywords the schema uses, checked by hand."""
    schema = json.loads(run_cli("schema").stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    for name, document in _sample_documents():
        problems = list(_violations(schema, schema, document, name))
        assert problems == []


def test_the_schema_refuses_what_the_checker_refuses(run_cli: RunCli) -> None:
    schema = json.loads(run_cli("schema").stdout)
    good = {"unit": "区法院", "year": 2020, "tasks": {"15-1": {"status": "done", "actions": ["审结案件 35 件"]}}}
    assert list(_violations(schema, schema, good, "good")) == []
    bad = [
        {"year": 2020, "tasks": {}},
        {"unit": "区法院", "year": "2020", "tasks": {}},
        {"unit": "区法院", "year": 2020, "tasks": {"1.1": {"status": "done"}}},
        {"unit": "区法院", "year": 2020, "tasks": {"15-1": {"status": "finished"}}},
        {"unit": "区法院", "year": 2020, "tasks": {"15-1": {"status": "done", "metrics": {"cases": -1}}}},
        {"unit": "区法院", "year": 2020, "tasks": {"15-1": {"status": "done", "actoins": ["x"]}}},
        {"unit": "区法院", "year": 2020, "tasks": {}, "submited": "2020-12-01"},
        {"unit": "区法院", "year": 2020, "tasks": {"15-1": {"status": "done"}}},
        {"unit": "区法院", "year": 2020, "tasks": {"15-1": {"status": "partial", "actions": []}}},
        {"unit": "区法院", "year": 2020, "tasks": {"15-1": {"status": "not_applicable", "reason": " "}}},
    ]
    for document in bad:
        assert list(_violations(schema, schema, document, "bad")), document


_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}
_KNOWN = {
    "$schema",
    "$defs",
    "$ref",
    "title",
    "description",
    "default",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "anyOf",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "format",
    "propertyNames",
    "pattern",
    "minItems",
    "allOf",
    "if",
    "then",
}


def _violations(root: dict[str, Any], schema: dict[str, Any], value: Any, where: str) -> Iterator[str]:
    """The subset of JSON Schema 2020-12 the report schema uses; an unknown keyword is itself a failure."""
    unknown = set(schema) - _KNOWN
    if unknown:
        yield f"{where}: keywords this check does not know: {sorted(unknown)}"
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        yield from _violations(root, target, value, where)
    for part in schema.get("allOf", []):
        yield from _violations(root, part, value, where)
    if "then" in schema and not list(_violations(root, schema.get("if", {}), value, where)):
        yield from _violations(root, schema["then"], value, where)
    if "anyOf" in schema and all(list(_violations(root, option, value, where)) for option in schema["anyOf"]):
        yield f"{where}: matches none of anyOf"
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[name](value) for name in types):
            yield f"{where}: not {types}"
            return
    if "enum" in schema and value not in schema["enum"]:
        yield f"{where}: not one of {schema['enum']}"
    if "const" in schema and value != schema["const"]:
        yield f"{where}: not {schema['const']}"
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            yield f"{where}: too short"
        if "pattern" in schema and not re.search(schema["pattern"], value):
            yield f"{where}: does not match {schema['pattern']}"
        if schema.get("format") == "date":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                yield f"{where}: not a date"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            yield f"{where}: below {schema['minimum']}"
        if "maximum" in schema and value > schema["maximum"]:
            yield f"{where}: above {schema['maximum']}"
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            yield f"{where}: too few items"
        for index, item in enumerate(value):
            if "items" in schema:
                yield from _violations(root, schema["items"], item, f"{where}[{index}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                yield f"{where}: {name} missing"
        for key, item in value.items():
            if "propertyNames" in schema:
                yield from _violations(root, schema["propertyNames"], key, f"{where} key {key}")
            if key in properties:
                yield from _violations(root, properties[key], item, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                yield f"{where}: {key} not allowed"
            elif isinstance(schema.get("additionalProperties"), dict):
                yield from _violations(root, schema["additionalProperties"], item, f"{where}.{key}")


# No traceback, whatever the input ------------------------------------------------------------


@pytest.mark.parametrize("args", [["--format", "json"], ["--format", "markdown", "--lang", "en"], ["--complete"], []])
def test_every_fixture_at_once_without_a_traceback(args: list[str], run_cli: RunCli) -> None:
    result = run_cli(str(CASES), *args)
    assert result.exit_code == 2  # the unreadable fixtures are in there
    _no_traceback(result)
    if args[:2] == ["--format", "json"]:
        document = _json(result)
        # Every unit reports somewhere among the fixtures and every shared task is carried in
        # one of them, so the set kinds missing-report and unaddressed-shared-duty do not show.
        # The exemption kinds need their fixtures' own exemptions file (--exemptions).
        expected = set(KINDS) - {
            "requirement-unmet",
            "missing-report",
            "unaddressed-shared-duty",
            "exemption-expired",
            "exemption-unused",
        }
        assert {item["kind"] for item in document["findings"]} >= expected


@pytest.mark.parametrize(
    "args",
    [
        ["tasks"],
        ["tasks", "--unit", "区打假办", "--json"],
        ["tasks", "--unit", "没有这个单位"],
        ["units", "--json"],
        ["explain", "1-2"],
        ["explain", "99-9"],
        ["explain", "1.2", "--lang", "en"],
        ["rules"],
        ["template", ""],
        ["schema"],
        ["--help"],
        ["template", "--help"],
    ],
)
def test_other_commands_without_a_traceback(args: list[str], run_cli: RunCli) -> None:
    result = run_cli(*args)
    assert result.exit_code in (0, 2)
    _no_traceback(result)


def test_every_command_is_defined_in_the_module_the_group_imports_for_it() -> None:
    import importlib

    from ipr_rules.cli.app import COMMAND_MODULES, main

    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(f"ipr_rules.cli.{module}")
    assert set(main.commands) == set(COMMAND_MODULES)
    for name, command in main.commands.items():
        assert command.callback is not None
        assert command.callback.__module__ == f"ipr_rules.cli.{COMMAND_MODULES[name]}", name
