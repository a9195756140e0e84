"""Compiled regular expressions kept between runs, for a quicker start of every command.

`re.compile` turns a pattern into the regex engine's code in pure Python. The patterns that a
self-check compiles at import (the package's wording and loading rules, PyYAML's reader, the
standard library's) took a tenth of its start-up. The engine's code is a list of integers that
`_sre.compile` makes a pattern of in microseconds, so it is kept in the user's cache folder
(`ipr_rules.user_cache`, with its switches) and put into `re`'s own cache before anything else
is imported: a `re.compile` of the same text and flags then finds the pattern there.

The file is keyed on the interpreter: its version and build, and the regex engine's MAGIC,
which changes whenever the engine's code does; a checksum guards the data. Another interpreter,
a corrupt file or anything unexpected means compiling as usual. A pattern's code is saved only
when the pattern rebuilt from it equals the one `re` compiled (patterns compare by their code),
after a command that compiled patterns the file lacked; the file is written whole or not at all.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import marshal
import os
import re
import sys
import zlib
from typing import Any

from ipr_rules.user_cache import cache_location, write_whole

FILE_NAME = "patterns.bin"
# Bounds the file when patterns come from data (a ruleset's own requirement patterns).
MAX_PATTERNS = 1024

# (pattern, flags) -> the arguments of `_sre.compile` after the pattern itself.
Compiled = dict[tuple[str, int], tuple[Any, ...]]


def _interpreter() -> tuple[Any, ...]:
    return (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)


def preload() -> Compiled:
    """Put the kept patterns into `re`'s cache; what was loaded, for `keep` to add to."""
    folder = cache_location()
    if folder is None:
        return {}
    try:
        with open(os.path.join(folder, FILE_NAME), "rb") as stream:
            interpreter, checksum, payload = marshal.load(stream)
        if interpreter != _interpreter() or zlib.crc32(payload) != checksum:
            return {}
        kept = marshal.loads(payload)
        cache = re._cache  # type: ignore[attr-defined]
        for (pattern, flags), arguments in kept.items():
            cache[str, pattern, flags] = _sre.compile(pattern, *arguments)
    except Exception:  # no file, another shape of it, an unexpected `re`: compile as usual
        return {}
    compiled: Compiled = kept
    return compiled


def keep(loaded: Compiled) -> None:
    """Save the patterns compiled since `preload`, when there are any; never fails."""
    try:
        new = [
            (pattern, flags)
            for kind, pattern, flags in list(re._cache)  # type: ignore[attr-defined]
            if kind is str and type(flags) is int and (pattern, flags) not in loaded
        ]
        room = MAX_PATTERNS - len(loaded)
        if not new or room <= 0:
            return
        folder = cache_location()
        if folder is None:
            return
        kept = dict(loaded)
        for pattern, flags in new[:room]:
            arguments = _engine_code(pattern, flags)
            if arguments is not None:
                kept[pattern, flags] = arguments
        if len(kept) > len(loaded):
            payload = marshal.dumps(kept)
            write_whole(os.path.join(folder, FILE_NAME), marshal.dumps((_interpreter(), zlib.crc32(payload), payload)))
    except Exception:  # a cache only ever saves time
        return


def _engine_code(pattern: str, flags: int) -> tuple[Any, ...] | None:
    """What `re._compiler.compile` hands `_sre.compile`, as plain data; None unless the pattern
    rebuilt from it is the one `re` compiles."""
    if sys.version_info >= (3, 11):
        from re import _compiler, _parser  # type: ignore[attr-defined]
    else:
        import sre_compile as _compiler
        import sre_parse as _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = {name: int(index) for name, index in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    arguments = (int(flags | parsed.state.flags), code, int(parsed.state.groups - 1), groupindex, tuple(indexgroup))
    if _sre.compile(pattern, *arguments) != re.compile(pattern, flags):
        return None
    return arguments
