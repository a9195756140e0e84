"""`@record`: the package's immutable data classes, cheap to define at start-up.

A `@dataclass(frozen=True, slots=True)` class costs about a millisecond to create: each of its
methods is generated as source and compiled on its own (`__init__`, `__repr__`, `__eq__`, and for
frozen ones `__setattr__`, `__delattr__` and `__hash__`), and a class without a docstring has
its signature computed for one. With some sixty such classes imported before a self-check reads
its first line, creating them was a quarter of its start-up.

A record is a slotted dataclass of which only `__init__` is generated: its equality, hash and
repr are three functions shared by every record, reading the fields through one `attrgetter`
and meaning what a frozen dataclass's do (fields with `compare=False` or `repr=False` left out
alike). Its immutability is checked by mypy (`frozen_default`), not at run time: assigning to a
field is a type error, and `dataclasses.replace` makes changed copies as before. Its `__init__`
assigns plainly, which also makes records quicker to build and to pickle on the hot path.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar

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
    own = vars(cls)
    made = dataclass(slots=True, eq=False, repr=False)(cls)
    of = fields(made)  # type: ignore[arg-type]
    compared = [f.name for f in of if f.compare]
    hashed = [f.name for f in of if (f.compare if f.hash is None else f.hash)]
    made._compared = _values(compared)  # type: ignore[attr-defined]
    made._hashed = made._compared if hashed == compared else _values(hashed)  # type: ignore[attr-defined]
    made._shown = tuple(f.name for f in of if f.repr)  # type: ignore[attr-defined]
    for name, method in (("__eq__", _eq), ("__hash__", _hash), ("__repr__", _repr)):
        if name not in own:
            setattr(made, name, method)
    return made


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields' values as one tuple, as the generated methods of a dataclass compare them."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        single = attrgetter(names[0])
        return lambda item: (single(item),)
    return lambda item: ()


def _eq(self: Any, other: Any) -> Any:
    kind = self.__class__
    if other.__class__ is kind:
        return kind._compared(self) == kind._compared(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__class__._hashed(self))


def _repr(self: Any) -> str:
    kind = self.__class__
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in kind._shown)
    return f"{kind.__qualname__}({shown})"
