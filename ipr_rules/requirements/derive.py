"""Requirements from a task's own words, each quoting the words it came from.

Precision first: a requirement is derived only where the text names an output with a verb
and its object (公开/公布/发布/通报/曝光 → a publication; 制定/出台/编制…标准/制度/规定 → a
standard or regulation; 举办…会/班 → an event; 开展…调查 → a survey), a frequency
(每半年, 每季度, 定期), or a named campaign. Words used as nouns (信息公开工作, 案情通报),
means (通过通报、约谈等方式) or what the unit only guides others to do (指导各地公布…) give none.

Who must show the output: the lead units where the task has one (the plan's wording makes the
output the lead's duty), otherwise every named unit; a campaign, every unit carrying the task.
"""

from __future__ import annotations

import re
from typing import Any

from ipr_rules.model.ruleset import Requirement, Task
from ipr_rules.records import record

SENTENCE = re.compile(r"[^。；]+")
# What follows these the unit does not do itself: it guides, urges or backs others.
GUIDANCE = re.compile(r"指导|督促|推动|支持|鼓励|引导|配合")
MEANS = re.compile(r"通过[^。；]*?等方式")
PUBLISH = re.compile(
    r"(?<!信息)(?<!情况)(?<!案情)(?<!线索)(公开发布|公开|公布|发布|通报|曝光)(?!工作|制度|机制|系统|平台|渠道|主渠道|管理)(?=[\u4e00-\u9fff])"
)
STANDARD = re.compile(r"(?:制定出台|制定|出台|编制|制订)([^。；，]{0,40}?)(?:标准|制度|规定)")
# Words of an object that do not say what the document is about, and what joins its parts.
GENERIC_WORDS = frozenset(
    {"现象", "工作", "行为", "问题", "方面", "相关", "有关", "行政", "管理", "治理", "加强", "完善"}
)
JOINERS = re.compile(r"[、与和及的\s]")
# What a standard's or regulation's title calls itself; a 工作方案, 通知 or 计划 is neither.
STANDARD_HEADS = [
    "标准",
    "规范",
    "指引",
    "指南",
    "办法",
    "规定",
    "制度",
    "细则",
    "准则",
    "规程",
    "规则",
    "导则",
    "守则",
    "意见",
    "流程",
]
EVENT = re.compile(r"举办[^。；，]{1,40}?(?:大会|会议|论坛|培训班|提升班|班)")
SURVEY = re.compile(r"开展[^。；，]{1,40}?调查")
FREQUENCY = re.compile(r"每半年|每季度|定期")
CLAUSE_BREAK = "，。；,;"
TITLE_NOTE = "，标题须称标准、规范、办法等，并写明{words}之一"

OUTPUT_RULES: tuple[tuple[str, re.Pattern[str], list[str]], ...] = (
    ("publication", PUBLISH, ["publication"]),
    ("standard", STANDARD, ["standard", "regulation"]),
    ("event", EVENT, ["event"]),
    ("survey", SURVEY, ["survey"]),
)
DESCRIPTIONS = {
    "publication": "至少一项公开发布（outputs 中 kind: publication）",
    "standard": "至少一项出台的标准或制度规定（outputs 中 kind: standard 或 regulation）",
    "event": "至少一项举办的会议或培训班（outputs 中 kind: event）",
    "survey": "至少一项调查（outputs 中 kind: survey）",
    "half": "上、下半年各至少一项注明日期的{what}（上半年 1 月 1 日至 7 月 31 日、下半年 7 月 1 日至次年 1 月 31 日的日期计入，一项只计一次）",
    "quarter": "每个季度各至少一项注明日期的{what}（季度结束后一个月内的日期仍计入该季度，一项只计一次）",
    "periodic": "至少两项注明不同日期的{what}（定期）",
    "campaign": "在 campaigns 中列出或在 actions 中提及“{name}”",
}
WHAT = {
    "publication": "公开发布（kind: publication）",
    "standard": "标准或制度规定（kind: standard 或 regulation）",
    "event": "会议或培训班（kind: event）",
    "survey": "调查（kind: survey）",
    None: "产出（outputs）",
}


@record
class _Match:
    kind: str
    kinds: list[str]
    start: int
    end: int
    sentence: str
    sentence_start: int
    words: tuple[str, ...] = ()


def derive_requirements(task: Task) -> tuple[Requirement, ...]:
    applies_to = "lead" if any(a.role == "lead" for a in task.assignees) else "named"
    found: dict[str, tuple[list[str], dict[str, Any], str]] = {}  # id → (sources, schema, description)
    for sentence_match in SENTENCE.finditer(task.text):
        sentence, offset = sentence_match.group(0), sentence_match.start()
        own = _own_part(sentence)
        matches = _output_matches(own, offset, sentence)
        frequencies = list(FREQUENCY.finditer(own))
        attached: set[int] = set()
        for frequency in frequencies:
            target = next((m for m in matches if m.start - offset >= frequency.end()), None)
            if target is not None:
                attached.add(id(target))
            _add_frequency(found, frequency.group(0), target, sentence, frequency.start())
        for match in matches:
            if id(match) not in attached:
                source = _clause(sentence, match.start - offset, match.end - offset)
                _add(found, match.kind, source, _count_schema(match.kinds), DESCRIPTIONS[match.kind])
                if match.words:
                    _add_title_words(found, match.kind, match.words)
    requirements = [
        Requirement(
            id=f"{task.id}/{key}",
            kind=key.split("-", 1)[0] if key.startswith("campaign") else key,
            source="；".join(sources),
            applies_to=applies_to,  # type: ignore[arg-type]
            schema=schema,
            description=description,
        )
        for key, (sources, schema, description) in found.items()
    ]
    requirements += [_campaign(task, name) for name in task.campaigns]
    return tuple(requirements)


