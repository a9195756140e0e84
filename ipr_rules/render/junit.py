"""`--format junit`: JUnit XML so CI servers list each unit's duties as tests.

One test suite per unit; in it one test case per task the unit is named on (its obligation),
failing when an error finding concerns that unit and task, skipped when an office exemption
waived it. A finding that belongs to no
obligation (an unreadable file, a missing or duplicate report, an unknown unit or task, an entry
for another unit's task, a shared duty nobody carried) becomes a test case of its own, so every
finding appears. Warnings and notes go to the test case's output without failing it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from ipr_rules.findings import Finding
from ipr_rules.i18n import ROLE_LABELS, SEVERITY_LABELS, Lang, Text
from ipr_rules.render.grouping import sort_findings, unit_order
from ipr_rules.render.safe_text import one_line, terminal
from ipr_rules.result import CheckResult

OTHER = Text("其他", "other")
NO_REPORT = Text("未提交报告，无法检查", "no report submitted: nothing to check")
CASE = Text("{task} {title}（{role}）", "{task} {title} ({role})")
# Characters XML 1.0 cannot hold even escaped; `terminal` has made the controls visible already.
_NOT_XML = re.compile("[\ufffe\uffff]")


def xml_text(value: object) -> str:
    text = terminal(str(value)).encode("utf-8", "backslashreplace").decode("utf-8")
    return _NOT_XML.sub(lambda match: f"\\u{ord(match.group(0)):04x}", text)


@dataclass(slots=True)
class Case:
    """One JUnit test case: a report file and its failures."""

    name: str
    classname: str
    file: str | None = None
    line: int | None = None
    findings: list[Finding] = field(default_factory=list)
    skipped: str | None = None


def render(result: CheckResult, lang: Lang) -> str:
    suites = _suites(result, lang)
    root = ET.Element(
        "testsuites",
        {"name": f"ipr-check {result.ruleset.year}", "time": "0", "timestamp": xml_text(result.checked_at)},
    )
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for name, cases in suites:
        suite = ET.SubElement(
            root, "testsuite", {"name": xml_text(name), "time": "0", "timestamp": xml_text(result.checked_at)}
        )
        counts = {"tests": len(cases), "failures": 0, "errors": 0, "skipped": 0}
        for case in cases:
            failed, skipped = _case(suite, case, lang)
            counts["failures"] += failed
            counts["skipped"] += skipped
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suites(result: CheckResult, lang: Lang) -> list[tuple[str, list[Case]]]:
    coverage = result.coverage
    units = coverage.units if result.set_checks else tuple(u for u in coverage.units if u in coverage.reported)
    cases: dict[str | None, list[Case]] = {}
    by_key: dict[tuple[str, str], Case] = {}
    report_file = {report.unit: report.file for report in reversed(result.reports) if report.unit}
    for unit in units:
        for task_id in coverage.tasks:
            cell = coverage.cell(unit, task_id)
            task = result.ruleset.task(task_id)
            if cell.role is None or task is None:
                continue
            name = CASE.render(lang, task=task_id, title=task.item_title, role=ROLE_LABELS[cell.role].render(lang))
            case = Case(name, f"ipr-check.{unit}", report_file.get(unit))
            if cell.state == "no_report":
                case.skipped = NO_REPORT.render(lang)
            by_key[(unit, task_id)] = case
            cases.setdefault(unit, []).append(case)
    ordered = list(result.findings)
    sort_findings(ordered)
    for finding in ordered:
        found = by_key.get((finding.unit, finding.task)) if finding.unit and finding.task else None
        if found is None:
            group = finding.unit if finding.unit is not None else OTHER.render(lang)
            name = " ".join(part for part in (finding.kind, finding.task, finding.location) if part)
            found = Case(name, f"ipr-check.{group}", finding.file, finding.line)
            cases.setdefault(finding.unit, []).append(found)
        elif found.line is None and finding.line is not None:
            found.file, found.line = finding.file, finding.line
        found.findings.append(finding)
    _waived(result, lang, cases, by_key)
    order: list[str | None] = [unit for unit in units if unit in cases]
    order += [unit for unit in unit_order(result) if unit not in order and unit in cases]
    return [(unit if unit is not None else OTHER.render(lang), cases[unit]) for unit in order]


def _waived(
    result: CheckResult, lang: Lang, cases: dict[str | None, list[Case]], by_key: dict[tuple[str, str], Case]
) -> None:
    """A waived finding skips its obligation's test case (or one of its own), saying why."""
    from ipr_rules.render.waived import MARK, exemption_text

    for item in result.waived:
        finding = item.finding
        found = by_key.get((finding.unit, finding.task)) if finding.unit and finding.task else None
        if found is None:
            name = " ".join(part for part in (finding.kind, finding.task, finding.location) if part)
            found = Case(name, f"ipr-check.{finding.unit}", finding.file, finding.line)
            cases.setdefault(finding.unit, []).append(found)
        note = f"[{MARK.render(lang)}] {finding.kind}: {finding.text(lang)} — {exemption_text(item, lang)}"
        found.skipped = one_line(note if not found.skipped else f"{found.skipped}; {note}")


def _case(suite: ET.Element, case: Case, lang: Lang) -> tuple[int, int]:
    element = ET.SubElement(
        suite, "testcase", {"name": xml_text(case.name), "classname": xml_text(case.classname), "time": "0"}
    )
    if case.file:
        element.set("file", xml_text(case.file))
    if case.line is not None:
        element.set("line", str(case.line))
    errors = [f for f in case.findings if f.severity == "error"]
    others = [f for f in case.findings if f.severity != "error"]
    if errors:
        first = errors[0]
        failure = ET.SubElement(
            element, "failure", {"type": xml_text(first.kind), "message": xml_text(first.text(lang))}
        )
        failure.text = "\n".join(_line(f, lang) for f in errors)
    elif case.skipped:
        ET.SubElement(element, "skipped", {"message": xml_text(case.skipped)})
    if others:
        ET.SubElement(element, "system-out").text = "\n".join(_line(f, lang) for f in others)
    return bool(errors), bool(case.skipped and not errors)


def _line(finding: Finding, lang: Lang) -> str:
    where = f" {finding.location}" if finding.location else ""
    severity = SEVERITY_LABELS[finding.severity].render(lang)
    return xml_text(one_line(f"[{severity}] {finding.kind}{where}: {finding.text(lang)}"))
