"""The report format as JSON Schema, for editors that complete and check YAML as one types."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_NAME = "report.schema.json"
PACKAGED = Path(__file__).resolve().parent / SCHEMA_NAME


def report_schema() -> dict[str, Any]:
    from ipr_rules.model.report import Report

    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ipr-check 年度工作报告 / annual report"
    tasks = schema["properties"]["tasks"]
    tasks["propertyNames"] = {"pattern": "^[1-9][0-9]*-[1-9][0-9]*$"}
    tasks["description"] = '任务编号 → 完成情况，编号须加引号，如 "1-1" / task id (quoted, such as "1-1") → entry'
    return schema


def schema_text() -> str:
    return json.dumps(report_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def packaged_schema_uri() -> str:
    return PACKAGED.as_uri()
