"""The ipr-check benchmark: throughput against the YAML parse floor, start-up, memory.

    python -m bench.run [--reports 20000] [--seed 1] [--repeat 3] [--out bench/results/latest.json]

One run, on one generated corpus (see bench/generate.py), measures:

- the floor: reading every report file and parsing all its documents with PyYAML's CSafeLoader,
  in this process (no interpreter start-up, no checking);
- the full check, as a user runs it (a subprocess of the `ipr-check` console script of this same
  Python), every finding kind on, `--jobs 1`, with JSON, table and markdown output; then JSON with
  `--jobs 2`, and with the default (automatic) number of workers;
- start-up: `python -c pass` against the commands that check no report (--help, tasks, units,
  explain, template), a one-report self-check and one district's 19 reports;
- peak memory (maximum resident set size) of the single-process check at the full count and at a
  smaller count on the first districts of the same corpus, giving growth per report;
- whether the worker pool starts for one district (it should not) and for the whole corpus (it
  should, given two cores), and whether the command warns when PyYAML lacks libyaml.

Every figure is a ratio to its baseline measured in the same run: the floor for throughput,
`python -c pass` for start-up. Results are printed as a plain table and written as JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_OUT = BENCH_DIR / "results" / "latest.json"
SELF_CHECK_UNIT = "区法院"
TEMPLATE_UNIT = "区法院"
EXPLAIN_TASK = "1-1"
PACKAGES = (
    "ipr-check",
    "PyYAML",
    "click",
    "pydantic",
    "pydantic_core",
    "Cerberus",
    "tabulate",
    "wcwidth",
    "XlsxWriter",
)

# Targets of the issue: (upper bound, stretch bound or None).
TARGETS = {
    "json": (1.3, 1.1),
    "table": (1.5, None),
    "markdown": (1.5, None),
    "json-j2": (0.7, None),
    # Start-up: the first bounds were 20x (stretch 12x) and 10x; the structure and start-up
    # issue made them 12x for a check and 5x for a command that checks nothing.
    "startup-check": (12.0, None),
    "startup-no-check": (5.0, None),
    "peak-mb": (64.0, None),
    "growth-kb": (1.0, None),
}

# Runs ipr-check in-process to record whether a worker pool was started (and whether the libyaml
# warning shows when the C extension is hidden). argv: OUT_JSON HIDE_LIBYAML ARGS...
PROBE = r"""
import atexit, json, sys
out, hide, args = sys.argv[1], sys.argv[2] == "1", sys.argv[3:]
if hide:
    sys.modules["yaml._yaml"] = None  # PyYAML then falls back to its pure-Python parser
pools = []
import multiprocessing.pool as _mpp
_pool_init = _mpp.Pool.__init__
def _init(self, processes=None, *a, **k):
    pools.append(processes)
    _pool_init(self, processes, *a, **k)
_mpp.Pool.__init__ = _init
import concurrent.futures as _cf
_executor_init = _cf.ProcessPoolExecutor.__init__
def _init_executor(self, max_workers=None, *a, **k):
    pools.append(max_workers)
    _executor_init(self, max_workers, *a, **k)
_cf.ProcessPoolExecutor.__init__ = _init_executor
import os
_parent = os.getpid()
def _dump():
    if os.getpid() == _parent:
        import yaml
        with open(out, "w") as stream:
            json.dump({"pools": pools, "libyaml": bool(getattr(yaml, "__with_libyaml__", False))}, stream)
