"""Several reports in one file, separated by `---`; empty documents ignored; a broken document
leaves the good ones before it readable and the file unreadable."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.limits import Limits
from ipr_rules.loading.yaml_errors import explain_syntax_error
from ipr_rules.loading.yaml_messages import TOO_MANY_NODES, UNDEFINED_ALIAS
from ipr_rules.loading.yamlpos import is_syntax_error
from ipr_rules.loading.yamlstream import read_stream

from .support import failure_text, load

COURT = "unit: 区法院\nyear: 2020\ntasks: {}\n"
PROSECUTOR = "unit: 区检察院\nyear: 2020\ntasks: {}\n"


def test_several_reports(tmp_path: Path) -> None:
    loaded = load(tmp_path, COURT + "---\n" + PROSECUTOR + "...\n---\n" + COURT)
    assert loaded.failure is None
    assert [(document.unit, document.line) for document in loaded.documents] == [
        ("区法院", 1),
        ("区检察院", 5),
        ("区法院", 10),
    ]


def test_empty_documents_are_ignored(tmp_path: Path) -> None:
    loaded = load(tmp_path, "---\n---\n# 只有注释\n---\n" + COURT + "---\n---\n" + PROSECUTOR + "---\n")
    assert loaded.failure is None
    assert [document.unit for document in loaded.documents] == ["区法院", "区检察院"]
    assert all(not document.problems for document in loaded.documents)


def test_a_stream_of_nothing_is_one_empty_report(tmp_path: Path) -> None:
    loaded = load(tmp_path, "---\n---\n")
    assert loaded.failure is None
    [document] = loaded.documents
    assert document.unit is None and document.problems


def test_a_broken_document_after_good_ones(tmp_path: Path) -> None:
    broken = 'unit: 区税务局\nyear: 2020\ntasks: {"17-1": {status: done\n'
    loaded = load(tmp_path, COURT + "---\n" + PROSECUTOR + "---\n" + broken)
    assert [document.unit for document in loaded.documents] == ["区法院", "区检察院"]
    assert loaded.failure is not None
    assert "opened on line 11" in failure_text(loaded)


def test_a_broken_first_document(tmp_path: Path) -> None:
    loaded = load(tmp_path, 'unit: "区法院\nyear: 2020\n')
    assert loaded.documents == []
    assert loaded.failure is not None and loaded.failure.line == 1


def test_a_document_that_is_not_a_mapping_among_reports(tmp_path: Path) -> None:
    loaded = load(tmp_path, COURT + "---\n- 区检察院\n- 2020\n---\n" + PROSECUTOR)
    assert loaded.failure is None
    assert [document.unit for document in loaded.documents] == ["区法院", None, "区检察院"]
    assert [problem.line for problem in loaded.documents[1].problems] == [5]


def test_the_stream_reports_a_syntax_error_as_a_diagnostic_in_the_parsers_words() -> None:
    text = COURT + "---\n" + 'unit: 区检察院\nyear: 2020\ntasks: {"17-1": {status: done\n' + "---\n" + PROSECUTOR
    items = list(read_stream(text))
    assert [type(item).__name__ for item in items] == ["Document", "Diagnostic", "Document"]
    broken = items[1]
    assert isinstance(broken, Diagnostic) and is_syntax_error(broken)
    # libyaml stops at the `---` that comes while the braces are open, which it began reading on line 7.
    assert (broken.line, broken.column, broken.args["context_line"]) == (8, 1, 7)
    assert "flow" in broken.args["context"] and broken.args["problem"]
    explained = explain_syntax_error(broken, text).at("r.yaml")
    assert explained.where == "r.yaml:7"
    assert not is_syntax_error(explained) and broken.args["problem"] not in explained.render("en")


def test_an_undefined_alias_is_a_syntax_error_at_the_alias() -> None:
    [broken] = read_stream("unit: 区法院\nyear: 2020\ntasks:\n  a: *nowhere\n")
    assert isinstance(broken, Diagnostic) and is_syntax_error(broken)
    assert (broken.line, broken.column, broken.args["problem"]) == (4, 6, "found undefined alias")
    assert explain_syntax_error(broken, "").message is UNDEFINED_ALIAS


def test_a_limit_stops_the_stream_with_a_diagnostic_that_is_no_syntax_error() -> None:
    text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n---\n" + COURT
    *_, stop = list(read_stream(text, Limits(max_nodes=8)))
    assert isinstance(stop, Diagnostic) and not is_syntax_error(stop)
    assert stop.message is TOO_MANY_NODES and stop.args == {"limit": 8}
