"""Files and folders as they are on a shared drive: links that loop or point nowhere, files
that cannot be opened, names that are not UTF-8, spaces and Chinese in names, folders with no
reports, pipes. Every problem is a finding; the other reports are still checked."""

from __future__ import annotations

import errno
import itertools
import json
import os
import shutil
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from ipr_rules.loading.reports import discover, load_file
from tests.hardening.support import FIXTURES, SAMPLE, check_json, kinds, messages, no_traceback, run_process, write

GOOD = (FIXTURES / "utf8-bom-crlf.yaml").read_bytes()
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links, modes and names")


def _unreadable(document: dict, file: Path | str) -> list[str]:  # type: ignore[type-arg]
    return [f["message"] for f in document["findings"] if f["kind"] == "unreadable" and f["file"] == os.fspath(file)]


def test_a_folder_link_back_to_its_parent_is_a_loop_not_a_hang(tmp_path: Path) -> None:
    folder = tmp_path / "报告"
    write(folder, "区法院.yaml", GOOD)
    (folder / "子目录").mkdir()
    (folder / "子目录" / "回到上级").symlink_to(folder, target_is_directory=True)
    code, document = check_json(folder)
    assert code == 2
    assert ["符号链接形成循环" in m for m in _unreadable(document, folder / "子目录" / "回到上级")] == [True]
    assert [r["unit"] for r in document["reports"]] == ["区法院"]


def test_file_links_that_loop_or_dangle_are_named(tmp_path: Path) -> None:
    write(tmp_path, "区法院.yaml", GOOD)
    (tmp_path / "甲.yaml").symlink_to(tmp_path / "乙.yaml")
    (tmp_path / "乙.yaml").symlink_to(tmp_path / "甲.yaml")
    (tmp_path / "已删除.yaml").symlink_to(tmp_path / "不存在" / "x.yaml")
    code, document = check_json(tmp_path)
    assert code == 2
    assert "循环" in _unreadable(document, tmp_path / "甲.yaml")[0]
    assert "循环" in _unreadable(document, tmp_path / "乙.yaml")[0]
    assert "指向的文件不存在" in _unreadable(document, tmp_path / "已删除.yaml")[0]
    assert [r["unit"] for r in document["reports"]] == ["区法院"]
    code, document = check_json(tmp_path / "已删除.yaml")
    assert code == 2 and "指向的文件不存在" in messages(document, "unreadable")[0]


def test_links_that_fan_out_walk_each_folder_once(tmp_path: Path) -> None:
    """Two links per level to the next level would make 2**30 paths; each folder is walked once."""
    levels = [tmp_path / f"L{i}" for i in range(31)]
    for level in levels:
        level.mkdir()
    for here, below in itertools.pairwise(levels):
        (here / "a").symlink_to(below, target_is_directory=True)
        (here / "b").symlink_to(below, target_is_directory=True)
    write(levels[-1], "区法院.yaml", GOOD)
    found = list(discover([os.fspath(levels[0])]))
    assert len(found) == 1 and isinstance(found[0], str)


def test_folders_thousands_deep_are_walked_without_recursion(tmp_path: Path) -> None:
    chain = [os.fspath(tmp_path / "d")]
    for _ in range(1500):
        os.mkdir(chain[-1])
        chain.append(chain[-1] + "/d")
    report = write(Path(chain[-2]), "区法院.yaml", GOOD)
    try:
        found = list(discover([os.fspath(tmp_path)]))
        assert [Path(item).name for item in found if isinstance(item, str)] == ["区法院.yaml"]
    finally:  # bottom up: a tree this deep is too deep for a recursive delete
        report.unlink()
        for folder in reversed(chain[:-1]):
            os.rmdir(folder)


def _deny(monkeypatch: pytest.MonkeyPatch, path: Path, name: str) -> None:
    """Make `os.<name>` refuse `path` the way chmod 000 does for anyone but root."""
    real = getattr(os, name)

    def refusing(target, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(target) == os.fspath(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(target))
        return real(target, *args, **kwargs)

    monkeypatch.setattr(os, name, refusing)


def test_a_file_that_cannot_be_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path, "区检察院.yaml", GOOD.replace("区法院".encode(), "区检察院".encode()))
    write(tmp_path, "区法院.yaml", GOOD)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # running as root: chmod does not stop reads
            _deny(monkeypatch, locked, "open")
        code, document = check_json(tmp_path)
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert code == 2
    assert ["没有读取权限" in m for m in _unreadable(document, locked)] == [True]
    assert [r["unit"] for r in document["reports"]] == ["区法院"]