atexit.register(_dump)
from importlib.metadata import entry_points
script = next(e for e in entry_points(group="console_scripts") if e.name == "ipr-check")
sys.argv = ["ipr-check", *args]
sys.exit(script.load()())
"""


# -- running things --------------------------------------------------------------------------------


@dataclass
class Sample:
    wall: float
    cpu: float | None
    maxrss_kb: int | None
    code: int
    stderr: str = ""
    output_bytes: int = 0
    output: str | None = None  # stdout, when asked to keep it


@dataclass
class Measure:
    name: str
    command: list[str]
    samples: list[Sample] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(sample.wall for sample in self.samples)

    @property
    def peak_kb(self) -> int | None:
        values = [sample.maxrss_kb for sample in self.samples if sample.maxrss_kb is not None]
        return int(statistics.median(values)) if values else None

    def to_json(self) -> dict[str, Any]:
        cpu = [sample.cpu for sample in self.samples if sample.cpu is not None]
        return {
            "command": self.command,
            "wall_s": [round(sample.wall, 4) for sample in self.samples],
            "median_s": round(self.median, 4),
            "cpu_s_median": round(statistics.median(cpu), 4) if cpu else None,
            "maxrss_kb": [sample.maxrss_kb for sample in self.samples],
            "exit_codes": sorted({sample.code for sample in self.samples}),
            "output_bytes": self.samples[-1].output_bytes if self.samples else None,
        }


def _maxrss_kb(value: int) -> int:
    # Linux reports kilobytes, macOS bytes.
    return value // 1024 if sys.platform == "darwin" else value


# Linux counts a child's peak memory from before it runs its program, when it is still a copy of
# this (large) process; GNU time, itself small, reports the program's own peak instead.
TIME = "/usr/bin/time"
PEAK_MARK = "IPR-BENCH-PEAK-KB"


def run_child(command: Sequence[str], keep: bool = False) -> Sample:
    """Run a command; wall time, CPU time and peak memory of that child alone.

    stdout goes to an anonymous temporary file (not a pipe, which would make the timing depend
    on this process reading it), so that the run can be checked afterwards; `keep` returns it.
    """
    wrapped = os.access(TIME, os.X_OK)
    argv = [TIME, "-f", f"{PEAK_MARK} %M", *command] if wrapped else list(command)
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            process.returncode = code = os.waitstatus_to_exitcode(status)
            cpu: float | None = usage.ru_utime + usage.ru_stime
            maxrss: int | None = _maxrss_kb(usage.ru_maxrss)
        else:  # no per-child accounting here: wall time only
            code = process.wait()
            wall = time.perf_counter() - start
            cpu = maxrss = None
        stderr.seek(0)
        text = stderr.read().decode("utf-8", "replace")
        if wrapped:
            text, peak = _take_peak(text)
            maxrss = peak if peak is not None else maxrss
        size = stdout.seek(0, os.SEEK_END)
        output = None
        if keep:
            stdout.seek(0)
            output = stdout.read().decode("utf-8", "replace")
    return Sample(wall, cpu, maxrss, code, text, size, output)


def _take_peak(text: str) -> tuple[str, int | None]:
    """GNU time's line out of the command's stderr, and the peak it gives in KB."""
    kept, peak = [], None
    for line in text.splitlines(keepends=True):
        if line.startswith(PEAK_MARK):
            with contextlib.suppress(ValueError):
                peak = int(line.split()[1])
            continue
        if line.startswith("Command exited with non-zero status"):
            continue
        kept.append(line)
    return "".join(kept), peak


def checked(sample: Sample, what: str, *, reports: int | None = None, output: bool = True) -> Sample:
    """A measurement counts only if the command did its work: exit 0 or 1 (findings), no traceback,
    something printed, and for JSON output every report accounted for."""
    problem = None
    if sample.code not in (0, 1):
        problem = f"exited {sample.code}"
    elif "Traceback (most recent call last)" in sample.stderr:
        problem = "crashed"
    elif output and sample.output_bytes == 0:
        problem = "printed nothing"
    elif reports is not None:
        try:
            found = len(json.loads(sample.output or "")["reports"])
        except (ValueError, KeyError, TypeError):
            found = -1
        if found != reports:
            problem = f"reported {found} reports in its JSON output, expected {reports}"
    if problem:
        raise SystemExit(f"bench: {what} {problem}; the measurement is void.\n{sample.stderr[-3000:]}")
    sample.output = None
    return sample


def ipr_check_command() -> list[str]:
    """The console script of the Python running the benchmark, or its module."""
    for folder in (Path(sys.executable).parent, Path(sys.executable).resolve().parent):
        for name in ("ipr-check", "ipr-check.exe"):
            if (folder / name).is_file():
                return [str(folder / name)]
    return [sys.executable, "-m", "ipr_rules"]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- the corpus ------------------------------------------------------------------------------------


def corpus_key(seed: int, reports: int, findings: str = "sparse") -> str:
    """Generator source and ruleset files decide the corpus; a change to either regenerates it."""
    from ipr_rules.ruleset.loader import open_ruleset

    digest = hashlib.sha256((BENCH_DIR / "generate.py").read_bytes())
    directory = Path(open_ruleset(None).directory)
    for path in sorted(directory.glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    profile = "" if findings == "sparse" else f"-{findings}"
    return f"corpus-s{seed}-n{reports}{profile}-{digest.hexdigest()[:12]}"


def prepare_corpus(
    cache: Path, seed: int, reports: int, findings: str = "sparse"
) -> tuple[Path, dict[str, Any], float | None]:
    from bench.generate import MANIFEST, generate

    key = corpus_key(seed, reports, findings)
    target = cache / key
    manifest_path = target / MANIFEST
    if manifest_path.is_file():
        return target, json.loads(manifest_path.read_text(encoding="utf-8")), None
    cache.mkdir(parents=True, exist_ok=True)
    # Earlier corpora of the same seed and count are stale now.
    for old in cache.glob(key.rsplit("-", 1)[0] + "-*"):
        shutil.rmtree(old, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=cache))
    log(f"generating {reports} reports (seed {seed}, {findings} findings) into {target} ...")
    start = time.perf_counter()
    manifest = generate(staging, reports, seed, findings=findings)
    seconds = time.perf_counter() - start
    staging.rename(target)
    return target, manifest, seconds


def discover(root: Path) -> list[str]:
    """Every *.yaml / *.yml below root, in sorted order (as ipr-check finds them)."""
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        found.extend(os.path.join(folder, name) for name in sorted(files) if name.endswith((".yaml", ".yml")))
    return sorted(found)


# -- the floor -------------------------------------------------------------------------------------


def floor_once(root: Path) -> tuple[float, int]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    start = time.perf_counter()
    documents = 0
    for path in discover(root):
        with open(path, "rb") as stream:
            data = stream.read()
        for _document in yaml.load_all(data, Loader=loader):
            documents += 1
    return time.perf_counter() - start, documents


# -- machine ---------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    import yaml

    info: dict[str, Any] = {
        "cpu": platform.processor() or platform.machine(),
        "cores_logical": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "machine": platform.machine(),
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "python_executable": sys.executable,
        "pyyaml": yaml.__version__,
        "pyyaml_libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
        release = dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line)
        info["distribution"] = release.get("PRETTY_NAME", "").strip('"')
    except OSError:
        pass
    packages: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = None
    info["packages"] = packages
    if hasattr(os, "getloadavg"):
        info["load_average_at_start"] = [round(value, 2) for value in os.getloadavg()]
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=BENCH_DIR.parent, capture_output=True, text=True, timeout=10
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=BENCH_DIR.parent,
            capture_output=True,
            text=True,
            timeout=10,
        )
        if head.returncode == 0:
            info["source_revision"] = head.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        pass
    return info


def busy_seconds() -> float | None:
    """CPU time spent by every process on the machine so far (Linux), in seconds."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return None
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    values = [int(value) for value in fields]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values[:8]) - idle) / ticks