def _own_part(sentence: str) -> str:
    """The sentence up to where it turns to what others are to do; means become blanks."""
    guidance = GUIDANCE.search(sentence)
    own = sentence[: guidance.start()] if guidance else sentence
    return MEANS.sub(lambda m: " " * len(m.group(0)), own)


def _output_matches(own: str, offset: int, sentence: str) -> list[_Match]:
    matches = [
        _Match(
            kind,
            kinds,
            offset + m.start(),
            offset + m.end(),
            sentence,
            offset,
            object_words(m) if kind == "standard" else (),
        )
        for kind, pattern, kinds in OUTPUT_RULES
        for m in pattern.finditer(own)
    ]
    return sorted(matches, key=lambda m: m.start)


def object_words(match: re.Match[str]) -> tuple[str, ...]:
    """What a standard's title must name, from the plan's own phrase: the two-character words of
    the object before 标准/制度/规定, joining and generic words dropped. 制定出台商标行政执法侵权判断标准
    → 商标, 执法, 侵权, 判断."""
    core = JOINERS.sub("", match.group(1))
    words = (core[i : i + 2] for i in range(0, len(core) - 1, 2))
    return tuple(word for word in words if word not in GENERIC_WORDS)


def _add_title_words(found: dict[str, Any], key: str, words: tuple[str, ...]) -> None:
    """A fitting output's title calls itself a standard or regulation and names one of the words."""
    rule = found[key][1]["outputs"]["min_outputs_of_kind"]
    rule.setdefault("title_heads", list(STANDARD_HEADS))
    known = rule.setdefault("title_words", [])
    known.extend(word for word in words if word not in known)
    sources, schema, _ = found[key]
    found[key] = (sources, schema, DESCRIPTIONS[key] + TITLE_NOTE.format(words="、".join(known)))


def _clause(sentence: str, start: int, end: int) -> str:
    left = max(sentence.rfind(mark, 0, start) for mark in CLAUSE_BREAK) + 1
    rights = [i for i in (sentence.find(mark, end) for mark in CLAUSE_BREAK) if i >= 0]
    return sentence[left : min(rights) if rights else len(sentence)].strip()


def _count_schema(kinds: list[str]) -> dict[str, Any]:
    return {"outputs": {"type": "list", "min_outputs_of_kind": {"kinds": kinds, "count": 1}}}


def _add_frequency(found: dict[str, Any], word: str, target: _Match | None, sentence: str, at: int) -> None:
    kinds = target.kinds if target else None
    what = WHAT[target.kind if target else None]
    if target is not None:
        source = _clause(sentence, at, target.end - target.sentence_start)
    else:
        source = _clause(sentence, at, at + len(word))
    suffix = f"-{target.kind}" if target else ""
    if word == "定期":
        schema = {"outputs": {"type": "list", "min_dated_outputs": {"kinds": kinds, "count": 2}}}
        _add(found, f"periodic{suffix}", source, schema, DESCRIPTIONS["periodic"].format(what=what))
        return
    periods = "half" if word == "每半年" else "quarter"
    schema = {"outputs": {"type": "list", "covers_periods": {"kinds": kinds, "periods": periods}}}
    _add(found, f"each-{periods}{suffix}", source, schema, DESCRIPTIONS[periods].format(what=what))


def _add(found: dict[str, Any], key: str, source: str, schema: dict[str, Any], description: str) -> None:
    if key in found:
        sources = found[key][0]
        if source not in sources:
            sources.append(source)
        return
    found[key] = ([source], schema, description)


def _campaign(task: Task, name: str) -> Requirement:
    core = name.rstrip("0123456789").strip()
    also = [core] if core != name and len(core) >= 2 else []
    constraint: dict[str, Any] = {"name": name, **({"also": also} if also else {})}
    return Requirement(
        id=f"{task.id}/campaign-{name}",
        kind="campaign",
        source=_campaign_source(task.text, name),
        applies_to="carriers",
        schema={"campaigns": {"type": "list", "mentions_campaign": constraint}},
        description=DESCRIPTIONS["campaign"].format(name=name),
    )


def _campaign_source(text: str, name: str) -> str:
    at = max(text.find(f"“{name}”"), text.find(f'"{name}"'))
    if at < 0:
        return name
    return _clause(text, at, at + len(name) + 2)
