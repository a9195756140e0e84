"""Workers and signals: -j never starts more processes than cores or files, and an interrupted
run exits 130 (SIGINT) or 143 (SIGTERM) with one line, no output file and no process left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.generate import generate
from ipr_rules.parallel import available_cores, worker_count
from tests.hardening.support import REPO, SAMPLE, no_traceback, run_process

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="counts processes through /proc")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("interrupts")
    generate(folder, 1200, seed=3)
    return folder


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stream:
                fields = stream.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            return stream.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


class Run:
    """`ipr-check ARGS` started in the background; its output goes to files (a pipe nobody
    reads would fill up and stall it)."""

    def __init__(self, folder: Path, *args: str | os.PathLike[str], new_session: bool = False) -> None:
        self.out, self.err = folder / "stdout", folder / "stderr"
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "ipr_rules", *map(os.fspath, args)],
                stdout=out,
                stderr=err,
                cwd=REPO,
                start_new_session=new_session,
            )

    def finish(self) -> tuple[int, bytes, bytes]:
        code = self.process.wait(timeout=120)
        return code, self.out.read_bytes(), self.err.read_bytes()


def _wait_for_workers(process: subprocess.Popen[bytes], count: int, limit: float = 60) -> set[int]:
    deadline = time.monotonic() + limit
    seen: set[int] = set()
    while time.monotonic() < deadline and process.poll() is None:
        seen = _children(process.pid)
        if len(seen) >= count:
            return seen
        time.sleep(0.05)
    return seen


def test_jobs_are_capped_at_cores_and_files() -> None:
    assert worker_count(19, 5000) <= available_cores()
    assert worker_count(3, 64) <= 3
    assert worker_count(1, 64) == 1
    assert worker_count(500, None) == available_cores()


def test_a_huge_jobs_request_starts_no_more_workers_than_cores(corpus: Path, tmp_path: Path) -> None:
    run = Run(tmp_path, corpus, "-j", "64", "--format", "json")
    most = 0
    while run.process.poll() is None:
        most = max(most, len(_children(run.process.pid)))
        time.sleep(0.05)
    code, _, err = run.finish()
    assert code == 1
    assert most <= available_cores()
    assert "-j 64" in err.decode("utf-8")  # the notice that the request was lowered


def test_jobs_over_the_files_is_lowered_too() -> None:
    process = run_process(SAMPLE, "-j", "5000")
    no_traceback(process)
    assert process.returncode == 1


@pytest.mark.skipif(available_cores() < 2, reason="needs two cores for a worker pool")
@pytest.mark.parametrize(("sent", "code", "name"), [(signal.SIGINT, 130, "SIGINT"), (signal.SIGTERM, 143, "SIGTERM")])
def test_an_interrupted_run_exits_with_the_signal_code_and_leaves_nothing(
    corpus: Path, tmp_path: Path, sent: signal.Signals, code: int, name: str
) -> None:
    logs, results = tmp_path / "logs", tmp_path / "results"
    logs.mkdir()
    results.mkdir()
    run = Run(logs, corpus, "-j", "2", "-o", results / "结果.json")
    workers = _wait_for_workers(run.process, 2)
    assert len(workers) == 2, "the pool never started"
    run.process.send_signal(sent)
    returned, out, err = run.finish()
    assert returned == code
    lines = err.decode("utf-8").strip().splitlines()
    assert len(lines) == 1 and name in lines[0], lines
    assert b"Traceback" not in err and b"ForkPoolWorker" not in err
    assert out == b""
    assert list(results.iterdir()) == []  # no output, no staged file
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


@pytest.mark.skipif(available_cores() < 2, reason="needs two cores for a worker pool")
def test_ctrl_c_to_the_whole_group_reaches_no_worker_traceback(corpus: Path, tmp_path: Path) -> None:
    run = Run(tmp_path, corpus, "-j", "2", new_session=True)
    workers = _wait_for_workers(run.process, 2)
    os.killpg(run.process.pid, signal.SIGINT)
    code, _, err = run.finish()
    assert code == 130
    assert b"ForkPoolWorker" not in err and b"Traceback" not in err
    assert len(err.decode("utf-8").strip().splitlines()) == 1
    time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


@pytest.mark.skipif(available_cores() < 2, reason="needs two cores for a worker pool")
def test_workers_die_with_a_killed_main_process(corpus: Path, tmp_path: Path) -> None:
    run = Run(tmp_path, corpus, "-j", "2")
    workers = _wait_for_workers(run.process, 2)
    assert workers
    run.process.kill()
    run.finish()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="signal masks are POSIX")
def test_ctrl_c_and_sigterm_wait_while_the_pool_starts_its_workers() -> None:
    from ipr_rules.parallel import _stop_signals_held

    with _stop_signals_held():
        held = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    after = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    assert {signal.SIGINT, signal.SIGTERM} <= held
    assert not {signal.SIGINT, signal.SIGTERM} & after


@pytest.mark.skipif(available_cores() < 2, reason="needs two cores for a worker pool")
@pytest.mark.parametrize("attempt", range(3))
def test_ctrl_c_the_moment_a_worker_is_forked_reaches_no_worker(corpus: Path, tmp_path: Path, attempt: int) -> None:
    """The signal lands while the worker is still starting up (before it ignores Ctrl-C): it used
    to die there with a traceback, or leave the main process waiting for it."""
    run = Run(tmp_path, corpus, "-j", "2", new_session=True)
    while run.process.poll() is None and not _children(run.process.pid):
        pass
    os.killpg(run.process.pid, signal.SIGINT)
    code, _, err = run.finish()
    assert code == 130
    assert b"ForkPoolWorker" not in err and b"Traceback" not in err and b"KeyboardInterrupt" not in err