def own_seconds() -> float:
    """CPU time of this process and of its children so far."""
    try:
        import resource
    except ImportError:
        return time.process_time()
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def wait_until_idle(limit: float) -> dict[str, Any]:
    """Wait (up to `limit` seconds) until other processes use under 10% of a core for 6 s running."""
    start, quiet = time.monotonic(), 0
    while time.monotonic() - start < limit:
        busy, own = busy_seconds(), own_seconds()
        time.sleep(2)
        after = busy_seconds()
        if busy is None or after is None:
            return {"waited_s": 0, "idle": None}
        foreign = (after - busy) - (own_seconds() - own)
        quiet = quiet + 1 if foreign < 0.2 else 0
        if quiet >= 3:
            return {"waited_s": round(time.monotonic() - start, 1), "idle": True}
    log(f"note: the machine did not become idle within {limit:g} s; measuring anyway")
    return {"waited_s": round(time.monotonic() - start, 1), "idle": False}


def source_fingerprint() -> str:
    """A digest of the package's Python files and bundled data, to notice edits during a run."""
    import importlib.util

    spec = importlib.util.find_spec("ipr_rules")
    digest = hashlib.sha256()
    for location in (spec.submodule_search_locations or []) if spec else []:
        for path in sorted(Path(location).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".yaml", ".json", ".txt") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(location)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


