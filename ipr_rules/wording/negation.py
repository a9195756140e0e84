"""Is a campaign named only to say it was not done? (SPEC §6)

A mention is negated when, in the same clause and before it, a negation (`未`, `没有`, `尚未`,
`暂未`, `未能`, `没`, `不再`) governs a verb of taking part (`开展`, `参加`, `参与`, `组织`,
`实施`, `启动`, `部署`, `进行`, `列入`): `本年度未开展“铁拳”专项行动`, `没有参加“剑网2020”`,
`“铁拳”行动尚未开展`. A negation later in the clause about something else
(`开展“铁拳”专项行动，未发现…`, `开展“铁拳”行动中未发现问题`) negates nothing.
"""

from __future__ import annotations

import re

CLAUSE = re.compile(r"[^，。；！？,;!?\n]+")
NEGATION = "(?:尚未|暂未|未能|没有|未曾|并未|从未|不再|未|没)"
VERB = "(?:开展|参加|参与|组织|实施|启动|部署|进行|列入|纳入|承担)"
NEGATED_BEFORE = re.compile(rf"{NEGATION}\s*(?:单独|专门|具体|正式|实际|按要求)?\s*{VERB}")
# `“铁拳”专项行动尚未开展` / `铁拳行动未能开展`: the campaign first, then its negated verb.
NEGATED_AFTER = re.compile(rf"^[^，。；]{{0,14}}?{NEGATION}\s*{VERB}")


def mentions(text: str, name: str) -> tuple[bool, bool]:
    """(whether `text` mentions `name` outside a negated clause, whether it mentions it inside one)."""
    positive = negative = False
    if name not in text:
        return positive, negative
    for clause in CLAUSE.finditer(text):
        words = clause.group(0)
        start = words.find(name)
        while start >= 0:
            before, after = words[:start], words[start + len(name) :]
            if NEGATED_BEFORE.search(before) or NEGATED_AFTER.match(after):
                negative = True
            else:
                positive = True
            start = words.find(name, start + len(name))
    return positive, negative
