"""A first `units.yaml` for a new plan: every unit it names, last year's facts where names match.

Pure: the plan's clauses and last year's registry in, drafted units with a note on each guess
out. A name last year's registry knows carries its full name, kind and aliases over; a name it
does not know is new (kind guessed from the name, full name still to fill in), or, when it
reads much like a unit of last year that the new plan no longer names, a guessed rename.
"""

from __future__ import annotations

import re

from ipr_rules.i18n import Text
from ipr_rules.model.ruleset import Unit, UnitKind, UnitRegistry
from ipr_rules.records import record
from ipr_rules.ruleset.assignments import parse_assignment
from ipr_rules.ruleset.raw import RawPlan

JUDICIAL = re.compile(r"法院|检察院")
PARTY = re.compile(r"^(?:中共|中央)|^[区县市省]委|党委|宣传部|政法委|网信办|编办|组织部")
BRANCH = re.compile(r"分局|海关|税务局|支队|大队|管理处|派出")
# Last year's unit is taken for a renamed one when their names, less the level and the
# 局/委/办 every name has, share this much.
RENAME_SIMILARITY = 0.5
COMMON_PARTS = re.compile(r"^(?:中共|[区县市省])|(?:局|委|办|厅|部)$")

NEW_UNIT = Text("新单位，请核对名称并补全 full_name（全称）", "a new unit: check the name and fill in full_name")
GUESSED_KIND = Text("kind 由名称推测为 {kind}", "kind guessed from the name as {kind}")
GUESSED_RENAME = Text(
    "疑为上一年度“{old}”更名：已沿用其全称、类别和别名，请核对",
    "likely last year's '{old}' renamed: its full name, kind and aliases were carried over; check them",
)
NOT_NAMED = Text(
    "上一年度名录中的“{name}”未在新要点中出现，未列入",
    "'{name}' from last year's registry is not named in the new plan and was left out",
)


@record
class DraftUnit:
    unit: Unit
    notes: tuple[tuple[Text, dict[str, object]], ...] = ()
    line: int = 0  # where the plan first names it


@record
class Draft:
    units: tuple[DraftUnit, ...]
    # Units of last year's registry the new plan does not name.
    left_out: tuple[str, ...] = ()

    @property
    def registry(self) -> UnitRegistry:
        return UnitRegistry(tuple(draft.unit for draft in self.units))

    @property
    def to_review(self) -> tuple[DraftUnit, ...]:
        return tuple(draft for draft in self.units if draft.notes)


def named_in_plan(plan: RawPlan) -> list[tuple[str, int]]:
    """Every name the plan's assignments use, once each, in order, with the line it is first on."""
    names: dict[str, int] = {}
    for clause in plan.clauses:
        for named in parse_assignment(clause.assignment).named:
            names.setdefault(named.written, clause.assignment_at.line)
    return list(names.items())


def guess_kind(name: str) -> UnitKind:
    if JUDICIAL.search(name):
        return "judicial"
    if PARTY.search(name):
        return "party"
    if BRANCH.search(name):
        return "city_branch"
    return "government"


def draft_units(plan: RawPlan, previous: UnitRegistry | None = None) -> Draft:
    written = named_in_plan(plan)
    known = previous or UnitRegistry(())
    carried = {known.resolve(name).name for name, _ in written if known.resolve(name) is not None}  # type: ignore[union-attr]
    unused = [unit for unit in known.units if unit.name not in carried]
    by_name: dict[str, DraftUnit] = {}
    order: list[str] = []
    for name, line in written:
        unit = known.resolve(name)
        if unit is not None:
            if unit.name not in by_name:
                by_name[unit.name] = DraftUnit(unit, line=line)
                order.append(unit.name)
            continue
        draft = _renamed(name, line, unused) or _new(name, line)
        by_name[name] = draft
        order.append(name)
    return Draft(tuple(by_name[name] for name in order), tuple(unit.name for unit in unused))


def _renamed(name: str, line: int, unused: list[Unit]) -> DraftUnit | None:
    import difflib

    best, best_score = None, 0.0
    for unit in unused:
        score = max(
            difflib.SequenceMatcher(None, COMMON_PARTS.sub("", name), COMMON_PARTS.sub("", other)).ratio()
            for other in unit.names
        )
        if score > best_score:
            best, best_score = unit, score
    if best is None or best_score < RENAME_SIMILARITY:
        return None
    unused.remove(best)
    aliases = tuple(dict.fromkeys(alias for alias in (best.name, *best.aliases) if alias != name))
    unit = Unit(name, best.full_name if best.full_name != best.name else name, best.kind, aliases)
    return DraftUnit(unit, ((GUESSED_RENAME, {"old": best.name}),), line)


def _new(name: str, line: int) -> DraftUnit:
    kind = guess_kind(name)
    notes: tuple[tuple[Text, dict[str, object]], ...] = ((NEW_UNIT, {}), (GUESSED_KIND, {"kind": kind}))
    return DraftUnit(Unit(name, name, kind), notes, line)
