"""The message corpus: the mistakes clerks make, each with the messages it must produce.

`cases/` holds the clerk's input as typed (one file, or a folder for mistakes only a set of
reports shows); `expected.yaml` holds, per case, the kinds of finding the mistake is about and
every finding of those kinds it produces (of the listed tasks only, when `tasks` is given),
with its position and its whole message in both languages, so that wording is reviewed in one
place. A case may also name findings that must not appear (`absent`: the second finding a
mistake used to cause) or kinds a spelling that is accepted must not get (`clean`).

When wording changes on purpose, regenerate and review the difference before committing:

    IPR_UPDATE_MESSAGES=1 pytest tests/messages

With IPR_UPDATE_MESSAGES set the test rewrites expected.yaml and then fails, saying so.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.findings import Finding
from ipr_rules.model.ruleset import Ruleset

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
EXPECTED = HERE / "expected.yaml"
UPDATE = "IPR_UPDATE_MESSAGES"


def _corpus() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    return data


def _record(item: Finding, root: Path) -> dict[str, Any]:
    """A finding as the corpus lists it; paths below the case's folder are shown relative to it."""
    file = Path(item.file).relative_to(root).as_posix() if item.file else None
    record: dict[str, Any] = {"kind": item.kind, "unit": item.unit, "task": item.task, "file": file}
    record["line"] = item.line
    if item.path:
        record["path"] = ".".join(str(part) for part in item.path)
    prefix = str(root) + os.sep
    record["zh"] = item.text("zh").replace(prefix, "")
    record["en"] = item.text("en").replace(prefix, "")
    return record


def _wanted(item: Finding, case: dict[str, Any]) -> bool:
    return (
        item.kind in case["kinds"]
        and ("tasks" not in case or item.task in case["tasks"])
        and ("units" not in case or item.unit in case["units"])
    )


def _run(case: dict[str, Any], ruleset: Ruleset) -> tuple[list[Finding], list[dict[str, Any]]]:
    path = CASES / case["case"]
    options = CheckOptions(jobs=1, complete=bool(case.get("complete")))
    result = check_paths([str(path)], ruleset, options)
    root = path if path.is_dir() else path.parent
    recorded = [_record(item, root) for item in result.findings if _wanted(item, case)]
    return result.findings, recorded


def test_every_case_file_is_in_the_corpus() -> None:
    listed = {case["case"] for case in _corpus()}
    assert listed == {path.name for path in CASES.iterdir()}


def test_each_case_states_what_it_is_about() -> None:
    for case in _corpus():
        assert case.get("about"), f"{case['case']} says nothing about the mistake"
        assert case.get("kinds"), f"{case['case']} names no kind of finding it is about"
        assert case.get("findings") is not None or case.get("clean"), f"{case['case']} expects nothing"


@pytest.mark.parametrize("case", _corpus(), ids=lambda case: str(case["case"]))
def test_the_mistake_gets_its_message(case: dict[str, Any], ruleset: Ruleset) -> None:
    findings, recorded = _run(case, ruleset)
    for absent in case.get("absent", []):
        assert not [
            item for item in findings if item.kind == absent["kind"] and item.task == absent.get("task", item.task)
        ], f"{case['case']}: {absent} must not be reported"
    if case.get("clean"):
        assert not [item for item in recorded if item["kind"] in case["clean"]]
    assert recorded == (case.get("findings") or [])


def test_regenerate(ruleset: Ruleset) -> None:
    """Rewrites expected.yaml from what the checker says now, when asked to."""
    if not os.environ.get(UPDATE):
        return
    corpus = _corpus()
    for case in corpus:
        case["findings"] = _run(case, ruleset)[1] or None
        if case["findings"] is None:
            del case["findings"]
    text = yaml.safe_dump(corpus, allow_unicode=True, sort_keys=False, width=1000)
    EXPECTED.write_text(HEADER + text, encoding="utf-8")
    pytest.fail(f"{UPDATE} is set: rewrote {EXPECTED.name}; review the difference, then run again without it")


HEADER = """\
# 报告填写常见错误与检查结果消息（逐条审阅措辞之处）。
# Clerks' mistakes and the messages each must produce; the inputs are in cases/.
# case: 输入文件（或目录）；about: 错误是什么；complete: 按整组报告检查；kinds: 与该错误有关的发现类型；
# tasks / units: 只看这些任务、单位的发现；absent: 不应出现的发现（一个错误只报一次）；clean: 不应出现的类型（写法可以接受）；
# findings: 上述类型的全部发现，含位置和中英文消息。
# 重新生成 / regenerate: IPR_UPDATE_MESSAGES=1 pytest tests/messages
"""
