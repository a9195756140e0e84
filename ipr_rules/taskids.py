"""What a clerk meant by a task id the plan does not have, and how to say the fix.

Clerks number duties the way the plan prints its items: `（十三）`, `十三`, `第十三项`, `13`, or
`13.1`, `13．1`, `13—1`; they paste full-width digits (`２-３`) and no-break spaces. None of these
is read as a task (SPEC §3: never silently); each gets a message that says which task or tasks
the item holds and how to write the id. When exactly one task fits, that task is the likely
reason for a missing entry, and the message says so instead of a second `missing-task`.
"""

from __future__ import annotations

import re
from typing import Any

from ipr_rules.clerk import OddCharacters
from ipr_rules.i18n import Names, Text
from ipr_rules.model.ruleset import Ruleset, Task
from ipr_rules.records import record
from ipr_rules.textnorm import fold

_DIGITS = "零一二三四五六七八九"
# Quotes typed as part of the id: full-width ones YAML does not know, or doubled ASCII ones.
_QUOTES = "“”‘’「」\"'"
_ITEM = re.compile(r"^(?:第)?[（(]?([0-9]{1,2}|[一二三四五六七八九十]{1,3})[）)]?(?:项|条)?$")
# An item and a duty's position, with a separator of any kind, or the item in brackets: `13.1`,
# `13—1`, `十三-1`, `（十三）1`. A bare `13` is an item, never item 1 and duty 3.
_ITEM_AND_POSITION = re.compile(
    r"^[（(]?([0-9]{1,2}|[一二三四五六七八九十]{1,3})[）)]?\s*[-－—–_.．、·,，\s]\s*([0-9]{1,2})$"
    r"|^[（(]([0-9]{1,2}|[一二三四五六七八九十]{1,3})[）)]\s*([0-9]{1,2})$"
)

CHARACTERS = Text(
    '任务编号“{raw}”中{characters}；应写作 "{task}"{missing}',
    "the task id '{raw}': {characters}; write it as \"{task}\"{missing}",
)
QUOTES = Text(
    '任务编号“{raw}”带着引号：YAML 只认半角引号，全角引号“”被当成了编号的一部分；应写作 "{task}"{missing}',
    "the task id '{raw}' carries its quotes: YAML only knows ASCII quotes, so the full-width ones became part of "
    'the id; write "{task}"{missing}',
)
SEPARATOR = Text(
    '任务编号“{raw}”写法不对：应写作 "{task}"（事项序号-分工序号，中间用半角“-”，并加引号）{missing}',
    "the task id '{raw}' is not written as ids are: write \"{task}\" (item-duty, with an ASCII '-', quoted){missing}",
)
PREFIX = Text(
    '任务编号“{raw}”前面多了“{prefix}”：键里只写编号，应写作 "{task}"{missing}',
    "the task id '{raw}' starts with '{prefix}': a key holds the id alone; write \"{task}\"{missing}",
)
ITEM_ONE = Text(
    '“{raw}”是要点第（{item_zh}）项的序号，不是任务编号：第（{item_zh}）项对应任务 {task}，请写作 "{task}"{missing}',
    "'{raw}' is the number of item ({item_zh}) of the plan, not a task id: item ({item_zh}) holds task {task}; "
    'write "{task}"{missing}',
)
ITEM_MANY = Text(
    "“{raw}”是要点第（{item_zh}）项的序号，不是任务编号：第（{item_zh}）项有任务 {tasks}，"
    '每项分工单独填写，如 "{first}"{own}{missing}',
    "'{raw}' is the number of item ({item_zh}) of the plan, not a task id: item ({item_zh}) holds tasks "
    '{tasks}, each entered on its own, such as "{first}"{own}{missing}',
)
OWN = Text("；本单位的是 {tasks}", "; this unit's are {tasks}")
NO_OWN = Text("", "")
COUNTS_AS_MISSING = Text("。改正前，任务 {task} 算作没有填写", "; until then, task {task} counts as not entered")


@record
class Meant:
    """The tasks a mis-written id most likely stands for, and how it was mis-written."""

    how: str  # "characters", "quotes", "separator", "item", "prefix"
    tasks: tuple[str, ...]
    item: int | None = None


def chinese_number(text: str) -> int | None:
    """`十三` → 13, `三十一` → 31, `7` → 7; None for anything else."""
    if text.isdigit():
        return int(text)
    if not text or any(char not in _DIGITS + "十" for char in text):
        return None
    if "十" not in text:
        return _DIGITS.index(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_DIGITS.index(tens) if tens else 1) * 10 + (_DIGITS.index(ones) if ones else 0)