def test_a_folder_that_cannot_be_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    closed = tmp_path / "保密"
    write(closed, "x.yaml", GOOD)
    write(tmp_path, "区法院.yaml", GOOD)
    closed.chmod(0)
    try:
        if os.access(closed, os.R_OK):
            _deny(monkeypatch, closed, "scandir")
        code, document = check_json(tmp_path)
    finally:
        closed.chmod(stat.S_IRWXU)
    assert code == 2
    assert ["没有读取权限" in m for m in _unreadable(document, closed)] == [True]
    assert [r["unit"] for r in document["reports"]] == ["区法院"]


def test_a_read_that_fails_midway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "区法院.yaml", GOOD)
    real = os.fdopen

    class Failing:
        def __init__(self, stream: Any) -> None:
            self.stream = stream

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc):  # type: ignore[no-untyped-def]
            self.stream.close()

        def fileno(self) -> int:
            return int(self.stream.fileno())

        def read(self, size: int) -> bytes:
            raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Failing(real(fd, mode)))
    loaded = load_file(os.fspath(path))
    assert loaded.failure is not None
    assert "输入/输出错误" in loaded.failure.message.render("zh", **loaded.failure.args)


def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    """A zip made on a Chinese Windows desktop and unpacked elsewhere: names in GBK bytes."""
    folder = os.fsencode(tmp_path)
    gbk_name = folder + b"/" + "报告".encode("gbk") + b".yaml"
    with open(gbk_name, "wb") as stream:
        stream.write(GOOD)
    with open(folder + b"/" + "坏".encode("gbk") + b".yaml", "wb") as stream:
        stream.write(b"unit: [\n")
    code, document = check_json(tmp_path)
    assert code == 2
    shown = json.dumps(document, ensure_ascii=False)
    shown.encode("utf-8")
    # The bytes shown as escapes, never as U+FFFD: two such names stay distinct.
    assert document["reports"][0]["file"].endswith("\\xb1\\xa8\\xb8\\xe6.yaml")
    for fmt in ("table", "markdown", "json"):
        process = run_process("--format", fmt, gbk_name)
        no_traceback(process)
        assert process.returncode == 1
        process.stdout.decode("utf-8")


def test_chinese_names_with_spaces(tmp_path: Path) -> None:
    folder = tmp_path / "2020 年 各单位 报告"
    path = write(folder, "区 法院 年度 报告 （定稿）.yaml", GOOD)
    code, document = check_json(folder)
    assert [r["file"] for r in document["reports"]] == [os.fspath(path)]
    process = run_process(path)
    no_traceback(process)
    assert process.returncode == code


def test_a_folder_of_everything_but_reports(tmp_path: Path) -> None:
    for name in ("区法院.docx", "区法院.yaml.bak", "说明.txt", "汇总.xls", "区法院.yaml~", ".区法院.yaml", "图片.png"):
        write(tmp_path, name, b"\x00binary")
    (tmp_path / "空目录").mkdir()
    code, document = check_json(tmp_path)
    assert code == 2
    assert kinds(document) == [("unreadable", None)]
    assert "没有 .yaml、.yml 或 .xlsx 报告文件" in messages(document, "unreadable")[0]


def test_upper_case_suffixes_are_reports(tmp_path: Path) -> None:
    write(tmp_path, "区法院.YAML", GOOD)
    write(tmp_path, "区检察院.Yml", GOOD.replace("区法院".encode(), "区检察院".encode()))
    _, document = check_json(tmp_path)
    assert sorted(r["unit"] for r in document["reports"]) == ["区检察院", "区法院"]


def test_a_path_that_does_not_exist_and_one_given_twice(tmp_path: Path) -> None:
    path = write(tmp_path, "区法院.yaml", GOOD)
    code, document = check_json(tmp_path / "没有这个文件.yaml", path, tmp_path, path)
    assert code == 2
    assert "不存在" in messages(document, "unreadable")[0]
    assert len(document["reports"]) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_named_yaml_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "管道.yaml")
    write(tmp_path, "区法院.yaml", GOOD)
    process = run_process("--format", "json", tmp_path, timeout=30)
    no_traceback(process)
    assert process.returncode == 2
    document = json.loads(process.stdout)
    assert "不是普通文件" in _unreadable(document, tmp_path / "管道.yaml")[0]


def test_the_sample_year_copied_into_a_tree_of_odd_names(tmp_path: Path) -> None:
    tree = tmp_path / "收件箱 （2021-01）" / "附件"
    shutil.copytree(SAMPLE, tree)
    code, document = check_json(tmp_path)
    assert code == 1
    assert len(document["reports"]) == 19
