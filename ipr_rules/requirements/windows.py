"""The dates an output may carry to count toward a requirement, and which output serves which period.

SPEC §6: real publication runs late, so each period has a grace after its end. With the default
grace of one month a first-half output counts from 1 January to 31 July, a second-half one from
1 July to 31 January of the next year; quarters likewise (Q1: 1 January to 30 April …). A
requirement with no periods counts outputs dated from 1 January of the plan year to the end of
its grace after 31 December. One output serves one period: outputs are assigned to periods by a
maximum bipartite matching (a July output may serve the first half when another output covers
the second), never by a greedy first match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

PERIODS = {"half": 2, "quarter": 4}
DEFAULT_GRACE_MONTHS = 1


def _month_end(year: int, month: int) -> dt.date:
    """The last day of `month` counted from January of `year` (13 is January of the next year)."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def period_windows(year: int, periods: str, grace_months: int = DEFAULT_GRACE_MONTHS) -> list[tuple[dt.date, dt.date]]:
    """(first day, last day counted) of each period of `year`, grace included."""
    months = 12 // PERIODS[periods]
    return [
        (dt.date(year, 1 + index * months, 1), _month_end(year, (index + 1) * months + grace_months))
        for index in range(PERIODS[periods])
    ]


def year_window(year: int, grace_months: int = DEFAULT_GRACE_MONTHS) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), _month_end(year, 12 + grace_months)


def assign(dates: Sequence[dt.date], windows: Sequence[tuple[dt.date, dt.date]]) -> list[int | None]:
    """For each window, the index of the date that serves it (None when none can), each date
    serving one window at most, as many windows served as possible; earlier windows take the
    earlier dates where there is a choice."""
    fits = [[i for i, day in enumerate(dates) if start <= day <= end] for start, end in windows]
    owner: dict[int, int] = {}  # date index -> window index

    def augment(window: int, seen: set[int]) -> bool:
        for date in fits[window]:
            if date in seen:
                continue
            seen.add(date)
            if date not in owner or augment(owner[date], seen):
                owner[date] = window
                return True
        return False

    for window in range(len(windows)):
        augment(window, set())
    served: list[int | None] = [None] * len(windows)
    for date, window in owner.items():
        served[window] = date
    return served
