"""The self-check page through Flask's test client: every route and every answer it gives."""

from __future__ import annotations

import concurrent.futures
import io
import json
import re
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient

from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.loading.limits import ReadLimits
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.render.html_kit import esc
from ipr_rules.serve import app as app_module
from ipr_rules.serve.app import UploadJob, _result_page
from ipr_rules.serve.settings import ServeSettings
from ipr_rules.serve.templates import TEMPLATE_FORMATS

from ..conftest import REPO
from ..render.support import SCRIPT, Elements
from .conftest import SAMPLE, Upload, make_app, upload_to

REPORTS = REPO / "reports" / "2020"


def notes(page: str) -> list[str]:
    return re.findall(r'<p class="serve-note">(.*?)</p>', page)


def expected_messages(path: Path, ruleset: Ruleset) -> list[str]:
    result = check_paths([str(path)], ruleset, CheckOptions(unit_only=True, jobs=1))
    return [finding.text("zh") for finding in result.findings]


def test_start_page_lists_units_by_kind_with_templates_and_a_form(client: FlaskClient, ruleset: Ruleset) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.content_type == "text/html; charset=utf-8"
    page = Elements(response.get_data(as_text=True))
    (form,) = page.find("form")
    assert form["method"] == "post" and form["enctype"] == "multipart/form-data" and form["action"] == "/check"
    (file_input,) = [attrs for attrs in page.find("input") if attrs.get("type") == "file"]
    assert file_input["name"] == "report" and ".yaml" in file_input["accept"]
    options = [attrs["value"] for attrs in page.find("option") if attrs["value"]]
    assert options == [
        unit.name
        for group in ("party", "government", "judicial", "city_branch")
        for unit in ruleset.registry.units
        if unit.kind == group
    ]
    assert [group["label"] for group in page.find("optgroup")] == ["党委部门", "政府部门", "司法机关", "市级派驻机构"]
    templates = [attrs["href"] for attrs in page.find("a") if attrs["href"].startswith("/template/")]
    assert len(templates) == len(ruleset.registry.units) * len(TEMPLATE_FORMATS)
    assert page.find("script") == []
    assert "怎样自查" in page.all_text and "不会保存" in page.all_text


def test_every_answer_forbids_scripts_and_framing(client: FlaskClient, upload: Upload) -> None:
    for response in (client.get("/"), client.get("/healthz"), upload(SAMPLE.read_bytes()), client.get("/nothing")):
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src" not in policy
        assert "frame-ancestors 'none'" in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Cache-Control"] == "no-store"


