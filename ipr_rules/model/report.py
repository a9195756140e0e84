"""The departmental report (SPEC §3) as strict pydantic models.

Strict: YAML's implicit typing must not turn `yes` into a status or `1.5` into a count. Dates
may be written bare (YAML reads them as dates), quoted (`"2020-12-20"`), or as people write
them (`2020年7月10日`, `2020.7.10`, `2020/7/10`).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

# The records the checks read, the values the format allows and how people write dates are
# `model.entry`'s, which loads without pydantic.
from ipr_rules.model.entry import CARRYING as CARRYING
from ipr_rules.model.entry import MAX_METRIC as MAX_METRIC
from ipr_rules.model.entry import OutputKind, Status
from ipr_rules.model.entry import written_date as written_date


def _iso_date(value: Any) -> Any:
    if isinstance(value, str):
        parsed = written_date(value)
        return value if parsed is None else parsed
    return value


def _number(value: Any) -> Any:
    """A metric is a number: never a boolean, a text, or a NaN/infinity (SPEC §8)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise PydanticCustomError("number_type", "Input should be a number")
    return value


def _none_as_empty_list(value: Any) -> Any:
    return [] if value is None else value


def _none_as_empty_dict(value: Any) -> Any:
    return {} if value is None else value


Date = Annotated[dt.date, BeforeValidator(_iso_date)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Whether a figure must be whole (a count) or may have decimals (an amount) is the metrics
# vocabulary's to say; the report format only asks for a non-negative number.
Number = Annotated[int | float, BeforeValidator(_number), Field(ge=0, le=MAX_METRIC)]
Metrics = Annotated[dict[str, Number], BeforeValidator(_none_as_empty_dict)]

_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


class Output(BaseModel):
    model_config = _STRICT
    title: Line
    date: Date | None = None
    kind: OutputKind | None = None
    url: str | None = None


class Contact(BaseModel):
    model_config = _STRICT
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    department: str | None = None


class Entry(BaseModel):
    """One task's entry. A list or mapping left empty (`actions:` with nothing after it) is empty."""

    model_config = _STRICT
    status: Status
    # default_factory: a fresh empty value, where a plain `[]` default is deep-copied per entry.
    actions: Annotated[list[Line], BeforeValidator(_none_as_empty_list)] = Field(default_factory=list)
    campaigns: Annotated[list[Line], BeforeValidator(_none_as_empty_list)] = Field(default_factory=list)
    outputs: Annotated[list[Output], BeforeValidator(_none_as_empty_list)] = Field(default_factory=list)
    metrics: Metrics = Field(default_factory=dict)
    evidence: Annotated[list[Line], BeforeValidator(_none_as_empty_list)] = Field(default_factory=list)
    reason: str | None = None


class Envelope(BaseModel):
    """A report without its entries, validated apart so one bad entry spoils nothing else."""

    model_config = _STRICT
    unit: Line
    year: int
    submitted: Date | None = None
    contact: Contact | None = None
    metrics: Metrics = Field(default_factory=dict)
    tasks: dict[str, Any]


class Report(BaseModel):
    model_config = _STRICT
    unit: Line
    year: int
    submitted: Date | None = None
    contact: Contact | None = None
    # The unit's own figures for the year: what district totals add up (SPEC §8).
    metrics: Metrics = Field(default_factory=dict)
    tasks: dict[str, Entry]


REPORT_FIELDS: tuple[str, ...] = tuple(Report.model_fields)
ENTRY_FIELDS: tuple[str, ...] = tuple(Entry.model_fields)
