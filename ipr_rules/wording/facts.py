"""Does an action state a checkable fact? (SPEC §6, `vague-action`)

A fact is something the office could ask to see or count. It is any of:

- a number with a measure word or unit, in Arabic or Chinese numerals: `38 家`, `三次`,
  `52 万元`, `126家次`, `30余件`, `十余场`, a percentage (`30%`, `百分之十`) or `2 个百分点`;
- a date: `2020年3月`, `11月16日`, `3月上旬`, `2020-03-15`, `2020.3.15`;
- a document number: `〔2020〕41号`, `[2020]41号`;
- a named document or event in title marks: `《商标侵权判断标准》`.

Not facts: a bare year (`2020年以来`), a number without a measure word (`12315 热线`, `剑网2020`),
the numbers inside set phrases (`进一步`, `一是`, `一批`, `一系列`, `“四个最严”`, `两法衔接`),
and words such as `多次`, `大量`, `若干`, `全面`, `有力`. The check looks for these patterns
only; whether the fact is true is for the office to verify.
"""

from __future__ import annotations

import re
from functools import cache

# Measure words and units as actions use them; longer forms first so that `万元` wins over `万`.
MEASURES = (
    "个百分点|百分点|平方米|立方米|公里|千克|公斤|小时|分钟|个月|"
    "人次|家次|户次|件次|车次|批次|场次|期次|频次|条次|个次|架次|"
    "万元|亿元|元|吨|斤|米|"
    "家|户|个|件|起|宗|例|次|场|期|批|份|篇|条|项|所|处|人|名|位|支|只|部|台|套|辆|艘|盒|瓶|箱|袋|包|"
    "册|本|张|幅|块|枚|把|副|卷|盘|款|种|类|轮|趟|天|日|周|月|层|座|间|栋|组|队"
)
ARABIC = r"\d+(?:[.,]\d+)*"
CHINESE = "[零〇一二两三四五六七八九十百千万亿]+"
MULTIPLIER = "[十百千万亿]*"
ABOUT = "(?:余|多|来)?"
SPACE = r"\s*"

_ARABIC_COUNT = rf"(?<![\d.])(?:{ARABIC}){SPACE}{MULTIPLIER}{ABOUT}{SPACE}(?:{MEASURES})"
_CHINESE_COUNT = rf"(?<![第进统唯专万千])(?:{CHINESE}){ABOUT}(?:{MEASURES})"
_PERCENT = rf"(?:{ARABIC}{SPACE}[%％‰]|百分之{CHINESE})"
_DATE = (
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|"
    r"(?<![\d个])\d{1,2}\s*月(?:份|初|中旬|上旬|下旬|底|末|中)?(?!\d)|"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|"
    r"(?<![个])(?:十[一二]?|[一二三四五六七八九])月(?:份|初|中旬|上旬|下旬|底|末|\d{1,2}日|[一二三]?十?[一二三四五六七八九十]日))"
)
_DOCUMENT_NUMBER = r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d+\s*号"
_TITLE = r"《[^《》\n]{2,80}》"

# Numerals that are part of a set phrase, blanked before looking for counts.
SET_PHRASES = re.compile(
    r"进一步|一步|一是|二是|三是|四是|五是|一批|一大批|一系列|一些|一起(?=[\u4e00-\u9fff])(?!案)|一体|一部分|一并|一律|一线|一道|"
    r"一站式|一张网|一网通|统一|唯一|专一|逐一|之一|一次性|一盘棋|一把手|一岗双责|"
    r"[“\"][^”\"]{1,12}[”\"]|两法衔接|两个维护|三合一|万家|千家万户|十三五|十四五|百千万"
)
_FACT_PARTS = (_DATE, _DOCUMENT_NUMBER, _TITLE, _PERCENT, _ARABIC_COUNT, _CHINESE_COUNT)
# Each kind of fact on its own, the most common first: a text states a fact when any of them
# matches. Apart, they compile in a fifth of the time of their union (which only `facts` needs,
# to list the facts in order) and a typical action is decided by the first.
FACT_KINDS = tuple(
    re.compile(part) for part in (_ARABIC_COUNT, _CHINESE_COUNT, _DATE, _PERCENT, _DOCUMENT_NUMBER, _TITLE)
)


@cache
def _fact() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{part})" for part in _FACT_PARTS))


def states_fact(text: str) -> bool:
    """Whether `text` holds at least one checkable fact (see the module's documentation)."""
    if _TITLE_ONLY.search(text) or _DOCUMENT_ONLY.search(text):
        return True
    blanked = SET_PHRASES.sub(_blank, text)
    return any(kind.search(blanked) is not None for kind in FACT_KINDS)


def facts(text: str) -> list[str]:
    """The facts found in `text`, in order, as written (for messages and tests)."""
    found = [m.group(0) for m in _TITLE_ONLY.finditer(text)]
    found += [m.group(0) for m in _DOCUMENT_ONLY.finditer(text)]
    blanked = SET_PHRASES.sub(_blank, text)
    found += [text[m.start() : m.end()] for m in _fact().finditer(blanked)]
    return list(dict.fromkeys(found))


def _blank(match: re.Match[str]) -> str:
    """A quoted phrase keeps its quotes' content out of counting but stays a title when in 《》."""
    return "　" * len(match.group(0))


# Titles and document numbers are matched on the text as written: blanking set phrases must
# not hide `《一批…》`.
_TITLE_ONLY = re.compile(_TITLE)
_DOCUMENT_ONLY = re.compile(_DOCUMENT_NUMBER)