def item_zh(number: int) -> str:
    """13 → `十三`, as the plan numbers its items."""
    tens, ones = divmod(number, 10)
    head = ("" if tens == 1 else _DIGITS[tens]) + "十" if tens else ""
    return head + (_DIGITS[ones] if ones else "") if number else "零"


# Words typed before the id: `任务1-3`, `任务编号：1-3`, `第1-3`.
_PREFIX = re.compile(r"^(任务编号|任务|编号|第)[\s:：]*(?=[0-9（(一二三四五六七八九十])")


def prefix_of(raw: str) -> str | None:
    match = _PREFIX.match(fold(raw))
    return match.group(1) if match else None


def meant(raw: str, ruleset: Ruleset) -> Meant | None:
    """The task or tasks `raw` most likely means, or None when it looks like none."""
    prefix = _PREFIX.match(fold(raw))
    if prefix is not None:
        rest = fold(raw)[prefix.end() :]
        if ruleset.task(rest) is not None:
            return Meant("prefix", (rest,))
    folded = fold(raw)
    if folded != raw and ruleset.task(folded) is not None:
        return Meant("characters", (folded,))
    unquoted = folded.strip(_QUOTES)
    if unquoted != folded and ruleset.task(unquoted) is not None:
        return Meant("quotes", (unquoted,))
    pair = _ITEM_AND_POSITION.match(folded)
    if pair:
        item, position = (pair.group(1), pair.group(2)) if pair.group(1) else (pair.group(3), pair.group(4))
        number = chinese_number(item)
        candidate = f"{number}-{int(position)}"
        if number is not None and ruleset.task(candidate) is not None:
            return Meant("separator", (candidate,))
    single = _ITEM.match(folded)
    if single:
        number = chinese_number(single.group(1))
        tasks = tuple(task.id for task in ruleset.tasks if task.item == number)
        if number is not None and tasks:
            return Meant("item", tasks, number)
    return None


def likely_task(raw: str, ruleset: Ruleset, unit: str | None) -> str | None:
    """The one task `raw` stands for (of the unit's own, when an item holds several), else None."""
    found = meant(raw, ruleset)
    if found is None:
        return None
    tasks = found.tasks
    if len(tasks) > 1 and unit is not None:
        tasks = tuple(task for task in tasks if _names(ruleset.task(task), unit))
    return tasks[0] if len(tasks) == 1 else None


def _names(task: Task | None, unit: str) -> bool:
    return task is not None and task.role_of(unit) is not None


def explain(raw: str, ruleset: Ruleset, unit: str | None, present: set[str]) -> tuple[Text, dict[str, Any]] | None:
    """The message for a mis-written id and its arguments, or None when it looks like no task.

    `present`: the ids the report does hold; when the task meant is not among them and names the
    unit, the message adds that it counts as not entered until the id is corrected."""
    found = meant(raw, ruleset)
    if found is None:
        return None
    from ipr_rules.i18n import Localized

    args: dict[str, Any] = {"raw": raw}
    if found.how == "characters" and not OddCharacters(raw):
        message, args = SEPARATOR, {**args, "task": found.tasks[0]}
    elif found.how == "characters":
        message, args = CHARACTERS, {**args, "task": found.tasks[0], "characters": OddCharacters(raw)}
    elif found.how == "prefix":
        message, args = PREFIX, {**args, "task": found.tasks[0], "prefix": prefix_of(raw)}
    elif found.how == "quotes":
        message, args = QUOTES, {**args, "task": found.tasks[0]}
    elif found.how == "separator":
        message, args = SEPARATOR, {**args, "task": found.tasks[0]}
    elif len(found.tasks) == 1:
        message, args = ITEM_ONE, {**args, "task": found.tasks[0], "item_zh": item_zh(found.item or 0)}
    else:
        own = [task for task in found.tasks if unit is not None and _names(ruleset.task(task), unit)]
        args = {
            **args,
            "tasks": Names(found.tasks),
            "first": (own or list(found.tasks))[0],
            "item_zh": item_zh(found.item or 0),
            "own": Localized(OWN, tasks=Names(own)) if own else Localized(NO_OWN),
        }
        message = ITEM_MANY
    likely = likely_task(raw, ruleset, unit)
    if likely is not None and likely not in present and unit is not None and _names(ruleset.task(likely), unit):
        return message, {**args, "missing": Localized(COUNTS_AS_MISSING, task=likely)}
    return message, {**args, "missing": Localized(NO_OWN)}
