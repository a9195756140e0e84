"""What changed from one year's ruleset to the next, matched by the tasks' text, not their ids.

Tasks are paired by the cosine of their character n-gram vectors (the project's `TextIndex`),
best pairs first, so a duty renumbered because an earlier one was removed is the same duty,
not one removed and one added. Units are compared through the registries (a new unit that
lists last year's name among its names is that unit renamed), campaigns by their stem (the
name less its year: 剑网2020 → 剑网2021). Pure: two Rulesets in, a RulesetDiff out.
"""

from __future__ import annotations

import difflib
import re

from ipr_rules.model.ruleset import Role, Ruleset, Task
from ipr_rules.records import record
from ipr_rules.textsim import TextIndex

# Tasks whose texts score at least this are one duty across the two years. Two different
# duties of the 2020 plan score 0.30 at most; a duty cut to its first half still scores 0.66.
MATCH_SIMILARITY = 0.45
YEAR = re.compile(r"(?:19|20)\d{2}")


@record
class Change:
    """One run of changed characters: `old` replaced by `new` (either may be empty)."""

    old: str
    new: str


@record
class TaskPair:
    old: Task
    new: Task
    similarity: float
    changes: tuple[Change, ...]  # empty when the text is the same (a new year's number aside)
    marked: str  # the new text with each change marked [-old-]{+new+}


@record
class RoleChange:
    old_task: str
    new_task: str
    unit: str
    old_role: Role | None  # None: the unit is newly named on the task
    new_role: Role | None  # None: the unit is no longer named on it


@record
class Rename:
    old: str
    new: str


@record
class RulesetDiff:
    old: Ruleset
    new: Ruleset
    pairs: tuple[TaskPair, ...]
    added: tuple[Task, ...]
    removed: tuple[Task, ...]
    roles: tuple[RoleChange, ...]
    campaigns_renamed: tuple[Rename, ...]
    campaigns_added: tuple[str, ...]
    campaigns_removed: tuple[str, ...]
    units_renamed: tuple[Rename, ...]
    units_added: tuple[str, ...]
    units_removed: tuple[str, ...]

    @property
    def reworded(self) -> tuple[TaskPair, ...]:
        return tuple(pair for pair in self.pairs if pair.changes)

    @property
    def renumbered(self) -> tuple[TaskPair, ...]:
        return tuple(pair for pair in self.pairs if pair.old.id != pair.new.id)


def diff_rulesets(old: Ruleset, new: Ruleset) -> RulesetDiff:
    pairs = _pair_tasks(old, new, old.year, new.year)
    paired_old = {pair.old.id for pair in pairs}
    paired_new = {pair.new.id for pair in pairs}
    units_renamed, units_added, units_removed = _units(old, new)
    renamed = {rename.old: rename.new for rename in units_renamed}
    campaigns = _campaigns(old, new)
    positions = {task.id: position for position, task in enumerate(new.tasks)}
    ordered = tuple(sorted(pairs, key=lambda pair: positions[pair.new.id]))
    return RulesetDiff(
        old=old,
        new=new,
        pairs=ordered,
        added=tuple(task for task in new.tasks if task.id not in paired_new),
        removed=tuple(task for task in old.tasks if task.id not in paired_old),
        roles=tuple(change for pair in ordered for change in _roles(pair, renamed)),
        campaigns_renamed=campaigns[0],
        campaigns_added=campaigns[1],
        campaigns_removed=campaigns[2],
        units_renamed=units_renamed,
        units_added=units_added,
        units_removed=units_removed,
    )


def _pair_tasks(old: Ruleset, new: Ruleset, old_year: int, new_year: int) -> list[TaskPair]:
    if not old.tasks or not new.tasks:
        return []
    index = TextIndex({task.id: _comparable(task.text, old_year, new_year) for task in old.tasks})
    old_ids = [task.id for task in old.tasks]
    candidates: list[tuple[float, int, int, int]] = []
    for new_position, task in enumerate(new.tasks):
        scores = index.scores(task.text, old_ids)
        for old_position, old_id in enumerate(old_ids):
            if scores[old_id] >= MATCH_SIMILARITY:
                # Best score first; of equal scores, the pair whose positions are closest.
                distance = abs(old_position - new_position)
                candidates.append((-scores[old_id], distance, old_position, new_position))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = []
    for negative_score, _, old_position, new_position in sorted(candidates):
        score = -negative_score
        if old_position in taken_old or new_position in taken_new:
            continue
        taken_old.add(old_position)
        taken_new.add(new_position)
        pairs.append(_pair(old.tasks[old_position], new.tasks[new_position], score, old_year, new_year))
    return pairs


def _comparable(text: str, old_year: int, new_year: int) -> str:
    """Last year's text with its year read as the new one: a new year's number is no rewording."""
    return text.replace(str(old_year), str(new_year))


def _pair(old: Task, new: Task, score: float, old_year: int, new_year: int) -> TaskPair:
    before = _comparable(old.text, old_year, new_year)
    matcher = difflib.SequenceMatcher(None, before, new.text, autojunk=False)
    changes: list[Change] = []
    marked = ""
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            marked += new.text[j1:j2]
            continue
        changes.append(Change(before[i1:i2], new.text[j1:j2]))
        marked += (f"[-{before[i1:i2]}-]" if i2 > i1 else "") + (f"{{+{new.text[j1:j2]}+}}" if j2 > j1 else "")
    return TaskPair(old, new, round(score, 3), tuple(changes), marked if changes else new.text)


def _roles(pair: TaskPair, renamed: dict[str, str]) -> list[RoleChange]:
    before = {renamed.get(a.unit, a.unit): a.role for a in pair.old.assignees}
    after = {a.unit: a.role for a in pair.new.assignees}
    changes = []
    for unit in [*after, *(unit for unit in before if unit not in after)]:
        if before.get(unit) != after.get(unit):
            changes.append(RoleChange(pair.old.id, pair.new.id, unit, before.get(unit), after.get(unit)))
    return changes


def _campaigns(old: Ruleset, new: Ruleset) -> tuple[tuple[Rename, ...], tuple[str, ...], tuple[str, ...]]:
    before = list(dict.fromkeys(name for task in old.tasks for name in task.campaigns))
    after = list(dict.fromkeys(name for task in new.tasks for name in task.campaigns))
    gone = [name for name in before if name not in after]
    came = [name for name in after if name not in before]
    renames = []
    for name in list(gone):
        stem = YEAR.sub("", name)
        match = next((other for other in came if YEAR.sub("", other) == stem), None)
        if match is not None and stem:
            renames.append(Rename(name, match))
            gone.remove(name)
            came.remove(match)
    return tuple(renames), tuple(came), tuple(gone)


def _units(old: Ruleset, new: Ruleset) -> tuple[tuple[Rename, ...], tuple[str, ...], tuple[str, ...]]:
    renames = []
    kept: set[str] = set()  # last year's units that are still there, under whatever name
    matched: set[str] = set()  # this year's units that were there last year
    for unit in old.registry.units:
        match = new.registry.resolve(unit.name) or new.registry.resolve(unit.full_name)
        if match is None:
            continue
        kept.add(unit.name)
        matched.add(match.name)
        if match.name != unit.name:
            renames.append(Rename(unit.name, match.name))
    added = tuple(unit.name for unit in new.registry.units if unit.name not in matched)
    removed = tuple(unit.name for unit in old.registry.units if unit.name not in kept)
    return tuple(renames), added, removed
