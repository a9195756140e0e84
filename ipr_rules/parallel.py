"""Worker processes for large input sets: both cores, the same output as one process.

Files go to the workers in consecutive batches and come back in order (`imap`), each batch as
one outcome with its own set state; merging them in order gives exactly what a single process
gives. One district's reports never pay for starting workers.

Never more workers than usable cores or files; workers ignore Ctrl-C (the main process alone
answers it), die with the main process, and are terminated and joined whenever the run ends
early, so an interrupted run leaves no process behind.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections.abc import Generator, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ipr_rules.engine import CheckOptions, FileOutcome
    from ipr_rules.loading.reports import FileFailure
    from ipr_rules.model.ruleset import Ruleset

# Below this many files, starting workers (about 0.1 s) costs more than it saves.
MIN_FILES = 200
# Files per batch: large enough that sending a batch's results back costs little per file,
# small enough that both workers stay busy to the end.
BATCH = 64

_ruleset: Ruleset | None = None
_options: CheckOptions | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def capped_jobs(jobs: int) -> int:
    """A requested number of workers, lowered to the usable cores: more only compete for them."""
    return max(1, min(jobs, available_cores()))


def worker_count(files_seen: int, jobs: int | None) -> int:
    """How many worker processes to start; 1 means none. `files_seen`: how many files were
    found, counting up to MIN_FILES."""
    if jobs is None:
        return available_cores() if files_seen >= MIN_FILES else 1
    return max(1, min(capped_jobs(jobs), files_seen))


def worth_parallel(files_seen: int, jobs: int | None) -> bool:
    return worker_count(files_seen, jobs) > 1


def _start(ruleset: Ruleset, options: CheckOptions) -> None:
    """In each worker: Ctrl-C is the main process's to answer, SIGTERM ends the worker quietly,
    and the worker dies with the main process however that one ends."""
    global _ruleset, _options
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    _ruleset, _options = ruleset, options


def _die_with_parent() -> None:
    """Linux: SIGTERM to this process when its parent exits (prctl PR_SET_PDEATHSIG)."""
    if not os.path.exists("/proc/self"):
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    if os.getppid() == 1:  # the parent was gone before the call took effect
        os._exit(1)


def _work(batch: list[str | FileFailure]) -> FileOutcome:
    from ipr_rules.engine import FileOutcome, check_file

    assert _ruleset is not None and _options is not None
    outcome = FileOutcome(files=len(batch))
    for path in batch:
        part = check_file(path, _ruleset, _options, outcome.state)
        outcome.findings.extend(part.findings)
        outcome.reports.extend(part.reports)
        outcome.unreadable += part.unreadable
    return outcome


def parallel_outcomes(
    files: Iterable[str | FileFailure], ruleset: Ruleset, options: CheckOptions, workers: int
) -> Generator[FileOutcome, None, None]:
    """One outcome per batch of files, in order; the pool is gone when this ends, however."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = context.Pool(workers, initializer=_start, initargs=(ruleset, options))
    try:
        yield from pool.imap(_work, _batches(iter(files)))
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _batches(files: Iterator[str | FileFailure]) -> Iterator[list[str | FileFailure]]:
    while batch := list(islice(files, BATCH)):
        yield batch