# -- the benchmark ---------------------------------------------------------------------------------


def verdict(value: float | None, bound: float, stretch: float | None = None) -> str:
    if value is None:
        return "n/a"
    if value > bound:
        return "MISS"
    return "PASS*" if stretch is not None and value <= stretch else "PASS"


def probe(arguments: list[str], hide_libyaml: bool = False, census: bool = False) -> tuple[Sample, dict[str, Any]]:
    """Run ipr-check in a wrapper that records the worker pools it starts; with `census`, count the
    findings of its JSON output by kind."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "probe.json"
        sample = run_child(
            [sys.executable, "-c", PROBE, str(out), "1" if hide_libyaml else "0", *arguments], keep=census
        )
        data = json.loads(out.read_text()) if out.is_file() else {}
        if census and sample.code in (0, 1) and sample.output:
            report = json.loads(sample.output)
            kinds: dict[str, int] = {}
            for finding in report.get("findings", []):
                kinds[finding["kind"]] = kinds.get(finding["kind"], 0) + 1
            data["findings"] = {
                "summary": report.get("summary"),
                "by_kind": dict(sorted(kinds.items())),
                "reports": len(report.get("reports", [])),
            }
    return sample, data


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    import yaml

    info = machine()
    source_at_start = source_fingerprint()
    if not info["pyyaml_libyaml"]:
        log(
            "WARNING: PyYAML runs without its libyaml C extension: the floor uses the pure-Python SafeLoader "
            "and every figure is several times slower than with libyaml. Install PyYAML with libyaml."
        )

    cache = Path(args.cache_dir) if args.cache_dir else Path(tempfile.gettempdir()) / "ipr-check-bench"
    corpus, manifest, generated_in = prepare_corpus(cache, args.seed, args.reports)
    if args.wait_idle:
        log(f"waiting up to {args.wait_idle:g} s for the machine to become idle ...")
        info["wait_for_idle"] = wait_until_idle(args.wait_idle)
    if hasattr(os, "getloadavg"):
        info["load_average_at_start"] = [round(value, 2) for value in os.getloadavg()]
    if "load_average_at_start" in info and info["load_average_at_start"][0] > 0.5:
        log(f"note: load average {info['load_average_at_start'][0]} at start; other work on the machine skews timings")
    files = discover(corpus)
    reports = len(files)
    if len(files) != args.reports:
        raise SystemExit(f"bench: {corpus} holds {len(files)} reports, expected {args.reports}")
    districts = sorted(path for path in corpus.iterdir() if path.is_dir())
    per_district = manifest.get("units", 19)
    small_districts = districts[: max(1, args.small // per_district)]
    small_count = sum(1 for _ in discover_many(small_districts))

    ipr = ipr_check_command()
    python = [sys.executable]
    one_report = districts[0] / f"{SELF_CHECK_UNIT}.yaml"
    district = districts[0]

    # Warm the page cache and the bytecode caches; these runs are not counted.
    busy_start, own_start, wall_start = busy_seconds(), own_seconds(), time.monotonic()
    log("warming up ...")
    floor_once(corpus)
    for command in ([*ipr, "--help"], [*ipr, str(district)]):
        checked(run_child(command), " ".join(command))

    throughput = {
        "json": Measure("json", [*ipr, str(corpus), "--format", "json", "--jobs", "1"]),
        "table": Measure("table", [*ipr, str(corpus), "--format", "table", "--jobs", "1"]),
        "markdown": Measure("markdown", [*ipr, str(corpus), "--format", "markdown", "--jobs", "1"]),
        "json-j2": Measure("json-j2", [*ipr, str(corpus), "--format", "json", "--jobs", "2"]),
    }
    floor_samples: list[float] = []
    documents = 0
    for round_number in range(1, args.repeat + 1):
        seconds, documents = floor_once(corpus)
        floor_samples.append(seconds)
        log(f"[round {round_number}/{args.repeat}] floor {seconds:.2f} s ({len(files) / seconds:,.0f} reports/s)")
        for measure in throughput.values():
            is_json = "json" in measure.command
            sample = checked(
                run_child(measure.command, keep=is_json), measure.name, reports=reports if is_json else None
            )
            measure.samples.append(sample)
            log(
                f"[round {round_number}/{args.repeat}] {measure.name:9} {sample.wall:.2f} s  "
                f"peak {sample.maxrss_kb or 0:,} KB"
            )
    floor = statistics.median(floor_samples)

    log(f"memory: {small_count} reports ({len(small_districts)} districts) ...")
    small = Measure("json-small", [*ipr, *map(str, small_districts), "--format", "json", "--jobs", "1"])
    for _ in range(args.repeat):
        small.samples.append(checked(run_child(small.command, keep=True), "small run", reports=small_count))

    log("worker pool: automatic number of workers, whole corpus and one district ...")
    auto_sample, auto_probe = probe([str(corpus), "--format", "json"], census=True)
    checked(auto_sample, "automatic workers, whole corpus")
    if auto_probe.get("findings", {}).get("reports") != reports:
        raise SystemExit("bench: the automatic-workers run did not account for every report")
    district_sample, district_probe = probe([str(district)])
    checked(district_sample, "automatic workers, one district")
    no_libyaml_sample, no_libyaml_probe = probe([str(one_report)], hide_libyaml=True)
    checked(no_libyaml_sample, "check without libyaml")

    log(f"start-up: {args.startup_repeat} runs each ...")
    startup = {
        "python -c pass": Measure("python -c pass", [*python, "-c", "pass"]),
        "python -c 'import click, pydantic, cerberus, tabulate, yaml'": Measure(
            "imports", [*python, "-c", "import click, pydantic, cerberus, tabulate, yaml"]
        ),
        "ipr-check --help": Measure("help", [*ipr, "--help"]),
        "ipr-check tasks": Measure("tasks", [*ipr, "tasks"]),
        "ipr-check units": Measure("units", [*ipr, "units"]),
        f"ipr-check explain {EXPLAIN_TASK}": Measure("explain", [*ipr, "explain", EXPLAIN_TASK]),
        f"ipr-check template {TEMPLATE_UNIT}": Measure("template", [*ipr, "template", TEMPLATE_UNIT]),
        "self-check: 1 report": Measure("one-report", [*ipr, str(one_report)]),
        "one district: 19 reports": Measure("district", [*ipr, str(district)]),
    }
    for _ in range(args.startup_repeat):
        for label, measure in startup.items():  # interleaved, so that drift hits every command alike
            measure.samples.append(
                checked(run_child(measure.command), label, output=measure.name not in ("python -c pass", "imports"))
            )
    baseline = startup["python -c pass"].median

    # -- figures ------------------------------------------------------------------------------------
    rows: list[dict[str, Any]] = []

    def row(
        group: str,
        label: str,
        value: float | None,
        unit: str,
        ratio: float | None,
        target: str,
        result: str,
        **extra: Any,
    ) -> None:
        rows.append(
            {
                "group": group,
                "label": label,
                "value": value,
                "unit": unit,
                "ratio": ratio,
                "target": target,
                "result": result,
                **extra,
            }
        )

    row(
        "throughput",
        f"floor: read + CSafeLoader parse ({reports:,} reports)",
        floor,
        "s",
        1.0,
        f"{reports / floor:,.0f} reports/s",
        "baseline",
    )
    labels = {
        "json": "ipr-check --jobs 1, JSON",
        "table": "ipr-check --jobs 1, table",
        "markdown": "ipr-check --jobs 1, markdown",
        "json-j2": "ipr-check --jobs 2, JSON",
    }
    for key, measure in throughput.items():
        bound, stretch = TARGETS[key]
        ratio = measure.median / floor
        target = f"<= {bound}x" + (f" (stretch <= {stretch}x)" if stretch else "")
        row(
            "throughput",
            labels[key],
            measure.median,
            "s",
            ratio,
            target,
            verdict(ratio, bound, stretch),
            reports_per_s=reports / measure.median,
        )
    auto_workers = [value for value in auto_probe.get("pools", [])]
    cores = info["cores_usable"] or 1
    row(
        "throughput",
        "ipr-check, automatic workers, JSON",
        auto_sample.wall,
        "s",
        auto_sample.wall / floor,
        "pool started" if cores > 1 else "no pool (1 core)",
        ("PASS" if bool(auto_workers) == (cores > 1) else "MISS"),
        workers=auto_workers,
        single_run=True,
    )
    row(
        "throughput",
        "one district, automatic workers",
        district_sample.wall,
        "s",
        None,
        "no pool",
        "PASS" if not district_probe.get("pools") else "MISS",
        workers=district_probe.get("pools", []),
        single_run=True,
    )

    row("start-up", "python -c pass", baseline, "s", 1.0, "", "baseline")
    for label, measure in startup.items():
        if label == "python -c pass":
            continue
        ratio = measure.median / baseline
        if measure.name == "imports":
            row("start-up", label, measure.median, "s", ratio, "(reference)", "")
        elif measure.name in ("one-report", "district"):
            bound, stretch = TARGETS["startup-check"]
            row(
                "start-up",
                label,
                measure.median,
                "s",
                ratio,
                f"<= {bound:g}x" + (f" (stretch <= {stretch:g}x)" if stretch else ""),
                verdict(ratio, bound, stretch),
            )
        else:
            bound, _ = TARGETS["startup-no-check"]
            row("start-up", label, measure.median, "s", ratio, f"<= {bound:g}x", verdict(ratio, bound))

    peak_kb, small_kb = throughput["json"].peak_kb, small.peak_kb
    peak_mb = peak_kb / 1024 if peak_kb is not None else None
    growth = (peak_kb - small_kb) / (reports - small_count) if peak_kb and small_kb and reports > small_count else None
    row(
        "memory",
        f"peak RSS, --jobs 1, {small_count:,} reports",
        small_kb / 1024 if small_kb else None,
        "MB",
        None,
        "",
        "",
    )
    row(
        "memory",
        f"peak RSS, --jobs 1, {reports:,} reports",
        peak_mb,
        "MB",
        None,
        f"<= {TARGETS['peak-mb'][0]:g} MB",
        verdict(peak_mb, TARGETS["peak-mb"][0]),
    )
    row(
        "memory",
        "growth per report",
        growth,
        "KB",
        None,
        f"<= {TARGETS['growth-kb'][0]:g} KB",
        verdict(growth, TARGETS["growth-kb"][0]),
    )
    for key in ("table", "markdown", "json-j2"):
        value = throughput[key].peak_kb
        row(
            "memory",
            f"peak RSS, {labels[key]}",
            value / 1024 if value else None,
            "MB",
            None,
            "(largest process)" if key == "json-j2" else "",
            "",
        )

    realistic_rows, realistic_raw = realistic_memory(args, cache, ipr)
    rows.extend(realistic_rows)

    warned = "libyaml" in no_libyaml_sample.stderr
    row("libyaml", "PyYAML uses libyaml here", None, "", None, "yes", "PASS" if info["pyyaml_libyaml"] else "MISS")
    row(
        "libyaml",
        "check warns when libyaml is missing",
        None,
        "",
        None,
        "warning on stderr",
        "PASS" if warned and not no_libyaml_probe.get("libyaml", True) else "MISS",
        stderr=no_libyaml_sample.stderr.strip()[:300],
    )

    if hasattr(os, "getloadavg"):
        info["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
    busy_end = busy_seconds()
    if busy_start is not None and busy_end is not None:
        # CPU that other processes used while the benchmark ran: the noise in these figures.
        foreign = max(0.0, (busy_end - busy_start) - (own_seconds() - own_start))
        info["other_cpu_during_run"] = {
            "cpu_s": round(foreign, 1),
            "wall_s": round(time.monotonic() - wall_start, 1),
            "cores": round(foreign / (time.monotonic() - wall_start), 2),
        }
    info["package_fingerprint"] = source_at_start
    if source_fingerprint() != source_at_start:
        info["package_changed_during_run"] = True
        log("WARNING: the package's source files changed during the run; the figures mix versions. Run again.")
    return {
        "format": 1,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": " ".join(["python -m bench.run", *sys.argv[1:]]),
        "machine": info,
        "settings": {
            "reports": args.reports,
            "seed": args.seed,
            "repeat": args.repeat,
            "startup_repeat": args.startup_repeat,
            "small": small_count,
            "ipr_check": ipr,
        },
        "corpus": {
            "path": str(corpus),
            "files": len(files),
            "documents": documents,
            "generated_in_s": round(generated_in, 2) if generated_in else None,
            **manifest,
        },
        "floor": {
            "loader": "CSafeLoader" if yaml.__with_libyaml__ else "SafeLoader",
            "seconds": [round(value, 4) for value in floor_samples],
            "median_s": round(floor, 4),
            "reports_per_s": round(reports / floor, 1),
        },
        "runs": {key: measure.to_json() for key, measure in {**throughput, "json-small": small}.items()},
        "memory_realistic": realistic_raw,
        "startup": {label: measure.to_json() for label, measure in startup.items()},
        "probes": {
            "auto_workers": {"wall_s": round(auto_sample.wall, 4), "maxrss_kb": auto_sample.maxrss_kb, **auto_probe},
            "district_workers": {"wall_s": round(district_sample.wall, 4), **district_probe},
            "without_libyaml": {
                "exit_code": no_libyaml_sample.code,
                "stderr": no_libyaml_sample.stderr[-500:],
                **no_libyaml_probe,
            },
        },
        "results": rows,
    }


def realistic_memory(
    args: argparse.Namespace, cache: Path, ipr: list[str]
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Peak memory, single and combined outputs, on a corpus where most reports have findings and
    on one where every report has."""
    from bench.memory import PROFILES, memory_rows

    rows: list[dict[str, Any]] = []
    raws: dict[str, Any] = {}
    for profile, label in PROFILES[1:]:
        corpus, manifest, _ = prepare_corpus(cache, args.seed, args.reports, profile)
        full, small, small_count = corpus_parts(corpus, manifest, args.small)
        found, raw = memory_rows(label, full, small, args.reports, small_count, ipr, args.repeat)
        rows += found
        raws[profile] = {"corpus": {"path": str(corpus), **manifest}, **raw}
    return rows, raws


