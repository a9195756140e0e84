"""`legacy-encoding`: a file read from GBK/GB18030 rather than UTF-8 (info)."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.checks.context import FileContext
from ipr_rules.findings import Finding, Severity
from ipr_rules.i18n import Text

KIND = "legacy-encoding"
SEVERITY: Severity = "info"
SCOPE = "file"
STAGE = "file"
# The kind's short name in documents.
LABEL = Text("非 UTF-8 编码", "legacy encoding")
DESCRIPTION = Text(
    "文件不是 UTF-8 编码，而是 GBK/GB18030（中文 Windows 的常见编码）。只有在每一行都能按 GB18030 正确解码、"
    "且内容确为中文时才会这样读取，并给出此提示；否则按无法读取处理。建议另存为 UTF-8。",
    "The file is not UTF-8 but GBK/GB18030 (common on Chinese Windows desktops). It is read that way only when "
    "every line decodes as GB18030 into Chinese text, with this notice; otherwise the file is unreadable. "
    "Saving it as UTF-8 is recommended.",
)
PASSING = """\
# 以 UTF-8 保存的报告
unit: 区法院
year: 2020
tasks: {}
"""
FAILING = """\
# 以 GBK 保存的同一份报告（示例中无法直接展示字节）
"""


def check(ctx: FileContext) -> Iterator[Finding]:
    notice = ctx.loaded.encoding_notice
    if notice is not None and ctx.failure is None:
        line = 1
        yield Finding(KIND, SEVERITY, None, None, ctx.loaded.file, line, notice, ("encoding", ctx.loaded.encoding))
