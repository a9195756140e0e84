"""`-o 年度总结.docx`: a Word draft of the district's annual summary, laid out as a 公文.

The title; an opening paragraph with the year's figures; the plan's sections (一、…) and items
(（一）…) as headings, under each item what every carrying unit reported doing, attributed by
name; the district's totals as a table; and the gaps still open (reports missing, duties nobody
carried, duties not done). It is a draft for the office to edit, not a finished document. The
layout is in `docx_kit`; the figures come from the summary model like every other output.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from ipr_rules.i18n import Lang, Text
from ipr_rules.render import docx_kit as kit
from ipr_rules.render import narrative
from ipr_rules.render.safe_text import reveal
from ipr_rules.render.summary import Gap, Summary, TaskWork, UnitWork, summarize
from ipr_rules.result import CheckResult
from ipr_rules.ruleset.plan_text import numeral_text

TITLE = Text(
    "{year}年打击侵权假冒工作总结", "Annual summary of the {year} work against IP infringement and counterfeiting"
)
DRAFT = Text("（草稿，据各成员单位年度报告汇总，{date}）", "(draft from the member units' reports, {date})")
OPENING = Text(
    "根据《{plan}》，全区{named}个成员单位中有{reported}个报送了年度报告。对照工作要点{tasks}项任务，"
    "{tasks_carried}项有单位报告开展；各单位应承担{obligations}项次，已承担{carried}项次（{rate}）。现将全年工作总结如下。",
    "Under the plan '{plan}', {reported} of the district's {named} member units submitted a report. Of the plan's "
    "{tasks} tasks, {tasks_carried} were carried by some unit; of {obligations} duties, {carried} were carried ({rate}).",
)
NOBODY = Text("任务{task}：暂无单位报告开展情况。", "task {task}: no unit reported carrying it.")
TOTALS_HEADING = Text("全年主要工作数据", "The year's figures")
TOTALS_OPENING = Text(
    "据各成员单位报送的全年数字，全区{figures}。", "By the units' own figures for the year: {figures}."
)
NO_TOTALS = Text("各成员单位未报送全年数字。", "No unit gave its own figures for the year.")
GAPS_HEADING = Text("存在的问题和不足", "Gaps still open")
NO_GAPS = Text("未发现未完成的任务或未报送的报告。", "No duty left undone and no report missing.")
GAP_TEXTS: dict[str, Text] = {
    "missing-report": Text("未报送年度报告的单位：{items}。", "units that submitted no report: {items}."),
    "unaddressed-shared-duty": Text("无单位承担的共同任务：{items}。", "shared duties nobody carried: {items}."),
    "missing-task": Text("报告中缺少的任务：{items}。", "duties missing from the reports: {items}."),
    "task-not-started": Text("未开展的任务：{items}。", "duties not started: {items}."),
    "task-partial": Text("仅部分完成的任务：{items}。", "duties only partly done: {items}."),
}
OUTPUT = Text("形成《{title}》{when}。", "produced '{title}'{when}.")
CAMPAIGN = Text("参加“{names}”专项行动。", "took part in the campaign(s) {names}.")
TABLE_HEADERS = (Text("序号", "no."), *narrative.TOTALS_HEADERS)


def render(result: CheckResult, lang: Lang) -> bytes:
    import docx

    summary = summarize(result)
    moment = _moment(result.checked_at)
    document = docx.Document()
    _styles(document)
    kit.page_setup(document)
    kit.record_fallbacks(document)
    title = TITLE.render(lang, year=result.ruleset.year)
    kit.set_properties(document, title, moment)
    document.add_paragraph(_safe(title), style="Title")
    day = moment.date().isoformat()  # the local date of the check
    document.add_paragraph(DRAFT.render(lang, date=_date(day) if lang == "zh" else day), style="Subtitle")
    document.add_paragraph("", style="Normal")
    document.add_paragraph(_safe(_opening(result, summary, lang)), style="Normal")
    number = 0
    for section in result.ruleset.plan.sections:
        number = section.number
        document.add_heading(_safe(_numbered(number, section.title, lang)), level=1)
        for item in result.ruleset.plan.items:
            if item.section == section.number:
                document.add_heading(_safe(_item_heading(item.number, item.title, lang)), level=2)
                for task_work in summary.work:
                    if task_work.task.item == item.number:
                        _task(document, task_work, summary, lang)
    document.add_heading(_numbered(number + 1, TOTALS_HEADING.render(lang), lang), level=1)
    _totals(document, summary, lang)
    document.add_heading(_numbered(number + 2, GAPS_HEADING.render(lang), lang), level=1)
    _gaps(document, summary, result, lang)
    return kit.packaged(document, moment)


def _safe(text: str) -> str:
    """Report text as XML can hold it: control, bidirectional and invisible characters and lone
    surrogates shown as visible escapes (`\\x1b`), never written raw."""
    return reveal(text).replace("\t", " ")


def _moment(checked_at: str) -> datetime:
    try:
        moment = datetime.fromisoformat(checked_at)
    except ValueError:
        return kit.EPOCH_FLOOR
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _styles(document: Any) -> None:
    styles = document.styles
    for name, font, size, options in (
        ("Normal", kit.BODY_FONT, kit.SIZE_3, {}),
        ("Title", kit.TITLE_FONT, kit.SIZE_2, {"center": True, "indent": False, "line": 36.0}),
        ("Subtitle", kit.SUBHEADING_FONT, kit.SIZE_SMALL_4 + 2, {"center": True, "indent": False}),
        ("Heading 1", kit.HEADING_FONT, kit.SIZE_3, {}),
        ("Heading 2", kit.SUBHEADING_FONT, kit.SIZE_3, {}),
    ):
        style = styles[name]
        kit.set_font(style, font, size)
        kit.paragraph_format(style, **options)
        style.paragraph_format.keep_with_next = name.startswith("Heading")
        # The default template's title has a rule under it and headings have spacing: none here.
        properties = style.element.pPr
        if properties is not None:
            for border in properties.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"):
                properties.remove(border)


def _numbered(number: int, title: str, lang: Lang) -> str:
    return f"{numeral_text(number)}、{title}" if lang == "zh" else f"{number}. {title}"


def _item_heading(number: int, title: str, lang: Lang) -> str:
    return f"（{numeral_text(number)}）{title}" if lang == "zh" else f"({number}) {title}"


def _opening(result: CheckResult, summary: Summary, lang: Lang) -> str:
    headline = summary.headline
    rate = f"{headline.rate:.1%}" if headline.rate is not None else "–"
    return OPENING.render(
        lang,
        plan=result.ruleset.plan.title,
        named=headline.units_named,
        reported=headline.units_reported,
        tasks=headline.tasks,
        tasks_carried=headline.tasks_carried,
        obligations=headline.overall.obligations,
        carried=headline.overall.carried,
        rate=rate,
    )


def _task(document: Any, task_work: TaskWork, summary: Summary, lang: Lang) -> None:
    if not task_work.units:
        if summary.headline.set_checks:
            document.add_paragraph(NOBODY.render(lang, task=task_work.task.id), style="Normal")
        return
    for unit in task_work.units:
        paragraph = document.add_paragraph(style="Normal")
        name = paragraph.add_run(_safe(f"{unit.unit}：" if lang == "zh" else f"{unit.unit}: "))
        kit.set_font(name, kit.SUBHEADING_FONT, kit.SIZE_3, bold=True)
        paragraph.add_run(_safe(_said(unit, lang)))


def _said(unit: UnitWork, lang: Lang) -> str:
    """The unit's actions as sentences, then its outputs with their dates and its campaigns."""
    sentences = [_sentence(action, lang) for work in unit.work for action in work.actions]
    for work in unit.work:
        for title, date, _ in work.outputs:
            when = f"（{_date(date)}）" if date and lang == "zh" else f" ({date})" if date else ""
            sentences.append(OUTPUT.render(lang, title=title, when=when))
    said = "".join(sentences)
    campaigns = [name for work in unit.work for name in work.campaigns if name not in said]
    if campaigns:
        sentences.append(CAMPAIGN.render(lang, names="”“".join(dict.fromkeys(campaigns))))
    return ("" if lang == "zh" else " ").join(sentences)


