"""Worker processes for large input sets: both cores, the same output as one process.

A generic ordered map over batches: items go to the workers in consecutive batches and the
results come back in input order (`imap`), so that merging them in order gives exactly what one
process gives. The work is a picklable callable handed to each worker once, through the pool's
initializer (with whatever it carries: the engine hands over its run, ruleset and derived data
included); this module knows nothing of what the work is. One district's reports never pay for
starting workers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
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


def worth_parallel(files_seen: int, jobs: int | None) -> bool:
    """`files_seen`: how many files were found, counting up to MIN_FILES."""
    if jobs is not None:
        return jobs > 1 and files_seen > 1
    return files_seen >= MIN_FILES and available_cores() > 1


def ordered_map(
    work: Callable[[list[Item]], Result], items: Iterable[Item], workers: int, batch: int = BATCH
) -> Iterator[Result]:
    """`work` applied to consecutive batches of `items` in `workers` processes; one result per
    batch, in order."""
    import multiprocessing  # only a large run pays for it

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=_start, initargs=(work,)) as pool:
        yield from pool.imap(_run_batch, _batches(iter(items), batch))


def _start(work: Callable[[list[Any]], Any]) -> None:
    global _work
    _work = work


def _run_batch(batch: list[Any]) -> Any:
    assert _work is not None
    return _work(batch)


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(islice(items, size)):
        yield batch
