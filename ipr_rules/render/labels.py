"""Short names for finding kinds, shared by the document renderers."""

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
    "unknown-metric": Text("未知指标", "unknown metric"),
    "metric-inconsistent": Text("指标数字不一致", "metrics inconsistent"),
    "missing-task": Text("缺报任务", "missing task"),
    "duplicate-report": Text("重复提交", "duplicate report"),
    "missing-report": Text("未提交报告", "missing report"),
    "unaddressed-shared-duty": Text("共同任务无人承担", "shared duty nobody carried"),
}


def kind_label(kind: str, lang: Lang) -> str:
    """The kind's short name; a kind without one shows as its id."""
    text = KIND_LABELS.get(kind)
    return text.render(lang) if text else kind
