"""Closest names for a near miss, for messages such as `区市场监督局` → `区市场监管局`."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    import difflib  # only a message with a near miss pays for it

    options = list(dict.fromkeys(candidates))
    matches = difflib.get_close_matches(word, options, n=limit, cutoff=0.5)
    if not matches:
        # Short names differ by a large share of their characters; fall back to shared characters.
        scored = sorted(options, key=lambda option: -len(set(option) & set(word)))
        matches = [option for option in scored[:limit] if set(option) & set(word) - {"区", "局", "市"}]
    return matches
