"""`legacy-encoding`: a GBK/GB18030 file is read correctly, with a notice, never as garbage."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset
from ipr_rules.result import exit_code

from .support import CASES, case_tests, check, keys, of_kind, report, write

KIND = "legacy-encoding"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_the_gbk_fixture_reads_as_its_utf8_twin(ruleset: Ruleset) -> None:
    legacy = check([CASES / KIND / "fail" / "gbk.yaml"], ruleset)
    utf8 = check([CASES / KIND / "pass" / "utf8.yaml"], ruleset)
    assert [summary.unit for summary in legacy.reports] == ["区法院"]
    drop = {KIND}
    assert [key[:3] for key in keys(legacy) if key[0] not in drop] == [key[:3] for key in keys(utf8)]


def test_a_four_byte_gb18030_character_survives(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "gb18030-four-byte.yaml"], ruleset)
    assert [summary.unit for summary in result.reports] == ["区法院"]
    assert of_kind(result, "unreadable") == []


def test_is_info_and_does_not_fail_the_run(ruleset: Ruleset) -> None:
    result = check([CASES / KIND / "fail" / "gbk.yaml"], ruleset, ignore=frozenset({"missing-task"}))
    assert [item.severity for item in result.findings] == ["info"]
    assert exit_code(result, "error") == 0
    assert exit_code(result, "warning") == 0


def test_a_gbk_file_with_unknown_unit_is_still_decoded(tmp_path: Path, ruleset: Ruleset) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(report("区市场监督局").encode("gbk"))
    result = check([path], ruleset)
    assert keys(result) == [(KIND, None, None, 1), ("unknown-unit", "区市场监督局", None, 1)]


def test_utf8_is_never_reported(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "r.yaml", report("区法院"))
    assert of_kind(check([path], ruleset), KIND) == []
