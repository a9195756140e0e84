"""One normal form for comparing what people type with what the plan and registry say.

Clerks paste text from Word, WeChat and PDF copies: full-width digits and letters, no-break and
ideographic spaces, zero-width characters, and now and then a CJK compatibility ideograph or a
Kangxi radical that looks exactly like the ordinary character. Comparisons (unit names, task ids,
copied plan text, campaign names) fold all of these away first; messages use `odd_characters` to
name what was folded, so that a suggestion never looks identical to the input without saying why.
"""

from __future__ import annotations

import re
import unicodedata

from ipr_rules.records import record

# Characters that show as nothing, or change the direction text is shown in: zero-width spaces
# and joiners, marks, word joiner and invisible operators, bidirectional embeddings, overrides and
# isolates, BOM, soft hyphen, Mongolian vowel separator, interlinear annotation marks.
_INVISIBLE_CHARS = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"
INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Any run of white space, including no-break (U+00A0), ideographic (U+3000) and line breaks.
_SPACES = re.compile(r"\s+")
# Both at once, for `squeeze`: removing one set and then the other removes their union.
_SPACES_OR_INVISIBLE = re.compile(rf"[\s{_INVISIBLE_CHARS}]+")

_KANGXI = range(0x2F00, 0x2FE0)  # Kangxi radicals and CJK radicals supplement end at 0x2FDF
_RADICALS_SUPPLEMENT = range(0x2E80, 0x2F00)
_COMPATIBILITY = (range(0xF900, 0xFB00), range(0x2F800, 0x2FA20))
_FULL_WIDTH = range(0xFF01, 0xFF5F)


def fold(text: str) -> str:
    """`text` with invisible characters and all white space removed, and compatibility forms
    (full-width ASCII, compatibility ideographs, Kangxi radicals) replaced by their ordinary
    characters (NFKC). Two texts that read the same fold to the same string."""
    if text.isascii():
        return _SPACES.sub("", text)
    return _SPACES.sub("", unicodedata.normalize("NFKC", INVISIBLE.sub("", text)))


def squeeze(text: str) -> str:
    """`text` without white space and invisible characters: `fold` without the NFKC pass, for a
    cheap first comparison of two texts that both went through it."""
    return _SPACES_OR_INVISIBLE.sub("", text)


# What NFKC changes that can make copied text look like someone's own: full-width letters and
# digits, radicals, compatibility ideographs (full-width punctuation changes alike on both sides).
LOOK_ALIKES = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\U0002f800-\U0002fa1f]")


def fold_keep_spaces(text: str) -> str:
    """`fold`, but runs of white space become one ordinary space (for Latin words)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", INVISIBLE.sub("", text))
    return _SPACES.sub(" ", text).strip()


@record
class OddCharacter:
    """A character of the input that `fold` changes: where it is, what it is, what it reads as."""

    position: int  # 1-based, as a person counts characters
    char: str
    replacement: str  # "" for a character that is dropped
    kind_zh: str
    kind_en: str

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"


def _kind(char: str) -> tuple[str, str]:
    code = ord(char)
    if INVISIBLE.match(char):
        return "不可见字符", "invisible character"
    if code in _KANGXI or code in _RADICALS_SUPPLEMENT:
        return "康熙部首", "Kangxi radical"
    if any(code in block for block in _COMPATIBILITY):
        return "兼容汉字", "CJK compatibility ideograph"
    if code in _FULL_WIDTH:
        return "全角字符", "full-width character"
    if char.isspace():
        return "特殊空格" if char != " " else "空格", "special space" if char != " " else "space"
    return "兼容字符", "compatibility character"


def odd_characters(text: str) -> list[OddCharacter]:
    """Every character of `text` that folding changes or drops, in order.

    Ordinary spaces are not listed (they are folded but visible); no-break, ideographic and other
    special spaces are."""
    found = []
    for index, char in enumerate(text):
        if char == " " or (char.isascii() and not char.isspace()):
            continue
        replacement = fold_keep_spaces(char) if not char.isspace() else ""
        if replacement == char and not INVISIBLE.match(char):
            continue
        if char.isspace() and char in "\t\n\r":
            continue
        kind_zh, kind_en = _kind(char)
        found.append(OddCharacter(index + 1, char, replacement, kind_zh, kind_en))
    return found


def describe_zh(odd: OddCharacter) -> str:
    """`第 3 个字“⽂”是康熙部首，应为“文”`; an invisible character is named by its code."""
    if not odd.replacement:
        return f"第 {odd.position} 个字符是{odd.kind_zh}（{odd.code}），应删除"
    return f"第 {odd.position} 个字“{odd.char}”是{odd.kind_zh}，应为“{odd.replacement}”"


def describe_en(odd: OddCharacter) -> str:
    if not odd.replacement:
        return f"character {odd.position} is an {odd.kind_en} ({odd.code}); delete it"
    return f"character {odd.position} '{odd.char}' is a {odd.kind_en} ({odd.code}); it should be '{odd.replacement}'"
