"""The report templates a unit can download: one row per format.

A format is a file suffix, a media type and a function that writes a unit's template; the
start page offers every row, so a new format (a workbook) is one more entry here.
"""

from __future__ import annotations

from collections.abc import Callable

from ipr_rules.i18n import Lang, Text
from ipr_rules.model.ruleset import Ruleset, Unit
from ipr_rules.records import record

# (ruleset, unit, language, where the report schema is served) -> the file's bytes
Builder = Callable[[Ruleset, Unit, Lang, str], bytes]


@record
class TemplateFormat:
    key: str
    label: Text
    suffix: str
    media_type: str
    build: Builder

    def file_name(self, unit: Unit) -> str:
        return f"{unit.name}{self.suffix}"


def _yaml(ruleset: Ruleset, unit: Unit, lang: Lang, schema_url: str) -> bytes:
    from ipr_rules.views.template import render_template

    return render_template(ruleset, unit, lang, schema_url).encode("utf-8")


def _xlsx(ruleset: Ruleset, unit: Unit, lang: Lang, schema_url: str) -> bytes:
    from ipr_rules.views.template import template_report
    from ipr_rules.workbook.writer import write_workbook

    return write_workbook(ruleset, template_report(ruleset, unit), lang)


TEMPLATE_FORMATS: dict[str, TemplateFormat] = {
    "xlsx": TemplateFormat(
        "xlsx",
        Text("Excel", "Excel"),
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _xlsx,
    ),
    "yaml": TemplateFormat("yaml", Text("YAML", "YAML"), ".yaml", "application/yaml; charset=utf-8", _yaml),
}
