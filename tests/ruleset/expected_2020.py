"""What the 2020 plan (rulesets/2020/plan.txt) says, written out by reading the text.

These expectations are independent of the compiler: every row was taken from the plan's
parenthesised assignments by hand. Units are given by their canonical names.
"""

from __future__ import annotations

OFFICE = "区打击侵权假冒工作领导小组办公室"
PUBLICITY = "区委宣传部"
SCI = "区科信局"
POLICE = "市公安官渡分局"
COMMERCE = "区商投局"
MARKET = "区市场监管局"
LAND = "区自然资源局"
CULTURE = "区文化和旅游局"
AGRI = "区农业农村局"
COURT = "区法院"
PROCURATORATE = "区检察院"
HEALTH = "区卫生健康局综合监督执法局"
ECOLOGY = "市生态环境官渡分局"
FINANCE = "区财政局"
SASAC = "国资委"
TAX = "区税务局"
JUSTICE = "区司法局"
POLITICS_LAW = "区委政法委"
DEVELOPMENT = "区发展改革局"

UNITS_2020 = frozenset(
    {
        OFFICE,
        PUBLICITY,
        SCI,
        POLICE,
        COMMERCE,
        MARKET,
        LAND,
        CULTURE,
        AGRI,
        COURT,
        PROCURATORATE,
        HEALTH,
        ECOLOGY,
        FINANCE,
        SASAC,
        TAX,
        JUSTICE,
        POLITICS_LAW,
        DEVELOPMENT,
    }
)


def _co(*units: str) -> list[tuple[str, str]]:
    return [(unit, "co") for unit in units]


# (task id, [(unit, role) in the plan's order], open)
ASSIGNMENTS: list[tuple[str, list[tuple[str, str]], bool]] = [
    ("1-1", _co(SCI, POLICE, COMMERCE, MARKET, PUBLICITY, LAND), False),
    ("1-2", _co(PUBLICITY, SCI, POLICE, CULTURE, MARKET), False),
    ("1-3", _co(PUBLICITY, SCI, POLICE, COMMERCE, CULTURE, MARKET), False),
    ("1-4", _co(PUBLICITY, SCI, MARKET), False),
    ("2-1", _co(POLICE, COMMERCE, MARKET, LAND), False),
    ("2-2", _co(POLICE, AGRI, COMMERCE, MARKET), False),
    ("2-3", _co(POLICE, AGRI, MARKET, COURT, PROCURATORATE), False),
    ("3-1", _co(PUBLICITY, POLICE, COMMERCE, MARKET), False),
    # `区市场监管局牵头负责,区委宣传部…按职责分工负责`: a half-width comma between the parts.
    ("4-1", [(MARKET, "lead"), *_co(PUBLICITY, POLICE, AGRI, COMMERCE, CULTURE)], False),
    # `区市场监管局牵头负责，有关部门按职责分工负责`: the placeholder is no unit.
    ("5-1", [(MARKET, "lead")], True),
    ("5-2", _co(MARKET, HEALTH), False),
    ("5-3", [(HEALTH, "sole")], False),
    ("5-4", _co(ECOLOGY, MARKET), True),
    ("5-5", _co(POLICE, ECOLOGY, COMMERCE, MARKET), True),
    ("6-1", _co(MARKET), True),
    ("7-1", _co(MARKET), True),
    # `区委宣传部牵头负责，市公安官渡分局、区法院、区检察院等按部门分工分别负责`
    ("8-1", [(PUBLICITY, "lead"), *_co(POLICE, COURT, PROCURATORATE)], True),
    ("8-2", [(CULTURE, "lead")], False),
    ("9-1", _co(MARKET), True),
    ("10-1", _co(AGRI, LAND), False),
    # `区委宣传部牵头负责，区科信局、区财政局、国资委、区市场监管局、区市场监管局…`: named twice, counted once.
    ("11-1", [(PUBLICITY, "lead"), *_co(SCI, FINANCE, SASAC, MARKET)], False),
    ("12-1", [(OFFICE, "lead"), *_co(PUBLICITY, POLICE, COMMERCE, MARKET, LAND, COURT)], False),
    ("13-1", [(POLICE, "sole")], False),
    ("14-1", [(PROCURATORATE, "sole")], False),
    ("15-1", [(COURT, "sole")], False),
    # `区打击侵权假冒工作领导小组办公室、区检察院牵头负责，…`: two leads.
    (
        "16-1",
        [(OFFICE, "lead"), (PROCURATORATE, "lead"), *_co(PUBLICITY, POLICE, AGRI, CULTURE, MARKET, LAND, COURT)],
        False,
    ),
    ("17-1", _co(TAX, MARKET), True),
    ("18-1", [(OFFICE, "lead"), *_co(PUBLICITY, POLICE, AGRI, CULTURE, MARKET, LAND, COURT)], False),
    ("19-1", _co(JUSTICE, PUBLICITY, SCI, POLICE, AGRI, COMMERCE, MARKET, LAND, COURT, PROCURATORATE), False),
    # written `区生态环境局`, the same unit as `市生态环境官渡分局` in 5-4 and 5-5.
    ("20-1", [(ECOLOGY, "lead"), *_co(FINANCE, MARKET)], False),
    ("20-2", [(PUBLICITY, "sole")], False),
    ("20-3", [(OFFICE, "lead")], False),
    ("21-1", [(DEVELOPMENT, "lead"), (MARKET, "lead")], False),
    ("21-2", [(MARKET, "lead")], False),
    ("21-3", [(MARKET, "lead")], False),
    ("21-4", [(FINANCE, "sole")], False),
    ("21-5", [(AGRI, "sole")], False),
    ("21-6", [(COMMERCE, "sole")], False),
    ("21-7", [(MARKET, "sole")], False),
    # `区委政法委、区打击侵权假冒工作领导小组办公室按职责分工牵头负责`: both lead.
    ("22-1", [(POLITICS_LAW, "lead"), (OFFICE, "lead")], False),
    ("23-1", [(OFFICE, "lead"), *_co(PUBLICITY, AGRI, CULTURE, MARKET, LAND)], False),
    ("24-1", _co(OFFICE, PUBLICITY, AGRI, COMMERCE, CULTURE, MARKET, LAND), False),
    ("25-1", [(OFFICE, "lead")], False),
    ("26-1", [(JUSTICE, "lead"), *_co(PUBLICITY, MARKET)], True),
    ("26-2", _co(JUSTICE, PUBLICITY, MARKET), True),
    ("26-3", [(JUSTICE, "lead"), *_co(PUBLICITY, MARKET, COURT, PROCURATORATE)], False),
    ("27-1", _co(COMMERCE, MARKET), False),
    ("28-1", [(OFFICE, "lead"), *_co(PUBLICITY, JUSTICE, MARKET)], False),
    ("29-1", _co(OFFICE, PUBLICITY, POLICE, AGRI, CULTURE, MARKET, LAND), False),
    ("29-2", [(OFFICE, "sole")], False),
    ("29-3", [(COURT, "sole")], False),
    ("29-4", [(PROCURATORATE, "sole")], False),
    ("30-1", _co(OFFICE, PUBLICITY, SCI, POLICE, AGRI, COMMERCE, CULTURE, MARKET, LAND), False),
    ("30-2", [(HEALTH, "sole")], False),
    # `区打击侵权假冒工作领导小组办公室、区委宣传部牵头负责，相关成员单位按职责分工分别负责`
    ("31-1", [(OFFICE, "lead"), (PUBLICITY, "lead")], True),
]

