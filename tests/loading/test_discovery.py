"""Which files a run reads: directories recursively in sorted order, hidden and non-YAML files
skipped, an explicitly named file always read, links that loop or dangle reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.reports import discover

REPORT = "unit: 区法院\nyear: 2020\ntasks: {}\n"


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(REPORT, encoding="utf-8")


def _found(paths: list[str | Path], root: Path) -> list[str]:
    found = []
    for item in discover([str(path) for path in paths]):
        if isinstance(item, Diagnostic):
            found.append(f"! {os.path.relpath(item.file, root)}")
        else:
            found.append(os.path.relpath(item, root))
    return found


def test_recursive_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path, ["b.yaml", "a.yml", "c/z.yaml", "c/a.YAML", "c/d/e.yaml", "区法院.yaml", "10.yaml", "9.yaml"])
    assert _found([tmp_path], tmp_path) == [
        "10.yaml",
        "9.yaml",
        "a.yml",
        "b.yaml",
        "c/a.YAML",
        "c/d/e.yaml",
        "c/z.yaml",
        "区法院.yaml",
    ]


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.yaml", ".hidden.yaml", ".git/config.yaml", ".cache/b/c.yaml", "d/.e.yml"])
    assert _found([tmp_path], tmp_path) == ["a.yaml"]


def test_other_files_are_ignored(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.yaml", "b.txt", "c.json", "d.yaml.bak", "e.yaml~", "README.md", "f.yamlx"])
    assert _found([tmp_path], tmp_path) == ["a.yaml"]


def test_a_file_named_explicitly_is_read_whatever_its_name(tmp_path: Path) -> None:
    _tree(tmp_path, ["report.txt", ".hidden.yaml", "a.yaml"])
    assert _found([tmp_path / "report.txt", tmp_path / ".hidden.yaml", tmp_path], tmp_path) == [
        "report.txt",
        ".hidden.yaml",
        "a.yaml",
    ]


def test_each_file_once(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.yaml", "b/c.yaml"])
    (tmp_path / "link.yaml").symlink_to(tmp_path / "a.yaml")
    assert _found([tmp_path / "a.yaml", tmp_path, tmp_path / "b"], tmp_path) == ["a.yaml", "b/c.yaml"]


def test_a_missing_path(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.yaml"])
    assert _found([tmp_path / "missing.yaml", tmp_path / "a.yaml"], tmp_path) == ["! missing.yaml", "a.yaml"]


def test_a_folder_without_reports(tmp_path: Path) -> None:
    _tree(tmp_path, ["sub/notes.txt"])
    (tmp_path / "sub" / "empty").mkdir()
    assert _found([tmp_path], tmp_path) == ["! ."]


def test_a_symlink_loop_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    _tree(tmp_path, ["a/r.yaml", "b.yaml"])
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert _found([tmp_path], tmp_path) == ["! a/loop", "a/r.yaml", "b.yaml"]


def test_a_file_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").symlink_to(tmp_path / "y.yaml")
    (tmp_path / "y.yaml").symlink_to(tmp_path / "x.yaml")
    found = _found([tmp_path / "x.yaml"], tmp_path)
    assert found == ["! x.yaml"]


def test_a_dangling_symlink(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.yaml"])
    (tmp_path / "b.yaml").symlink_to(tmp_path / "gone.yaml")
    assert _found([tmp_path], tmp_path) == ["a.yaml", "! b.yaml"]
    assert _found([tmp_path / "b.yaml"], tmp_path) == ["! b.yaml"]


def test_a_linked_folder_that_is_no_loop_is_read(tmp_path: Path) -> None:
    _tree(tmp_path, ["real/r.yaml"])
    (tmp_path / "view").mkdir()
    (tmp_path / "view" / "shared").symlink_to(tmp_path / "real", target_is_directory=True)
    assert _found([tmp_path / "view"], tmp_path) == ["view/shared/r.yaml"]


def test_an_unreadable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permissions do not bind root, so the refusal is made by the file system call itself."""
    _tree(tmp_path, ["a.yaml", "locked/b.yaml"])
    real_scandir = os.scandir
    locked = str(tmp_path / "locked")

    def scandir(path: str) -> object:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert _found([tmp_path], tmp_path) == ["a.yaml", "! locked"]
