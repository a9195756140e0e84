"""Renderers: each takes the whole CheckResult and a language and returns the document.

Chosen by name from one table; a module is imported only when its format is asked for, so
the HTML and spreadsheet writers cost nothing to a run that prints a table.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ipr_rules.i18n import Lang

if TYPE_CHECKING:  # the table of formats is read by the command line before any check has run
    from ipr_rules.result import CheckResult

# A renderer returns its whole document, or yields it in pieces when it may be large (JSON).
Renderer = Callable[["CheckResult", Lang], "str | bytes | Iterable[str]"]

FORMATS: dict[str, str] = {
    "table": "ipr_rules.render.table",
    "markdown": "ipr_rules.render.markdown",
    "json": "ipr_rules.render.json_",
    "html": "ipr_rules.render.html",
    "xlsx": "ipr_rules.render.xlsx",
    "docx": "ipr_rules.render.docx",
    "junit": "ipr_rules.render.junit",
    "github": "ipr_rules.render.github",
}
SUFFIXES: dict[str, str] = {
    ".txt": "table",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".docx": "docx",
    ".xml": "junit",
}


def renderer(name: str) -> Renderer:
    module = importlib.import_module(FORMATS[name])
    render: Renderer = module.render
    return render


def render_whole(name: str, result: CheckResult, lang: Lang) -> str | bytes:
    """The document of format `name` in one piece, for callers that want it whole."""
    rendered = renderer(name)(result, lang)
    return rendered if isinstance(rendered, (str, bytes)) else "".join(rendered)


def format_for(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())
