"""The pattern cache: kept patterns are the patterns `re` compiles, and it never fails a run."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipr_rules import pattern_cache, user_cache

from .conftest import REPO

# Patterns of every kind of construct the engine compiles differently, unique to these tests.
PATTERNS = [
    (r"(?P<year>(?:19|20)\d{2})\s*年(?!度)·cache-test", 0),
    (r"[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]·cache-test", 0),
    (r"(?<![第进])(?:[零一二三]+)(?:个|家|次)·cache-test", 0),
    (r"^\s*(?:于|在)?(\d+)-(\d+)$·cache-test", re.MULTILINE | re.IGNORECASE),
    (r"(a|b)\1·cache-test", re.ASCII),
]
SAMPLES = [
    "2020 年·cache-test",
    "\x07·cache-test",
    "三家·cache-test",
    "第三家·cache-test",
    "于 3-4\nx",
    "AA·cache-test",
]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv(user_cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(user_cache.NO_CACHE_ENV, raising=False)
    re.purge()
    yield folder
    re.purge()


def compile_all() -> list[re.Pattern[str]]:
    return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def behaviour(patterns: list[re.Pattern[str]]) -> list[object]:
    return [
        (p.pattern, p.flags, p.groups, dict(p.groupindex), [m.span() if (m := p.search(s)) else None for s in SAMPLES])
        for p in patterns
    ]


def test_kept_patterns_come_back_as_the_patterns_re_compiles(cache_dir: Path) -> None:
    fresh = compile_all()
    pattern_cache.keep({})
    assert (cache_dir / pattern_cache.FILE_NAME).is_file()
    re.purge()
    loaded = pattern_cache.preload()
    for pattern, flags in PATTERNS:
        assert (pattern, int(flags)) in loaded
        assert (str, pattern, int(flags)) in re._cache  # type: ignore[attr-defined]
    from_cache = compile_all()
    assert from_cache == fresh  # patterns compare by their engine code
    assert behaviour(from_cache) == behaviour(fresh)


def test_the_file_is_written_again_only_for_new_patterns(cache_dir: Path) -> None:
    compile_all()
    pattern_cache.keep({})
    path = cache_dir / pattern_cache.FILE_NAME
    written = path.stat().st_mtime_ns
    re.purge()
    loaded = pattern_cache.preload()
    compile_all()
    pattern_cache.keep(loaded)
    assert path.stat().st_mtime_ns == written
    re.compile("another·cache-test")
    pattern_cache.keep(loaded)
    assert ("another·cache-test", 0) in pattern_cache.preload()


def test_a_file_of_another_interpreter_or_corrupt_is_ignored(cache_dir: Path) -> None:
    compile_all()
    pattern_cache.keep({})
    path = cache_dir / pattern_cache.FILE_NAME
    interpreter, checksum, payload = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((("2.7", *interpreter[1:]), checksum, payload)))
    assert pattern_cache.preload() == {}
    path.write_bytes(marshal.dumps((interpreter, checksum, payload[:-9] + b"\x00" * 9)))
    assert pattern_cache.preload() == {}
    for garbage in (b"", b"\x00\x01", b"not marshal at all"):
        path.write_bytes(garbage)
        assert pattern_cache.preload() == {}


def test_no_cache_when_turned_off_or_unwritable(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compile_all()
    monkeypatch.setenv(user_cache.NO_CACHE_ENV, "1")
    pattern_cache.keep({})
    assert not cache_dir.exists()
    monkeypatch.delenv(user_cache.NO_CACHE_ENV)
    cache_dir.parent.joinpath("blocked").write_text("a file where a folder should be")
    monkeypatch.setenv(user_cache.CACHE_DIR_ENV, str(cache_dir.parent / "blocked" / "cache"))
    pattern_cache.keep({})  # no error
    assert pattern_cache.preload() == {}


def test_a_run_keeps_the_patterns_it_compiled_and_the_next_run_uses_them(tmp_path: Path) -> None:
    env = {**os.environ, user_cache.CACHE_DIR_ENV: str(tmp_path)}
    env.pop(user_cache.NO_CACHE_ENV, None)
    command = [sys.executable, "-m", "ipr_rules", "reports/2020/区法院.yaml"]
    first = subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=120, check=False)
    path = tmp_path / pattern_cache.FILE_NAME
    kept = marshal.loads(marshal.loads(path.read_bytes())[2])
    assert len(kept) > 50  # the package's patterns, PyYAML's and the standard library's
    assert any("年" in pattern for pattern, _ in kept)
    written = path.stat().st_mtime_ns
    second = subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=120, check=False)
    assert path.stat().st_mtime_ns == written
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
