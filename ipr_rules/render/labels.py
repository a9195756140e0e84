"""Short names for finding kinds and plan numbering, shared by the document renderers."""

from __future__ import annotations

from ipr_rules.i18n import Lang, Text

KIND_LABELS: dict[str, Text] = {
    "unreadable": Text("文件无法读取", "unreadable file"),
    "legacy-encoding": Text("非 UTF-8 编码", "legacy encoding"),
    "invalid-report": Text("格式错误", "invalid report"),
    "unknown-unit": Text("未知单位", "unknown unit"),
    "year-mismatch": Text("年度不符", "year mismatch"),
    "unknown-task": Text("未知任务", "unknown task"),
    "wrong-unit": Text("填报非本单位任务", "another unit's task"),
    "task-not-started": Text("任务未开展", "task not started"),
    "task-partial": Text("任务部分完成", "task partly done"),
    "campaign-not-reported": Text("未报专项行动", "campaign not reported"),
    "restated-plan": Text("照抄要点原文", "plan restated"),
    "requirement-unmet": Text("未达要点要求", "requirement unmet"),
    "missing-task": Text("缺报任务", "missing task"),
    "duplicate-report": Text("重复提交", "duplicate report"),
    "missing-report": Text("未提交报告", "missing report"),
    "unaddressed-shared-duty": Text("共同任务无人承担", "shared duty nobody carried"),
}

_DIGITS = "零一二三四五六七八九"


def kind_label(kind: str, lang: Lang) -> str:
    """The kind's short name; a kind without one shows as its id."""
    text = KIND_LABELS.get(kind)
    return text.render(lang) if text else kind


def chinese_number(number: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一 (the plan numbers sections and items this way, up to 99)."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def section_number(number: int, lang: Lang) -> str:
    return chinese_number(number) if lang == "zh" else str(number)
