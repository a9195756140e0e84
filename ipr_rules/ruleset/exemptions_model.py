"""The exemptions file's format as pydantic models, unknown fields forbidden (SPEC §6)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ipr_rules.model.report import Date

Filled = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


class ExemptionEntry(BaseModel):
    """One exemption as written."""

    model_config = _STRICT
    unit: Filled
    task: Filled | None = None
    tasks: Annotated[list[Filled], Field(min_length=1)] | None = None
    kinds: Annotated[list[Filled], Field(min_length=1)] | None = None
    reason: Filled
    approved_by: Filled
    approved_on: Date
    document: Filled | None = None
    expires: Date | None = None


class ExemptionsFile(BaseModel):
    model_config = _STRICT
    exemptions: list[ExemptionEntry] = Field(default_factory=list)