def corpus_parts(corpus: Path, manifest: dict[str, Any], small: int) -> tuple[list[str], list[str], int]:
    """The whole corpus as one input, and its first districts (about `small` reports) as inputs."""
    districts = sorted(path for path in corpus.iterdir() if path.is_dir())
    chosen = districts[: max(1, small // manifest.get("units", 19))]
    return [str(corpus)], [str(path) for path in chosen], len(discover_many(chosen))


def discover_many(folders: list[Path]) -> list[str]:
    found: list[str] = []
    for folder in folders:
        found.extend(discover(folder))
    return found


# -- presenting ------------------------------------------------------------------------------------


def _value(row: dict[str, Any]) -> str:
    value, unit = row["value"], row["unit"]
    if value is None:
        return ""
    if unit == "s":
        return f"{value * 1000:,.1f} ms" if value < 1 else f"{value:,.2f} s"
    if unit == "MB":
        return f"{value:,.1f} MB"
    if unit == "KB":
        return f"{value:,.2f} KB"
    return f"{value:g} {unit}".strip()


def render_table(results: dict[str, Any]) -> str:
    info, corpus = results["machine"], results["corpus"]
    lines = [
        f"ipr-check benchmark, {results['date']}",
        f"machine: {info['cpu']}, {info['cores_usable']} usable core(s), {info.get('memory_gb', '?')} GB; "
        f"{info.get('distribution') or info['os']}",
        f"python {info['python']} ({info['python_implementation']}), PyYAML {info['pyyaml']} "
        f"(libyaml: {'yes' if info['pyyaml_libyaml'] else 'NO'}); "
        + ", ".join(f"{name} {version}" for name, version in info["packages"].items() if name != "PyYAML"),
        f"corpus: {corpus['files']:,} reports in {corpus['districts']:,} districts, "
        f"mean {corpus['mean_bytes']:,} bytes, seed {corpus['seed']} ({corpus['path']})",
        "findings of the whole-corpus run: "
        + ", ".join(
            f"{kind} {count:,}"
            for kind, count in results["probes"]["auto_workers"].get("findings", {}).get("by_kind", {}).items()
        ),
        f"medians of {results['settings']['repeat']} runs (start-up: {results['settings']['startup_repeat']}); "
        f"load average {info.get('load_average_at_start', '?')} at start, "
        f"{info.get('load_average_at_end', '?')} at end; other processes used "
        f"{info.get('other_cpu_during_run', {}).get('cores', '?')} core(s) on average during the run",
        "",
    ]
    lines += rows_table(results["results"])
    if info.get("package_changed_during_run"):
        lines += ["", "WARNING: the package's source changed during this run; the figures mix versions."]
    lines += [
        "",
        "PASS* = within the stretch target as well; ratios: throughput to the floor, start-up to python -c pass.",
    ]
    return "\n".join(lines)


def rows_table(rows: list[dict[str, Any]]) -> list[str]:
    """The results as a plain-text table, grouped."""
    lines: list[str] = []
    header = ("measure", "time / size", "ratio", "target", "result")
    table = []
    group = None
    for row in rows:
        if row["group"] != group:
            group = row["group"]
            table.append((f"[{group}]", "", "", "", ""))
        ratio = f"{row['ratio']:.2f}x" if row["ratio"] is not None else ""
        label = row["label"]
        if row.get("workers"):
            label += f" (pool of {', '.join(str(worker) for worker in row['workers'])})"
        table.append((label, _value(row), ratio, row["target"], row["result"]))
    widths = [max(_width(line[column]) for line in [header, *table]) for column in range(len(header))]
    for line in [header, tuple("-" * width for width in widths), *table]:
        cells = [
            _pad(cell, width, right=column in (1, 2))
            for column, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=20_000, help="reports in the corpus (default 20000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each throughput measure; the median counts (default 3)"
    )
    parser.add_argument("--startup-repeat", type=int, default=15, help="runs of each start-up measure (default 15)")
    parser.add_argument(
        "--small",
        type=int,
        default=5_000,
        help="reports in the second memory run, for growth per report (default 5000)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"JSON results file (default {DEFAULT_OUT})")
    parser.add_argument(
        "--wait-idle",
        type=float,
        default=0,
        metavar="SECONDS",
        help="first wait up to this long for other processes to leave the CPU alone (default 0)",
    )
    parser.add_argument(
        "--cache-dir",
        default=os.environ.get("IPR_BENCH_CACHE"),
        help="where generated corpora are kept (default $IPR_BENCH_CACHE or <tmp>/ipr-check-bench)",
    )
    parser.add_argument(
        "--memory-only",
        action="store_true",
        help="measure only peak memory (single and combined outputs) on the sparse, realistic and all-findings corpora",
    )
    args = parser.parse_args(argv)
    if args.reports < 2 * 19 or args.repeat < 1 or args.startup_repeat < 1:
        parser.error("--reports must be at least 38, --repeat and --startup-repeat at least 1")
    if not 19 <= args.small < args.reports:
        parser.error("--small must be at least 19 and below --reports")
    if args.memory_only:
        from bench.memory import memory_benchmark, render_memory_table

        results = memory_benchmark(args)
        text = render_memory_table(results)
    else:
        results = benchmark(args)
        text = render_table(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    log(f"results written to {args.out}")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
