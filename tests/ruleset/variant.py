"""A 2021-style plan built from the 2020 seed, as next year's plan would change it."""

from __future__ import annotations

REMOVED = (
    "加强农村假冒伪劣食品治理，全面打击生产经营农村假冒伪劣食品等违法违规行为，曝光一批典型案例，"
    "保障公平竞争的市场秩序。（市公安官渡分局、区农业农村局、区商投局、区市场监管局按职责分工分别负责）"
)
ROLE_BEFORE = "（区委宣传部、市公安官渡分局、区商投局、区市场监管局按职责分工分别负责）\n（四）"
ROLE_AFTER = "（区市场监管局牵头负责，区委宣传部、市公安官渡分局、区商投局按职责分工分别负责）\n（四）"
ADDED = "组织开展知识产权宣传周活动，普及知识产权法律常识，发布年度典型案例。（区委宣传部负责）"
ADDED_AFTER = (
    "制定出台治理电子商务平台盗版、侵权与假冒现象制度规定。（区委宣传部、区科信局、区市场监管局按职责分工分别负责）"
)


def variant_2021(seed: str) -> str:
    """The seed with its campaigns renamed for 2021, duty 2-2 removed (2-3 becomes 2-2), the
    lead of 3-1 changed to 区市场监管局, and a duty 1-5 added."""
    assert REMOVED in seed and ROLE_BEFORE in seed and ADDED_AFTER in seed
    text = seed.replace("2020", "2021").replace(REMOVED, "").replace(ROLE_BEFORE, ROLE_AFTER)
    return text.replace(ADDED_AFTER, ADDED_AFTER + ADDED)
