"""Check results for the renderer tests, made through the library as the CLI makes them.

Runs happen in a chosen working directory with relative paths, so file names in the output
read as they would for the office (`reports/2020/区法院.yaml`), and with a fixed clock, so the
same input gives the same document.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.result import CheckResult
from ipr_rules.ruleset.loader import open_ruleset

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HOSTILE = FIXTURES / "hostile"
CHECKED_AT = datetime(2021, 1, 5, tzinfo=timezone.utc)

# Report text that must come out as inert text in every format.
SCRIPT = "<script>alert(1)</script>"
FORMULAS = ('=HYPERLINK("http://evil.example","x")', "+1", "-2", "@SUM(A1)", "=1+2")
ESCAPE = "\x1b[31m"
# File names that are themselves hostile; the files are made in a temporary folder.
HOSTILE_NAMES = {
    "=HYPERLINK(1).yaml": "unit: [unclosed\n",  # unreadable: its finding carries only the file name
    "<img src=x onerror=alert(1)>.yaml": "unit: 区法院\nyear: 2020\ntasks: {}\n",  # missing-task for every 区法院 task
}


def clock() -> datetime:
    return CHECKED_AT


@contextmanager
def working_directory(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def run_check(paths: Iterable[str], cwd: Path = REPO, ruleset: Ruleset | None = None, **options: Any) -> CheckResult:
    with working_directory(cwd):
        chosen = ruleset if ruleset is not None else open_ruleset(None)
        return check_paths(list(paths), chosen, CheckOptions(jobs=1, **options), clock=clock)


# The office's exemptions for the sample year: the bundled ruleset's own file is empty.
SAMPLE_EXEMPTIONS = REPO / "docs" / "examples" / "exemptions-2020.yaml"


def run_sample() -> CheckResult:
    """reports/2020/ as the office checks it, with its exemptions (reports/2020/README.md)."""
    from ipr_rules.ruleset.loader import with_exemptions

    return run_check(["reports/2020/"], ruleset=with_exemptions(open_ruleset(None), SAMPLE_EXEMPTIONS))


def hostile_folder(target: Path) -> list[str]:
    """The hostile fixtures and the hostile file names in `target`; the relative paths to check."""
    target.mkdir(parents=True, exist_ok=True)
    names = []
    for source in sorted(HOSTILE.iterdir()):
        shutil.copy(source, target / source.name)
        names.append(source.name)
    for name, text in HOSTILE_NAMES.items():
        (target / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


class Elements(HTMLParser):
    """Every start tag of a document with its attributes, and its text, as a browser parses it."""

    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(document)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, css_class: str | None = None) -> list[dict[str, str]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and (css_class is None or css_class in attrs.get("class", "").split())
        ]

    @property
    def all_text(self) -> str:
        return "".join(self.text)
