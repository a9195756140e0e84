"""`task-not-applicable`: not_applicable is the unit's request; only the office can accept it."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset
from ipr_rules.result import exit_code
from ipr_rules.ruleset.loader import with_exemptions

from .support import CASES, case_tests, check, messages, of_kind, report, write

KIND = "task-not-applicable"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_error_for_the_lead_warning_for_a_co_unit(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "lead-and-co.yaml"], ruleset)
    assert {item.task: item.severity for item in of_kind(result, KIND)} == {"26-1": "error", "19-1": "warning"}


def test_the_message_quotes_the_reason_and_names_the_file(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "sole.yaml"], ruleset)
    [zh] = messages(result, KIND)
    assert "本院本年度未受理知识产权案件" in zh and "区打假办" in zh and "exemptions.yaml" in zh
    assert "exemptions.yaml" in messages(result, KIND, "en")[0]


def test_a_reason_no_longer_silences_the_duty(tmp_path: Path, ruleset: Ruleset) -> None:
    """The issue's 区司法局: five duties honestly not started give five errors; set to
    not_applicable with any reason, they must not come back clean."""
    duties = ("19-1", "26-1", "26-2", "26-3", "28-1")
    honest = write(
        tmp_path,
        "honest.yaml",
        report("区司法局", "{" + ", ".join(f'"{t}": {{status: not_started}}' for t in duties) + "}"),
    )
    padded = write(
        tmp_path,
        "padded.yaml",
        report("区司法局", "{" + ", ".join(f'"{t}": {{status: not_applicable, reason: 不涉及}}' for t in duties) + "}"),
    )
    assert exit_code(check([honest], ruleset), "error") == 1
    result = check([padded], ruleset)
    assert len(of_kind(result, KIND)) == 5
    assert exit_code(result, "error") == 1


def test_an_office_exemption_waives_it(tmp_path: Path, ruleset: Ruleset) -> None:
    exemptions = write(
        tmp_path,
        "exemptions.yaml",
        "exemptions:\n  - {unit: 昆明市官渡区人民法院, task: '15-1', reason: 未受理知识产权案件, approved_by: 区打假办主任办公会,"
        " approved_on: 2020-12-28, document: 官打假办〔2020〕9号}\n",
    )
    others = ("2-3", "8-1", "12-1", "16-1", "18-1", "19-1", "26-3", "29-3")
    entries = ", ".join(
        f'"{task}": {{status: done, actions: [审结相关案件 3 件], campaigns: [秋风2020]}}' for task in others
    )
    court = write(
        tmp_path,
        "court.yaml",
        report("区法院", "{" + entries + ', "15-1": {status: not_applicable, reason: 本院本年度未受理知识产权案件}}'),
    )
    assert exit_code(check([court], ruleset), "error") == 1
    result = check([court], with_exemptions(ruleset, exemptions))
    assert result.findings == []
    [waived] = result.waived
    assert (waived.finding.kind, waived.finding.unit, waived.finding.task) == (KIND, "区法院", "15-1")
    assert waived.exemption.document == "官打假办〔2020〕9号"
    assert exit_code(result, "error") == 0 and result.summary["waived"] == 1
