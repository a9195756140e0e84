"""A drafted unit registry as the hand-kept `units.yaml`, each guess marked with a comment."""

from __future__ import annotations

import json

import yaml

from ipr_rules.ruleset.draft import Draft

HEADER = """\
# {title}成员单位名录（人工维护，不由 compile 生成；由 ipr-check init 起草）。
# name：规范名称（工作要点中最常用的写法）；full_name：单位全称；kind：单位类别；
# aliases：其他写法与简称。报告中的 unit 字段须为规范名称、全称或别名之一（完全一致）。
# kind 取值：party 党委部门，government 政府部门，judicial 司法机关，
#           city_branch 上级机关派驻本级的机构（含垂直管理的税务局）。
# 标有“请核对”的条目是推测：核对、改正后删去该注释，再运行 ipr-check validate-ruleset 检查。
units:
"""
_SPECIAL = set(":#[]{},&*!|>'\"%@`")


def render_units(draft: Draft, title: str) -> tuple[str, dict[str, int]]:
    """The file's text, and the line each unit's entry starts on."""
    lines = HEADER.format(title=title).splitlines()
    where: dict[str, int] = {}
    for drafted in draft.units:
        unit = drafted.unit
        if drafted.notes:
            lines.append("# 请核对：" + "；".join(message.render("zh", **args) for message, args in drafted.notes))
        where[unit.name] = len(lines) + 1
        lines.append(f"- name: {scalar(unit.name)}")
        lines.append(f"  full_name: {scalar(unit.full_name)}")
        lines.append(f"  kind: {unit.kind}")
        if unit.aliases:
            lines.append(f"  aliases: [{', '.join(scalar(alias) for alias in unit.aliases)}]")
    if not draft.units:
        lines[-1] = "units: []"
    return "\n".join(lines) + "\n", where


def scalar(value: str) -> str:
    """`value` as YAML writes it plainly when it can, else double-quoted."""
    plain = value == value.strip() and value != "" and not (_SPECIAL & set(value))
    if plain:
        try:
            plain = yaml.safe_load(value) == value
        except yaml.YAMLError:
            plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)