def test_healthz(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content_type == "application/json"
    assert response.get_json() == {
        "status": "ok",
        "ruleset": {"year": 2020, "tasks": 55, "units": 19},
        "results_held": 0,
    }


def test_template_download_is_the_units_skeleton(client: FlaskClient, ruleset: Ruleset) -> None:
    response = client.get("/template/区法院/yaml")
    assert response.status_code == 200
    assert "filename*=UTF-8''%E5%8C%BA%E6%B3%95%E9%99%A2.yaml" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    report = yaml.safe_load(text)
    assert report["unit"] == "区法院" and report["year"] == 2020
    assert sorted(report["tasks"]) == sorted(task.id for task in ruleset.tasks_of("区法院"))
    schema_url = re.match(r"# yaml-language-server: \$schema=(\S+)", text)
    assert schema_url is not None and schema_url.group(1) == "http://localhost/report.schema.json"
    schema = client.get("/report.schema.json")
    assert schema.status_code == 200 and json.loads(schema.data)["properties"]["tasks"]


def test_the_workbook_template_downloads_and_its_upload_names_cells(client: FlaskClient, upload: Upload) -> None:
    response = client.get("/template/区法院/xlsx")
    assert response.status_code == 200 and response.data[:4] == b"PK\x03\x04"
    assert "%E5%8C%BA%E6%B3%95%E9%99%A2.xlsx" in response.headers["Content-Disposition"]
    assert openpyxl.load_workbook(io.BytesIO(response.data)).sheetnames[:4] == ["任务", "产出", "指标", "封面"]
    checked = upload(response.data, name="区法院.xlsx", unit="区法院")
    assert checked.status_code == 200
    text = checked.get_data(as_text=True)
    assert "task-not-started" in text and "区法院.xlsx:任务!E2" in text


def test_template_by_alias_and_unknown_ones(client: FlaskClient) -> None:
    assert client.get("/template/区人民法院/yaml").status_code == 200  # an alias is the same unit
    assert client.get("/template/官渡区司法局/yaml").status_code == 200  # a form that follows from its name (SPEC §7)
    for path in ("/template/区法人/yaml", "/template/区法院/docx"):
        response = client.get(path)
        assert response.status_code == 404
        assert "没有这个页面" in response.get_data(as_text=True)


def test_upload_shows_the_unit_only_findings_of_the_html_report(upload: Upload, ruleset: Ruleset) -> None:
    response = upload(SAMPLE.read_bytes())
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    messages = expected_messages(SAMPLE, ruleset)
    assert messages, "the sample report has findings"
    for message in messages:
        assert esc(message) in page
    assert "单位自查（未做全区集合检查）" in page  # --unit-only: no set checks
    assert '<span class="where">区市场监管局.yaml:' in page  # file:line with the name the unit gave
    parsed = Elements(page)
    assert [a["href"] for a in parsed.find("a") if a["href"] == "/"], "a link back"
    assert parsed.find("script") == []


def test_the_temporary_path_never_shows_and_is_removed(
    upload: Upload, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    page = upload(b"unit: [broken\n", name="坏文件.yaml").get_data(as_text=True)
    assert "坏文件.yaml:1" in page
    assert str(tmp_path) not in page and "ipr-check-" not in page
    assert list(tmp_path.iterdir()) == []


def test_downloads_of_a_result(client: FlaskClient, upload: Upload, ruleset: Ruleset) -> None:
    page = upload(SAMPLE.read_bytes()).get_data(as_text=True)
    links = dict(re.findall(r'href="(/download/[^"]+/(html|xlsx))"', page))
    assert sorted(links.values()) == ["html", "xlsx"]
    by_format = {kind: link for link, kind in links.items()}
    html = client.get(by_format["html"])
    assert html.status_code == 200 and html.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "%E8%87%AA%E6%9F%A5%E7%BB%93%E6%9E%9C.html" in html.headers["Content-Disposition"]  # 自查结果
    document = html.get_data(as_text=True)
    assert document.startswith("<!DOCTYPE html>") and 'nav class="serve"' not in document
    for message in expected_messages(SAMPLE, ruleset):
        assert esc(message) in document
    xlsx = client.get(by_format["xlsx"])
    assert xlsx.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(xlsx.data))
    cells = {str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row}
    assert any("区市场监管局.yaml" in value for value in cells)


def test_an_unknown_or_expired_result(client: FlaskClient) -> None:
    response = client.get("/download/not-a-token/html")
    assert response.status_code == 404 and "已过期" in response.get_data(as_text=True)
    assert client.get("/download/not-a-token/pdf").status_code == 404


@pytest.mark.parametrize(
    ("form", "status", "words"),
    [
        ({"unit": "区法人"}, 400, "没有名为“区法人”的成员单位"),
        ({"name": ""}, 400, "请选择要检查的报告文件"),
        ({"name": "报告.docx"}, 415, "只能检查 .yaml .yml .xlsx 格式的报告文件，“报告.docx”不是"),
        ({"name": "no-suffix"}, 415, "“no-suffix”不是"),
    ],
)
def test_form_mistakes_get_a_clear_answer(upload: Upload, form: dict[str, str | None], status: int, words: str) -> None:
    arguments = {"unit": "区市场监管局", "name": "区市场监管局.yaml", **form}
    response = upload(SAMPLE.read_bytes(), name=arguments["name"], unit=arguments["unit"])
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert words in " ".join(notes(page))
    assert 'href="/"' in page


@pytest.mark.parametrize("unit", [None, ""])
def test_without_a_chosen_unit_the_report_names_it(upload: Upload, unit: str | None, ruleset: Ruleset) -> None:
    response = upload(SAMPLE.read_bytes(), unit=unit)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert notes(page) == []
    for message in expected_messages(SAMPLE, ruleset):
        assert esc(message) in page


def test_a_file_field_of_another_name(client: FlaskClient) -> None:
    form = {"unit": "区市场监管局", "file": (io.BytesIO(SAMPLE.read_bytes()), SAMPLE.name)}
    response = client.post("/check", data=form, content_type="multipart/form-data")
    assert response.status_code == 200 and f"{SAMPLE.name}:" in response.get_data(as_text=True)


def test_a_post_without_a_file_part(client: FlaskClient) -> None:
    response = client.post("/check", data={"unit": "区法院"})
    assert response.status_code == 400 and "请选择要检查的报告文件" in response.get_data(as_text=True)


def test_random_bytes_are_an_unreadable_file(upload: Upload) -> None:
    response = upload(bytes(range(256)) * 40, name="random.yaml")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "文件无法读取" in page and "random.yaml" in page


@pytest.mark.parametrize("name", ["<img src=x onerror=alert(1)>.yaml", f"{SCRIPT}.yaml", f"{SCRIPT}.exe"])
def test_markup_in_the_file_name_and_the_report_is_text(upload: Upload, name: str) -> None:
    report = f"unit: 区法院\nyear: 2020\ntasks:\n  \"1-1\":\n    status: done\n    actions: ['{SCRIPT}']\n"
    page = upload(report.encode(), name=name).get_data(as_text=True)
    assert "<img" not in page and SCRIPT not in page
    assert esc(name) in page
    parsed = Elements(page)
    assert parsed.find("script") == [] and parsed.find("img") == []


def test_a_report_for_another_unit_says_so(upload: Upload) -> None:
    page = upload((REPORTS / "区检察院.yaml").read_bytes(), name="区检察院.yaml").get_data(as_text=True)
    assert notes(page) == ["您选择的单位是“区市场监管局”，但报告填写的单位是“区检察院”，以下按报告填写的单位检查。"]


def test_errors_are_chinese_pages(client: FlaskClient) -> None:
    missing = client.get("/no/such/page")
    assert missing.status_code == 404 and "没有这个页面" in missing.get_data(as_text=True)
    wrong_method = client.get("/check")
    assert wrong_method.status_code == 405 and "请从首页的表单上传报告" in wrong_method.get_data(as_text=True)
    assert client.delete("/").status_code == 405


def test_a_crash_is_a_page_and_a_log_line_never_a_traceback(
    upload: Upload, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(*args: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(app_module, "check_upload", explode)
    response = upload(SAMPLE.read_bytes())
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "服务器内部出错" in page
    assert "Traceback" not in page and "secret internal detail" not in page
    assert any("POST /check failed" in record.message and record.exc_info for record in caplog.records)


def test_a_check_over_the_time_limit(ruleset: Ruleset, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def slow(*args: object) -> None:
        release.wait(5)

    monkeypatch.setattr(app_module, "check_upload", slow)
    for app in make_app(ruleset, check_seconds=0.2):
        started = time.monotonic()
        response = upload_to(app.test_client())(SAMPLE.read_bytes())
        release.set()
        assert time.monotonic() - started < 3
        assert response.status_code == 503
        assert "检查用时超过 0.2 秒" in response.get_data(as_text=True)


def test_an_upload_over_the_limit(ruleset: Ruleset) -> None:
    for app in make_app(ruleset, max_upload_bytes=2000):
        send = upload_to(app.test_client())
        assert send(b"#" * 2000).status_code == 200
        over = send(b"#" * 2001)
        assert over.status_code == 413 and "文件超过 0.00190735 MB 的上限" in over.get_data(as_text=True)
        whole_request = send(b"#" * 200_000)  # over the request limit too: refused before the form is read
        assert whole_request.status_code == 413


@pytest.fixture
def eager_switching() -> Iterator[None]:
    """Threads switch after every few bytecodes, so that a race shows up in a short test."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


@pytest.mark.usefixtures("eager_switching")
def test_uploads_at_once_get_their_own_results(app: Flask, ruleset: Ruleset) -> None:
    files = [REPORTS / "区市场监管局.yaml", REPORTS / "区自然资源局.yaml", *sorted(REPORTS.glob("*.yaml"))[:6]] * 2
    pages: dict[int, str] = {}

    def send(number: int) -> None:
        path = files[number]
        unit = path.stem if ruleset.registry.resolve(path.stem) else "区法院"
        pages[number] = upload_to(app.test_client())(path.read_bytes(), name=path.name, unit=unit).get_data(
            as_text=True
        )

    threads = [threading.Thread(target=send, args=(number,)) for number in range(len(files))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for number, path in enumerate(files):
        page = pages[number]
        assert f'<span class="where">{esc(path.name)}' in page or "未发现问题" in page
        for message in expected_messages(path, ruleset):
            assert esc(message) in page
        for other in set(files) - {path}:
            assert f"{esc(other.name)}:" not in page


def test_english_pages(ruleset: Ruleset) -> None:
    for app in make_app(ruleset, lang="en"):
        client = app.test_client()
        assert "How to check your report" in client.get("/").get_data(as_text=True)
        assert "There is no such page." in client.get("/nothing").get_data(as_text=True)


def test_a_flood_of_documents_is_cut_short(upload: Upload) -> None:
    """A unit's report has a few hundred values; the page reads at most 20,000 of a file."""
    response = upload(b"---\nunit: x\n" * 30_000, name="flood.yaml")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "文件内容展开后超过 20000 个节点" in page
    assert len(page) < 8_000_000


def test_checks_run_one_at_a_time(ruleset: Ruleset, monkeypatch: pytest.MonkeyPatch) -> None:
    """The library's requirement validators keep the state of their last validation, so two
    checks must never run at the same moment (they gave duplicated findings, or crashed)."""
    real_check = app_module.check_upload
    inside, most = [0], [0]
    counting = threading.Lock()

    def check(*args: Any) -> Any:
        with counting:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        time.sleep(0.01)
        try:
            return real_check(*args)
        finally:
            with counting:
                inside[0] -= 1

    monkeypatch.setattr(app_module, "check_upload", check)
    settings = ServeSettings()
    job = UploadJob(SAMPLE.read_bytes(), SAMPLE.name, ".yaml", None, "/", {})
    limits = ReadLimits(settings.max_upload_bytes)

    def findings(_: int) -> list[tuple[object, ...]]:
        result = _result_page(job, ruleset, limits, settings)[0]
        return sorted((f.kind, f.task, f.line, f.text("zh")) for f in result.findings)

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(findings, range(16)))
    assert most[0] == 1
    assert outcomes == [findings(0)] * 16


def test_a_waived_finding_is_shown_apart_on_the_page(ruleset: Ruleset) -> None:
    from ipr_rules.ruleset.loader import with_exemptions

    exempted = with_exemptions(ruleset, REPO / "docs" / "examples" / "exemptions-2020.yaml")
    for app in make_app(exempted):
        report = REPO / "reports" / "2020" / "区卫生健康局综合监督执法局.yaml"
        page = upload_to(app.test_client())(report.read_bytes(), report.name, "区卫生健康局综合监督执法局")
        text = page.get_data(as_text=True)
        assert page.status_code == 200
        assert "已豁免" in text and "官打假办〔2020〕9号" in text
