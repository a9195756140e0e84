"""Closest names for a near miss, for messages such as `区市场监督局` → `区市场监管局`."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    import difflib  # only a message with a near miss pays for it

    options = list(dict.fromkeys(candidates))
    matches = difflib.get_close_matches(word, options, n=limit, cutoff=0.5)
    if not matches:
        # Short Chinese names differ by a large share of their characters: fall back to names
        # sharing at least two distinctive characters (not the 区/市/局 every name has).
        common = {"区", "局", "市"}
        shared = {option: len((set(option) & set(word)) - common) for option in options}
        scored = sorted((option for option in options if shared[option] >= 2), key=lambda option: -shared[option])
        matches = scored[:limit]
    return matches
