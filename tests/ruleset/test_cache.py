"""The loaded-ruleset cache: used only when current, never an error, off when asked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ipr_rules import user_cache
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.ruleset import cache, loader
from ipr_rules.ruleset.bundled import bundled_ruleset_dir

from ..conftest import REPO


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(user_cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(user_cache.NO_CACHE_ENV, raising=False)
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "2020"
    shutil.copytree(bundled_ruleset_dir(), copy)
    return copy


def assert_same(cached: Ruleset, fresh: Ruleset) -> None:
    assert cached.plan == fresh.plan
    assert cached.registry.units == fresh.registry.units
    assert cached.exemptions == fresh.exemptions
    assert (cached.metrics is None) == (fresh.metrics is None)
    if cached.metrics is not None and fresh.metrics is not None:
        assert cached.metrics.metrics == fresh.metrics.metrics
    assert cached.directory == fresh.directory


def no_loading(folder: Path) -> Ruleset:
    raise AssertionError(f"{folder} was loaded, not taken from the cache")


def test_the_second_load_comes_from_the_cache_and_equals_the_first(
    cache_dir: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = loader.load_ruleset(folder, trusted=True)
    assert len(list(cache_dir.iterdir())) == 1
    monkeypatch.setattr(loader, "_trusted", no_loading)
    assert_same(loader.load_ruleset(folder, trusted=True), fresh)


def test_an_edited_ruleset_file_is_loaded_afresh(cache_dir: Path, folder: Path) -> None:
    loader.load_ruleset(folder, trusted=True)
    units = folder / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("区法院", "区人民法院", 1), encoding="utf-8")
    edited = loader.load_ruleset(folder, trusted=True)
    assert_same(edited, loader._trusted(folder))
    assert "区人民法院" in [unit.name for unit in edited.registry.units]


def test_a_removed_optional_file_is_loaded_afresh(cache_dir: Path, folder: Path) -> None:
    assert loader.load_ruleset(folder, trusted=True).metrics is not None
    (folder / "metrics.yaml").unlink()
    assert loader.load_ruleset(folder, trusted=True).metrics is None


def test_another_version_of_the_package_does_not_use_the_cache(
    cache_dir: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader.load_ruleset(folder, trusted=True)
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    calls = []
    real = loader._trusted
    monkeypatch.setattr(loader, "_trusted", lambda f: calls.append(f) or real(f))
    loader.load_ruleset(folder, trusted=True)
    assert calls == [folder]


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01not marshal", b"\xe3" * 40])
def test_a_corrupt_cache_is_loaded_afresh_and_replaced(cache_dir: Path, folder: Path, garbage: bytes) -> None:
    fresh = loader.load_ruleset(folder, trusted=True)
    [stored] = cache_dir.iterdir()
    stored.write_bytes(garbage)
    assert_same(loader.load_ruleset(folder, trusted=True), fresh)
    assert stored.read_bytes() != garbage


def test_cached_data_of_another_shape_is_loaded_afresh(cache_dir: Path, folder: Path) -> None:
    import marshal

    fresh = loader.load_ruleset(folder, trusted=True)
    [stored] = cache_dir.iterdir()
    stamp, sources, data = marshal.loads(stored.read_bytes())
    stored.write_bytes(marshal.dumps((stamp, sources, {**data, "tasks": [("1-1",)]})))
    assert_same(loader.load_ruleset(folder, trusted=True), fresh)


def test_a_cache_folder_that_cannot_be_written_is_no_error(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(user_cache.CACHE_DIR_ENV, str(blocked / "cache"))
    assert_same(loader.load_ruleset(folder, trusted=True), loader._trusted(folder))
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_the_cache_can_be_turned_off(cache_dir: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(user_cache.NO_CACHE_ENV, "1")
    assert user_cache.cache_folder() is None
    loader.load_ruleset(folder, trusted=True)
    assert not cache_dir.exists()


def test_the_user_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(user_cache.CACHE_DIR_ENV, raising=False)
    monkeypatch.delenv(user_cache.NO_CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    assert user_cache.cache_folder() == tmp_path / "ipr-check"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    assert user_cache.cache_folder() == tmp_path / "ipr-check" / "cache"


def test_a_corrupt_cache_never_reaches_the_user(tmp_path: Path) -> None:
    """Through the command: the same output with a good, a corrupt and no cache, and no traceback."""
    env_base = {"IPR_CHECK_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(REPO)}

    def tasks(**env: str) -> subprocess.CompletedProcess[str]:
        import os

        return subprocess.run(
            [sys.executable, "-m", "ipr_rules", "tasks", "--lang", "en"],
            cwd=REPO,
            capture_output=True,
            text=True,
            env={**os.environ, **env_base, **env},
            check=False,
            timeout=120,
        )

    first = tasks()
    for stored in tmp_path.iterdir():
        stored.write_bytes(b"\x00garbage")
    corrupt = tasks()
    off = tasks(IPR_CHECK_NO_CACHE="1")
    assert first.returncode == corrupt.returncode == off.returncode == 0, corrupt.stderr
    assert first.stdout == corrupt.stdout == off.stdout
    assert corrupt.stderr == ""


def test_exemptions_come_back_from_the_cache_with_their_dates(
    cache_dir: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "exemptions.yaml").write_text(
        "exemptions:\n"
        "  - unit: 区法院\n"
        '    task: "1-1"\n'
        "    kinds: [missing-task]\n"
        "    reason: 测试\n"
        "    approved_by: 区打假办\n"
        "    approved_on: 2020-12-28\n"
        "    expires: 2021-03-31\n",
        encoding="utf-8",
    )
    fresh = loader.load_ruleset(folder, trusted=True)
    assert fresh.exemptions
    monkeypatch.setattr(loader, "_trusted", no_loading)
    assert_same(loader.load_ruleset(folder, trusted=True), fresh)
