"""Several reports in one file, separated by `---`; empty documents ignored; a broken document
leaves the good ones before it readable and the file unreadable."""

from __future__ import annotations

from pathlib import Path

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
