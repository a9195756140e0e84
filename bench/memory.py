"""Peak memory, single and combined outputs, on the sparse corpus and on a realistic year.

    python -m bench.run --memory-only [--reports 16000 --small 4000]

For each corpus (the benchmark's own, with few findings; one of the same size generated with
`--findings realistic`, where most reports have a few findings; and one generated with
`--findings all`, where every report has at least one) the check runs single-process
twice per size: once printing JSON (a single output), once writing JSON, HTML and Markdown files
together while the table goes to stdout (combined outputs). Peak memory at the full count and at
the first `--small` reports gives the growth per report, the figure the 1 KB target is about.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path
from typing import Any

from bench.run import TARGETS, checked, log, run_child, verdict

# The corpora measured, by generator profile, with their labels in the table.
PROFILES = (("sparse", "bench corpus"), ("realistic", "realistic findings"), ("all", "findings in every report"))


def _commands(ipr: list[str], inputs: list[str], folder: Path) -> dict[str, list[str]]:
    return {
        "single": [*ipr, *inputs, "--format", "json", "--jobs", "1"],
        "combined": [
            *ipr,
            *inputs,
            "--jobs",
            "1",
            "-o",
            str(folder / "out.json"),
            "-o",
            str(folder / "out.html"),
            "-o",
            str(folder / "out.md"),
        ],
    }


def _peak(command: list[str], what: str, reports: int | None, repeat: int) -> int | None:
    """The median peak RSS in KB of `repeat` runs; every run must have done its work."""
    peaks = []
    for _ in range(repeat):
        sample = checked(run_child(command, keep=reports is not None), what, reports=reports)
        if sample.maxrss_kb is not None:
            peaks.append(sample.maxrss_kb)
    return int(statistics.median(peaks)) if peaks else None


def memory_rows(
    label: str, full: list[str], small: list[str], reports: int, small_count: int, ipr: list[str], repeat: int
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Rows for the table (peaks and growth, single and combined) and the raw figures."""
    rows: list[dict[str, Any]] = []
    raw: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="ipr-bench-out-") as scratch:
        folder = Path(scratch)
        for kind in ("single", "combined"):
            log(f"memory, {label}, {kind} output: {small_count:,} and {reports:,} reports ...")
            json_reports = (small_count, reports) if kind == "single" else (None, None)
            small_kb = _peak(_commands(ipr, small, folder)[kind], f"{label} {kind} small", json_reports[0], repeat)
            full_kb = _peak(_commands(ipr, full, folder)[kind], f"{label} {kind} full", json_reports[1], repeat)
            growth = (full_kb - small_kb) / (reports - small_count) if full_kb and small_kb else None
            raw[kind] = {"small_kb": small_kb, "full_kb": full_kb, "growth_kb_per_report": growth}
            what = "JSON" if kind == "single" else "JSON + HTML + Markdown files, table on stdout"
            for count, value in ((small_count, small_kb), (reports, full_kb)):
                rows.append(
                    _row(f"peak RSS, {label}, {what}, {count:,} reports", value / 1024 if value else None, "MB")
                )
            bound = TARGETS["growth-kb"][0]
            rows.append(
                {
                    **_row(f"growth per report, {label}, {kind} output", growth, "KB"),
                    "target": f"<= {bound:g} KB",
                    "result": verdict(growth, bound),
                }
            )
    return rows, raw


def _row(label: str, value: float | None, unit: str) -> dict[str, Any]:
    return {"group": "memory", "label": label, "value": value, "unit": unit, "ratio": None, "target": "", "result": ""}


def memory_benchmark(args: Any) -> dict[str, Any]:
    """`--memory-only`: the memory rows for both corpora, with the machine they were measured on."""
    import datetime as dt
    import os
    import sys

    from bench.run import corpus_parts, ipr_check_command, machine, prepare_corpus

    info = machine()
    if hasattr(os, "getloadavg"):
        info["load_average_at_start"] = [round(value, 2) for value in os.getloadavg()]
    cache = Path(args.cache_dir) if args.cache_dir else Path(tempfile.gettempdir()) / "ipr-check-bench"
    ipr = ipr_check_command()
    rows: list[dict[str, Any]] = []
    corpora: dict[str, Any] = {}
    for profile, label in PROFILES:
        corpus, manifest, _ = prepare_corpus(cache, args.seed, args.reports, profile)
        full, small, small_count = corpus_parts(corpus, manifest, args.small)
        found, raw = memory_rows(label, full, small, args.reports, small_count, ipr, args.repeat)
        rows += found
        corpora[profile] = {"path": str(corpus), **manifest, **raw}
    if hasattr(os, "getloadavg"):
        info["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
    return {
        "format": 1,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": " ".join(["python -m bench.run", *sys.argv[1:]]),
        "machine": info,
        "settings": {"reports": args.reports, "seed": args.seed, "repeat": args.repeat, "small": args.small},
        "corpora": corpora,
        "results": rows,
    }


def render_memory_table(results: dict[str, Any]) -> str:
    from bench.run import rows_table

    info = results["machine"]
    lines = [
        f"ipr-check memory benchmark, {results['date']}",
        f"machine: {info['cpu']}, {info['cores_usable']} usable core(s); python {info['python']}; "
        f"load average {info.get('load_average_at_start', '?')} at start, {info.get('load_average_at_end', '?')} at end",
    ]
    for profile, corpus in results["corpora"].items():
        gaps = corpus.get("gaps", {})
        lines.append(
            f"corpus {profile}: {corpus['reports']:,} reports, mean {corpus['mean_bytes']:,} bytes, "
            f"{gaps.get('entries', 0):,} entries ({corpus['path']})"
        )
    lines += [f"peaks: median of {results['settings']['repeat']} runs each, --jobs 1", ""]
    return "\n".join([*lines, *rows_table(results["results"])])
