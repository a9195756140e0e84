"""`tasks`, `units` and `explain`: what the ruleset says, as tables, text or JSON (SPEC §5)."""

from __future__ import annotations

from typing import Any

from ipr_rules.i18n import ROLE_LABELS, UNIT_KIND_LABELS, YES_NO, Lang, Names, Text, join_names
from ipr_rules.model.ruleset import ROLES, Ruleset, Task, Unit
from ipr_rules.ruleset.numerals import plan_number, section_heading

TASK_HEADERS = Text("编号|事项|牵头|分工负责|负责|开放|专项行动", "id|item|lead|co-responsible|sole|open|campaigns")
UNIT_TASK_HEADERS = Text("编号|本单位职责|事项|任务内容", "id|role|item|task")
UNIT_HEADERS = Text("规范名称|类别|别名|牵头|分工负责|负责", "name|kind|aliases|lead|co|sole")
TASK_COUNT = Text("{year} 年度规则集，共 {count} 项任务", "{count} task(s) in the {year} ruleset")
UNIT_COUNT = Text("{year} 年度规则集，共 {count} 个成员单位", "{count} unit(s) in the {year} ruleset")


def task_record(ruleset: Ruleset, task: Task) -> dict[str, Any]:
    """A task as SPEC §5 lists it in `tasks --json`."""
    section = ruleset.section(task.section)
    return {
        "id": task.id,
        "section": task.section,
        "section_title": section.title if section else "",
        "item": task.item,
        "item_title": task.item_title,
        "text": task.text,
        "assignees": [{"unit": a.unit, "role": a.role} for a in task.assignees],
        "open": task.open,
        "campaigns": list(task.campaigns),
        "requirements": [
            {"id": r.id, "kind": r.kind, "source": r.source, "applies_to": r.applies_to, "severity": r.severity}
            for r in task.requirements
        ],
        "line": task.line,
    }


def unit_record(ruleset: Ruleset, unit: Unit) -> dict[str, Any]:
    roles = {role: 0 for role in ROLES}
    for task in ruleset.tasks:
        if role := task.role_of(unit.name):
            roles[role] += 1
    return {
        "name": unit.name,
        "full_name": unit.full_name,
        "kind": unit.kind,
        "aliases": list(unit.aliases),
        "roles": roles,
        "tasks": sum(roles.values()),
    }


def tasks_json(ruleset: Ruleset, unit: Unit | None) -> list[dict[str, Any]]:
    tasks = ruleset.tasks_of(unit.name) if unit else ruleset.tasks
    return [task_record(ruleset, task) for task in tasks]


def units_json(ruleset: Ruleset) -> list[dict[str, Any]]:
    return [unit_record(ruleset, unit) for unit in ruleset.registry.units]


def tasks_table(ruleset: Ruleset, unit: Unit | None, lang: Lang) -> str:
    from ipr_rules.views.tables import table

    if unit is not None:
        rows = [
            [task.id, ROLE_LABELS[task.role_of(unit.name) or "co"].render(lang), task.item_title, task.text]
            for task in ruleset.tasks_of(unit.name)
        ]
        body = table(UNIT_TASK_HEADERS.render(lang).split("|"), rows, widths=[None, None, 16, 48])
        return f"{unit.name}\n{body}\n{TASK_COUNT.render(lang, count=len(rows), year=ruleset.year)}"
    rows = []
    for task in ruleset.tasks:
        by_role = {role: [a.unit for a in task.assignees if a.role == role] for role in ROLES}
        rows.append(
            [
                task.id,
                task.item_title,
                join_names(by_role["lead"], lang),
                join_names(by_role["co"], lang),
                join_names(by_role["sole"], lang),
                YES_NO[task.open].render(lang),
                join_names(list(task.campaigns), lang),
            ]
        )
    body = table(TASK_HEADERS.render(lang).split("|"), rows, widths=[None, 14, 16, 30, 14, None, 12])
    return f"{body}\n{TASK_COUNT.render(lang, count=len(rows), year=ruleset.year)}"


def units_table(ruleset: Ruleset, lang: Lang) -> str:
    from ipr_rules.views.tables import table

    rows = []
    for unit in ruleset.registry.units:
        record = unit_record(ruleset, unit)
        rows.append(
            [
                unit.name,
                UNIT_KIND_LABELS[unit.kind].render(lang),
                join_names(list(unit.aliases), lang),
                *(str(record["roles"][role]) for role in ROLES),
            ]
        )
    body = table(UNIT_HEADERS.render(lang).split("|"), rows, widths=[None, None, 36, None, None, None])
    return f"{body}\n{UNIT_COUNT.render(lang, count=len(rows), year=ruleset.year)}"


EXPLAIN = Text(
    "任务 {id}\n所属：{section} › （{item}）{item_title}\n原文：{text}\n责任单位：\n{assignees}\n"
    "开放（允许其他成员单位承担）：{open}\n专项行动：{campaigns}\n要求：{requirements}\n出处：{source}:{line}:{column}",
    "Task {id}\nIn: {section} › ({item}) {item_title}\nText: {text}\nAssigned to:\n{assignees}\n"
    "Open (other member units may carry it): {open}\nCampaigns: {campaigns}\nRequirements: {requirements}\n"
    "Source: {source}:{line}:{column}",
)
NONE = Text("无", "none")
REQUIREMENT_LINE = Text(
    "  - [{severity}] {description}（原文：“{source}”；适用：{applies}）",
    "  - [{severity}] {description} (plan: '{source}'; applies to: {applies})",
)
APPLIES = {
    "lead": Text("牵头单位", "the lead unit(s)"),
    "named": Text("所有点名单位", "every named unit"),
    "carriers": Text("承担该任务的所有单位", "every unit carrying the task"),
}


WRITTEN = Text("{unit}（原文作“{written}”）", "{unit} (written '{written}')")
ROLE_LINE = Text("  {role}：{units}", "  {role}: {units}")


def explain_text(ruleset: Ruleset, task: Task, lang: Lang) -> str:
    from ipr_rules.i18n import SEVERITY_LABELS

    section = ruleset.section(task.section)
    lines = []
    for role in ROLES:
        units = [
            WRITTEN.render(lang, unit=a.unit, written=a.written) if a.written else a.unit
            for a in task.assignees
            if a.role == role
        ]
        if units:
            lines.append(ROLE_LINE.render(lang, role=ROLE_LABELS[role], units=Names(units)))
    requirements = [
        REQUIREMENT_LINE.render(
            lang,
            severity=SEVERITY_LABELS[r.severity],
            description=r.description,
            source=r.source,
            applies=APPLIES[r.applies_to],
        )
        for r in task.requirements
    ]
    return EXPLAIN.render(
        lang,
        id=task.id,
        section=section_heading(section.number, section.title, lang) if section else task.section,
        item=plan_number(task.item, lang),
        item_title=task.item_title,
        text=task.text,
        assignees="\n".join(lines) or "  " + NONE.render(lang),
        open=YES_NO[task.open],
        campaigns=join_names(list(task.campaigns), lang) or NONE.render(lang),
        requirements=("\n" + "\n".join(requirements)) if requirements else NONE.render(lang),
        source=ruleset.plan.source,
        line=task.line,
        column=task.column,
    )
