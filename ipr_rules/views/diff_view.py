"""`diff-ruleset` as a table, markdown or JSON; the comparison itself is `ruleset.diff`."""

from __future__ import annotations

from typing import Any

from ipr_rules.i18n import ROLE_LABELS, Lang, Text
from ipr_rules.ruleset.diff import RoleChange, RulesetDiff, TaskPair

HEAD = Text(
    "规则集对比：{old}（{old_year} 年，{old_tasks} 项任务）→ {new}（{new_year} 年，{new_tasks} 项任务）",
    "ruleset diff: {old} ({old_year}, {old_tasks} tasks) → {new} ({new_year}, {new_tasks} tasks)",
)
SECTIONS = {
    "added": Text("新增任务", "tasks added"),
    "removed": Text("删除任务", "tasks removed"),
    "reworded": Text("改写任务（[-删去-]{{+新增+}}）", "tasks reworded ([-removed-]{{+added+}})"),
    "renumbered": Text("编号变化", "tasks renumbered"),
    "roles": Text("分工变化", "units and roles changed"),
    "campaigns": Text("专项行动", "campaigns"),
    "units": Text("成员单位", "units"),
}
NOTHING = Text("（无）", "(none)")
NOT_NAMED = Text("未点名", "not named")
RENAMED = Text("更名", "renamed")
ADDED = Text("新增", "added")
REMOVED = Text("删除", "removed")
SUMMARY = Text(
    "新增 {added} 项，删除 {removed} 项，改写 {reworded} 项，编号变化 {renumbered} 项，分工变化 {roles} 处",
    "{added} added, {removed} removed, {reworded} reworded, {renumbered} renumbered, {roles} role change(s)",
)


def diff_json(diff: RulesetDiff) -> dict[str, Any]:
    def side(ruleset: Any) -> dict[str, Any]:
        return {"directory": ruleset.directory, "year": ruleset.year, "tasks": len(ruleset.tasks)}

    return {
        "old": side(diff.old),
        "new": side(diff.new),
        "tasks": {
            "added": [{"id": t.id, "text": t.text, "assignees": _assignees(t)} for t in diff.added],
            "removed": [{"id": t.id, "text": t.text, "assignees": _assignees(t)} for t in diff.removed],
            "reworded": [_pair_json(pair) for pair in diff.reworded],
            "renumbered": [{"old": p.old.id, "new": p.new.id, "similarity": p.similarity} for p in diff.renumbered],
            "unchanged": sum(1 for p in diff.pairs if not p.changes and p.old.id == p.new.id),
        },
        "roles": [_role_json(change) for change in diff.roles],
        "campaigns": {
            "renamed": [{"old": r.old, "new": r.new} for r in diff.campaigns_renamed],
            "added": list(diff.campaigns_added),
            "removed": list(diff.campaigns_removed),
        },
        "units": {
            "renamed": [{"old": r.old, "new": r.new} for r in diff.units_renamed],
            "added": list(diff.units_added),
            "removed": list(diff.units_removed),
        },
    }


def _assignees(task: Any) -> list[dict[str, str]]:
    return [{"unit": a.unit, "role": a.role} for a in task.assignees]


def _pair_json(pair: TaskPair) -> dict[str, Any]:
    return {
        "old": pair.old.id,
        "new": pair.new.id,
        "similarity": pair.similarity,
        "changes": [{"old": c.old, "new": c.new} for c in pair.changes],
        "marked": pair.marked,
    }


def _role_json(change: RoleChange) -> dict[str, Any]:
    return {
        "old_task": change.old_task,
        "new_task": change.new_task,
        "unit": change.unit,
        "old_role": change.old_role,
        "new_role": change.new_role,
    }


def diff_text(diff: RulesetDiff, lang: Lang, *, markdown: bool = False) -> str:
    """The diff as plain lines (a terminal) or as markdown with headings and lists."""
    lines = [_head(diff, lang, markdown), ""]
    for key, entries in _sections(diff, lang, markdown):
        title = SECTIONS[key].render(lang)
        lines.append(f"## {title}" if markdown else f"{title}:")
        lines += [f"- {entry}" if markdown else f"  {entry}" for entry in entries] or [
            f"- {NOTHING.render(lang)}" if markdown else f"  {NOTHING.render(lang)}"
        ]
        lines.append("")
    counts = {
        "added": len(diff.added),
        "removed": len(diff.removed),
        "reworded": len(diff.reworded),
        "renumbered": len(diff.renumbered),
        "roles": len(diff.roles),
    }
    lines.append(SUMMARY.render(lang, **counts))
    return "\n".join(lines)


def _head(diff: RulesetDiff, lang: Lang, markdown: bool) -> str:
    text = HEAD.render(
        lang,
        old=diff.old.directory,
        old_year=diff.old.year,
        old_tasks=len(diff.old.tasks),
        new=diff.new.directory,
        new_year=diff.new.year,
        new_tasks=len(diff.new.tasks),
    )
    return f"# {text}" if markdown else text


def _sections(diff: RulesetDiff, lang: Lang, markdown: bool) -> list[tuple[str, list[str]]]:
    code = (lambda text: f"`{text}`") if markdown else (lambda text: text)
    role = _role_label(lang)
    return [
        ("added", [f"{code(t.id)} {t.text}" for t in diff.added]),
        ("removed", [f"{code(t.id)} {t.text}" for t in diff.removed]),
        ("reworded", [f"{code(p.old.id)} → {code(p.new.id)} {_marked(p, markdown)}" for p in diff.reworded]),
        ("renumbered", [f"{code(p.old.id)} → {code(p.new.id)}" for p in diff.renumbered]),
        (
            "roles",
            [
                f"{code(c.old_task)} → {code(c.new_task)} {c.unit}: {role(c.old_role)} → {role(c.new_role)}"
                for c in diff.roles
            ],
        ),
        (
            "campaigns",
            [f"{RENAMED.render(lang)}: {r.old} → {r.new}" for r in diff.campaigns_renamed]
            + [f"{ADDED.render(lang)}: {name}" for name in diff.campaigns_added]
            + [f"{REMOVED.render(lang)}: {name}" for name in diff.campaigns_removed],
        ),
        (
            "units",
            [f"{RENAMED.render(lang)}: {r.old} → {r.new}" for r in diff.units_renamed]
            + [f"{ADDED.render(lang)}: {name}" for name in diff.units_added]
            + [f"{REMOVED.render(lang)}: {name}" for name in diff.units_removed],
        ),
    ]


def _role_label(lang: Lang) -> Any:
    def label(role: str | None) -> str:
        return ROLE_LABELS[role].render(lang) if role else NOT_NAMED.render(lang)

    return label


def _marked(pair: TaskPair, markdown: bool) -> str:
    if not markdown:
        return pair.marked
    return pair.marked.replace("[-", "~~").replace("-]", "~~").replace("{+", "**").replace("+}", "**")
