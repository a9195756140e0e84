"""`metrics`: the ruleset's metrics vocabulary, as a table or as JSON."""

from __future__ import annotations

from typing import Any

from ipr_rules.i18n import Lang, Text, join_names
from ipr_rules.model.ruleset import Ruleset

HEADERS = Text("编号|名称|计量单位|类型|别名", "id|label|unit|type|aliases")
TYPES = {"count": Text("计数（整数）", "count (whole)"), "amount": Text("金额/数量（可有小数）", "amount (decimal)")}
COUNT = Text("共 {count} 个指标", "{count} metric(s)")
NO_VOCABULARY = Text(
    "规则集的指标词表（metrics.yaml）不存在或没有指标：报告中的指标按原样使用，不检查名称和类型",
    "the ruleset's metrics vocabulary (metrics.yaml) is missing or empty: report metrics are taken as written",
)


def metrics_json(ruleset: Ruleset) -> list[dict[str, Any]]:
    vocabulary = ruleset.metrics
    return [
        {
            "id": metric.id,
            "label": metric.label,
            "unit": metric.unit,
            "type": metric.type,
            "aliases": list(metric.aliases),
            "description": metric.description,
        }
        for metric in (vocabulary.metrics if vocabulary is not None else ())
    ]


def metrics_table(ruleset: Ruleset, lang: Lang) -> str:
    from ipr_rules.views.tables import table

    vocabulary = ruleset.metrics
    if vocabulary is None:
        return NO_VOCABULARY.render(lang)
    rows = [
        [metric.id, metric.label, metric.unit, TYPES[metric.type].render(lang), join_names(list(metric.aliases), lang)]
        for metric in vocabulary.metrics
    ]
    body = table(HEADERS.render(lang).split("|"), rows, widths=[None, None, None, None, 40])
    return f"{body}\n{COUNT.render(lang, count=len(rows))}"
