"""Named campaigns in a task's text: quoted names that stand before `行动` (SPEC §2).

`开展“清风”“龙腾”行动` names two campaigns, `“剑网2020”专项行动` one, and
`落实“四个最严”要求专项行动` the action named after that requirement. A quoted term followed by
anything else (`“一带一路”沿线`, `“双随机”检查`, `“三合一”改革`) is not a campaign.
"""

from __future__ import annotations

import re

_QUOTED = r"[“\"]([^“”\"]{1,30})[”\"]"
CAMPAIGN = re.compile(rf"((?:{_QUOTED})+)(?:要求)?(?:专项)?行动")
QUOTED = re.compile(_QUOTED)


def find_campaigns(text: str) -> tuple[str, ...]:
    """Campaign names in order of appearance, each once."""
    names: list[str] = []
    for match in CAMPAIGN.finditer(text):
        for quoted in QUOTED.finditer(match.group(1)):
            name = quoted.group(1).strip()
            if name and name not in names:
                names.append(name)
    return tuple(names)
