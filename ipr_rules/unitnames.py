"""Unit names as people write them (SPEC §7): the forms that follow from each registered name.

A clerk writes `官渡区市场监督管理局`, `昆明市官渡区市场监督管理局` or `官渡区司法局`; the registry holds
`区市场监管局`, its full name `昆明市官渡区市场监督管理局` and a few aliases. The forms that follow
from a registered name (with or without `昆明市`, `区` ⇄ `官渡区`) are accepted without listing each,
after width, spaces and invisible characters are folded away. It is still exact matching: a form
two units could share is dropped, and a near miss is never taken for a unit.

Look-alike ideographs (a Kangxi radical, a compatibility ideograph) are folded for suggestions
only: a name holding one is not accepted, and the message names the character.
"""

from __future__ import annotations

from collections.abc import Iterable

from ipr_rules.records import record
from ipr_rules.textnorm import INVISIBLE, fold, odd_characters

CITY = "昆明市"
DISTRICT = "官渡区"
SHORT_DISTRICT = "区"
# The prefixes a party or tax unit's full name carries before the place name.
_HEADS = ("中共", "国家税务总局", "")
# Kinds of characters `fold` changes that a person may not have meant (so not accepted silently).
LOOK_ALIKE_KINDS = frozenset({"康熙部首", "兼容汉字", "兼容字符"})


def derived_forms(name: str) -> set[str]:
    """`name` and the forms that follow from it: with or without `昆明市`, `区` ⇄ `官渡区`."""
    forms = {name}
    for head in _HEADS:
        if not name.startswith(head):
            continue
        rest = name[len(head) :]
        place = ""
        if rest.startswith(CITY + DISTRICT):
            place, body = CITY + DISTRICT, rest[len(CITY + DISTRICT) :]
        elif rest.startswith(DISTRICT):
            place, body = DISTRICT, rest[len(DISTRICT) :]
        elif rest.startswith(SHORT_DISTRICT) and not rest.startswith("区域"):
            place, body = SHORT_DISTRICT, rest[len(SHORT_DISTRICT) :]
        elif rest.startswith(CITY):
            forms.add(head + rest[len(CITY) :])
            continue
        else:
            continue
        if place and body:
            forms.update(head + prefix + body for prefix in (CITY + DISTRICT, DISTRICT, SHORT_DISTRICT))
        break
    return {form for form in forms if form}


@record
class Form:
    """One accepted spelling of a unit: registered (canonical, full name, alias) or derived."""

    text: str
    unit: str
    registered: bool


class NameIndex:
    """Folded spelling → unit name, over registered names and the forms derived from them."""

    __slots__ = ("_cores", "_folded", "_near", "forms")

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """`names`: (registered name, canonical unit name) pairs, in registry order."""
        pairs = list(names)
        registered: dict[str, str] = {}
        for name, unit in pairs:
            registered.setdefault(fold(name), unit)
        derived: dict[str, set[str]] = {}
        for name, unit in pairs:
            for form in derived_forms(name):
                derived.setdefault(fold(form), set()).add(unit)
        self._folded = dict(registered)
        for key, units in derived.items():
            # A form two units could share says neither: it is left out, never guessed.
            if key not in registered and len(units) == 1:
                self._folded[key] = next(iter(units))
        self._near: dict[tuple[str, int], list[str]] = {}
        self._cores: tuple[tuple[str, str], ...] | None = None
        self.forms: tuple[Form, ...] = tuple(Form(key, unit, key in registered) for key, unit in self._folded.items())

    def lookup(self, written: str) -> str | None:
        """The canonical unit a written name is, after width, space and invisible characters are
        folded; None when it needs a look-alike ideograph folded too (or matches nothing)."""
        if any(odd.kind_zh in LOOK_ALIKE_KINDS for odd in odd_characters(written)):
            return None
        return self._folded.get(fold(written))

    def look_alike(self, written: str) -> str | None:
        """The unit `written` is once its look-alike characters are read as what they look like."""
        return self._folded.get(fold(written))

    def closest(self, written: str, limit: int = 3) -> list[str]:
        """Canonical names of the units whose spellings come closest to `written`, best first.

        Each unit is scored by its closest spelling, registered or derived, compared without the
        place words every name starts with (`昆明市`, `官渡区`, `区`), so `官渡区司法所` meets
        `区司法局` first and not every `官渡区…` name; units far behind the best are left out.
        Answers are remembered: a stream of reports repeats the same unknown name."""
        key = (written, limit)
        known = self._near.get(key)
        if known is None:
            if len(self._near) >= _REMEMBERED:
                self._near.clear()
            known = self._near[key] = self._closest(written, limit)
        return list(known)

    def _closest(self, written: str, limit: int) -> list[str]:
        import difflib  # only a message with a near miss pays for it

        typed = core(fold(written))
        if not typed:
            return []
        if self._cores is None:
            self._cores = tuple(dict.fromkeys((core(form.text), form.unit) for form in self.forms))
        best: dict[str, float] = {}
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(typed)
        for known, unit in self._cores:
            prefix = min(len(known), len(typed)) >= 2 and (known.startswith(typed) or typed.startswith(known))
            score = 0.6 if prefix else 0.0
            matcher.set_seq1(known)
            if matcher.real_quick_ratio() > score and matcher.quick_ratio() > score:
                score = max(score, matcher.ratio())
            if score > best.get(unit, 0.0):
                best[unit] = score
        top = max(best.values(), default=0.0)
        ranked = sorted(
            (unit for unit, score in best.items() if score >= _CUTOFF and score >= top - _MARGIN),
            key=lambda unit: -best[unit],
        )
        return ranked[:limit]


_REMEMBERED = 1024
# A suggestion must be this alike (difflib ratio of the names without place words) and not far
# behind the best one.
_CUTOFF = 0.5
_MARGIN = 0.2
_PLACES = ("中共", "国家税务总局", CITY, DISTRICT, "官渡", SHORT_DISTRICT)


def core(name: str) -> str:
    """A unit name without the place words it starts with: `昆明市官渡区司法局` → `司法局`."""
    changed = True
    while changed:
        changed = False
        for place in _PLACES:
            if name.startswith(place) and len(name) > len(place) + 1:
                name = name[len(place) :]
                changed = True
    return name


def invisible_in(text: str) -> bool:
    return bool(INVISIBLE.search(text))
