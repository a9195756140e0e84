"""`@record`: equal, hashable and copyable like a frozen dataclass, and cheap to define."""

from __future__ import annotations

import ast
import dataclasses
import pickle
from unittest import mock

from ipr_rules.records import record
from tests.test_structure import modules


@record
class Point:
    """A point on the plane."""

    x: int
    y: int = 0


def test_a_record_compares_and_hashes_by_value() -> None:
    assert Point(1) == Point(1, 0)
    assert Point(1) != Point(2)
    assert hash(Point(1)) == hash(Point(1, 0))
    assert {Point(1), Point(1, 0), Point(2)} == {Point(1), Point(2)}


@record
class Marked:
    """Fields left out of comparison and of the repr, as a frozen dataclass leaves them out."""

    name: str
    cache: dict[str, int] = dataclasses.field(default_factory=dict, compare=False, repr=False)


@dataclasses.dataclass(frozen=True)
class FrozenMarked:
    name: str
    cache: dict[str, int] = dataclasses.field(default_factory=dict, compare=False, repr=False)


@record
class Single:
    value: int


@record
class Empty:
    pass


@record
class Own:
    name: str

    def __repr__(self) -> str:
        return f"<{self.name}>"


def test_equality_hash_and_repr_mean_what_a_frozen_dataclass_s_do() -> None:
    assert Marked("a", {"x": 1}) == Marked("a", {"y": 2})
    assert hash(Marked("a", {"x": 1})) == hash(Marked("a"))
    assert repr(Marked("a", {"x": 1})).replace("Marked", "FrozenMarked") == repr(FrozenMarked("a", {"x": 1}))
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    assert Single(1) == Single(1) != Single(2)
    assert len({Single(1), Single(1), Single(2)}) == 2
    assert Empty() == Empty()
    assert hash(Empty()) == hash(Empty())
    assert repr(Empty()) == "Empty()"


def test_records_of_different_classes_are_never_equal() -> None:
    assert Single(1) != Point(1)
    assert Single(1) != (1,)
    assert Single(1).__eq__(Point(1)) is NotImplemented


def test_a_method_the_class_defines_itself_is_kept() -> None:
    assert repr(Own("a")) == "<a>"
    assert Own("a") == Own("a")


def test_a_record_is_slotted_and_copies_with_replace() -> None:
    point = Point(1, 2)
    assert not hasattr(point, "__dict__")
    assert dataclasses.replace(point, y=5) == Point(1, 5)
    assert point == Point(1, 2)
    assert pickle.loads(pickle.dumps(point)) == point


def test_a_record_without_a_docstring_is_defined_without_computing_its_signature() -> None:
    with mock.patch("inspect.signature", side_effect=AssertionError("signature computed")):

        @record
        class Undocumented:
            name: str

        @dataclasses.dataclass(slots=True)
        class Documented:
            """Described."""

            name: str

    assert Undocumented.__doc__ == "Undocumented"
    assert Undocumented("a") == Undocumented("a")


def test_every_data_class_of_the_package_is_cheap_to_define() -> None:
    """No frozen dataclass (a record is one, checked by mypy) and no undocumented one."""
    costly = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            for decorator in node.decorator_list:
                text = ast.unparse(decorator)
                if text.startswith("dataclass") and ("frozen=True" in text or ast.get_docstring(node) is None):
                    costly.append(f"{name}.{node.name}")
    assert costly == []
