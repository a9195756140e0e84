"""The pieces behind the page: upload names and suffixes, held results, kept uploads, settings."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from flask import Flask

from ipr_rules.loading.limits import ReadLimits
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.serve.keep import keep_upload, safe_file_stem
from ipr_rules.serve.results import ResultStore
from ipr_rules.serve.settings import is_loopback
from ipr_rules.serve.upload import accepted_suffix, check_upload, shown_name

from .conftest import SAMPLE, make_app, upload_to


@pytest.mark.parametrize(
    ("given", "shown", "suffix"),
    [
        ("区法院.yaml", "区法院.yaml", ".yaml"),
        ("C:\\Users\\张三\\桌面\\区法院.YML", "区法院.YML", ".yml"),
        ("../../etc/passwd.yaml", "../../etc/passwd.yaml", ".yaml"),
        ("<script>alert(1)</script>.yaml", "<script>alert(1)</script>.yaml", ".yaml"),
        ("报告.xls", "报告.xls", None),
        ("报告.yaml.exe", "报告.yaml.exe", None),
        ("C:\\", "report", None),
        ("a" * 300 + ".yaml", "a" * 115 + ".yaml", ".yaml"),
    ],
)
def test_upload_names(given: str, shown: str, suffix: str | None) -> None:
    assert shown_name(given) == shown
    assert accepted_suffix(given) == suffix


def test_check_upload_speaks_of_the_given_name(ruleset: Ruleset) -> None:
    result = check_upload(SAMPLE.read_bytes(), "我的报告.yaml", ruleset, ReadLimits())
    assert result.inputs == ["我的报告.yaml"]
    assert [report.file for report in result.reports] == ["我的报告.yaml"]
    assert result.findings and {finding.file for finding in result.findings} == {"我的报告.yaml"}
    assert not result.set_checks


def test_held_results_expire_and_are_bounded(ruleset: Ruleset) -> None:
    now = [0.0]
    store = ResultStore(seconds=60, capacity=2, clock=lambda: now[0])
    result = check_upload(SAMPLE.read_bytes(), "a.yaml", ruleset, ReadLimits())
    first = store.put(result, "区市场监管局")
    assert store.get(first) is not None and store.get("other") is None
    now[0] = 61
    assert store.get(first) is None, "expired"
    tokens = [store.put(result, "区市场监管局") for _ in range(3)]
    assert store.get(tokens[0]) is None and store.get(tokens[2]) is not None, "only the newest two are held"
    assert len(store) == 2
    assert len({*tokens, first}) == 4 and all(len(token) >= 24 for token in tokens)


def test_keep_writes_the_current_file_and_keeps_a_timestamped_copy(tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    first = keep_upload(folder, "区法院", ".yaml", b"first")
    assert first == folder / "区法院.yaml" and first.read_bytes() == b"first"
    old = time.mktime((2020, 12, 20, 9, 30, 5, 0, 0, -1))
    os.utime(first, (old, old))
    keep_upload(folder, "区法院", ".yaml", b"second")
    keep_upload(folder, "区法院", ".yaml", b"third")
    files = {path.name: path.read_bytes() for path in folder.iterdir()}
    assert files["区法院.yaml"] == b"third"
    assert files["区法院.20201220-093005.yaml"] == b"first"
    assert sorted(files.values()) == [b"first", b"second", b"third"], "nothing is lost"
    assert not [name for name in files if name.endswith(".tmp")]


def test_keep_at_once_loses_nothing(tmp_path: Path) -> None:
    threads = [
        threading.Thread(target=keep_upload, args=(tmp_path, "区法院", ".yaml", str(n).encode())) for n in range(10)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(int(path.read_bytes()) for path in tmp_path.iterdir()) == list(range(10))


def test_unit_names_as_file_names() -> None:
    assert safe_file_stem("区法院") == "区法院"
    assert safe_file_stem('a/b\\c:d*e?"<>|') == "a_b_c_d_e_____"
    assert safe_file_stem("..") == "unit"


def test_the_page_keeps_uploads_only_when_told(ruleset: Ruleset, tmp_path: Path) -> None:
    for app in make_app(ruleset, keep=tmp_path / "kept"):
        page = upload_to(app.test_client())(SAMPLE.read_bytes()).get_data(as_text=True)
        assert "已保存上传的文件" in page
        assert (tmp_path / "kept" / "区市场监管局.yaml").read_bytes() == SAMPLE.read_bytes()
        assert "区打假办保存" in app.test_client().get("/").get_data(as_text=True)


def test_without_a_chosen_unit_the_report_names_the_kept_file(ruleset: Ruleset, tmp_path: Path) -> None:
    for app in make_app(ruleset, keep=tmp_path):
        send = upload_to(app.test_client())
        assert "已保存上传的文件" in send(SAMPLE.read_bytes(), unit=None).get_data(as_text=True)
        assert [path.name for path in tmp_path.iterdir()] == ["区市场监管局.yaml"]
        page = send(b"unit: [broken\n", unit=None).get_data(as_text=True)
        assert "上传的文件未能保存" in page, "no unit chosen, none readable in the report"
        assert len(list(tmp_path.iterdir())) == 1


def test_a_folder_that_cannot_keep_says_so(ruleset: Ruleset, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    for app in make_app(ruleset, keep=blocker):
        response = upload_to(app.test_client())(SAMPLE.read_bytes())
        assert response.status_code == 200
        assert "上传的文件未能保存" in response.get_data(as_text=True)


def test_nothing_is_kept_by_default(app: Flask, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    upload_to(app.test_client())(SAMPLE.read_bytes())
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("office-pc", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
