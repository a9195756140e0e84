"""`unreadable`: a file that cannot be read, decoded or parsed as YAML (exit 2)."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import FileContext
from ipr_rules.findings import Finding, Severity
from ipr_rules.i18n import Text

KIND = "unreadable"
SEVERITY: Severity = "error"
SCOPE = "file"
STAGE = "file"
# The kind's short name in documents.
LABEL = Text("文件无法读取", "unreadable file")
DESCRIPTION = Text(
    "文件无法读取、无法解码或不是有效的 YAML：文件不存在、无权限、编码无法识别、含二进制内容、语法错误、超过大小上限等。"
    "同一次检查中的其他文件照常检查；只要有文件无法读取，退出码为 2。消息会尽量指出原因和行号"
    "（如全角冒号、Tab 缩进、引号未闭合）。Excel 工作簿同样：旧版 .xls、加密、损坏或不完整、解压后过大（压缩炸弹）、"
    "有内容的单元格过多、没有“任务”工作表，都各有说明。",
    "The file cannot be read, decoded or parsed as YAML: missing, not permitted, an encoding that cannot be told, "
    "binary content, a syntax error, over the size limit. The other files are still checked; any unreadable file "
    "makes the exit code 2. The message names the cause and the line where it can (full-width colons, tabs, "
    "unclosed quotes). So for workbooks: a legacy .xls, an encrypted, damaged or cut-off file, one that unpacks "
    "past the limit (a zip bomb), too many filled cells, no sheet 任务 — each with its own message.",
)
PASSING = """\
unit: 区法院
year: 2020
tasks: {}
"""
FAILING = """\
unit: 区法院
year: 2020
tasks:
  "15-1":
    status: done
    actions: ["审结知识产权案件 35 件]
"""


def check(ctx: FileContext) -> Iterator[Finding]:
    """One finding per failure: a stream read on past a broken document may have several."""
    for failure in ctx.loaded.failures:
        yield Finding.of(failure, KIND, SEVERITY, None, None)
