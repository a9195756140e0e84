"""Every output shows the findings office exemptions waived, apart, with the exemption."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from ipr_rules.i18n import Lang
from ipr_rules.render import render_whole
from ipr_rules.result import CheckResult, exit_code

REASON = "区级无建设任务"
DOCUMENT = "官打假办〔2020〕9号"


def test_the_sample_has_one_waived_finding_out_of_the_counts(sample: CheckResult) -> None:
    [waived] = sample.waived
    assert (waived.finding.kind, waived.finding.unit, waived.finding.task) == (
        "task-not-applicable",
        "区卫生健康局综合监督执法局",
        "30-2",
    )
    assert waived.finding.severity == "error"  # the unit is sole on 30-2
    assert waived.finding not in sample.findings
    assert sample.summary == {"error": 5, "warning": 5, "info": 0, "waived": 1}
    assert sample.coverage.cell("区卫生健康局综合监督执法局", "30-2").state == "exempted"


def test_json_waived_and_summary(sample: CheckResult) -> None:
    document = json.loads(render_whole("json", sample, "zh"))
    assert document["summary"]["waived"] == 1
    [item] = document["waived"]
    assert item["kind"] == "task-not-applicable" and item["line"] == 26
    exemption = item["exemption"]
    assert exemption["approved_by"] == "区打假办主任办公会" and exemption["document"] == DOCUMENT
    assert REASON in exemption["reason"]
    assert exemption["file"] == "docs/examples/exemptions-2020.yaml" and exemption["line"] == 5


@pytest.mark.parametrize("name", ["table", "markdown", "html"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_outputs_have_a_waived_section(name: str, lang: Lang, sample: CheckResult) -> None:
    text = render_whole(name, sample, lang)
    assert isinstance(text, str)
    heading = "已豁免的问题" if lang == "zh" else "Waived findings"
    assert heading in text and REASON in text and DOCUMENT in text and "区打假办主任办公会" in text


def test_junit_skips_the_waived_obligation(sample: CheckResult) -> None:
    root = ET.fromstring(render_whole("junit", sample, "zh"))
    suite = next(s for s in root.iter("testsuite") if s.get("name") == "区卫生健康局综合监督执法局")
    [case] = [case for case in suite.findall("testcase") if (case.get("name") or "").startswith("30-2")]
    skipped = case.find("skipped")
    assert skipped is not None and case.find("failure") is None
    assert DOCUMENT in (skipped.get("message") or "")
    assert int(root.get("skipped") or 0) >= 1


def test_a_waived_finding_never_fails_the_run(sample: CheckResult) -> None:
    only_waived = CheckResult(
        ruleset=sample.ruleset,
        inputs=sample.inputs,
        reports=sample.reports,
        findings=[],
        coverage=sample.coverage,
        set_checks=True,
        waived=sample.waived,
    )
    assert exit_code(only_waived, "warning") == 0
