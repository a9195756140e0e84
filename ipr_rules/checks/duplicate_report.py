"""`duplicate-report`: two reports in the set for one unit (after resolving aliases)."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import SetContext
from ipr_rules.file_names import kept_file
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Text

KIND = "duplicate-report"
SEVERITY: Severity = "error"
SCOPE = "set"
STAGE = "set"
# The kind's short name in documents.
LABEL = Text("重复提交", "duplicate report")
DESCRIPTION = Text(
    "同一单位在本次检查中有两份或以上报告（别名视为同一单位，如“区打假办”与“区打击侵权假冒工作领导小组办公室”）。"
    "各报告的条目合并后检查；请确认哪一份是正式提交的版本。",
    "One unit has two or more reports in the set (aliases count as the unit itself). Their entries are checked "
    "together; settle which one is the submission.",
)
PASSING = """\
unit: 区法院
year: 2020
tasks: {}
---
unit: 区检察院
year: 2020
tasks: {}
"""
FAILING = """\
unit: 区法院
year: 2020
tasks: {}
---
unit: 区检察院
year: 2020
tasks: {}
---
unit: 昆明市官渡区人民法院
year: 2020
tasks: {}
"""
DUPLICATE = Text(
    "“{unit}”的第 {number} 份报告（第一份在 {first_file}:{first_line}），各份报告的条目将合并检查",
    "report {number} of '{unit}' (the first is at {first_file}:{first_line}); the reports' entries are checked together",
)


def check(ctx: SetContext) -> Iterator[Finding]:
    if not ctx.set_checks:
        return
    for unit in ctx.ruleset.registry.units:
        refs = ctx.state.reports.get(unit.name, [])
        if len(refs) < 2:
            continue
        first_file = refs[0].file  # one text for all of the unit's findings
        for number, ref in enumerate(refs[1:], start=2):
            yield finding(
                KIND,
                SEVERITY,
                DUPLICATE,
                unit.name,
                None,
                kept_file(ref),  # the report's file as its line keeps it, not a copy of its text
                ref.unit_line or ref.line,
                unit=unit.name,
                number=number,
                first_file=first_file,
                first_line=refs[0].line,
            )
