"""Positions are 1-based lines, made once in the loader, for keys, list items and flow collections."""

from __future__ import annotations

from pathlib import Path

from .support import REPORT, load, only

TEXT = """\
# 区法院 2020 年报告
unit: 区法院

year: 2020
contact: {name: 陈小明,
  phone: "0871-63100109"}
tasks:
  "15-1":
    status: done
    actions:
      - 第一条
      -   第二条
      - >
        折叠的
        第三条
    outputs: [{title: 甲, date: 2020-01-02}, {title: 乙}]
  "29-3": {status: done, actions: [丙,
      丁]}
"""


def test_keys_list_items_and_flow_collections(tmp_path: Path) -> None:
    document = only(load(tmp_path, TEXT))
    lines = document.lines
    assert document.line == 2, "a document starts at its first content, after the comments"
    assert (document.unit_line, document.year_line, document.tasks_line) == (2, 4, 7)
    assert lines[("contact",)] == 5
    assert lines[("contact", "name")] == 5
    assert lines[("contact", "phone")] == 6, "a flow mapping over two lines"
    assert lines[("tasks", "15-1")] == 8
    assert lines[("tasks", "15-1", "status")] == 9
    assert lines[("tasks", "15-1", "actions")] == 10
    assert [lines[("tasks", "15-1", "actions", index)] for index in range(3)] == [11, 12, 13]
    assert lines[("tasks", "15-1", "outputs", 1, "title")] == 16
    assert lines[("tasks", "29-3")] == 17
    assert lines[("tasks", "29-3", "actions", 0)] == 17
    assert lines[("tasks", "29-3", "actions", 1)] == 18
    assert document.entry_lines == {"15-1": 8, "29-3": 17}


def test_line_of_falls_back_to_the_nearest_known_parent(tmp_path: Path) -> None:
    document = only(load(tmp_path, TEXT))
    assert document.line_of("tasks", "15-1", "reason") == 8
    assert document.line_of("tasks", "99-9", "status") == 7
    assert document.line_of("nothing") == 2


def test_values_are_read(tmp_path: Path) -> None:
    entry = only(load(tmp_path, TEXT)).entries["15-1"]
    assert entry.actions == ["第一条", "第二条", "折叠的 第三条"]
    assert [output.title for output in entry.outputs] == ["甲", "乙"]


def test_crlf_gives_the_same_lines_and_values(tmp_path: Path) -> None:
    unix = only(load(tmp_path, TEXT, "unix.yaml"))
    windows = only(load(tmp_path, TEXT.replace("\n", "\r\n"), "windows.yaml"))
    assert windows.lines == unix.lines
    assert windows.entries == unix.entries


def test_classic_mac_line_ends(tmp_path: Path) -> None:
    document = only(load(tmp_path, REPORT.replace("\n", "\r"), "mac.yaml"))
    assert document.lines[("tasks", "15-1", "status")] == 5


def test_a_bom_does_not_shift_lines(tmp_path: Path) -> None:
    document = only(load(tmp_path, b"\xef\xbb\xbf" + REPORT.encode("utf-8")))
    assert (document.unit, document.unit_line) == ("区法院", 1)
    assert document.lines[("tasks", "15-1", "status")] == 5


def test_lines_in_the_second_document_of_a_stream(tmp_path: Path) -> None:
    loaded = load(tmp_path, "unit: 区法院\nyear: 2020\ntasks: {}\n---\n# 第二份\n" + REPORT)
    second = loaded.documents[1]
    assert (second.line, second.unit_line) == (6, 6)
    assert second.lines[("tasks", "15-1", "status")] == 10
