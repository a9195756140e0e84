"""The report workbook's sheets and columns, shared by the writer and the reader (SPEC §7).

Sheet and header names are the contract: a script that fills a template finds its columns by
these headers, and the reader finds them the same way, in any order, beside any other columns.
The reader also takes the English names and values, so an English template reads back too.
"""

from __future__ import annotations

from ipr_rules.i18n import Text
from ipr_rules.records import record

TASKS = "任务"
OUTPUTS = "产出"
METRICS = "指标"
COVER = "封面"
SHEET_NAMES: dict[str, tuple[str, ...]] = {
    TASKS: (TASKS, "tasks"),
    OUTPUTS: (OUTPUTS, "outputs"),
    METRICS: (METRICS, "metrics"),
    COVER: (COVER, "cover"),
}


@record
class Column:
    """One column: the report field it holds (None: plan text, shown only), its header and help."""

    field: str | None
    header: str
    english: str
    width: float
    help: Text


TASK_COLUMNS: tuple[Column, ...] = (
    Column("id", "任务编号", "task", 8, Text("工作要点中的任务编号，不要修改", "the plan's task id; do not change it")),
    Column(None, "事项", "item", 12, Text("任务所属事项（仅供参考）", "the plan item (for reference)")),
    Column(None, "任务内容", "text", 36, Text("工作要点原文（仅供参考）", "the plan's own words (for reference)")),
    Column(None, "分工", "role", 8, Text("本单位在该任务中的分工", "this unit's role on the task")),
    Column(
        "status",
        "状态",
        "status",
        10,
        Text(
            "从下拉列表选择：已完成、部分完成、未开展、不适用", "pick one: done, partial, not_started, not_applicable"
        ),
    ),
    Column(
        "actions",
        "工作内容",
        "actions",
        38,
        Text(
            "实际做了什么，每行一项（Alt+Enter 换行）：时间、对象、数量、结果；已完成和部分完成必填",
            "what was actually done, one action per line (Alt+Enter): when, what, how many; needed for done/partial",
        ),
    ),
    Column(
        "campaigns",
        "专项行动",
        "campaigns",
        10,
        Text("参加的专项行动，每行一个", "campaigns taken part in, one per line"),
    ),
    Column(
        "evidence",
        "佐证",
        "evidence",
        12,
        Text("文号等佐证材料，每行一个", "document numbers and other evidence, one per line"),
    ),
    Column(
        "reason",
        "原因说明",
        "reason",
        16,
        Text("未完成或不适用的原因；不适用时必填", "why not done or not applicable; needed for not applicable"),
    ),
)
OUTPUT_COLUMNS: tuple[Column, ...] = (
    Column("task", "任务编号", "task", 9, Text("该产出所属的任务编号", "the task the output belongs to")),
    Column(
        "title",
        "标题",
        "title",
        44,
        Text("文件、公开发布、标准、会议等的标题", "the document's, publication's or event's title"),
    ),
    Column("date", "日期", "date", 12, Text("日期，如 2020-07-10 或 2020年7月10日", "a date such as 2020-07-10")),
    Column("kind", "类别", "kind", 12, Text("从下拉列表选择类别", "pick a kind from the list")),
    Column("url", "链接", "url", 30, Text("网址（可不填）", "a web address (optional)")),
)
METRIC_COLUMNS: tuple[Column, ...] = (
    Column(
        "task",
        "任务编号",
        "task",
        9,
        Text(
            "留空：本单位全年数字；填写编号：该任务的数字",
            "empty: the unit's figure for the year; a task id: that task's",
        ),
    ),
    Column(
        "name",
        "指标",
        "metric",
        26,
        Text("指标名称或代码，如 cases 或 立案数", "the metric's id or name, such as cases"),
    ),
    Column("value", "数值", "value", 12, Text("非负数", "a non-negative number")),
)
# The cover: one row per field, the label in column A and the value in column B.
COVER_ROWS: tuple[Column, ...] = (
    Column("unit", "单位", "unit", 0, Text("本单位名称", "the unit's name")),
    Column("year", "年度", "year", 0, Text("报告年度", "the report's year")),
    Column("submitted", "提交日期", "submitted", 0, Text("提交日期，如 2020-12-20", "the date of submission")),
    Column("contact.name", "联系人", "contact name", 0, Text("联系人姓名", "contact person")),
    Column("contact.phone", "联系电话", "contact phone", 0, Text("联系电话", "contact phone")),
    Column("contact.email", "电子邮箱", "contact email", 0, Text("电子邮箱（可不填）", "e-mail (optional)")),
    Column("contact.department", "科室", "contact department", 0, Text("承办科室（可不填）", "department (optional)")),
)
COVER_HEADERS = ("项目", "内容")

STATUS_LABELS: dict[str, str] = {
    "done": "已完成",
    "partial": "部分完成",
    "not_started": "未开展",
    "not_applicable": "不适用",
}
KIND_LABELS: dict[str, str] = {
    "publication": "公开发布",
    "standard": "标准",
    "regulation": "制度规范",
    "event": "会议活动",
    "survey": "调查",
    "other": "其他",
}
STATUS_VALUES: dict[str, str] = {label: key for key, label in STATUS_LABELS.items()} | {
    key: key for key in STATUS_LABELS
}
KIND_VALUES: dict[str, str] = {label: key for key, label in KIND_LABELS.items()} | {key: key for key in KIND_LABELS}


def header_names(column: Column) -> tuple[str, ...]:
    """What a header cell may say for this column: the Chinese name or the English one."""
    return (column.header, column.english)
