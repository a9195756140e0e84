"""Checking one uploaded report, the way `ipr-check --unit-only FILE` checks a file.

The bytes go into a private temporary folder (readable by this process alone) under a fixed
name with the upload's suffix, are read by the library's own report loading, and the folder is
removed whatever happens. The page then shows the name the unit gave the file, never the
temporary path.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from typing import Any

from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.loading.limits import ReadLimits
from ipr_rules.loading.reports import SUFFIXES
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.result import CheckResult

# The suffixes the library reads reports from; an upload must have one of them.
ACCEPTED: tuple[str, ...] = tuple(SUFFIXES)
FALLBACK_NAME = "report"
MAX_NAME = 120


def accepted_suffix(file_name: str) -> str | None:
    """The upload's suffix, lower-cased, when the library reads reports of that kind."""
    suffix = os.path.splitext(shown_name(file_name))[1].lower()
    return suffix if suffix in ACCEPTED else None


def shown_name(file_name: str) -> str:
    """The name to show for an upload: what the browser sent, after the last backslash (old
    Windows browsers send the whole path), at most MAX_NAME characters. It is text to show,
    escaped, and never used as a path: a `/` in it is a character like any other."""
    name = file_name.rsplit("\\", 1)[-1].strip()
    return name[-MAX_NAME:] or FALLBACK_NAME


def check_upload(data: bytes, file_name: str, ruleset: Ruleset, limits: ReadLimits) -> CheckResult:
    """Check one upload on its own (no set checks); the result speaks of `file_name`."""
    suffix = accepted_suffix(file_name) or ACCEPTED[0]
    name = shown_name(file_name)
    with tempfile.TemporaryDirectory(prefix="ipr-check-") as folder:
        path = os.path.join(folder, FALLBACK_NAME + suffix)
        with open(path, "xb") as stream:
            stream.write(data)
        result = check_paths([path], ruleset, CheckOptions(unit_only=True, limits=limits, jobs=1))
    return _relabel(result, path, name)


def _relabel(result: CheckResult, path: str, name: str) -> CheckResult:
    """The result with the temporary path replaced by the upload's name everywhere."""

    def fix(value: Any) -> Any:
        return value.replace(path, name) if isinstance(value, str) else value

    def fixed(record: Any) -> Any:  # every text field (file, and any other place a finding names)
        changes = {field.name: fix(getattr(record, field.name)) for field in dataclasses.fields(record)}
        if "args" in changes:
            changes["args"] = tuple(fix(arg) for arg in record.args)
        return dataclasses.replace(record, **changes)

    result.findings = [fixed(item) for item in result.findings]
    result.reports = [fixed(report) for report in result.reports]
    result.inputs = [name]
    return result
