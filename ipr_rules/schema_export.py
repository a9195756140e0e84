"""The report format as JSON Schema, for editors that complete and check YAML as one types."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PACKAGED = Path(__file__).resolve().parent / "report.schema.json"


def report_schema() -> dict[str, Any]:
    from ipr_rules.model.report import Report

    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ipr-check 年度工作报告 / annual report"
    tasks = schema["properties"]["tasks"]
    tasks["propertyNames"] = {"pattern": "^[1-9][0-9]*-[1-9][0-9]*$"}
    tasks["description"] = '任务编号 → 完成情况，编号须加引号，如 "1-1" / task id (quoted, such as "1-1") → entry'
    metrics = _metrics_schema()
    schema["properties"]["metrics"] = {
        **metrics,
        "description": "本单位全年数字，全区合计只加总这里的数字 / the unit's own figures for the year",
    }
    schema["$defs"]["Entry"]["properties"]["metrics"] = {
        **metrics,
        "description": "本任务的分项数字 / this task's share of the figures",
    }
    return schema


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
