"""The metrics vocabulary (`metrics.yaml`): the figures reports may carry, by one name each.

Hand-kept by the office beside `units.yaml`. Each metric has a stable id, a Chinese label, a
unit of measure, a type (`count`: a whole number; `amount`: a decimal) and aliases (the names
units have used). A report's metric key is resolved by id, alias or label; the lookup is exact
after normalising width, case and spaces, so `案值（万元）` and `案值(万元)` are both 案值.

The records are plain dataclasses, validated by pydantic with unknown fields forbidden when
the file comes from outside the package (`metrics_problems`, run by `validate-ruleset` and by the
loader on every ruleset named on the command line); the bundled file is trusted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ipr_rules.i18n import Text
from ipr_rules.records import record
from ipr_rules.textnorm import fold

if TYPE_CHECKING:
    from ipr_rules.diagnostic import Diagnostic
    from ipr_rules.ruleset.files import CheckedFile

MetricType = Literal["count", "amount"]
METRIC_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_STRICT: Any = {"extra": "forbid"}
# Keys remembered with what they resolve to: a year's reports use a few hundred names.
CACHE_LIMIT = 10_000
# `案值（万元）`, `案值(万元)`: a label followed by its unit in brackets.
_UNIT_SUFFIX = re.compile(r"^(?P<name>.+?)\((?P<unit>[^()]+)\)$")

BAD_ID = Text(
    "指标编号“{id}”格式不对：只能用小写字母、数字和下划线，以字母开头",
    "metric id '{id}' is not valid: lower-case letters, digits and underscores, starting with a letter",
)
DUPLICATE_ID = Text("指标编号“{id}”重复", "metric id '{id}' appears twice")
NAME_TAKEN = Text(
    "名称“{name}”同时指向指标“{first}”和“{second}”，别名和名称必须唯一",
    "the name '{name}' denotes both '{first}' and '{second}'; names and aliases must be unique",
)
EMPTY = Text("“{field}”不能为空", "'{field}' must not be empty")


@record
class Metric:
    __pydantic_config__ = _STRICT
    id: str
    label: str
    unit: str
    type: MetricType
    aliases: tuple[str, ...] = ()
    description: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.id, self.label, *self.aliases)

    def fits(self, value: Decimal) -> bool:
        """A count is a whole number; an amount may have decimals. Both are non-negative."""
        return value >= 0 and (self.type == "amount" or value == value.to_integral_value())


@record
class MetricsFile:
    """What the hand-kept metrics.yaml holds."""

    __pydantic_config__ = _STRICT
    metrics: tuple[Metric, ...] = ()


def normal_name(name: str) -> str:
    """The form names are matched in: the project's one normal form for typed text (width,
    spaces, invisible characters, look-alike ideographs folded), in lower case."""
    return fold(name).lower()


class MetricVocabulary:
    """Metrics in file order, with every name each goes by."""

    __slots__ = ("_by_id", "_by_name", "_resolved", "_suggested", "metrics")

    def __init__(self, metrics: Iterable[Metric]) -> None:
        self.metrics = tuple(metrics)
        self._by_id = {metric.id: metric for metric in self.metrics}
        self._by_name: dict[str, Metric] = {}
        # Suggestions by key: units repeat their own names in every report, and finding the
        # closest names is the slow part of a report full of them.
        self._suggested: dict[str, tuple[str, ...]] = {}
        self._resolved: dict[str, Metric | None] = {}
        for metric in self.metrics:
            for name in metric.names:
                self._by_name.setdefault(normal_name(name), metric)

    def __len__(self) -> int:
        return len(self.metrics)

    def get(self, metric_id: str) -> Metric | None:
        return self._by_id.get(metric_id)

    def resolve(self, key: str) -> Metric | None:
        """The metric a report's key names: by id, alias or label, or a label with its unit."""
        try:
            return self._resolved[key]
        except KeyError:
            found = self._lookup(key)
        if len(self._resolved) < CACHE_LIMIT:
            self._resolved[key] = found
        return found

    def _lookup(self, key: str) -> Metric | None:
        name = normal_name(key)
        found = self._by_name.get(name)
        if found is None and (match := _UNIT_SUFFIX.match(name)):
            found = self._by_name.get(match["name"])
            if found is not None and normal_name(found.unit) != match["unit"]:
                return None  # `案值(元)` is not 案值 in 万元
        return found

    def suggest(self, key: str) -> list[str]:
        """The closest names, each with the metric's id where it differs."""
        known = self._suggested.get(key)
        if known is None:
            from ipr_rules.suggest import closest

            names = [name for metric in self.metrics for name in metric.names]
            shown = []
            for name in closest(key, names):
                metric = self.resolve(name)
                shown.append(name if metric is None or metric.id == name else f"{name}（{metric.id}）")
            if len(self._suggested) < CACHE_LIMIT:
                self._suggested[key] = known = tuple(shown)
            else:
                known = tuple(shown)
        return list(known)


