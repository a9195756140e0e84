"""Which bundled ruleset a check runs against when none is named: the year the reports give.

Only each report's head is read, and only for its `year:` line; a pipe or a device is skipped,
not waited on. The reports themselves are read and checked later, as always.
"""

from __future__ import annotations

import os
import re
import stat
from collections import Counter

from ipr_rules.ruleset.bundled import bundled_years

YEAR_LINE = re.compile(rb"^year[ \t]*:[ \t]*[\"']?((?:19|20)\d{2})[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)
HEAD_BYTES = 4096
MAX_FILES = 500


def reported_year(paths: list[str]) -> int | None:
    """The year the reports under `paths` declare, when they agree on one the package carries."""
    from ipr_rules.loading.reports import discover

    years: Counter[int] = Counter()
    for count, found in enumerate(discover(paths)):
        if count >= MAX_FILES:
            break
        if isinstance(found, str):
            years.update(_declared(found))
    if len(years) != 1:
        return None
    year = next(iter(years))
    return year if year in bundled_years() else None


def _declared(path: str) -> set[int]:
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return set()
    try:
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return set()
            head = stream.read(HEAD_BYTES)
    except OSError:
        return set()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return {int(match.group(1)) for match in YEAR_LINE.finditer(head)}
