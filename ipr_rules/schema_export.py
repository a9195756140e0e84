"""The report format as JSON Schema, for editors that complete and check YAML as one types."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_NAME = "report.schema.json"
PACKAGED = Path(__file__).resolve().parent / SCHEMA_NAME


TASK_ID = "^[1-9][0-9]*-[1-9][0-9]*$"
# Text that is more than spaces (the checker strips text before it asks for some).
SOME_TEXT = "\\S"
# The dates the checker reads: ISO, and as people write them (SPEC §7).
DATE = {
    "type": "string",
    "pattern": "^\\s*([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}\\s*年\\s*[0-9]{1,2}\\s*月\\s*[0-9]{1,2}\\s*日"
    "|[0-9]{4}([./])[0-9]{1,2}\\2[0-9]{1,2})\\s*$",
    "description": "日期，如 2020-07-10、2020年7月10日、2020.7.10 / a date such as 2020-07-10",
}
# Lists and mappings an entry may leave empty (`actions:` with nothing after it).
EMPTYABLE = ("actions", "campaigns", "outputs", "metrics", "evidence")
CONDITIONS = [
    {
        "if": {"properties": {"status": {"enum": ["done", "partial"]}}, "required": ["status"]},
        "then": {"required": ["actions"], "properties": {"actions": {"type": "array", "minItems": 1}}},
    },
    {
        "if": {"properties": {"status": {"const": "not_applicable"}}, "required": ["status"]},
        "then": {"required": ["reason"], "properties": {"reason": {"type": "string", "pattern": SOME_TEXT}}},
    },
]


def report_schema() -> dict[str, Any]:
    """The report model's schema, with what the model checks in code: conditions between fields
    (done/partial need actions, not_applicable a reason), task id patterns, text that is not
    only spaces, and the date forms the checker reads."""
    from ipr_rules.model.report import Report

    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ipr-check 年度工作报告 / annual report"
    tasks = schema["properties"]["tasks"]
    tasks["propertyNames"] = {"pattern": TASK_ID}
    tasks["description"] = '任务编号 → 完成情况，编号须加引号，如 "1-1" / task id (quoted, such as "1-1") → entry'
    metrics = _metrics_schema()
    schema["properties"]["metrics"] = {
        "anyOf": [metrics, {"type": "null"}],
        "description": "本单位全年数字，全区合计只加总这里的数字 / the unit's own figures for the year",
    }
    schema["$defs"]["Entry"]["properties"]["metrics"] = {
        **metrics,
        "description": "本任务的分项数字 / this task's share of the figures",
    }
    entry = schema["$defs"]["Entry"]
    for name in EMPTYABLE:
        field = entry["properties"][name]
        entry["properties"][name] = {
            "anyOf": [{key: value for key, value in field.items() if key != "title"}, {"type": "null"}]
        }
    entry["allOf"] = CONDITIONS
    _walk(schema)
    return schema


def _walk(node: Any) -> None:
    """Dates take the forms the checker reads; required text needs more than spaces."""
    if isinstance(node, list):
        for item in node:
            _walk(item)
        return
    if not isinstance(node, dict):
        return
    if node.get("format") == "date":
        node.pop("format")
        node.update(DATE)
    if node.get("type") == "string" and node.get("minLength") == 1:
        node["pattern"] = SOME_TEXT
    for value in node.values():
        _walk(value)


def _metrics_schema() -> dict[str, Any]:
    """Metrics by the bundled vocabulary's ids (for completion in editors); other keys, aliases
    and labels are numbers too: an unknown key is a warning of the checker, not a format error."""
    from ipr_rules.model.report import MAX_METRIC
    from ipr_rules.ruleset.loader import open_ruleset

    vocabulary = open_ruleset(None).metrics
    number = {"type": "number", "minimum": 0, "maximum": MAX_METRIC}
    properties = {
        metric.id: {
            **number,
            "type": "integer" if metric.type == "count" else "number",
            "description": f"{metric.label}（{metric.unit}）"
            + (f"；也可写作：{'、'.join(metric.aliases)}" if metric.aliases else ""),
        }
        for metric in (vocabulary.metrics if vocabulary is not None else ())
    }
    return {"type": "object", "properties": properties, "additionalProperties": number}


def schema_text() -> str:
    return json.dumps(report_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def packaged_schema_uri() -> str:
    return PACKAGED.as_uri()
