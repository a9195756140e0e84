"""--format junit: one test case per unit × task obligation; every finding somewhere; valid XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ipr_rules.render.junit import render
from ipr_rules.result import CheckResult

from .support import SCRIPT, run_check


def parse(result: CheckResult, lang: str = "zh") -> ET.Element:
    text = render(result, lang)  # type: ignore[arg-type]
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(text.encode("utf-8"))


def cases(root: ET.Element) -> list[ET.Element]:
    return root.findall("./testsuite/testcase")


def test_one_case_per_obligation(sample: CheckResult) -> None:
    root = parse(sample)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites][:19] == list(sample.coverage.units)
    obligations = sum(1 for cell in sample.coverage.cells.values() if cell.role)
    names = [case.get("name") for case in cases(root)]
    assert sum(1 for name in names if "（" in name) == obligations == 175
    assert "1-4 加强网上侵权假冒治理（分工负责）" in names
    assert int(root.get("tests")) == len(names) == sum(int(suite.get("tests")) for suite in suites)
    assert root.get("timestamp") == "2021-01-05T00:00:00+00:00"


def test_errors_fail_their_obligation(sample: CheckResult) -> None:
    root = parse(sample)
    failing = {
        (case.get("classname"), case.get("name")): case for case in cases(root) if case.find("failure") is not None
    }
    missing = failing[("ipr-check.区科信局", "1-4 加强网上侵权假冒治理（分工负责）")]
    assert missing.get("file") == "reports/2020/区科信局.yaml" and missing.get("line") == "6"
    failure = missing.find("failure")
    assert failure.get("type") == "missing-task"
    assert "1-4" in failure.get("message") and "reports/2020/区科信局.yaml:6" in failure.text
    errors = [f for f in sample.findings if f.severity == "error"]
    assert int(root.get("failures")) == len(failing) == len(errors) == 5
    assert ("ipr-check.区财政局", "wrong-unit 21-6 reports/2020/区财政局.yaml:35") in failing
    assert ("ipr-check.其他", "unaddressed-shared-duty 17-1") in failing


def test_warnings_are_reported_without_failing(sample: CheckResult) -> None:
    root = parse(sample)
    partial = next(
        case
        for case in cases(root)
        if case.get("name", "").startswith("10-1 ") and case.get("classname") == "ipr-check.区自然资源局"
    )
    assert partial.find("failure") is None
    assert "task-partial" in partial.find("system-out").text


def test_every_finding_appears(sample: CheckResult, hostile_set: CheckResult) -> None:
    for result in (sample, hostile_set):
        root = parse(result)
        texts = "\n".join((element.text or "") for element in root.iter() if element.tag in ("failure", "system-out"))
        for finding in result.findings:
            assert finding.kind in texts
        lines = sum(
            len((element.text or "").splitlines())
            for element in root.iter()
            if element.tag in ("failure", "system-out")
        )
        assert lines == len(result.findings)


def test_findings_without_an_obligation_get_their_own_cases(tmp_path: Path) -> None:
    court = 'unit: 区法院\nyear: 2020\ntasks:\n  "2-3": {status: done, actions: [审结案件 12 件]}\n'
    (tmp_path / "a.yaml").write_text(court, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(court, encoding="utf-8")
    (tmp_path / "c.yaml").write_text("unit: 区不存在局\nyear: 2020\ntasks: {}\n", encoding="utf-8")
    (tmp_path / "d.yaml").write_text(
        'unit: 区税务局\nyear: 2020\ntasks:\n  "99-1": {status: done, actions: [x]}\n', encoding="utf-8"
    )
    (tmp_path / "e.yaml").write_bytes(b"unit: [\n")
    result = run_check(["."], cwd=tmp_path)
    root = parse(result)
    own = {
        case.find("failure").get("type")
        for case in cases(root)
        if case.find("failure") is not None and "（" not in case.get("name")
    }
    assert {"unreadable", "missing-report", "duplicate-report", "unknown-unit", "unknown-task"} <= own
    skipped = [case for case in cases(root) if case.find("skipped") is not None]
    assert skipped and all(case.find("skipped").get("message") == "未提交报告，无法检查" for case in skipped)
    assert int(root.get("skipped")) == len(skipped)


def test_hostile_text_stays_well_formed(hostile_set: CheckResult) -> None:
    text = render(hostile_set, "en")
    assert "\x1b" not in text and "\r" not in text
    root = ET.fromstring(text.encode("utf-8"))
    suites = [suite.get("name") for suite in root.findall("testsuite")]
    assert SCRIPT in suites and "=1+2" in suites
    assert "\\x1b[31m区假冒局\\x1b[0m, title=x::y" in suites
    places = [case.get("file") for case in cases(root)]
    assert "<img src=x onerror=alert(1)>.yaml" in places and "=HYPERLINK(1).yaml" in places
