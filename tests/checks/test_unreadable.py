"""`unreadable`: files that cannot be read, decoded or parsed; the others are still checked."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.i18n import Lang
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.result import exit_code

from .support import CASES, case_tests, check, keys, kinds, of_kind, report, write

KIND = "unreadable"
test_failing_fixture, test_passing_fixture = case_tests(KIND)
FAIL = CASES / KIND / "fail"


def _text(name: str, ruleset: Ruleset, lang: Lang = "zh") -> str:
    [item] = of_kind(check([FAIL / name], ruleset), KIND)
    return item.text(lang)


def test_a_missing_file(tmp_path: Path, ruleset: Ruleset) -> None:
    missing = tmp_path / "区法院.yaml"
    result = check([missing], ruleset)
    assert keys(result) == [(KIND, None, None, None)]
    assert result.findings[0].file == str(missing)
    assert exit_code(result, "error") == 2


def test_a_folder_without_reports(tmp_path: Path, ruleset: Ruleset) -> None:
    (tmp_path / "notes.txt").write_text("年度报告稍后提交\n", encoding="utf-8")
    result = check([tmp_path], ruleset)
    assert keys(result) == [(KIND, None, None, None)]
    assert "no .yaml, .yml or .xlsx" in result.findings[0].text("en")
    assert exit_code(result, "never") == 2


def test_the_other_files_are_still_checked(tmp_path: Path, ruleset: Ruleset) -> None:
    write(tmp_path, "a-broken.yaml", 'unit: 区法院\nyear: 2020\ntasks:\n  "15-1": {status: done\n')
    write(tmp_path, "b-good.yaml", report("区税务局", '{"17-1": {status: not_started}}'))
    result = check([tmp_path / "a-broken.yaml", tmp_path / "b-good.yaml", tmp_path / "c-missing.yaml"], ruleset)
    assert [item.file for item in of_kind(result, KIND)] == [
        str(tmp_path / "a-broken.yaml"),
        str(tmp_path / "c-missing.yaml"),
    ]
    assert ("task-not-started", "区税务局", "17-1", 3) in keys(result)
    assert [summary.unit for summary in result.reports] == ["区税务局"]
    assert result.unreadable == 2
    assert exit_code(result, "error") == 2, "2 wins over 1"
    assert exit_code(result, "never") == 2


def test_good_documents_before_a_broken_one_are_checked(ruleset: Ruleset) -> None:
    result = check([FAIL / "broken-after-good-documents.yaml"], ruleset)
    assert [summary.unit for summary in result.reports] == ["区法院", "区检察院"]
    assert result.set_checks
    assert {"missing-task", "unreadable"} <= kinds(result)


def test_the_unclosed_quote_is_pointed_at(ruleset: Ruleset) -> None:
    text = _text("unclosed-quote.yaml", ruleset, "en")
    assert "quote" in text


def test_tabs_are_named(ruleset: Ruleset) -> None:
    for name in ("tab-indent.yaml", "tab-after-spaces.yaml"):
        assert "制表符（Tab）" in _text(name, ruleset)
        assert "tab" in _text(name, ruleset, "en")


def test_a_full_width_colon_is_named_with_its_line(ruleset: Ruleset) -> None:
    assert "第 5 行使用了全角冒号" in _text("full-width-colon.yaml", ruleset)
    assert "line 5 uses a full-width colon" in _text("full-width-colon.yaml", ruleset, "en")


def test_a_full_width_colon_after_the_first_key(tmp_path: Path, ruleset: Ruleset) -> None:
    path = write(tmp_path, "r.yaml", "unit： 区法院\nyear: 2020\ntasks: {}\n")
    [item] = of_kind(check([path], ruleset), KIND)
    assert "第 1 行使用了全角冒号" in item.text("zh")


def test_binary_and_unknown_encodings_are_refused(ruleset: Ruleset) -> None:
    assert "NUL" in _text("binary.yaml", ruleset, "en")
    assert "neither UTF-8 nor GBK" in _text("unknown-encoding.yaml", ruleset, "en")
