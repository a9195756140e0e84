"""Loading one file written into a temporary folder."""

from __future__ import annotations

from pathlib import Path

from ipr_rules.i18n import Lang
from ipr_rules.loading.limits import ReadLimits
from ipr_rules.loading.reports import LoadedFile, load_file
from ipr_rules.loading.validate import ReportDocument

DEFAULT_LIMITS = ReadLimits()


def load(
    folder: Path, content: str | bytes, name: str = "report.yaml", limits: ReadLimits = DEFAULT_LIMITS
) -> LoadedFile:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return load_file(str(path), limits)


def only(loaded: LoadedFile) -> ReportDocument:
    """The one report of a file that must have been read."""
    assert loaded.failure is None, loaded.failure
    [document] = loaded.documents
    return document


def problems(document: ReportDocument, lang: Lang = "en") -> list[tuple[int, str]]:
    return [(problem.line, problem.message.render(lang, **problem.args)) for problem in document.problems]


def failure_text(loaded: LoadedFile, lang: Lang = "en") -> str:
    assert loaded.failure is not None
    return loaded.failure.message.render(lang, **loaded.failure.args)


REPORT = (
    'unit: 区法院\nyear: 2020\ntasks:\n  "15-1":\n    status: done\n'
    "    actions: [审结知识产权民事案件 35 件，判处惩罚性赔偿 2 件]\n"
)
