"""`@record`: the package's immutable data classes, cheap to define at start-up.

A `@dataclass(frozen=True, slots=True)` class costs about a millisecond to create: its methods
are generated as source and compiled one by one (frozen adds `__setattr__`, `__delattr__` and
`__hash__` to `__init__`, `__repr__` and `__eq__`), and a class without a docstring has its
signature computed for one. With some sixty such classes imported before a self-check reads its
first line, creating them was a quarter of its start-up; a record takes half the time.

A record is a slotted dataclass with equality and a hash like a frozen one, whose immutability
is checked by mypy (`frozen_default`), not at run time: assigning to a field is a type error,
and `dataclasses.replace` makes changed copies as before. Its `__init__` assigns plainly,
which also makes records quicker to build and to pickle on the hot path.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TypeVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:
    from typing_extensions import dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    if cls.__doc__ is None:
        # dataclass would otherwise compute the signature to write one; the name says as much.
        cls.__doc__ = cls.__name__
    return dataclass(slots=True, unsafe_hash=True)(cls)
