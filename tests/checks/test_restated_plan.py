"""`restated-plan`: an action that copies the plan's wording instead of saying what was done."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.model.ruleset import Ruleset

from .support import CASES, case_tests, check, keys, messages, report, write

KIND = "restated-plan"
test_failing_fixture, test_passing_fixture = case_tests(KIND)


def test_message_quotes_the_copied_action(ruleset: Ruleset) -> None:
    [zh] = messages(check([CASES / KIND / "fail" / "copied-duty.yaml"], ruleset), KIND)
    assert "加强知识产权纠纷人民调解组织建设" in zh


def test_the_whole_task_text_copied_into_each_of_its_tasks(tmp_path: Path, ruleset: Ruleset) -> None:
    """Each task of a unit, its action the plan's text verbatim: one finding per task."""
    tasks = ruleset.tasks_of("区司法局")
    entries = "".join(f'\n  "{task.id}":\n    status: done\n    actions:\n      - "{task.text}"' for task in tasks)
    path = write(tmp_path, "r.yaml", report("区司法局", entries + "\n"))
    found = keys(check([path], ruleset), KIND)
    assert sorted(str(item[2]) for item in found) == sorted(task.id for task in tasks)


def test_concrete_work_in_the_sample_year_is_not_flagged(ruleset: Ruleset) -> None:
    """The sample's reports say what was done; only 区司法局's first 26-2 action is copied."""
    result = check([Path(__file__).resolve().parents[2] / "reports" / "2020"], ruleset)
    assert [item[1:3] for item in keys(result, KIND)] == [("区司法局", "26-2")]


def test_copied_text_with_look_alike_characters_is_still_flagged(tmp_path: Path, ruleset: Ruleset) -> None:
    """Kangxi radicals, compatibility ideographs and full-width digits in copied plan text are
    folded before comparing, like spaces and invisible characters."""
    [task] = [task for task in ruleset.tasks_of("区司法局") if task.id == "26-2"]
    # 人 as the Kangxi radical ⼈ (U+2F08), 力 as the compatibility ideograph U+F98A.
    text = task.text.replace("人", "\u2f08").replace("力", "\uf98a")
    assert text != task.text and "\u2f08" in text
    copied = text[:6] + "\u3000" + text[6:] + "２０２０"
    entries = f'\n  "26-2":\n    status: done\n    actions:\n      - "{copied}"\n'
    found = keys(check([write(tmp_path, "r.yaml", report("区司法局", entries))], ruleset), KIND)
    assert [item[1:3] for item in found] == [("区司法局", "26-2")]
