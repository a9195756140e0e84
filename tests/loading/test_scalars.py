"""The reader's fast path (`as_written`) reads a scalar exactly as the general path does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.events import ScalarEvent

from ipr_rules.diagnostic import Diagnostic
from ipr_rules.loading.limits import Limits, ReadLimits
from ipr_rules.loading.yaml_scalars import STR, ScalarReader, as_written, plain_tag

from .support import load, only, problems

HEAD = "unit: 区法院\nyear: 2020\n"


class _Reader(ScalarReader):
    def __init__(self, limits: Limits) -> None:
        self.problems: list[Diagnostic] = []
        self.limits = limits
        self.offset = 1
        self.last_line = 0


def _scalars(text: str) -> list[Any]:
    return [event for event in yaml.parse(text, Loader=yaml.SafeLoader) if isinstance(event, ScalarEvent)]


# What reports hold: words, numbers, dates, booleans, task ids, and text that starts like a number.
WORDS = st.sampled_from(
    [
        "done",
        "yes",
        "No",
        "null",
        "~",
        "2020",
        "010",
        "0x7E4",
        "2_020",
        "33:40",
        "1.5",
        "-3",
        "+7",
        ".5",
        "2020-07-10",
        "2020.7.10",
        "15-1",
        "1-1",
        "true",
        "on",
        "审结案件 35 件",
        "2020年开展",
        "3月",
        "<<",
        "=",
        "e5",
        ".inf",
        "",
    ]
)
TEXTS = st.one_of(WORDS, st.text(alphabet="0123456789-.:_+eE xX年审a", min_size=1, max_size=12))


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["plain", "single", "double"]))
def test_what_the_fast_path_takes_the_general_path_reads_the_same(text: str, style: str) -> None:
    written = {"plain": text, "single": "'" + text.replace("'", "''") + "'", "double": yaml.dump(text).strip()}[style]
    try:
        events = _scalars(f"- {written}\n")
    except yaml.YAMLError:
        return  # not a scalar YAML can read as written
    limits = Limits()
    for event in events:
        fast = as_written(event, limits.max_text)
        reader = _Reader(limits)
        value = reader.scalar(event, ())
        if fast is not None:
            assert value == fast and isinstance(value, str) and reader.problems == []
        elif event.style is None and event.tag is None and event.anchor is None:
            assert plain_tag(event.value) != STR  # only a plain scalar that is not text is left out


def test_the_fast_path_leaves_a_text_over_the_limit_to_the_refusal() -> None:
    [event] = _scalars("- " + "a" * 50 + "\n")
    assert as_written(event, 49) is None and as_written(event, 50) == "a" * 50
    reader = _Reader(Limits(max_text=49))
    assert reader.scalar(event, ("x",)) is None
    assert [problem.args["length"] for problem in reader.problems] == [50]


def test_a_key_longer_than_the_limit_is_refused_as_a_value_is(tmp_path: Path) -> None:
    key = "k" * 300
    text = HEAD + f'tasks:\n  "15-1": {{status: done, actions: [审结案件], {key}: 1}}\n'
    document = only(load(tmp_path, text, "b.yaml", ReadLimits(yaml=Limits(max_text=100))))
    assert [(line, "300 characters" in message) for line, message in problems(document)] == [(4, True)]