def metrics_from_data(data: Any) -> MetricVocabulary | None:
    """Trusted construction (the bundled file, or data `metrics_problems` has passed). A file
    that lists no metric (`metrics: []`, as `init` writes it) is no vocabulary: keys are taken
    as written."""
    items = (data or {}).get("metrics") or () if isinstance(data, dict) else ()
    metrics = [
        Metric(**{**item, "aliases": tuple(item.get("aliases") or ())}) for item in items if isinstance(item, dict)
    ]
    return MetricVocabulary(metrics) if metrics else None


def metrics_problems(checked: CheckedFile, plan: Any = None) -> list[Diagnostic]:
    """The file validated (pydantic, unknown fields forbidden) and checked for clashing names
    and bad ids; every problem at its file:line. An empty file has none."""
    from ipr_rules.ruleset.schema import validate_as

    if checked.data is None and not checked.problems:
        return []
    parsed: MetricsFile | None = validate_as(checked, MetricsFile)
    problems = list(checked.problems)
    if parsed is not None:
        problems += _name_problems(checked, parsed)
    return problems


def read_metrics(path: Path) -> tuple[MetricVocabulary | None, list[Diagnostic]]:
    """One metrics file on its own: its vocabulary when it is valid, and its problems."""
    from ipr_rules.ruleset.files import read_checked

    checked = read_checked(path)
    problems = metrics_problems(checked)
    return (None if problems else metrics_from_data(checked.data)), problems


def _name_problems(checked: CheckedFile, parsed: MetricsFile) -> Iterator[Diagnostic]:
    from ipr_rules.diagnostic import Diagnostic
    from ipr_rules.ruleset.files import field_path

    shown = str(checked.path)

    def problem(data_path: tuple[Any, ...], message: Text, **args: Any) -> Diagnostic:
        return Diagnostic(message, checked.line(data_path), args=args, file=shown, field=field_path(data_path))

    ids: set[str] = set()
    owner: dict[str, str] = {}
    for index, metric in enumerate(parsed.metrics):
        where = ("metrics", index)
        if not METRIC_ID.match(metric.id):
            yield problem((*where, "id"), BAD_ID, id=metric.id)
        if metric.id in ids:
            yield problem((*where, "id"), DUPLICATE_ID, id=metric.id)
        ids.add(metric.id)
        for field in ("label", "unit"):
            if not getattr(metric, field).strip():
                yield problem((*where, field), EMPTY, field=f"metrics[{index}].{field}")
        names: list[tuple[tuple[Any, ...], str]] = [(("id",), metric.id), (("label",), metric.label)]
        names += [(("aliases", position), alias) for position, alias in enumerate(metric.aliases)]
        for suffix, name in names:
            key = normal_name(name)
            if not key:
                yield problem((*where, *suffix), EMPTY, field=field_path((*where, *suffix)))
            elif owner.setdefault(key, metric.id) != metric.id:
                yield problem((*where, *suffix), NAME_TAKEN, name=name, first=owner[key], second=metric.id)
