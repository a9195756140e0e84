"""Every rule's documented examples do what the documentation says, run through the engine.

The PASSING example of a kind gives no finding of that kind, the FAILING one at least one.
Two examples cannot be written as report text and are only described in a comment: a file in
GBK (its bytes are the point) and a complete set of 19 reports. Each has a dedicated fixture,
named below, that is run in its place; a test keeps that list exact, so no example is skipped
without saying so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ipr_rules.checks import RULES, Rule
from ipr_rules.model.ruleset import Ruleset

from .support import CASES, check, of_kind, write

# (kind, example) -> the fixture that shows what the example describes.
DEDICATED: dict[tuple[str, str], Path] = {
    ("legacy-encoding", "failing"): CASES / "legacy-encoding" / "fail" / "gbk.yaml",
    ("missing-report", "passing"): CASES / "missing-report" / "pass" / "every-unit.yaml",
}
# Set checks look at every task of the plan, and a short example cannot carry all 37 shared
# tasks: for these kinds only the tasks the example writes about are judged.
JUDGED_ON_ITS_OWN_TASKS = {"unaddressed-shared-duty"}

EXAMPLES = [(rule, which) for rule in RULES for which in ("passing", "failing")]


def _text(rule: Rule, which: str) -> str:
    return rule.passing if which == "passing" else rule.failing


def _is_comment_only(text: str) -> bool:
    return all(line.strip() == "" or line.lstrip().startswith("#") for line in text.splitlines())


def _tasks_written_about(text: str) -> set[str]:
    tasks: set[str] = set()
    for document in yaml.safe_load_all(text):
        if isinstance(document, dict) and isinstance(document.get("tasks"), dict):
            tasks.update(str(task) for task in document["tasks"])
    return tasks


def _with_commented_exemptions(ruleset: Ruleset, text: str, folder: Path) -> Ruleset:
    """An example may show the office's exemptions file in comments (`# exemptions.yaml…:` then
    the file indented); the example runs with exactly those exemptions."""
    import textwrap

    from ipr_rules.ruleset.loader import with_exemptions

    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("# exemptions.yaml")), None)
    if start is None:
        return ruleset
    block = []
    for line in lines[start + 1 :]:
        if not line.startswith("#  "):
            break
        block.append(line[1:])
    return with_exemptions(ruleset, write(folder, "exemptions.yaml", textwrap.dedent("\n".join(block)) + "\n"))


def test_the_examples_only_described_are_exactly_the_dedicated_ones() -> None:
    described = {(rule.kind, which) for rule, which in EXAMPLES if _is_comment_only(_text(rule, which))}
    assert described == set(DEDICATED)
    assert all(path.is_file() for path in DEDICATED.values())


@pytest.mark.parametrize(("rule", "which"), EXAMPLES, ids=[f"{rule.kind}-{which}" for rule, which in EXAMPLES])
def test_example(rule: Rule, which: str, tmp_path: Path, ruleset: Ruleset) -> None:
    text = _text(rule, which)
    if (rule.kind, which) in DEDICATED:
        path = DEDICATED[(rule.kind, which)]
    else:
        assert not _is_comment_only(text), "an example without a dedicated fixture must be report text"
        path = write(tmp_path, "example.yaml", text)
    options = {"complete": True} if "--complete" in text else {}
    found = of_kind(check([path], _with_commented_exemptions(ruleset, text, tmp_path), **options), rule.kind)
    if rule.kind in JUDGED_ON_ITS_OWN_TASKS:
        own = _tasks_written_about(text)
        assert own, "the example writes about at least one task"
        found = [item for item in found if item.task in own]
    if which == "passing":
        assert found == [], [item.text("en") for item in found]
    else:
        assert found, f"the failing example of {rule.kind} gives no {rule.kind} finding"
