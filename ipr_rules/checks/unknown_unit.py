"""`unknown-unit`: the report's `unit` names no member unit and no registered alias."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Names, Text

KIND = "unknown-unit"
SEVERITY: Severity = "error"
SCOPE = "unit"
STAGE = "report"
DESCRIPTION = Text(
    "报告的 unit 既不是成员单位的规范名称，也不是已登记的全称或别名，也不是由它们推出的写法"
    "（加或不加“昆明市”，“区”与“官渡区”互换，如“官渡区司法局”即“区司法局”）。比较前去掉空格和不可见字符、"
    "全角字母数字按半角看待，此外须完全一致。消息会列出最接近的单位；名称中有外形相同的康熙部首或兼容汉字时，"
    "消息指出是第几个字。这样的报告只检查任务编号是否存在，不计入任何单位的提交情况。"
    "可用 `ipr-check units` 查看规范名称和别名。",
    "The report's unit is neither a member unit's canonical name, nor a registered full name or alias, nor a form "
    "that follows from one (with or without 昆明市, 区 and 官渡区 swapped: 官渡区司法局 is 区司法局). Spaces and "
    "invisible characters are dropped and full-width letters and digits read as ordinary ones before comparing; "
    "otherwise the match is exact. The message suggests the closest units, and names any look-alike character "
    "(a Kangxi radical or compatibility ideograph) by its position. Such a report gets only the unknown-task "
    "check and counts for no unit; `ipr-check units` lists names and aliases.",
)
PASSING = """\
unit: 官渡区市场监督管理局
year: 2020
tasks: {}
"""
FAILING = """\
unit: 区市场监督局
year: 2020
tasks: {}
"""
UNKNOWN = Text(
    "“{unit}”不是成员单位的名称或别名；`ipr-check units` 列出全部名称",
    "'{unit}' is not the name or alias of a member unit; `ipr-check units` lists every name",
)
UNKNOWN_NEAR = Text(
    "“{unit}”不是成员单位的名称或别名，是否为：{names}？",
    "'{unit}' is not the name or alias of a member unit; did you mean: {names}?",
)
LOOK_ALIKE = Text(
    "“{unit}”看起来是“{folded}”，但{characters}；改正后即可识别为“{name}”",
    "'{unit}' looks like '{folded}', but {characters}; corrected, it is recognised as '{name}'",
)


def check(ctx: ReportContext) -> Iterator[Finding]:
    written = ctx.document.unit
    if ctx.unit is not None or written is None:
        return
    index = ctx.ruleset.registry.index
    line = ctx.document.unit_line or ctx.document.line
    alike = index.look_alike(written)
    if alike is not None:
        from ipr_rules.clerk import OddCharacters
        from ipr_rules.textnorm import fold

        odd, folded = OddCharacters(written), fold(written)
        yield finding(
            KIND,
            SEVERITY,
            LOOK_ALIKE,
            written,
            None,
            ctx.file,
            line,
            unit=written,
            name=alike,
            characters=odd,
            folded=folded,
        )
        return
    near = index.closest(written)
    if near:
        yield finding(KIND, SEVERITY, UNKNOWN_NEAR, written, None, ctx.file, line, unit=written, names=Names(near))
    else:
        yield finding(KIND, SEVERITY, UNKNOWN, written, None, ctx.file, line, unit=written)
