"""Worker processes for large input sets: both cores, the same output as one process.

Files go to the workers in consecutive batches and come back in order (`imap`), each batch as
one outcome with its own set state; merging them in order gives exactly what a single process
gives. One district's reports never pay for starting workers.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
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


def worth_parallel(files_seen: int, jobs: int | None) -> bool:
    """`files_seen`: how many files were found, counting up to MIN_FILES."""
    if jobs is not None:
        return jobs > 1 and files_seen > 1
    return files_seen >= MIN_FILES and available_cores() > 1


def _start(ruleset: Ruleset, options: CheckOptions) -> None:
    global _ruleset, _options
    _ruleset, _options = ruleset, options


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
    files: Iterable[str | FileFailure], ruleset: Ruleset, options: CheckOptions
) -> Iterator[FileOutcome]:
    """One outcome per batch of files, in order."""
    workers = options.jobs or available_cores()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=_start, initargs=(ruleset, options)) as pool:
        yield from pool.imap(_work, _batches(iter(files)))


def _batches(files: Iterator[str | FileFailure]) -> Iterator[list[str | FileFailure]]:
    while batch := list(islice(files, BATCH)):
        yield batch
