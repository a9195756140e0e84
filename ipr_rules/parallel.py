"""Worker processes for large input sets: both cores, the same output as one process.

A generic ordered map over batches: items go to the workers in consecutive batches and the
results come back in input order (`imap`), so that merging them in order gives exactly what one
process gives. The work is a picklable callable handed to each worker once, through the pool's
initializer (with whatever it carries: the engine hands over its run, ruleset and derived data
included); this module knows nothing of what the work is. One district's reports never pay for
starting workers.

Never more workers than usable cores or items; workers ignore Ctrl-C (the main process alone
answers it), die with the main process, and are terminated and joined whenever the run ends
early, so an interrupted run leaves no process behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Generator, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items, starting workers (about 0.1 s) costs more than it saves.
MIN_FILES = 200
# Items per batch: large enough that sending a batch's result back costs little per item,
# small enough that both workers stay busy to the end.
BATCH = 64

# In a worker: the work it was handed when it started.
_work: Callable[[list[Any]], Any] | None = None


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


def ordered_map(
    work: Callable[[list[Item]], Result], items: Iterable[Item], workers: int, batch: int = BATCH
) -> Generator[Result, None, None]:
    """`work` applied to consecutive batches of `items` in `workers` processes; one result per
    batch, in order. The pool is gone when this ends, however it ends."""
    import multiprocessing  # only a large run pays for it

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with _stop_signals_held():
        pool = context.Pool(workers, initializer=_start, initargs=(work,))
    try:
        yield from pool.imap(_run_batch, _batches(iter(items), batch))
        pool.close()
    finally:
        pool.terminate()
        pool.join()


# Signals that end a run: held while workers start (see _stop_signals_held).
_STOPPING = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _stop_signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait while the pool starts its workers. A worker inherits the main
    process's handlers and would die of a Ctrl-C to the whole process group with a traceback in
    the moment between its start and `_start`; it inherits the held signals instead, and lets
    them through once it ignores them. The main process gets them as soon as the pool is up (and
    the pool's own threads, started meanwhile, keep holding them, so they reach the main thread)."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no process groups to signal
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _start(work: Callable[[list[Any]], Any]) -> None:
    """In each worker: Ctrl-C is the main process's to answer, SIGTERM ends the worker quietly,
    and the worker dies with the main process however that one ends."""
    global _work
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
    _die_with_parent()
    _work = work


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


def _run_batch(batch: list[Any]) -> Any:
    assert _work is not None
    return _work(batch)


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(islice(items, size)):
        yield batch
