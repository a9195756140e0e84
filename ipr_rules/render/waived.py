"""What every renderer says about waived findings: the heading, and the exemption in one line."""

from __future__ import annotations

from ipr_rules.i18n import Lang, Text
from ipr_rules.waiver import WaivedFinding

HEADING = Text(
    "已豁免的问题（区打假办认定，不计入错误、警告和退出码）", "Waived findings (exempted by the office; not counted)"
)
NONE = Text("无。", "None.")
EXEMPTION = Text(
    "豁免理由：{reason}；批准：{approved_by}（{approved_on}）{document}{expires}",
    "exempted because: {reason}; approved by {approved_by} ({approved_on}){document}{expires}",
)
DOCUMENT = Text("，文号：{document}", ", document {document}")
EXPIRES = Text("，有效至 {expires}", ", valid until {expires}")
HEADERS = (
    Text("单位", "unit"),
    Text("任务", "task"),
    Text("类型", "kind"),
    Text("问题", "finding"),
    Text("豁免", "exemption"),
    Text("位置", "where"),
)
MARK = Text("已豁免", "waived")


def exemption_text(item: WaivedFinding, lang: Lang) -> str:
    exemption = item.exemption
    return EXEMPTION.render(
        lang,
        reason=exemption.reason,
        approved_by=exemption.approved_by,
        approved_on=exemption.approved_on.isoformat(),
        document=DOCUMENT.render(lang, document=exemption.document) if exemption.document else "",
        expires=EXPIRES.render(lang, expires=exemption.expires.isoformat()) if exemption.expires else "",
    )
