"""`restated-plan`: an action that copies the plan's wording instead of saying what was done."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ipr_rules.checks.context import ReportContext
from ipr_rules.derived import Derived
from ipr_rules.findings import Finding, Severity, finding
from ipr_rules.i18n import Text
from ipr_rules.textnorm import INVISIBLE, LOOK_ALIKES, fold, squeeze
from ipr_rules.textsim import PHRASE_BREAKS, ngrams

KIND = "restated-plan"
SEVERITY: Severity = "warning"
SCOPE = "unit"
STAGE = "report"
# The kind's short name in documents.
LABEL = Text("照抄要点原文", "plan restated")
DESCRIPTION = Text(
    "actions 中的一条工作与该任务的要点原文高度相同（按四字片段比较：中文没有空格分词，故比较连续的四个字）。"
    "报告应写明实际做了什么（时间、对象、数量、结果），而不是抄录任务要求。",
    "An action repeats the plan's own wording for the task (compared by runs of four characters, since Chinese "
    "has no spaces between words). Say what was actually done (when, what, how many, with what result) rather "
    "than restating the duty.",
)
PASSING = """\
unit: 区司法局
year: 2020
tasks:
  "26-2":
    status: done
    actions: [新建知识产权纠纷人民调解委员会 2 个，聘任专职调解员 6 名，调解纠纷 23 件]
"""
FAILING = """\
unit: 区司法局
year: 2020
tasks:
  "26-2":
    status: done
    actions: [加强知识产权纠纷人民调解组织建设，发展专业化、职业化人民调解员队伍]
"""
COPIED = Text(
    "任务 {task} 的第 {number} 条工作有 {share:.0%} 的内容照抄要点原文，请写明实际做了什么：“{excerpt}”",
    "action {number} of task {task} repeats the plan's wording ({share:.0%} the same); say what was actually done: '{excerpt}'",
)
GRAM = 4
# Share of an action's four-character runs found in the task text; actions with concrete
# facts (places, numbers, results) stay far below it.
THRESHOLD = 0.6
# Shorter actions hold too few runs for the share to mean anything.
MIN_GRAMS = 6
# Every eighth run is looked at before all of them are counted.
SAMPLE_STRIDE = 8


class PlanRuns:
    """A task text's four-character runs, of its folded text: within phrases, and across
    punctuation too (to compare with runs sampled from an action as written); and across
    punctuation of the text only squeezed, for the cheap first test of an action without
    look-alike characters (None when the task text itself holds some). Worked out once per text
    and run; the folded runs only when an action gets past the cheap test, as few do."""

    __slots__ = ("_grams", "_raw", "squeezed", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        squeezed = squeeze(text)
        self.squeezed = None if LOOK_ALIKES.search(squeezed) else _runs(squeezed)
        self._grams: frozenset[str] | None = None
        self._raw: frozenset[str] | None = None

    @property
    def grams(self) -> frozenset[str]:
        if self._grams is None:
            self._grams = frozenset(ngrams(fold(self.text), GRAM))
        return self._grams

    @property
    def raw(self) -> frozenset[str]:
        if self._raw is None:
            self._raw = _runs(fold(self.text))
        return self._raw


def _runs(text: str) -> frozenset[str]:
    return frozenset(text[i : i + GRAM] for i in range(len(text) - GRAM + 1))


def plan_runs(derived: Derived, text: str) -> PlanRuns:
    table: dict[str, PlanRuns] = derived.table(KIND)
    runs = table.get(text)
    if runs is None:
        runs = table[text] = PlanRuns(text)
    return runs


def copied_share(action: str, task: PlanRuns, fold: Callable[[str], str] = fold) -> float:
    """Share of the action's four-character runs that stand in the task's text.

    Both are folded first (textnorm): spaces, invisible characters and full-width forms
    scattered through copied text do not make it the action's own words. `fold`: `textnorm.fold`
    or the report's cache of it."""
    # A sample of runs first: an action written in its own words fails this cheap test. Squeezed
    # text serves for it (both sides alike) unless look-alike characters call for the full fold.
    probe = squeeze(action)
    runs = task.squeezed
    folded = False
    if runs is None or LOOK_ALIKES.search(probe):
        probe, runs, folded = fold(action), task.raw, True
    sampled = [probe[i : i + GRAM] for i in range(0, len(probe) - GRAM + 1, SAMPLE_STRIDE)]
    if not sampled or len(runs.intersection(sampled)) < THRESHOLD * len(sampled) / 2:
        return 0.0
    action = probe if folded else fold(action)
    if len(action) < GRAM + MIN_GRAMS - 1:
        return 0.0
    task_grams = task.grams
    grams = [phrase[i : i + GRAM] for phrase in PHRASE_BREAKS.split(action) for i in range(len(phrase) - GRAM + 1)]
    if len(grams) < MIN_GRAMS:
        return 0.0
    return sum(1 for gram in grams if gram in task_grams) / len(grams)


def check(ctx: ReportContext) -> Iterator[Finding]:
    unit = ctx.unit
    if unit is None:
        return
    for task_id, entry, task in ctx.carried_entries():
        if not entry.actions:
            continue
        runs = plan_runs(ctx.derived, task.text)  # once per entry, not per action
        for number, action in enumerate(entry.actions, start=1):
            share = copied_share(action, runs, ctx.fold)
            if share >= THRESHOLD:
                shown = INVISIBLE.sub("", action)  # as it reads, without invisible characters
                excerpt = shown if len(shown) <= 40 else shown[:40] + "…"
                yield finding(
                    KIND,
                    SEVERITY,
                    COPIED,
                    unit.name,
                    task_id,
                    ctx.file,
                    ctx.entry_line(task_id, "actions", number - 1),
                    task=task_id,
                    number=number,
                    share=share,
                    excerpt=excerpt,
                )
