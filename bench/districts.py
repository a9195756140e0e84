"""A benchmark of real uses: every district folder checked as its own set.

    python -m bench.districts [--reports 2000] [--seed 1] [--corpus DIR] [--out FILE]

An office checks its own folder (19 reports) against its own plan; it never checks a thousand
districts as one set. So every district folder of a generated corpus (bench/generate.py) is
checked on its own, twice:

- one process per district, as offices run it: `ipr-check DISTRICT --format json` (the console
  script of this Python, or `python -m ipr_rules`), one after another;
- all districts in one process through the library API: the ruleset loaded once, then
  `check_paths([district])` and the JSON document for each.

For each: districts per second, and the per-district latency distribution (p50, p95, max).
`python -c pass` is timed before each process run too, and the process figures are also given
as multiples of it (paired, so that load from other work on the machine hits both alike).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.generate import generate
from bench.run import ipr_check_command


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered), math.ceil(share * len(ordered))) - 1)]


def summary(latencies: list[float], wall: float) -> dict[str, Any]:
    return {
        "districts": len(latencies),
        "seconds": round(wall, 3),
        "districts_per_second": round(len(latencies) / wall, 2),
        "p50": round(percentile(latencies, 0.50), 4),
        "p95": round(percentile(latencies, 0.95), 4),
        "max": round(max(latencies), 4),
    }


def per_process(districts: list[Path]) -> dict[str, Any]:
    ipr = ipr_check_command()
    latencies: list[float] = []
    ratios: list[float] = []
    wall = 0.0
    for district in districts:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        base = time.perf_counter() - started
        started = time.perf_counter()
        done = subprocess.run([*ipr, str(district), "--format", "json"], capture_output=True, check=False)
        took = time.perf_counter() - started
        if done.returncode not in (0, 1) or not done.stdout.startswith(b"{"):
            raise SystemExit(f"bench: checking {district} failed ({done.returncode})\n{done.stderr.decode()[-2000:]}")
        latencies.append(took)
        ratios.append(took / base)
        wall += took
    figures = summary(latencies, wall)
    figures["p50_over_python"] = round(statistics.median(ratios), 1)
    return figures


def in_process(districts: list[Path]) -> dict[str, Any]:
    started = time.perf_counter()
    from ipr_rules.engine import CheckOptions, check_paths
    from ipr_rules.render import render_whole
    from ipr_rules.ruleset.bundled import bundled_ruleset_dir
    from ipr_rules.ruleset.loader import load_ruleset

    ruleset = load_ruleset(bundled_ruleset_dir(), trusted=True)
    setup = time.perf_counter() - started
    latencies: list[float] = []
    wall_started = time.perf_counter()
    for district in districts:
        started = time.perf_counter()
        result = check_paths([str(district)], ruleset, CheckOptions(jobs=1))
        document = render_whole("json", result, "zh")
        latencies.append(time.perf_counter() - started)
        assert document and result.files > 0
    figures = summary(latencies, time.perf_counter() - wall_started)
    figures["setup_seconds"] = round(setup, 3)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.districts", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=2000, help="reports in the generated corpus (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--corpus", type=Path, help="an existing generated corpus instead of a new one")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here too")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ipr-districts-") as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(scratch)
            generate(corpus, args.reports, seed=args.seed)
        districts = sorted(path for path in corpus.iterdir() if path.is_dir())
        reports = sum(1 for district in districts for _ in district.glob("*.yaml"))
        results = {
            "corpus": {"districts": len(districts), "reports": reports},
            "one process per district": per_process(districts),
            "all districts in one process": in_process(districts),
        }
    print(f"{len(districts)} districts, {reports} reports")
    print(f"{'mode':30} {'districts/s':>11} {'p50 s':>7} {'p95 s':>7} {'max s':>7}")
    for mode in ("one process per district", "all districts in one process"):
        figures = results[mode]
        print(
            f"{mode:30} {figures['districts_per_second']:11.2f} {figures['p50']:7.3f} "
            f"{figures['p95']:7.3f} {figures['max']:7.3f}"
        )
    print(
        f"one process per district, p50 over python -c pass: {results['one process per district']['p50_over_python']}x"
    )
    if args.out is not None:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
