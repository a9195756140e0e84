"""The registry: every finding kind, one module each, in the order findings are reported.

A module holds its kind's name, severity, scope, the stage it runs at (per file, per report,
once over the set, or once the office's exemptions have been applied: `waiver`), its user documentation with a passing and a failing example, its
messages in both languages, and one `check(ctx)` generator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from types import ModuleType
from typing import Any

from ipr_rules.checks import (
    campaign_not_reported,
    duplicate_report,
    exemption_expired,
    exemption_unused,
    invalid_report,
    legacy_encoding,
    metric_inconsistent,
    missing_report,
    missing_task,
    out_of_period,
    requirement_unmet,
    restated_plan,
    task_not_applicable,
    task_not_started,
    task_partial,
    unaddressed_shared_duty,
    unknown_metric,
    unknown_task,
    unknown_unit,
    unreadable,
    vague_action,
    wrong_unit,
    year_mismatch,
)
from ipr_rules.findings import Finding
from ipr_rules.i18n import Text
from ipr_rules.records import record

MODULES: tuple[ModuleType, ...] = (
    unreadable,
    legacy_encoding,
    invalid_report,
    unknown_unit,
    year_mismatch,
    unknown_task,
    wrong_unit,
    task_not_started,
    task_partial,
    task_not_applicable,
    campaign_not_reported,
    restated_plan,
    vague_action,
    out_of_period,
    requirement_unmet,
    unknown_metric,
    metric_inconsistent,
    missing_task,
    duplicate_report,
    missing_report,
    unaddressed_shared_duty,
    exemption_expired,
    exemption_unused,
)


@record
class Rule:
    kind: str
    severity: str
    scope: str
    stage: str
    label: Text
    description: Text
    passing: str
    failing: str
    # Given the context of its stage (FileContext, ReportContext or SetContext).
    check: Callable[[Any], Iterable[Finding]]
    module: str


RULES: tuple[Rule, ...] = tuple(
    Rule(
        kind=module.KIND,
        severity=module.SEVERITY,
        scope=module.SCOPE,
        stage=module.STAGE,
        label=module.LABEL,
        description=module.DESCRIPTION,
        passing=module.PASSING,
        failing=module.FAILING,
        check=module.check,
        module=module.__name__,
    )
    for module in MODULES
)
BY_KIND: dict[str, Rule] = {rule.kind: rule for rule in RULES}
KINDS: tuple[str, ...] = tuple(BY_KIND)


@cache
def rules_at(stage: str, ignored: frozenset[str] = frozenset()) -> tuple[Rule, ...]:
    return tuple(rule for rule in RULES if rule.stage == stage and rule.kind not in ignored)
