"""The office's exemptions file: its format, its references, and where each problem is."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from ipr_rules.ruleset.bundled import bundled_ruleset_dir
from ipr_rules.ruleset.exemptions import read_exemptions
from ipr_rules.ruleset.loader import load_ruleset
from ipr_rules.ruleset.validate import validate_ruleset

GOOD = """\
exemptions:
  - unit: 区税务局
    task: "17-1"
    kinds: [task-not-started]
    reason: 2020年未发现涉税侵权假冒线索，经领导小组办公室会议研究同意
    approved_by: 区打假办主任办公会
    approved_on: 2020-12-28
    document: 官打假办〔2020〕9号
    expires: 2021-03-31
  - unit: 昆明市官渡区人民法院
    tasks: ["15-1", "29-3"]
    reason: 经研究同意
    approved_by: 区打假办主任办公会
    approved_on: "2020-12-28"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "2020"
    shutil.copytree(bundled_ruleset_dir(), target)
    return target


def problems(folder: Path, text: str) -> list[tuple[int | None, str, str]]:
    (folder / "exemptions.yaml").write_text(text, encoding="utf-8")
    return [(p.line, str(p.field), p.message.render("en", **p.args)) for p in validate_ruleset(folder).errors]


def test_a_good_file_is_read_with_canonical_names_and_lines(folder: Path) -> None:
    assert problems(folder, GOOD) == []
    ruleset = load_ruleset(folder)
    first, second = ruleset.exemptions
    assert (first.unit, first.tasks, first.kinds, first.line) == (
        "区税务局",
        ("17-1",),
        frozenset({"task-not-started"}),
        2,
    )
    assert (second.unit, second.tasks, second.kinds, second.line) == ("区法院", ("15-1", "29-3"), None, 10)
    assert str(second.approved_on) == "2020-12-28"


def test_the_shipped_file_is_empty_and_valid() -> None:
    """The bundled ruleset grants nothing: an exemption is the office's own decision."""
    folder = bundled_ruleset_dir()
    assert validate_ruleset(folder).errors == []
    assert load_ruleset(folder).exemptions == load_ruleset(folder, trusted=True).exemptions == ()
    assert "# 每项豁免的写法" in (folder / "exemptions.yaml").read_text(encoding="utf-8")


def test_the_sample_years_exemption_file_is_valid() -> None:
    ruleset = load_ruleset(bundled_ruleset_dir())
    sample = Path(__file__).resolve().parents[2] / "docs" / "examples" / "exemptions-2020.yaml"
    exemptions, problems = read_exemptions(sample, ruleset.plan, ruleset.registry)
    assert problems == []
    assert [(e.unit, e.tasks) for e in exemptions] == [("区卫生健康局综合监督执法局", ("30-2",))]


@pytest.mark.parametrize(
    ("entry", "line", "field", "says"),
    [
        (
            "  - {unit: 区税务所, task: '17-1', reason: r, approved_by: a, approved_on: 2020-12-28}",
            2,
            "exemptions[0].unit",
            "not a member unit",
        ),
        (
            "  - {unit: 区税务局, task: '99-1', reason: r, approved_by: a, approved_on: 2020-12-28}",
            2,
            "exemptions[0].task",
            "does not exist",
        ),
        (
            "  - {unit: 区税务局, task: '1-1', reason: r, approved_by: a, approved_on: 2020-12-28}",
            2,
            "exemptions[0].task",
            "does not name",
        ),
        (
            "  - {unit: 区税务局, tasks: ['17-1', '1-1'], reason: r, approved_by: a, approved_on: 2020-12-28}",
            2,
            "exemptions[0].tasks[1]",
            "does not name",
        ),
        (
            "  - {unit: 区税务局, task: '17-1', kinds: [task-not-startd], reason: r, approved_by: a, approved_on: 2020-12-28}",
            2,
            "exemptions[0].kinds[0]",
            "no finding kind",
        ),
        (
            "  - {unit: 区税务局, task: '17-1', kinds: [exemption-unused], reason: r, approved_by: a, approved_on: 2020-12-28}",
            2,
            "exemptions[0].kinds[0]",
            "cannot be waived",
        ),
        (
            "  - {unit: 区税务局, task: '17-1', approved_by: a, approved_on: 2020-12-28}",
            2,
            "exemptions[0].reason",
            "missing",
        ),
        (
            "  - {unit: 区税务局, task: '17-1', reason: '  ', approved_by: a, approved_on: 2020-12-28}",
            2,
            "exemptions[0].reason",
            "empty",
        ),
        (
            "  - {unit: 区税务局, task: '17-1', reason: r, approved_on: 2020-12-28}",
            2,
            "exemptions[0].approved_by",
            "missing",
        ),
        ("  - {unit: 区税务局, task: '17-1', reason: r, approved_by: a}", 2, "exemptions[0].approved_on", "missing"),
        (
            "  - {unit: 区税务局, task: '17-1', reason: r, approved_by: a, approved_on: 2020-12-28, expires: 2020-06-30}",
            2,
            "exemptions[0].expires",
            "before approved_on",
        ),
        (
            "  - {unit: 区税务局, reason: r, approved_by: a, approved_on: 2020-12-28}",
            2,
            "exemptions[0]",
            "task or tasks",
        ),
        (
            "  - {unit: 区税务局, task: '17-1', reason: r, approved_by: a, approved_on: 2020-12-28, note: x}",
            2,
            "exemptions[0].note",
            "unknown field",
        ),
    ],
)
def test_each_problem_at_its_line(folder: Path, entry: str, line: int, field: str, says: str) -> None:
    found = problems(folder, "exemptions:\n" + entry + "\n")
    assert any(at == line and name == field and says in text for at, name, text in found), found


def test_every_problem_of_the_file_in_one_run(folder: Path) -> None:
    text = (
        "exemptions:\n"
        "  - {unit: 区税务所, task: '17-1', reason: r, approved_by: a, approved_on: 2020-12-28}\n"
        "  - {unit: 区法院, task: '99-1', kinds: [nope], approved_on: 2020-12-28}\n"
    )
    found = problems(folder, text)
    assert {(line, field) for line, field, _ in found} >= {
        (2, "exemptions[0].unit"),
        (3, "exemptions[1].approved_by"),
        (3, "exemptions[1].reason"),
        (3, "exemptions[1].task"),
        (3, "exemptions[1].kinds[0]"),
    }


def test_an_empty_list_exempts_nothing_and_a_file_of_comments_only_is_told(folder: Path, tmp_path: Path) -> None:
    assert problems(folder, "exemptions: []\n") == []
    path = tmp_path / "comments.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    exemptions, found = read_exemptions(path, None, None)
    assert exemptions == () and [problem.line for problem in found] == [1]


def test_a_bad_file_stops_a_check_with_a_clear_error(folder: Path, run_cli: Callable[..., Result]) -> None:
    (folder / "exemptions.yaml").write_text("exemptions:\n  - {unit: 区税务所, task: '17-1'}\n", encoding="utf-8")
    result = run_cli("reports/2020/", "--ruleset", str(folder))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "exemptions.yaml:2" in result.output


def test_exemptions_option(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    missing = run_cli("reports/2020/", "--exemptions", str(tmp_path / "none.yaml"))
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    path = tmp_path / "ex.yaml"
    path.write_text("exemptions: []\n", encoding="utf-8")
    import json

    document = json.loads(run_cli("reports/2020/", "--exemptions", str(path), "--format", "json").stdout)
    assert document["waived"] == [] and document["summary"]["error"] == 6  # the sample's exempted 30-2 counts
