"""load → validate → per-report checks → set checks → office exemptions → CheckResult.

Reports are processed as a stream: each file is read, checked and dropped, leaving only its
findings, a one-line summary per report and its contribution to the set state. Files may be
processed by several worker processes; results are merged in input order, so the output is the
same as a single-process run.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import chain, islice

from ipr_rules.checks import rules_at
from ipr_rules.checks.context import FileContext, ReportContext, SetContext
from ipr_rules.coverage import compute_coverage
from ipr_rules.derived import Derived
from ipr_rules.diagnostic import Diagnostic
from ipr_rules.findings import Finding
from ipr_rules.loading.limits import ReadLimits
from ipr_rules.loading.reports import LoadedFile, discover, load_file
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.parallel import MIN_FILES, ordered_map, worker_count
from ipr_rules.records import record
from ipr_rules.result import CheckResult, ReportSummary
from ipr_rules.set_state import SetState
from ipr_rules.shared_args import forget as forget_shared
from ipr_rules.waiver import WaiverContext, waive


@record
class CheckOptions:
    unit_only: bool = False
    complete: bool = False
    limits: ReadLimits = field(default_factory=ReadLimits)
    ignore: frozenset[str] = frozenset()
    # None: decide by the number of files; 1: never start worker processes.
    jobs: int | None = None


@dataclass(slots=True)
class FileOutcome:
    """What one file, or a batch of files, leaves behind once checked."""

    findings: list[Finding] = field(default_factory=list)
    reports: list[ReportSummary] = field(default_factory=list)
    state: SetState = field(default_factory=SetState)
    unreadable: int = 0
    files: int = 1

    def absorb(self, other: FileOutcome) -> None:
        """Take in what `other` left, after what this one holds (merging its set state unless
        the two share one)."""
        self.findings.extend(other.findings)
        self.reports.extend(other.reports)
        if other.state is not self.state:
            self.state.merge(other.state)
        self.unreadable += other.unreadable
        self.files += other.files


@record
class Run:
    """One check run: what every file is checked against. Worker processes are handed it whole
    when they start, the ruleset's derived data with it."""

    ruleset: Ruleset
    options: CheckOptions
    derived: Derived = field(default_factory=Derived)

    def check_batch(self, batch: list[str | Diagnostic]) -> FileOutcome:
        """Check consecutive files into one outcome with one set state (in a worker process: its
        look-up tables of shared arguments last the batch; the main process shares its findings
        again as it unpickles them: `Finding.__reduce__`)."""
        outcome = FileOutcome(files=0)
        try:
            for path in batch:
                outcome.absorb(check_file(path, self, outcome.state))
        finally:
            forget_shared()
        return outcome


def check_file(path: str | Diagnostic, run: Run, state: SetState | None = None) -> FileOutcome:
    """Check one file; its contribution to the set goes into `state` (its own when None)."""
    ruleset, options = run.ruleset, run.options
    outcome = FileOutcome() if state is None else FileOutcome(state=state)
    loaded = load_file(path, options.limits) if isinstance(path, str) else LoadedFile(path.file or "", [], path)
    outcome.unreadable = int(loaded.failure is not None)
    file_context = FileContext(ruleset, loaded)
    for rule in rules_at("file", options.ignore):
        outcome.findings.extend(rule.check(file_context))
    report_rules = rules_at("report", options.ignore)
    registry = ruleset.registry
    for document in loaded.documents:
        unit = registry.lookup(document.unit) if document.unit else None
        context = ReportContext.of(ruleset, document, unit, run.derived)
        for rule in report_rules:
            outcome.findings.extend(rule.check(context))
        entries = len(document.entries) + len(document.broken_entries)
        summary = ReportSummary.of(
            document.file,
            document.line,
            context.unit_name,
            entries,
            unit is not None,
            document.unit_line,
            document.tasks_line,
        )
        outcome.reports.append(summary)
        if unit is not None:
            outcome.state.add(unit.name, summary, document, ruleset, context.figures)
        elif document.unit:
            outcome.state.add_unresolved(document, ruleset)
    return outcome


def check_paths(
    paths: list[str],
    ruleset: Ruleset,
    options: CheckOptions = CheckOptions(),
    *,
    progress: Callable[[int], None] | None = None,
    clock: Callable[[], datetime] | None = None,
) -> CheckResult:
    """Check report files and folders against a ruleset; never raises for a bad input."""
    total = FileOutcome(files=0)
    # Closed however the loop ends (an interrupt included): worker processes end with it.
    with closing(_run(discover(paths), Run(ruleset, options), total.state)) as outcomes:
        for outcome in outcomes:
            total.absorb(outcome)  # a worker's set state is merged in file order
            if progress is not None:
                progress(total.files)
    state, findings = total.state, total.findings
    set_checks = not options.unit_only and (options.complete or len(state.reports) >= 2)
    set_context = SetContext(ruleset, state, set_checks)
    for rule in rules_at("set", options.ignore):
        findings.extend(rule.check(set_context))
    now = (clock or _now)()
    waiving = waive(findings, ruleset.exemptions, now.date())
    waiver_context = WaiverContext(ruleset, waiving, set_checks, frozenset(state.reports))
    findings = waiving.kept
    for rule in rules_at("waiver", options.ignore):
        findings.extend(rule.check(waiver_context))
    exempted = {(item.finding.unit, item.finding.task) for item in waiving.waived}
    forget_shared()  # the findings keep their arguments; the run's look-up tables go
    return CheckResult(
        ruleset=ruleset,
        inputs=list(paths),
        reports=total.reports,
        findings=findings,
        waived=waiving.waived,
        coverage=compute_coverage(ruleset, state, exempted),
        set_checks=set_checks,
        files=total.files,
        unreadable=total.unreadable,
        checked_at=_local(now).isoformat(timespec="seconds"),
        options={"unit_only": options.unit_only, "complete": options.complete},
        unit_metrics=state.metrics,
        work=state.work,
    )


def _now() -> datetime:
    """The time of the check in the machine's local time with its offset (a clerk in Kunming
    reads +08:00, not UTC); SOURCE_DATE_EPOCH fixes it in UTC, so that outputs can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now().astimezone()


def _local(moment: datetime) -> datetime:
    """The moment in local time with its offset; TZ is read afresh, so that it is honoured
    even when it was set after the process started."""
    if hasattr(time, "tzset"):
        time.tzset()
    return moment.astimezone()


def _run(discovered: Iterator[str | Diagnostic], run: Run, state: SetState) -> Generator[FileOutcome, None, None]:
    """Files are taken as they are found, never listed whole; the first few decide on workers."""
    head = list(islice(discovered, MIN_FILES))
    files = chain(head, discovered)
    workers = worker_count(len(head), run.options.jobs)
    if workers > 1:
        return ordered_map(run.check_batch, files, workers)  # findings come back shared (Finding.__reduce__)
    return _serial(files, run, state)


def _serial(files: Iterable[str | Diagnostic], run: Run, state: SetState) -> Generator[FileOutcome, None, None]:
    for path in files:
        yield check_file(path, run, state)