CAMPAIGNS: dict[str, tuple[str, ...]] = {
    "1-2": ("剑网2020",),
    "3-1": ("清风", "龙腾"),
    "5-2": ("线上净网线下清源",),
    "6-1": ("铁拳",),
    "8-1": ("秋风2020",),
    "13-1": ("昆仑2020",),
    "14-1": ("四个最严",),
}

# Quoted terms in task texts that name no action.
NOT_CAMPAIGNS: list[tuple[str, str]] = [
    ("3-1", "一带一路"),
    ("10-1", "双随机"),
    ("15-1", "三合一"),
    ("28-1", "谁执法谁普法"),
    ("28-1", "以案普法"),
    ("30-1", "互联网+监管"),
    ("31-1", "大宣传"),
]

# item number -> section number, counted from the headings 一、 … 八、
ITEM_SECTIONS: dict[int, int] = {
    **dict.fromkeys(range(1, 5), 1),
    5: 2,
    **dict.fromkeys(range(6, 13), 3),
    **dict.fromkeys(range(13, 16), 4),
    **dict.fromkeys(range(16, 19), 5),
    **dict.fromkeys(range(19, 23), 6),
    **dict.fromkeys(range(23, 29), 7),
    **dict.fromkeys(range(29, 32), 8),
}

COURT_TASKS = ["2-3", "8-1", "12-1", "15-1", "16-1", "18-1", "19-1", "26-3", "29-3"]


def role_counts() -> dict[str, dict[str, int]]:
    """Tasks per unit and role, counted from ASSIGNMENTS."""
    counts = {unit: {"lead": 0, "co": 0, "sole": 0} for unit in UNITS_2020}
    for _, assignees, _ in ASSIGNMENTS:
        for unit, role in assignees:
            counts[unit][role] += 1
    return counts
