"""`--format html`: the gap report as one self-contained page to read, print and forward.

Inline CSS only: no script, font or image from anywhere, and a content security policy that
forbids loading any. Every piece of report text is escaped (see `html_kit.esc`). Printed, it
is A4: the matrix on a landscape page, each unit on a page of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.findings import SEVERITIES
from ipr_rules.i18n import ROLE_LABELS, SEVERITY_LABELS, Lang, Text, join_names
from ipr_rules.render.html_kit import esc, unit_anchor, where
from ipr_rules.render.html_matrix import render_legend, render_matrix, render_task_notes
from ipr_rules.render.html_style import stylesheet
from ipr_rules.render.html_units import ROWS_PER_PIECE, render_units
from ipr_rules.render.html_work import STYLE as WORK_STYLE
from ipr_rules.render.html_work import render_totals, render_work
from ipr_rules.render.labels import kind_label
from ipr_rules.render.states import look_of
from ipr_rules.render.summary import Summary, summarize
from ipr_rules.result import CheckResult

TITLE = Text("{year} 年打击侵权假冒工作年度报告核查结果", "Check of the {year} annual reports on IP protection")
CHECKED = Text("检查范围", "What was checked")
RULESET = Text("规则集", "Ruleset")
RULESET_VALUE = Text(
    "{title}（{year} 年，{tasks} 项任务，{units} 个成员单位）", "{title} ({year}; {tasks} tasks, {units} member units)"
)
INPUTS = Text("输入", "Inputs")
FILES = Text("文件与报告", "Files and reports")
FILES_VALUE = Text(
    "{files} 个文件，{reports} 份报告，{unreadable} 个文件无法读取",
    "{files} file(s), {reports} report(s), {unreadable} unreadable file(s)",
)
TIME = Text("检查时间", "Checked at")
SCOPE = Text("检查方式", "Scope")
SET_ON = Text(
    "全区集合检查（含缺交报告、无人承担的共同任务）", "the whole set (missing reports, shared duties nobody carried)"
)
SET_OFF = Text("单位自查（未做全区集合检查）", "per unit only (the set checks did not run)")
SUMMARY = Text("汇总", "Summary")
UNITS_REPORTED = Text("提交报告的单位", "units that reported")
RATE = Text("应承担任务的承担率", "share of duties carried")
RATE_DETAIL = Text("{carried} / {obligations} 项次", "{carried} of {obligations}")
TASKS_CARRIED = Text("有单位承担的任务", "tasks carried by some unit")
KIND_HEADERS = (Text("问题类型", "kind"), Text("级别", "severity"), Text("数量", "count"))
NO_FINDINGS = Text("未发现问题。", "No findings.")
WAIVED = Text("已豁免", "waived")
MATRIX = Text("任务覆盖矩阵", "Coverage matrix")
MATRIX_NOTE = Text(
    "悬停在任务编号上可看到事项名称，悬停在格子上可看到单位、分工和报告状态；打印时见表下的任务编号说明。",
    "Hover over a task id for its item, over a cell for the unit, role and status; on paper, see the key below.",
)
UNCARRIED = Text("无人承担的共同任务", "Shared duties nobody carried")
UNCARRIED_HEADERS = (
    Text("任务", "task"),
    Text("事项", "item"),
    Text("责任单位（分工 · 报告状态）", "units (role · reported)"),
    Text("开放任务", "open"),
)
WRONG = Text("填报了非本单位任务的条目", "Entries for other units' tasks")
WRONG_HEADERS = (
    Text("填报单位", "reporting unit"),
    Text("任务", "task"),
    Text("该任务的责任单位", "the task's units"),
    Text("说明", "message"),
    Text("位置", "where"),
)
NONE = Text("无。", "None.")
YES_NO = {True: Text("是", "yes"), False: Text("否", "no")}
GENERATED = Text("由 ipr-check {version} 于 {time} 生成。", "Made by ipr-check {version} at {time}.")
# Nothing may load: no script, no font, no image, no frame; inline styles only.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def render(result: CheckResult, lang: Lang, *, banner: str = "") -> Iterator[str]:
    """The page in pieces, the findings unit by unit: never the whole document at once.
    `banner` is trusted markup placed above the header (the self-check page's links)."""
    title = TITLE.render(lang, year=result.ruleset.year)
    summary = summarize(result)
    head = (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{stylesheet()}{WORK_STYLE}</style>\n</head>\n<body>\n<main>\n{banner}"
    )
    subtitle = f'<p class="subtitle">{esc(result.ruleset.plan.title)}</p>'
    yield _encodable(f"{head}<header>\n<h1>{esc(title)}</h1>\n{subtitle}\n")
    for part in _sections(result, summary, lang):
        yield _encodable(part + "\n")
    for part in render_work(summary, lang):
        yield _encodable(part)
    for part in render_units(result, lang):
        yield _encodable(part)
    footer = f"<footer>{esc(GENERATED.render(lang, version=_version(), time=summary.headline.checked_at))}</footer>"
    yield _encodable(footer + "\n</main>\n</body>\n</html>\n")


def _sections(result: CheckResult, summary: Summary, lang: Lang) -> Iterator[str]:
    """The page's first part, a line block at a time: it is never whole in memory."""
    yield _checked(result, summary, lang)
    yield "</header>"
    yield _summary(summary, lang)
    yield render_totals(summary, lang)
    yield _matrix(result, lang)
    yield _uncarried(result, lang)
    yield from _wrong_unit(result, lang)
    yield _waived(result, lang)


def _encodable(text: str) -> str:
    """A lone surrogate (from a file name that is not UTF-8) becomes a visible escape."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _checked(result: CheckResult, summary: Summary, lang: Lang) -> str:
    ruleset = result.ruleset
    rows = [
        (
            RULESET,
            RULESET_VALUE.render(
                lang,
                title=ruleset.plan.title,
                year=ruleset.year,
                tasks=len(ruleset.tasks),
                units=len(ruleset.registry.units),
            ),
        ),
        (INPUTS, join_names(result.inputs, lang)),
        (
            FILES,
            FILES_VALUE.render(lang, files=result.files, reports=len(result.reports), unreadable=result.unreadable),
        ),
        (TIME, summary.headline.checked_at),
        (SCOPE, (SET_ON if result.set_checks else SET_OFF).render(lang)),
    ]
    items = "".join(f"<dt>{esc(label.render(lang))}</dt><dd>{esc(value)}</dd>" for label, value in rows)
    return (
        f'<section class="checked" aria-label="{esc(CHECKED.render(lang))}"><dl class="checked">{items}</dl></section>'
    )


def _summary(summary: Summary, lang: Lang) -> str:
    headline = summary.headline
    cards: list[tuple[str, str, str, str]] = [
        (severity, str(headline.counts[severity]), SEVERITY_LABELS[severity].render(lang), "")
        for severity in SEVERITIES
    ]
    if headline.counts.get("waived"):
        cards.append(("waived", str(headline.counts["waived"]), WAIVED.render(lang), ""))
    if headline.set_checks:
        overall = headline.overall
        rate = f"{overall.rate:.1%}" if overall.rate is not None else "–"
        cards += [
            ("units", f"{headline.units_reported} / {headline.units_named}", UNITS_REPORTED.render(lang), ""),
            (
                "rate",
                rate,
                RATE.render(lang),
                RATE_DETAIL.render(lang, carried=overall.carried, obligations=overall.obligations),
            ),
            ("tasks", f"{headline.tasks_carried} / {headline.tasks}", TASKS_CARRIED.render(lang), ""),
        ]
    html = [f'<section class="summary" id="summary"><h2>{esc(SUMMARY.render(lang))}</h2><div class="figures">']
    for key, value, label, detail in cards:
        zero = " zero" if value == "0" else ""
        extra = f' <span class="muted">{esc(detail)}</span>' if detail else ""
        html.append(
            f'<div class="figure {key}{zero}"><span class="value">{esc(value)}</span>'
            f'<span class="label">{esc(label)}{extra}</span></div>'
        )
    html.append("</div>")
    html.append(_kinds(summary, lang))
    html.append("</section>")
    return "\n".join(html)


def _kinds(summary: Summary, lang: Lang) -> str:
    if not summary.kinds:
        return f'<p class="none">{esc(NO_FINDINGS.render(lang))}</p>'
    classes = ("", "", ' class="num"')
    head = "".join(f"<th{cls}>{esc(h.render(lang))}</th>" for cls, h in zip(classes, KIND_HEADERS, strict=True))
    rows = []
    for count in summary.kinds:
        severity = count.severity
        rows.append(
            f'<tr><td>{esc(kind_label(count.kind, lang))}<span class="kind">{esc(count.kind)}</span></td>'
            f'<td class="sev sev-{esc(severity)}">{esc(SEVERITY_LABELS[severity].render(lang))}</td>'
            f'<td class="num">{count.count}</td></tr>'
        )
    return f'<table class="list kinds"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _matrix(result: CheckResult, lang: Lang) -> str:
    return "\n".join(
        [
            f'<section class="matrix" id="matrix"><h2>{esc(MATRIX.render(lang))}</h2>',
            f'<p class="muted">{esc(MATRIX_NOTE.render(lang))}</p>',
            render_legend(lang),
            render_matrix(result, lang),
            render_task_notes(result, lang),
            "</section>",
        ]
    )


def _table(headers: tuple[Text, ...], rows: list[str], lang: Lang) -> str:
    return _table_head(headers, lang) + "\n" + "\n".join(rows) + "\n</tbody></table>"


def _table_head(headers: tuple[Text, ...], lang: Lang) -> str:
    head = "".join(f"<th>{esc(header.render(lang))}</th>" for header in headers)
    return f'<table class="list"><thead><tr>{head}</tr></thead><tbody>'


def _uncarried(result: CheckResult, lang: Lang) -> str:
    heading = f'<section class="uncarried" id="uncarried"><h2>{esc(UNCARRIED.render(lang))}</h2>'
    rows = []
    for finding in (f for f in result.findings if f.kind == "unaddressed-shared-duty"):
        task = result.ruleset.task(finding.task or "")
        if task is None:
            continue
        owners = []
        for assignee in task.assignees:
            look = look_of(result.coverage.cell(assignee.unit, task.id))
            state = f'<span class="swatch s-{look.key}">{esc(look.glyph)}</span>'
            role = ROLE_LABELS[assignee.role].render(lang)
            detail = f"{role} · {look.label.render(lang)}"
            owners.append(
                f"{state}{esc(assignee.unit)}" + (f"（{esc(detail)}）" if lang == "zh" else f" ({esc(detail)})")
            )
        rows.append(
            f'<tr><td class="nowrap">{esc(task.id)}</td><td>{esc(task.item_title)}</td><td>{"<br>".join(owners)}</td>'
            f"<td>{esc(YES_NO[task.open].render(lang))}</td></tr>"
        )
    if not rows:
        return f'{heading}<p class="none">{esc(NONE.render(lang))}</p></section>'
    return f"{heading}{_table(UNCARRIED_HEADERS, rows, lang)}</section>"


def _wrong_unit(result: CheckResult, lang: Lang) -> Iterator[str]:
    """The section as lines, the rows a block at a time: a large run has thousands of them."""
    heading = f'<section class="wrong-unit" id="wrong-unit"><h2>{esc(WRONG.render(lang))}</h2>'
    rows: list[str] = []
    opened = False
    for finding in (f for f in result.findings if f.kind == "wrong-unit"):
        task = result.ruleset.task(finding.task or "")
        owners = join_names(task.units, lang) if task else ""
        unit = finding.unit or ""
        anchor = unit_anchor(result.coverage.units, unit)
        rows.append(
            f'<tr><td><a href="#{anchor}">{esc(unit)}</a></td><td class="nowrap">{esc(finding.task or "")}</td>'
            f'<td>{esc(owners)}</td><td>{esc(finding.text(lang))}</td><td class="loc">{where(finding)}</td></tr>'
        )
        if len(rows) == ROWS_PER_PIECE:
            if not opened:
                yield heading + _table_head(WRONG_HEADERS, lang)
                opened = True
            yield "\n".join(rows)
            rows = []
    if not opened and not rows:
        yield f'{heading}<p class="none">{esc(NONE.render(lang))}</p></section>'
        return
    if not opened:
        yield heading + _table_head(WRONG_HEADERS, lang)
    if rows:
        yield "\n".join(rows)
    yield "</tbody></table></section>"


def _waived(result: CheckResult, lang: Lang) -> str:
    """The findings office exemptions covered, each with the exemption's reason, approver and document."""
    from ipr_rules.render.waived import HEADERS, HEADING, exemption_text

    heading = f'<section class="waived" id="waived"><h2>{esc(HEADING.render(lang))}</h2>'
    rows = [
        f'<tr><td>{esc(item.finding.unit or "")}</td><td class="nowrap">{esc(item.finding.task or "")}</td>'
        f'<td>{esc(kind_label(item.finding.kind, lang))}<span class="kind">{esc(item.finding.kind)}</span></td>'
        f"<td>{esc(item.finding.text(lang))}</td><td>{esc(exemption_text(item, lang))}</td>"
        f'<td class="loc">{where(item.finding)}</td></tr>'
        for item in result.waived
    ]
    if not rows:
        return f'{heading}<p class="none">{esc(NONE.render(lang))}</p></section>'
    return f"{heading}{_table(HEADERS, rows, lang)}</section>"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ipr-check")
    except PackageNotFoundError:
        return "dev"
