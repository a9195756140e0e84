"""Start-up alone: each command against `python -c pass`, paired, median of seven.

    python -m bench.startup [--repeat 7] [--corpus FOLDER]

The commands a user feels the start-up of: --help, tasks, units, explain, template, a one-report
self-check and one district's 19 reports (from a generated corpus, bench/generate.py). Each round
runs `python -c pass` and then every command once, so that load from other work on the machine
hits both sides of a pair alike; the figure is the median over the rounds of each pair's ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from bench.run import EXPLAIN_TASK, SELF_CHECK_UNIT, TARGETS, TEMPLATE_UNIT, ipr_check_command

# The bounds, as multiples of `python -c pass` (the benchmark's targets).
BOUNDS = {"one report": TARGETS["startup-check"][0], "one district": TARGETS["startup-check"][0]}
VIEW_BOUND = TARGETS["startup-no-check"][0]


def commands(district: Path) -> dict[str, list[str]]:
    ipr = ipr_check_command()
    return {
        "--help": [*ipr, "--help"],
        "tasks": [*ipr, "tasks"],
        "units": [*ipr, "units"],
        "explain": [*ipr, "explain", EXPLAIN_TASK],
        "template": [*ipr, "template", TEMPLATE_UNIT],
        "one report": [*ipr, str(district / f"{SELF_CHECK_UNIT}.yaml")],
        "one district": [*ipr, str(district)],
    }


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: the check found errors
        raise SystemExit(f"bench: {' '.join(command)} ended with {done.returncode}\n{done.stderr.decode()[-2000:]}")
    return seconds


def measure(district: Path, repeat: int) -> dict[str, dict[str, float]]:
    baseline = [sys.executable, "-c", "pass"]
    ratios: dict[str, list[float]] = {name: [] for name in commands(district)}
    seconds: dict[str, list[float]] = {name: [] for name in ["python -c pass", *ratios]}
    for _ in range(repeat):
        for name, command in commands(district).items():
            base = timed(baseline)
            took = timed(command)
            seconds["python -c pass"].append(base)
            seconds[name].append(took)
            ratios[name].append(took / base)
    figures = {name: {"seconds": statistics.median(values)} for name, values in seconds.items()}
    for name, values in ratios.items():
        figures[name]["ratio"] = statistics.median(values)
        figures[name]["bound"] = BOUNDS.get(name, VIEW_BOUND)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="rounds (default 7)")
    parser.add_argument("--corpus", type=Path, help="a generated corpus (default: 19 reports made afresh)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ipr-startup-") as scratch:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(scratch)
            generate(corpus, 19, seed=1)
        district = sorted(path for path in corpus.iterdir() if path.is_dir())[0]
        figures = measure(district, args.repeat)
    print(f"{'command':16} {'median s':>9} {'× pass':>7} {'bound':>6}")
    for name, figure in figures.items():
        ratio = f"{figure['ratio']:7.1f}" if "ratio" in figure else " " * 7
        bound = f"{figure['bound']:6.0f}" if "bound" in figure else ""
        print(f"{name:16} {figure['seconds']:9.3f} {ratio} {bound}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
