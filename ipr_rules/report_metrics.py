"""A report's metrics read against the ruleset's vocabulary (SPEC §8).

Every figure of a report, the unit's own (top-level `metrics:`) and each task's, with the metric
its key names (by id, alias or label), its value as an exact decimal, and where it stands. The
checks of unknown keys, wrong types and inconsistent breakdowns read these, and so does the set
state that adds up the district's totals. Without a vocabulary, keys are taken as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ipr_rules.loading.validate import ReportDocument
    from ipr_rules.model.ruleset import Ruleset
    from ipr_rules.ruleset.metrics import Metric, MetricVocabulary


class Figure(NamedTuple):
    """A named tuple: a year's check makes one per figure of every report, and a tuple is built
    several times faster than a frozen dataclass."""

    key: str  # as written
    value: Decimal
    task: str | None  # None: the unit's own figure for the year
    path: tuple[Any, ...]
    metric: Metric | None  # None: the key names no metric of the vocabulary

    @property
    def metric_id(self) -> str:
        return self.metric.id if self.metric is not None else self.key

    @property
    def fits(self) -> bool:
        return self.metric is None or self.metric.fits(self.value)


def as_decimal(value: int | float) -> Decimal:
    """The number as written: YAML's 3749.29 is 3749.29, not the binary float nearest to it."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def figures(document: ReportDocument, vocabulary: MetricVocabulary | None) -> Iterator[Figure]:
    """The unit's own figures first, then each valid entry's, in the order written."""
    if not document.metrics and not any(entry.metrics for entry in document.entries.values()):
        return
    resolve = vocabulary.resolve if vocabulary is not None else _unresolved
    for key, value in document.metrics.items():
        yield Figure(key, as_decimal(value), None, ("metrics", key), resolve(key))
    for task_id, entry in document.entries.items():
        if entry.metrics:
            for key, value in entry.metrics.items():
                yield Figure(key, as_decimal(value), task_id, ("tasks", task_id, "metrics", key), resolve(key))


def _unresolved(key: str) -> Metric | None:
    return None


def known(figure: Figure, vocabulary: MetricVocabulary | None) -> bool:
    """Whether a figure can be used: its key names a metric (or there is no vocabulary) and
    its value is of the metric's type."""
    return (vocabulary is None or figure.metric is not None) and figure.fits


def unit_totals(
    document: ReportDocument, ruleset: Ruleset, read: tuple[Figure, ...] | None = None
) -> dict[str, Decimal]:
    """The unit's own usable figures by metric id; a metric written twice counts once."""
    totals: dict[str, Decimal] = {}
    for figure in figures(document, ruleset.metrics) if read is None else read:
        if figure.task is None and known(figure, ruleset.metrics):
            totals.setdefault(figure.metric_id, figure.value)
    return totals


def shown(value: Decimal) -> str:
    """A figure as people write it: no exponent, no trailing zeros after the point."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(shown(value))
