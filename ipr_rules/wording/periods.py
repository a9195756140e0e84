"""When does an action say the work was done? (SPEC §6, `out-of-period`)

An action dates its work in year Y when Y stands as the time of a clause: at the clause's start
(`2019年11月，…`, `2019年，全区共…`, `2019年12月开展…`) or after `于`/`在` (`于2019年11月开展`).
A year named any other way is not the time of the work:

- a comparison: `较2019年增长30%`, `比2019年`, `与2019年相比`, `2019年同期`, `同比`, `比上年`;
- a span that includes the plan year: `2019—2021年`, `2019年至2021年`, `2019年以来`, `自2018年起`;
- a plan for the future: `2021年将…`, `计划2021年…`, `下一步，2021年…`;
- a year inside a name: `“剑网2019”`, `《2019年度…》`, `〔2019〕12号`, `2019年度案件`;
- January of the next year, which belongs to the plan year's work as it does for outputs
  (`2021年1月，发布下半年检查情况`).
"""

from __future__ import annotations

import re

CLAUSE = re.compile(r"[^，。；！？,;!?\n]+")
# A four-digit year followed by 年, with what may stand before it in the same clause.
YEAR = re.compile(r"(?<![\d〔\[［(（])((?:19|20)\d{2})\s*年(?!度)")
ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-\d{1,2}-\d{1,2}(?!\d)")
# Before the year, only these (and spaces) may stand at the start of the clause.
LEAD_IN = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*)?(?:于|在|从|自|截至|截止)?\s*$")
AT = re.compile(r"(?:于|在)\s*$")
COMPARISON_BEFORE = re.compile(r"(?:较|比|与|同|相比|对比|环比|超过|高于|低于|多于|少于|相较|相对)\s*(?:于)?\s*$")
COMPARISON_AFTER = re.compile(
    r"^\s*(?:\d{1,2}\s*月(?:份)?)?\s*(?:同期|相比|比较|水平|基础上|的基础|增长|下降|减少|增加)"
)
SPAN_AFTER = re.compile(
    r"^\s*(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?)?\s*(?:[—–\-~～至到]\s*((?:19|20)\d{2})|以来|至今|起|开始)"
)
SPAN_BEFORE = re.compile(r"((?:19|20)\d{2})\s*(?:年)?\s*(?:\d{1,2}\s*月)?\s*[—–\-~～至到]\s*$")
JANUARY = re.compile(r"^\s*(?:0?1|一)\s*月(?!\d)")
FUTURE = re.compile(r"将|计划|拟|预计|力争|下一步|明年|今后|下阶段|下一阶段")
QUOTED = re.compile(r"[“\"《][^”\"》]*[”\"》]")
# Any year-like number: most actions name none but the plan year, and are done with at once.
# (The look back, that no digit stands before it, comes after the first digit: a pattern that
# starts with 1 or 2 lets the matcher skip ahead to those, several times faster on long text.)
ANY_YEAR = re.compile(r"(?:1(?<!\d1)9|2(?<!\d2)0)\d{2}(?!\d)")


def work_years(text: str, plan_year: int) -> list[int]:
    """The years other than `plan_year` that `text` gives as the time of its work, in order."""
    own = str(plan_year)
    if all(year == own for year in ANY_YEAR.findall(text)):
        return []
    found: list[int] = []
    blanked = QUOTED.sub(lambda m: "　" * len(m.group(0)), text)
    for clause in CLAUSE.finditer(blanked):
        words = clause.group(0)
        if FUTURE.search(words):
            continue
        for year in _clause_years(words, plan_year):
            if year not in found:
                found.append(year)
    return found


def _clause_years(clause: str, plan_year: int) -> list[int]:
    years = []
    for match in [*YEAR.finditer(clause), *ISO_DATE.finditer(clause)]:
        year = int(match.group(1))
        if year == plan_year:
            continue
        before, after = clause[: match.start()], clause[match.end() :]
        if COMPARISON_BEFORE.search(before) or COMPARISON_AFTER.search(after):
            continue
        if _in_span(year, before, after, plan_year):
            continue
        if year == plan_year + 1 and (JANUARY.match(after) or match.group(0)[5:7] in ("01", "1-")):
            continue  # January of the next year belongs to the plan year, as for outputs
        if LEAD_IN.match(before) or AT.search(before):
            years.append(year)
    return years


def _in_span(year: int, before: str, after: str, plan_year: int) -> bool:
    """Whether the year is one end of a span (or `以来`/`至今`) that includes the plan year."""
    span = SPAN_AFTER.match(after)
    if span:
        end = int(span.group(1)) if span.group(1) else None
        return year <= plan_year and (end is None or end >= plan_year)
    start = SPAN_BEFORE.search(before)
    if start:
        return int(start.group(1)) <= plan_year <= year
    return False
