"""One copy of equal message arguments within a check run.

Findings of one kind often say the same thing about different reports: the same task and
campaign, the same requirement, a reason many units wrote alike. A finding keeps its arguments
as a tuple (see `findings.pack`); equal tuples are kept once, so that a year of such findings
holds each distinct set of arguments, and the texts it quotes, a single time.

Only arguments whose equality means the same words are shared: texts, whole numbers, None,
message pieces made of those (`Text`, `Localized`, `Names`), and fractions other than zero where
the shape's first arguments had them. 1, 1.0 and True are equal but read differently, and so are
Decimal("5") and Decimal("5.0") or 0.0 and -0.0: tuples holding decimals or booleans, or
fractions where the shape's first tuple had none (or the reverse), are kept as they are. A message shape whose arguments hardly ever repeat (a duplicate
report's number) stops being looked up after a trial, so that it costs no table. The tables
last one run (the engine forgets them at its end) and are bounded in between.
"""

from __future__ import annotations

from typing import Any

from ipr_rules.i18n import Localized, Names, Text

# Look-ups of a message shape before deciding whether its arguments repeat enough to share.
TRIAL = 256
# Repeats in the trial below which a shape's arguments are kept as they come.
MIN_HITS = TRIAL // 8
# Tuples kept per shape at most; a table that fills up starts afresh.
LIMIT = 1 << 16
# Whole numbers shared like short texts (a duplicate report's number, a line beyond 256).
_INT_LIMIT = 1 << 20


class _Shape:
    __slots__ = ("fractions", "hits", "table", "tries")

    def __init__(self, fractions: tuple[int, ...]) -> None:
        self.table: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.tries = 0
        self.hits = 0
        # Where the shape's tuples hold fractions: equal tuples then hold the same types throughout.
        self.fractions = fractions


# By the tuple of argument names; None: a shape whose arguments do not repeat.
_SHAPES: dict[tuple[str, ...], _Shape | None] = {}
_INTS: dict[int, int] = {}
_NUMBERS: dict[int, int] = {}
_MESSAGES: dict[Text, Text] = {}


def shared(packed: tuple[Any, ...]) -> tuple[Any, ...]:
    """The run's copy of `packed` (names first, then values), or `packed` itself."""
    names = packed[0]
    shape = _SHAPES.get(names, _SHAPES)
    if shape is None:
        return packed
    if not all(map(_plain, packed[1:])):
        return packed
    fractions = tuple(index for index, value in enumerate(packed) if value.__class__ is float)
    if shape is _SHAPES:
        shape = _SHAPES[names] = _Shape(fractions)
    assert isinstance(shape, _Shape)
    if fractions != shape.fractions:
        return packed
    table = shape.table
    kept = table.setdefault(packed, packed)
    shape.tries += 1
    if kept is not packed:
        shape.hits += 1
    elif len(table) > LIMIT:
        table.clear()
    if shape.tries == TRIAL and shape.hits < MIN_HITS:
        _SHAPES[names] = None
    return kept


def shared_int(value: int) -> int:
    """One copy of a whole number beyond those Python keeps once anyway."""
    if 256 < value < _INT_LIMIT:
        return _INTS.setdefault(value, value)
    return value


def shared_number(value: int) -> int:
    """One copy of a number that many records hold alike (a report summary's packed lines)."""
    if len(_NUMBERS) > LIMIT:
        _NUMBERS.clear()
    return _NUMBERS.setdefault(value, value)


def shared_message(message: Text) -> Text:
    """One copy of a message template (a finding from a worker process brings its own)."""
    return _MESSAGES.setdefault(message, message)


def forget() -> None:
    """Drop the tables (the findings keep the tuples they hold)."""
    _SHAPES.clear()
    _INTS.clear()
    _NUMBERS.clear()
    _MESSAGES.clear()


def _atom(value: Any) -> bool:
    cls = value.__class__
    return cls is str or cls is int or value is None or cls is Text


def _plain(value: Any) -> bool:
    """A value whose equality to another means the same rendered words."""
    if _atom(value):
        return True
    cls = value.__class__
    if cls is float:
        return bool(value != 0)
    if cls is Localized:
        values = (value.values,) if len(value.names) == 1 else value.values
        return value.text.__class__ is Text and all(map(_atom, values))
    if cls is Names:
        return (value.separator is None or value.separator.__class__ is Text) and all(
            _atom(name) or (name.__class__ is Localized and _plain(name)) for name in value.names
        )
    return False
