"""`exemption-expired`: an office exemption covers a finding but has expired, so it was not applied."""

from __future__ import annotations

from collections.abc import Iterator

from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Text
from ipr_rules.waiver import WaiverContext

KIND = "exemption-expired"
SEVERITY: Severity = "info"
SCOPE = "unit"
STAGE = "waiver"
DESCRIPTION = Text(
    "区打假办的豁免（exemptions.yaml）与某个问题相符，但其失效日期 expires 早于检查日期，因此没有生效："
    "该问题照常计入。位置指向豁免所在的行；如需继续豁免，请区打假办重新批准并更新 expires。",
    "An office exemption (exemptions.yaml) covers a finding, but its expires date is before the day of the "
    "check, so it was not applied and the finding counts. The position is the exemption's line; to keep the "
    "exemption, the office approves it again and updates expires.",
)
PASSING = """\
# exemptions.yaml（规则集目录中）：
#   exemptions:
#     - {unit: 区税务局, task: "17-1", reason: 未发现涉税线索, approved_by: 区打假办主任办公会,
#        approved_on: 2020-12-28}
unit: 区税务局
year: 2020
tasks:
  "17-1":
    status: not_started
    reason: 未收到移交的涉税线索
"""
FAILING = """\
# exemptions.yaml（规则集目录中）：
#   exemptions:
#     - {unit: 区税务局, task: "17-1", reason: 未发现涉税线索, approved_by: 区打假办主任办公会,
#        approved_on: 2020-12-28, expires: 2021-03-31}
# 在 2021 年 3 月 31 日以后检查：
unit: 区税务局
year: 2020
tasks:
  "17-1":
    status: not_started
    reason: 未收到移交的涉税线索
"""
EXPIRED = Text(
    "区打假办对 {unit} 任务 {task} 的豁免（{approved_by}，{approved_on} 批准）已于 {expires} 失效，未予适用：{kind} 照常计入",
    "the office's exemption of {unit} for task {task} ({approved_by}, approved {approved_on}) expired on {expires} "
    "and was not applied: {kind} counts",
)


def check(ctx: WaiverContext) -> Iterator[Finding]:
    for item, exemption in ctx.waiving.expired:
        yield finding(
            KIND,
            SEVERITY,
            EXPIRED,
            exemption.unit,
            item.task,
            exemption.file,
            exemption.line,
            unit=exemption.unit,
            task=item.task,
            approved_by=exemption.approved_by,
            approved_on=exemption.approved_on.isoformat(),
            expires=exemption.expires.isoformat() if exemption.expires else "",
            kind=item.kind,
        )
