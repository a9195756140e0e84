"""`ipr-check serve` on the command line: its options, its warnings, and failing politely."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ipr_rules.cli import main
from ipr_rules.cli import serve as serve_cli
from ipr_rules.serve.settings import ServeSettings


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[ServeSettings]:
    """Record the settings the page would start with, instead of starting it."""
    seen: list[ServeSettings] = []
    monkeypatch.setattr(serve_cli, "_serve", lambda ruleset, settings, lang: seen.append(settings))
    return seen


def test_defaults_are_the_safe_ones(started: list[ServeSettings]) -> None:
    result = invoke("serve")
    assert result.exit_code == 0 and result.stderr == ""
    (settings,) = started
    assert (settings.host, settings.port, settings.keep) == ("127.0.0.1", 8000, None)
    assert settings.max_upload_bytes == 10 * 1024 * 1024 and settings.check_seconds == 30


def test_another_host_warns_that_there_is_no_login(started: list[ServeSettings]) -> None:
    result = invoke("serve", "--host", "0.0.0.0", "--max-upload-size", "2", "--timeout", "5")
    assert result.exit_code == 0
    assert "警告：自查页面没有登录功能" in result.stderr
    (settings,) = started
    assert settings.host == "0.0.0.0" and settings.max_upload_bytes == 2 * 1024 * 1024
    assert settings.check_seconds == 5 and settings.idle_seconds == 5


def test_options_before_the_command_name(started: list[ServeSettings]) -> None:
    assert invoke("--port", "8123", "serve").exit_code == 0
    assert started[0].port == 8123


def test_without_the_extra_it_says_what_to_install(
    started: list[ServeSettings], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve_cli, "find_spec", lambda name: None if name == "waitress" else object())
    result = invoke("serve")
    assert result.exit_code == 2 and started == []
    assert 'pip install "ipr-check[serve]"' in result.stderr
    assert "Traceback" not in result.output


def test_a_port_in_use(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = invoke("serve", "--port", str(taken.getsockname()[1]))
    assert result.exit_code == 2
    assert "无法在 127.0.0.1:" in result.stderr and "Traceback" not in result.output


def test_a_keep_folder_that_cannot_be_made(started: list[ServeSettings], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = invoke("serve", "--keep", str(blocker / "inside"))
    assert result.exit_code == 2 and "无法使用保存目录" in result.stderr and started == []


def test_a_bad_ruleset(started: list[ServeSettings], tmp_path: Path) -> None:
    result = invoke("serve", "--ruleset", str(tmp_path))
    assert result.exit_code == 2 and started == []


def test_listed_in_the_help(run_cli: Callable[..., Result]) -> None:
    assert "serve" in run_cli("--help").output


def test_a_port_in_use_is_said_in_chinese() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = invoke("serve", "--port", str(taken.getsockname()[1]))
    assert result.exit_code == 2 and "端口已被占用" in result.stderr
    assert "Address already in use" not in result.stderr


@pytest.mark.parametrize("host", ["bad host", "300.1.2.3"])
def test_a_host_that_is_no_address_is_refused_without_a_traceback(host: str) -> None:
    result = invoke("serve", "--port", "0", "--host", host)
    assert result.exit_code == 2
    assert f"无法在 {host}:0 上启动：本机没有这个地址" in result.stderr


def test_a_keep_path_through_a_file_is_said_in_chinese(started: list[ServeSettings], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = invoke("serve", "--keep", str(blocker / "inside"))
    assert result.exit_code == 2 and started == []
    assert "路径中有同名的文件，不是目录" in result.stderr and "Not a directory" not in result.stderr


def test_the_office_exemptions_reach_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[object] = []
    monkeypatch.setattr(serve_cli, "_serve", lambda ruleset, settings, lang: given.append(ruleset))
    sample = Path(__file__).resolve().parents[2] / "docs" / "examples" / "exemptions-2020.yaml"
    assert invoke("serve", "--exemptions", str(sample)).exit_code == 0
    [ruleset] = given
    assert [(item.unit, item.tasks) for item in ruleset.exemptions] == [  # type: ignore[attr-defined]
        ("区卫生健康局综合监督执法局", ("30-2",))
    ]


def test_a_bad_exemptions_file_is_refused(started: list[ServeSettings], tmp_path: Path) -> None:
    bad = tmp_path / "exemptions.yaml"
    bad.write_text("exemptions:\n  - {unit: 区税务所, task: '17-1'}\n", encoding="utf-8")
    result = invoke("serve", "--exemptions", str(bad))
    assert result.exit_code == 2 and started == []
    assert "exemptions.yaml:2" in result.stderr and "Traceback" not in result.stderr