def _sentence(text: str, lang: Lang) -> str:
    text = text.strip()
    return text if text.endswith(("。", "！", "？", ".", "；")) else text + ("。" if lang == "zh" else ".")


def _date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{year}年{int(month)}月{int(day)}日"


def _totals(document: Any, summary: Summary, lang: Lang) -> None:
    if not summary.totals:
        document.add_paragraph(NO_TOTALS.render(lang), style="Normal")
        return
    joiner = "，" if lang == "zh" else ", "
    figures = joiner.join(
        f"{total.label}{narrative.figure(total.total)}{total.unit}"
        if lang == "zh"
        else f"{total.label} {narrative.figure(total.total)} {total.unit}"
        for total in summary.totals
    )
    document.add_paragraph(_safe(TOTALS_OPENING.render(lang, figures=figures)), style="Normal")
    table = document.add_table(rows=1, cols=len(TABLE_HEADERS))
    table.style = "Table Grid"
    table.autofit = False
    for cell, header in zip(table.rows[0].cells, TABLE_HEADERS, strict=True):
        _cell(cell, header.render(lang), "center", bold=True)
    for index, total in enumerate(summary.totals, start=1):
        values = (str(index), total.label, total.unit, narrative.figure(total.total), narrative.by_unit(total, lang))
        aligns = ("center", "left", "center", "right", "left")
        for cell, value, align in zip(table.add_row().cells, values, aligns, strict=True):
            _cell(cell, value, align)
    kit.column_widths(table, (14, 34, 22, 26, 60))  # mm: the type area's 156


def _cell(cell: Any, text: str, align: str, *, bold: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    layout = paragraph.paragraph_format
    layout.first_line_indent = Pt(0)
    layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
    layout.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(
        align, WD_ALIGN_PARAGRAPH.CENTER
    )
    run = paragraph.add_run(_safe(text))
    kit.set_font(run, kit.HEADING_FONT if bold else kit.BODY_FONT, kit.SIZE_SMALL_4)


def _gaps(document: Any, summary: Summary, result: CheckResult, lang: Lang) -> None:
    grouped: dict[str, list[Gap]] = {}
    for gap in summary.gaps:
        grouped.setdefault(gap.kind, []).append(gap)
    if not grouped:
        document.add_paragraph(NO_GAPS.render(lang), style="Normal")
        return
    joiner = "；" if lang == "zh" else "; "
    for kind, gaps in grouped.items():
        items = joiner.join(_gap(gap, result, lang) for gap in gaps)
        document.add_paragraph(_safe(GAP_TEXTS[kind].render(lang, items=items)), style="Normal")


def _gap(gap: Gap, result: CheckResult, lang: Lang) -> str:
    task = result.ruleset.task(gap.task) if gap.task else None
    described = (
        (f"{task.id}（{task.item_title}）" if lang == "zh" else f"{task.id} ({task.item_title})") if task else ""
    )
    if gap.unit and described:
        return f"{gap.unit} {described}"
    return gap.unit or described
