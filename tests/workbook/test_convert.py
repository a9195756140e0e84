"""`convert SRC -o DEST`: YAML ⇄ xlsx without loss, checked by checking both sides."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.errors import UsageError
from ipr_rules.loading.limits import Limits, ReadLimits
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.workbook.convert import convert
from tests.conftest import REPO

SAMPLE = REPO / "reports" / "2020"
FIXTURES = sorted((REPO / "tests" / "cases").rglob("*.yaml")) + sorted(SAMPLE.glob("*.yaml"))
BREAKS_FORMAT = {"invalid-report", "unreadable"}
# About the source file's bytes, not its content: a workbook has no text encoding.
OF_THE_BYTES = {"legacy-encoding"}


def findings(
    paths: list[Path], ruleset: Ruleset, unit_only: bool = True
) -> Counter[tuple[str, str | None, str | None]]:
    result = check_paths([str(path) for path in paths], ruleset, CheckOptions(unit_only=unit_only))
    return Counter((f.kind, f.unit, f.task) for f in result.findings if f.kind not in OF_THE_BYTES)


@pytest.mark.parametrize("source", FIXTURES, ids=lambda path: str(path.relative_to(REPO)))
def test_every_fixture_report_converts_with_the_same_findings_or_is_refused(
    source: Path, ruleset: Ruleset, tmp_path: Path
) -> None:
    before = findings([source], ruleset)
    try:
        written = convert(source, tmp_path / "out", ruleset, "zh")
    except UsageError:
        # Only a report that breaks the format may hold what a workbook cannot (a number as a key …).
        assert set(kind for kind, _, _ in before) & BREAKS_FORMAT
        assert not (tmp_path / "out").exists()
        return
    assert findings(written, ruleset) == before
    if len(written) > 1:
        return
    back = convert(written[0], tmp_path / "back.yaml", ruleset, "zh")
    assert findings(back, ruleset) == before


@pytest.mark.parametrize("source", sorted(SAMPLE.glob("*.yaml")), ids=lambda path: path.name)
def test_back_and_forth_again_changes_nothing(source: Path, ruleset: Ruleset, tmp_path: Path) -> None:
    workbook = convert(source, tmp_path / "one.xlsx", ruleset, "zh")[0]
    text = convert(workbook, tmp_path / "one.yaml", ruleset, "zh")[0].read_text(encoding="utf-8")
    again = convert(tmp_path / "one.yaml", tmp_path / "two.xlsx", ruleset, "zh")[0]
    assert again.read_bytes() == workbook.read_bytes()
    twice = convert(again, tmp_path / "two.yaml", ruleset, "zh")[0].read_text(encoding="utf-8")
    assert twice.splitlines()[1:] == text.splitlines()[1:]  # the first line names the file converted


def test_the_sample_folder_converted_gives_the_same_set_findings(ruleset: Ruleset, tmp_path: Path) -> None:
    for source in sorted(SAMPLE.glob("*.yaml")):
        convert(source, tmp_path, ruleset, "zh")
    assert len(list(tmp_path.glob("*.xlsx"))) == len(list(SAMPLE.glob("*.yaml")))
    assert findings([tmp_path], ruleset, unit_only=False) == findings([SAMPLE], ruleset, unit_only=False)


def test_a_stream_of_reports_becomes_one_workbook_per_unit(ruleset: Ruleset, tmp_path: Path) -> None:
    parts = [(SAMPLE / name).read_text(encoding="utf-8") for name in ("区法院.yaml", "区税务局.yaml", "区检察院.yaml")]
    stream = tmp_path / "汇总.yaml"
    stream.write_text("\n---\n".join(parts), encoding="utf-8")
    written = convert(stream, tmp_path / "workbooks", ruleset, "zh")
    assert sorted(path.name for path in written) == ["区检察院.xlsx", "区法院.xlsx", "区税务局.xlsx"]
    assert findings(written, ruleset) == findings([stream], ruleset)
    with pytest.raises(UsageError):
        convert(stream, tmp_path / "one.xlsx", ruleset, "zh")


def test_what_a_workbook_cannot_hold_is_refused_and_nothing_written(ruleset: Ruleset, tmp_path: Path) -> None:
    source = tmp_path / "区法院.yaml"
    source.write_text(
        'unit: 区法院\nyear: 2020\nsubmited: 2020-12-01\ntasks: {"15-1": {status: done, actions: [审结 3 件]}}\n'
    )
    with pytest.raises(UsageError) as refused:
        convert(source, tmp_path / "区法院.xlsx", ruleset, "zh")
    assert "submited" in refused.value.render("zh") and ":3" in refused.value.render("zh")
    assert not (tmp_path / "区法院.xlsx").exists()


def test_the_command(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "区法院.xlsx"
    result = run_cli("convert", str(SAMPLE / "区法院.yaml"), "-o", str(target))
    assert result.exit_code == 0 and target.is_file()
    back = run_cli("convert", str(target), "-o", str(tmp_path / "区法院.yaml"), "--lang", "en")
    assert back.exit_code == 0
    assert (
        (tmp_path / "区法院.yaml").read_text(encoding="utf-8").startswith("# 昆明市官渡区人民法院: 2020 annual report")
    )
    refused = run_cli("convert", str(SAMPLE / "区法院.yaml"), "-o", str(tmp_path / "区法院.txt"))
    assert refused.exit_code == 2 and "Traceback" not in refused.output


def test_a_stream_past_the_node_limit_is_refused_in_words(ruleset: Ruleset, tmp_path: Path) -> None:
    source = tmp_path / "区法院.yaml"
    source.write_text('unit: 区法院\nyear: 2020\ntasks: {"15-1": {status: done, actions: [a, b, c, d, e]}}\n')
    with pytest.raises(UsageError) as refused:
        convert(source, tmp_path / "区法院.xlsx", ruleset, "en", ReadLimits(yaml=Limits(max_nodes=5)))
    shown = refused.value.render("en")
    assert "more than 5 nodes" in shown and "Diagnostic(" not in shown
    assert not (tmp_path / "区法院.xlsx").exists()
