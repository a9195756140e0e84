"""The self-check page's own HTML: the start page, the links above a result, error pages.

The result itself is the HTML report (`render.html`); these pages share its stylesheet and its
escaping, carry no script, and post their one form to this server only.
"""

from __future__ import annotations

from collections.abc import Callable

from ipr_rules.i18n import UNIT_KIND_LABELS, Lang, Text
from ipr_rules.model.ruleset import Ruleset, Unit
from ipr_rules.records import record
from ipr_rules.render.html_kit import esc
from ipr_rules.render.html_style import stylesheet
from ipr_rules.serve.templates import TEMPLATE_FORMATS

# Pages may show inline styles and post their form here; nothing else may load or run. The
# HTTP header adds what a <meta> policy cannot say: no page of this server inside a frame.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'"
HEADER_POLICY = f"{POLICY}; frame-ancestors 'none'"

TITLE = Text("{year} 年打击侵权假冒工作年度报告自查", "Self-check of the {year} annual report on IP protection")
STEPS = Text("怎样自查", "How to check your report")
STEP_1 = Text(
    "在下方“成员单位与报告模板”中找到本单位，下载报告模板（{formats}）。",
    "Find your unit under “Member units and templates” below and download its template ({formats}).",
)
STEP_2 = Text(
    "逐项填写：写明实际做了什么（时间、对象、数量、结果），不要照抄工作要点原文。",
    "Fill in every entry: what was actually done (when, what, how many, the result), not the plan's words.",
)
STEP_3 = Text(
    "选择本单位和填好的文件，点“检查”。结果页列出报告中的问题及其位置（文件名:行号），可下载 HTML 或 Excel 版本。",
    "Choose your unit and the filled-in file, then press “Check”. The result lists the findings with their "
    "place (file:line) and can be downloaded as HTML or Excel.",
)
NOT_KEPT = Text(
    "上传的文件只用于本次检查，不会保存。文件不超过 {limit} MB，格式为 {suffixes}。",
    "Uploaded files are used for this check only and are not kept. At most {limit} MB; {suffixes} files.",
)
KEPT = Text(
    "上传的文件将由区打假办保存。文件不超过 {limit} MB，格式为 {suffixes}。",
    "The office keeps uploaded files. At most {limit} MB; {suffixes} files.",
)
UPLOAD = Text("上传报告", "Upload a report")
UNIT_LABEL = Text("本单位", "Your unit")
CHOOSE_UNIT = Text("请选择本单位", "choose your unit")
FILE_LABEL = Text("报告文件", "Report file")
SUBMIT = Text("检查", "Check")
UNITS = Text("成员单位与报告模板", "Member units and templates")
UNIT_HEADERS = (Text("单位", "unit"), Text("任务", "duties"), Text("模板下载", "template"))
DUTY_COUNT = Text("{count} 项", "{count}")
BACK = Text("返回首页，检查另一份报告", "Back to the start page to check another report")
DOWNLOAD = Text("下载本结果：", "Download this result:")
DOWNLOAD_HTML = Text("网页（HTML）", "web page (HTML)")
DOWNLOAD_XLSX = Text("表格（Excel）", "spreadsheet (Excel)")
OTHER_UNIT = Text(
    "您选择的单位是“{chosen}”，但报告填写的单位是“{written}”，以下按报告填写的单位检查。",
    "You chose “{chosen}”, but the report is written for “{written}”; it was checked as written.",
)
KEPT_NOTE = Text("已保存上传的文件。", "The office has kept the uploaded file.")
NOT_KEPT_NOTE = Text(
    "上传的文件未能保存，请把文件另行报送区打假办。", "The upload could not be kept: send the file to the office."
)
ERROR_TITLE = Text("无法完成检查", "The check could not be done")
HOME = Text("返回首页", "Back to the start page")

_EXTRA_STYLE = """
nav.serve { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: baseline; margin: 0 0 18px;
  padding: 10px 14px; border: 1px solid var(--line); border-radius: 6px; background: var(--soft); }
nav.serve a { color: var(--info); }
p.serve-note { margin: 0 0 14px; padding: 8px 14px; border-left: 4px solid var(--warning); background: #fff7ed; }
form.upload { display: grid; grid-template-columns: max-content minmax(0, 28em); gap: 10px 14px; align-items: center; }
form.upload select, form.upload input, form.upload button { font: inherit; }
form.upload button { grid-column: 2; justify-self: start; padding: 4px 22px; }
ol.steps li { margin: 4px 0; }
table.templates { table-layout: fixed; }
table.templates th:nth-child(2) { width: 7em; }
table.templates th:nth-child(3) { width: 14em; }
table.templates a { margin-right: 12px; }
@media print { nav.serve { display: none; } }
"""


@record
class Links:
    """Where the page's links point (the application knows its own routes)."""

    check: str
    template: Callable[[Unit, str], str]


