"""Consolidated files: a `---` stream with broken or empty documents. The readable reports of
the stream are still checked, before and after the broken one (SPEC §3, §5)."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.loading.reports import load_file
from tests.hardening.support import FIXTURES, HEAD, check_json, kinds, messages, write

ENTRY = '  "15-1":\n    status: done\n    actions: [审结案件35件]\n'


def test_a_broken_document_costs_only_itself() -> None:
    code, document = check_json(FIXTURES / "broken-stream.yaml")
    assert code == 2
    assert kinds(document, "unreadable") == [("unreadable", 13)]
    assert "第 13 行开始的引号没有闭合" in messages(document, "unreadable")[0]
    assert [report["unit"] for report in document["reports"]] == ["区法院", "区司法局"]


def test_empty_documents_in_a_stream_are_not_reports() -> None:
    code, document = check_json(FIXTURES / "empty-documents-stream.yaml")
    assert [report["unit"] for report in document["reports"]] == ["区法院"]
    assert kinds(document, "invalid-report", "unreadable") == []
    assert code == 1


def test_every_broken_document_of_a_stream_is_found(tmp_path: Path) -> None:
    good = HEAD + "tasks:\n" + ENTRY
    broken = 'unit: 区检察院\nyear: 2020\ntasks: {"15-1": [\n'
    text = "---\n".join(
        [good, broken, good.replace("区法院", "区司法局"), "a:\n\tb: c\n", good.replace("区法院", "区税务局")]
    )
    path = write(tmp_path, "汇总.yaml", text)
    loaded = load_file(str(path))
    assert [failure.line for failure in loaded.failures] == [10, 20]
    assert "第 10 行开始的方括号" in loaded.failures[0].message.render("zh", **loaded.failures[0].args)
    assert [doc.unit for doc in loaded.documents] == ["区法院", "区司法局", "区税务局"]
    code, document = check_json(path)
    assert code == 2
    assert kinds(document, "unreadable") == [("unreadable", 10), ("unreadable", 20)]  # each broken document


def test_lines_after_a_resumed_stream_are_the_file_s_lines(tmp_path: Path) -> None:
    text = "unit: [\n---\n" + HEAD + 'tasks:\n  "15-1":\n    status: partial\n    actions: [审结案件35件]\n'
    _, document = check_json(write(tmp_path, "汇总.yaml", text))
    assert ("task-partial", 7) in kinds(document, "task-partial")


def test_a_stream_of_only_separators_is_an_empty_report(tmp_path: Path) -> None:
    code, document = check_json(write(tmp_path, "空.yaml", "---\n---\n...\n---\n"))
    assert code == 1
    assert kinds(document) == [("invalid-report", 1)]


def test_a_document_that_is_not_a_mapping_inside_a_stream(tmp_path: Path) -> None:
    text = HEAD + "tasks:\n" + ENTRY + "---\n- 列表\n---\n纯文字的一段话\n"
    code, document = check_json(write(tmp_path, "汇总.yaml", text))
    assert code == 1
    assert kinds(document, "invalid-report") == [("invalid-report", 8), ("invalid-report", 10)]


def test_worker_processes_give_what_one_process_gives() -> None:
    """Every message argument crosses to and from worker processes (`--jobs`) intact."""
    _, serial = check_json("--jobs", "1", FIXTURES)
    _, parallel = check_json("--jobs", "2", FIXTURES)
    assert parallel["findings"] == serial["findings"]
    assert parallel["reports"] == serial["reports"]
