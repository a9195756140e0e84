"""How the plan numbers its sections and items: Chinese numerals, read and written.

Apart from the plan's reader (`plan_text`) so that the views can number without loading it.
"""

from __future__ import annotations

CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_numeral(text: str) -> int:
    """`一` → 1, `十` → 10, `十一` → 11, `二十` → 20, `三十一` → 31 (up to 99)."""
    if "十" not in text:
        if len(text) != 1:
            raise ValueError(text)
        return CHINESE_DIGITS[text]
    tens_text, _, units_text = text.partition("十")
    if len(tens_text) > 1 or len(units_text) > 1 or "十" in units_text:
        raise ValueError(text)
    tens = CHINESE_DIGITS[tens_text] if tens_text else 1
    units = CHINESE_DIGITS[units_text] if units_text else 0
    return tens * 10 + units


def numeral_text(number: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 31 → 三十一 (up to 99): the inverse of chinese_numeral."""
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def plan_number(number: int, lang: str) -> str:
    """How the plan numbers a section or item: 二十 in Chinese output, 20 in English."""
    return numeral_text(number) if lang == "zh" else str(number)


def section_heading(number: int, title: str, lang: str) -> str:
    """A section as the plan heads it: 一、… in Chinese output, 1. … in English."""
    return f"{numeral_text(number)}、{title}" if lang == "zh" else f"{number}. {title}"