def _document(title: str, body: str, lang: Lang) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{stylesheet()}{_EXTRA_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _groups(ruleset: Ruleset) -> list[tuple[Text, list[Unit]]]:
    """Units grouped by kind, in the order of the kinds' labels, then any other kind."""
    groups: dict[str, list[Unit]] = {}
    for unit in ruleset.registry.units:
        groups.setdefault(unit.kind, []).append(unit)
    order = [kind for kind in UNIT_KIND_LABELS if kind in groups] + [k for k in groups if k not in UNIT_KIND_LABELS]
    return [(UNIT_KIND_LABELS.get(kind, Text(kind, kind)), groups[kind]) for kind in order]


def start_page(ruleset: Ruleset, links: Links, lang: Lang, *, limit: str, suffixes: tuple[str, ...], kept: bool) -> str:
    title = TITLE.render(lang, year=ruleset.year)
    formats = "、".join(f.label.render(lang) for f in TEMPLATE_FORMATS.values())
    shown_suffixes = " ".join(suffixes)
    steps = "".join(
        f"<li>{esc(step)}</li>"
        for step in (STEP_1.render(lang, formats=formats), STEP_2.render(lang), STEP_3.render(lang))
    )
    storage = (KEPT if kept else NOT_KEPT).render(lang, limit=limit, suffixes=shown_suffixes)
    options = []
    for label, units in _groups(ruleset):
        items = "".join(f'<option value="{esc(unit.name)}">{esc(unit.name)}</option>' for unit in units)
        options.append(f'<optgroup label="{esc(label.render(lang))}">{items}</optgroup>')
    body = [
        f"<header><h1>{esc(title)}</h1>",
        f'<p class="subtitle">{esc(ruleset.plan.title)}</p></header>',
        f'<section id="steps"><h2>{esc(STEPS.render(lang))}</h2><ol class="steps">{steps}</ol>',
        f'<p class="muted">{esc(storage)}</p></section>',
        f'<section id="upload"><h2>{esc(UPLOAD.render(lang))}</h2>',
        f'<form class="upload" method="post" action="{esc(links.check)}" enctype="multipart/form-data">',
        f'<label for="unit">{esc(UNIT_LABEL.render(lang))}</label>',
        f'<select id="unit" name="unit" required><option value="">{esc(CHOOSE_UNIT.render(lang))}</option>{"".join(options)}</select>',
        f'<label for="report">{esc(FILE_LABEL.render(lang))}</label>',
        f'<input id="report" name="report" type="file" required accept="{esc(",".join(suffixes))}">',
        f'<button type="submit">{esc(SUBMIT.render(lang))}</button></form></section>',
        f'<section id="units"><h2>{esc(UNITS.render(lang))}</h2>',
    ]
    for label, units in _groups(ruleset):
        body.append(f"<h3>{esc(label.render(lang))}</h3>")
        body.append(_unit_table(ruleset, units, links, lang))
    body.append("</section>")
    return _document(title, "\n".join(body), lang)


def _unit_table(ruleset: Ruleset, units: list[Unit], links: Links, lang: Lang) -> str:
    head = "".join(f"<th>{esc(header.render(lang))}</th>" for header in UNIT_HEADERS)
    rows = []
    for unit in units:
        duties = len(ruleset.tasks_of(unit.name))
        downloads = " ".join(
            f'<a href="{esc(links.template(unit, key))}" download>{esc(fmt.label.render(lang))}</a>'
            for key, fmt in TEMPLATE_FORMATS.items()
        )
        rows.append(
            f'<tr><td>{esc(unit.name)}<br><span class="muted">{esc(unit.full_name)}</span></td>'
            f'<td class="num">{esc(DUTY_COUNT.render(lang, count=duties))}</td><td>{downloads}</td></tr>'
        )
    return f'<table class="list templates"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def result_banner(home: str, downloads: dict[str, str], notes: list[str], lang: Lang) -> str:
    """The links above a result (back, downloads) and any notes about the upload."""
    labels = {"html": DOWNLOAD_HTML, "xlsx": DOWNLOAD_XLSX}
    links = " ".join(
        f'<a href="{esc(url)}" download>{esc(labels[key].render(lang))}</a>' for key, url in downloads.items()
    )
    parts = [
        f"<style>{_EXTRA_STYLE}</style>",
        f'<nav class="serve"><a href="{esc(home)}">← {esc(BACK.render(lang))}</a>',
        f"<span>{esc(DOWNLOAD.render(lang))}{links}</span></nav>",
    ]
    parts += [f'<p class="serve-note">{esc(note)}</p>' for note in notes]
    return "\n".join(parts) + "\n"


def error_page(status: int, message: str, home: str, lang: Lang) -> str:
    title = ERROR_TITLE.render(lang)
    body = (
        f"<header><h1>{esc(title)}</h1></header>\n"
        f'<p class="serve-note">{esc(message)}</p>\n'
        f'<p class="muted">HTTP {status}</p>\n'
        f'<nav class="serve"><a href="{esc(home)}">← {esc(HOME.render(lang))}</a></nav>'
    )
    return _document(title, body, lang)
