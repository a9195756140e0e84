"""What the page says when it cannot show a result: one message per answer it gives."""

from __future__ import annotations

from ipr_rules.i18n import Text

UNKNOWN_UNIT = Text(
    "没有名为“{unit}”的成员单位，请在首页的列表中选择。", "No member unit is called “{unit}”: choose one from the list."
)
NO_FILE = Text("请选择要检查的报告文件。", "Choose the report file to check.")
WRONG_TYPE = Text(
    "只能检查 {suffixes} 格式的报告文件，“{name}”不是。请下载本单位的报告模板，填写后再上传。",
    "Only {suffixes} report files can be checked, and “{name}” is not one. Download your unit's template, fill it in, and upload it.",
)
TOO_LARGE = Text(
    "文件超过 {limit} MB 的上限，未读取。年度报告通常不足 1 MB，请确认选择的是报告文件。",
    "The file is over the {limit} MB limit and was not read. A report is usually under 1 MB: check that you chose the right file.",
)
TOO_SLOW = Text(
    "检查用时超过 {seconds} 秒，已停止等待。请稍后重试；如仍如此，请把文件报送区打假办。",
    "The check took longer than {seconds} seconds. Try again later; if it happens again, send the file to the office.",
)
EXPIRED = Text(
    "这个检查结果已过期（结果只保留 {minutes} 分钟，且不写入磁盘），请重新上传报告。",
    "This result has expired (results are held for {minutes} minutes and never written to disk): upload the report again.",
)

STATUS: dict[int, Text] = {
    400: Text("请求的格式不正确，请从首页重新上传。", "The request was malformed: upload again from the start page."),
    404: Text("没有这个页面。", "There is no such page."),
    405: Text("请从首页的表单上传报告。", "Upload the report with the form on the start page."),
    408: Text(
        "请求发送得太慢，连接已关闭，请重试。", "The request came too slowly and the connection was closed: try again."
    ),
    413: TOO_LARGE,
    415: WRONG_TYPE,
    431: Text("请求头过大。", "The request headers are too large."),
    500: Text(
        "服务器内部出错，已记录在日志中。请稍后重试，或把文件报送区打假办。",
        "Something went wrong on the server; it is in the log. Try again later, or send the file to the office.",
    ),
    501: Text("不支持这种请求。", "This kind of request is not supported."),
    503: TOO_SLOW,
}
FALLBACK = Text("无法处理这个请求（HTTP {status}）。", "The request could not be handled (HTTP {status}).")
