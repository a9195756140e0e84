"""`--format json`: one object exactly as SPEC §5 fixes it, plus `coverage` beside `findings`."""

from __future__ import annotations

import json
from typing import Any

from ipr_rules.i18n import Lang
from ipr_rules.render.safe_text import json_text
from ipr_rules.result import CheckResult


def document(result: CheckResult, lang: Lang) -> dict[str, Any]:
    ruleset = result.ruleset
    return {
        "ruleset": {"year": ruleset.year, "tasks": len(ruleset.tasks), "units": len(ruleset.registry.units)},
        "reports": [{"file": r.file, "unit": r.unit, "entries": r.entries} for r in result.reports],
        "findings": [finding.record(lang) for finding in result.findings],
        "summary": result.summary,
        "coverage": result.coverage.record(),
    }


def render(result: CheckResult, lang: Lang) -> str:
    # Controls, bidirectional marks and lone surrogates in report text become \u escapes:
    # the same JSON value, valid UTF-8, and inert on a terminal that shows it.
    return json_text(json.dumps(document(result, lang), ensure_ascii=False, indent=2)) + "\n"
