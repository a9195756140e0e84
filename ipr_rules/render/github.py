"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

`::error file=F,line=L,title=T::message` (warning and notice for the other severities). The
runner decodes %25, %0D and %0A in the message, and %3A and %2C too in properties, so report
text can neither end the command early nor start another one; control characters (terminal
escapes) are shown as visible escapes.
"""

from __future__ import annotations

from ipr_rules.findings import Finding
from ipr_rules.i18n import Lang
from ipr_rules.render.grouping import by_unit
from ipr_rules.render.safe_text import terminal
from ipr_rules.result import CheckResult
from ipr_rules.waiver import WaivedFinding

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal(escaped).encode("utf-8", "backslashreplace").decode("utf-8")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, lang: Lang) -> str:
    properties: list[tuple[str, str]] = []
    if finding.file:
        properties.append(("file", finding.file))
        if finding.line is not None:
            properties.append(("line", str(finding.line)))
    title = " ".join(part for part in ("ipr-check", finding.kind, finding.task) if part)
    properties.append(("title", title))
    unit = f"{finding.unit}{'：' if lang == 'zh' else ': '}" if finding.unit else ""
    rendered = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{COMMANDS[finding.severity]} {rendered}::{escape_data(unit + finding.text(lang))}"


def waived_annotation(item: WaivedFinding, lang: Lang) -> str:
    """A waived finding as a notice: shown, but never failing the job."""
    from ipr_rules.render.waived import MARK, exemption_text

    finding = item.finding
    properties: list[tuple[str, str]] = []
    if finding.file:
        properties.append(("file", finding.file))
        if finding.line is not None:
            properties.append(("line", str(finding.line)))
    title = " ".join(part for part in ("ipr-check", finding.kind, finding.task, f"({MARK.render(lang)})") if part)
    properties.append(("title", title))
    rendered = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    unit = f"{finding.unit}{'：' if lang == 'zh' else ': '}" if finding.unit else ""
    text = f"{unit}[{MARK.render(lang)}] {finding.text(lang)} — {exemption_text(item, lang)}"
    return f"::notice {rendered}::{escape_data(text)}"


def render(result: CheckResult, lang: Lang) -> str:
    lines = [annotation(finding, lang) for _, findings in by_unit(result) for finding in findings]
    lines += [waived_annotation(item, lang) for item in result.waived]
    return "\n".join(lines) + "\n" if lines else ""
