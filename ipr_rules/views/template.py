"""`template UNIT`: a report skeleton with every task that names the unit (SPEC §5).

Each task's text and the unit's role stand above its entry as comments; status is
`not_started`, so checking an unfilled template reports exactly the tasks not yet started.
Where the plan demands outputs, commented stubs show what to fill in.
"""

from __future__ import annotations

import json
import textwrap

from ipr_rules.i18n import ROLE_LABELS, Lang, Text
from ipr_rules.model.ruleset import Ruleset, Task, Unit
from ipr_rules.ruleset.numerals import plan_number

HEADER = Text(
    "# {unit} {year} 年打击侵权假冒工作年度报告\n"
    "# 由 ipr-check template 生成。逐项填写后用 `ipr-check 本文件` 自查，再提交。\n"
    "# status：done 已完成 | partial 部分完成 | not_started 未开展 | not_applicable 不适用\n"
    "# actions：写明实际做了什么（时间、对象、数量、结果），不要照抄要点原文；done 和 partial 必填。\n"
    "# campaigns：参加的专项行动；outputs：形成的文件、公开发布、标准、会议活动、调查\n"
    "#   （kind 取 publication | standard | regulation | event | survey | other）；\n"
    "# metrics：数字指标，键用指标词表的编号、别名或中文名称（计数为非负整数，金额可有小数）；\n"
    "#   顶层 metrics 填本单位全年数字（汇总到全区合计），各任务下的 metrics 填分项数字；\n"
    "# evidence：文号等佐证；reason：未完成或不适用的原因。\n"
    "# 首行的 $schema 指向同目录下的 report.schema.json，编辑器据此提示和检查格式；转发报告时请一并转发该文件\n"
    "#   （ipr-check template 单位 -o 目录/单位.yaml 会一并写出，也可用 ipr-check schema -o report.schema.json 生成）。\n",
    "# {unit}: {year} annual report on fighting IP infringement and counterfeiting\n"
    "# Written by ipr-check template. Fill in each entry, check it with `ipr-check THIS_FILE`, then submit.\n"
    "# status: done | partial | not_started | not_applicable\n"
    "# actions: what was actually done (when, what, how many, result), not the plan's words; needed for done/partial.\n"
    "# campaigns: campaigns taken part in; outputs: documents, publications, standards, events, surveys\n"
    "#   (kind: publication | standard | regulation | event | survey | other);\n"
    "# metrics: figures keyed by the vocabulary's id, alias or label (counts whole, amounts may have decimals);\n"
    "#   the top-level metrics are the unit's own figures for the year (added to the district's totals),\n"
    "#   a task's metrics its share; evidence: document numbers; reason: why not done.\n"
    "# The $schema line points to report.schema.json in the same folder, which editors use to check the format;\n"
    "#   send it along with the report (template -o DIR/UNIT.yaml writes it; so does ipr-check schema -o report.schema.json).\n",
)
TASK_HEADING = Text("# {id}【{role}】（{item}）{title}", "# {id} [{role}] (item {item}) {title}")
CAMPAIGNS = Text("# 专项行动：{names}", "# campaigns: {names}")
REQUIRED = Text("# 要求（{source}）：{description}", "# required ({source}): {description}")
STUB_HINT = Text(
    "# 请按实际填写以下产出并删去行首的 #：", "# fill in these outputs as they were and remove the leading #:"
)
# Characters per comment line: Chinese characters are two columns wide.
WIDTH = 38


def schema_line(schema_location: str) -> str:
    return f"# yaml-language-server: $schema={schema_location}\n"


def template_report(ruleset: Ruleset, unit: Unit) -> dict[str, object]:
    """The template as report data (for the workbook): every task of the unit, not started."""
    tasks = {task.id: {"status": "not_started"} for task in ruleset.tasks_of(unit.name)}
    return {"unit": unit.name, "year": ruleset.year, "tasks": tasks}


def render_template(ruleset: Ruleset, unit: Unit, lang: Lang, schema_location: str | None) -> str:
    parts = [schema_line(schema_location)] if schema_location else []
    parts.append(HEADER.render(lang, unit=unit.name, year=ruleset.year))
    parts.append(f"unit: {json.dumps(unit.name, ensure_ascii=False)}\n")
    parts.append(f"year: {ruleset.year}\n")
    parts.append("submitted: null  # 2020-12-20\n" if lang == "zh" else "submitted: null  # such as 2020-12-20\n")
    parts.append('contact: {name: "", phone: ""}\n')
    parts.append(_metrics(ruleset, lang))
    parts.append("tasks:\n")
    for task in ruleset.tasks_of(unit.name):
        parts.append(_entry(task, unit, lang, ruleset.year))
    return "".join(parts)


VOCABULARY = Text("# 指标词表（编号：名称，计量单位）：", "# the metrics vocabulary (id: label, unit):")


def _metrics(ruleset: Ruleset, lang: Lang) -> str:
    """The top-level figures, with the vocabulary listed above them as comments."""
    vocabulary = ruleset.metrics
    if not vocabulary:
        return "metrics: {}\n"
    items = [f"{metric.id}：{metric.label}（{metric.unit}）" for metric in vocabulary.metrics]
    lines = [VOCABULARY.render(lang)]
    line = "#  "
    for item in items:
        if len(line) + len(item) > 2 * WIDTH + 10:
            lines.append(line.rstrip("；"))
            line = "#  "
        line += f" {item}；"
    lines.append(line.rstrip("；"))
    return "\n".join(lines) + "\nmetrics: {}\n"


def _entry(task: Task, unit: Unit, lang: Lang, year: int) -> str:
    from ipr_rules.requirements.stubs import output_stubs

    role = ROLE_LABELS[task.role_of(unit.name) or "co"].render(lang)
    item = plan_number(task.item, lang)
    lines = ["", "  " + TASK_HEADING.render(lang, id=task.id, role=role, item=item, title=task.item_title)]
    lines += ["  # " + piece for piece in textwrap.wrap(task.text, WIDTH)]
    if task.campaigns:
        lines.append("  " + CAMPAIGNS.render(lang, names="、".join(task.campaigns)))
    stubs = []
    for requirement in task.requirements:
        if requirement.applies_to == "lead" and task.role_of(unit.name) != "lead":
            continue
        lines.append("  " + REQUIRED.render(lang, source=requirement.source, description=requirement.description))
        if requirement.kind != "campaign":
            stubs += output_stubs(requirement, year, lang)
    lines += [f'  "{task.id}":', "    status: not_started", "    actions: []", "    campaigns: []"]
    if stubs:
        lines += ["    outputs:", "    " + STUB_HINT.render(lang)]
        lines += [f"    # - {stub}" for stub in stubs]
    else:
        lines.append("    outputs: []")
    lines += ["    metrics: {}", "    evidence: []", '    reason: ""']
    return "\n".join(lines) + "\n"
