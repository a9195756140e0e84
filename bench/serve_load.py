"""A bounded load test of `ipr-check serve`, on this computer only.

    python -m bench.serve_load [--uploads 40] [--concurrency 20] [--time-limit 120]
                               [--report reports/2020/区法院.yaml] [--out bench/results/serve.json]

Starts `ipr-check serve` on 127.0.0.1 on a free port (in an empty temporary folder), sends
`--uploads` report uploads, `--concurrency` at a time, as a browser's form would, and stops
the server. Nothing is sent anywhere but 127.0.0.1; the run is bounded by the upload count and
by `--time-limit` (uploads not started by then are counted as not sent). Prints the latency
(p50, p95, max) and the errors: any answer other than 200, an answer without the unit's
result, or a failed connection.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REPORT = REPO / "reports" / "2020" / "区法院.yaml"
DEFAULT_OUT = REPO / "bench" / "results" / "serve.json"
LOOPBACK = "127.0.0.1"
_URL = re.compile(r"http://127\.0\.0\.1:(\d+)/")


@dataclass
class Server:
    url: str
    port: int
    folder: Path
    process: subprocess.Popen[str]
    log: Path


@contextlib.contextmanager
def running_server(*args: str, cwd: Path | None = None, start_seconds: float = 30.0) -> Iterator[Server]:
    """`ipr-check serve --port 0 ARGS` (on 127.0.0.1, its default), in `cwd` (an empty temporary folder by
    default); always stopped when the block ends. Its log goes to a file beside that folder."""
    with tempfile.TemporaryDirectory(prefix="ipr-serve-bench-") as scratch:
        folder = cwd or Path(scratch) / "cwd"
        folder.mkdir(exist_ok=True)
        log = Path(scratch) / "server.log"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
        # No --host: the default must be 127.0.0.1, which the address it prints shows.
        command = [sys.executable, "-m", "ipr_rules", "serve", "--port", "0", *args]
        with open(log, "w", encoding="utf-8") as errors:
            process = subprocess.Popen(
                command, cwd=folder, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors, text=True
            )
            try:
                port = _wait_for_port(process, start_seconds, log)
                yield Server(f"http://{LOOPBACK}:{port}/", port, folder, process, log)
            finally:
                _stop(process)


def _wait_for_port(process: subprocess.Popen[str], seconds: float, log: Path) -> int:
    assert process.stdout is not None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        found = _URL.search(line)
        if found:
            return int(found.group(1))
    raise RuntimeError(f"ipr-check serve did not start: {log.read_text(encoding='utf-8')[-2000:]}")


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


def multipart(fields: dict[str, str], file_field: str, file_name: str, data: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body as a browser sends it, and its Content-Type."""
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    body = b"".join(parts) + head + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@dataclass
class Answer:
    status: int | None
    seconds: float
    body: bytes = b""
    error: str = ""


def upload(port: int, unit: str, file_name: str, data: bytes, timeout: float = 60.0) -> Answer:
    """POST /check as the start page's form does; never raises."""
    body, content_type = multipart({"unit": unit}, "report", file_name, data)
    started = time.perf_counter()
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    try:
        connection.request("POST", "/check", body=body, headers={"Content-Type": content_type})
        response = connection.getresponse()
        return Answer(response.status, time.perf_counter() - started, response.read())
    except (OSError, http.client.HTTPException) as error:
        return Answer(None, time.perf_counter() - started, error=repr(error))
    finally:
        connection.close()


@dataclass
class LoadResult:
    uploads: int
    concurrency: int
    sent: int = 0
    ok: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    p50: float = 0.0
    p95: float = 0.0
    max: float = 0.0


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with `share` of the values at or below it."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


def load(
    port: int, report: bytes, file_name: str, unit: str, uploads: int, concurrency: int, time_limit: float
) -> LoadResult:
    """`uploads` uploads, `concurrency` at a time, none started after `time_limit` seconds."""
    result = LoadResult(uploads, concurrency)
    deadline = time.monotonic() + time_limit
    latencies: list[float] = []
    marker = unit.encode("utf-8")

    def one(_: int) -> Answer | None:
        if time.monotonic() > deadline:
            return None
        return upload(port, unit, file_name, report, timeout=max(1.0, deadline - time.monotonic()) + 30)

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        for answer in pool.map(one, range(uploads)):
            if answer is None:
                result.errors.append("not sent: over the time limit")
                continue
            result.sent += 1
            latencies.append(answer.seconds)
            if answer.status != 200:
                result.errors.append(answer.error or f"HTTP {answer.status}")
            elif marker not in answer.body or b'class="summary"' not in answer.body:
                result.errors.append("an answer without the result")
            else:
                result.ok += 1
    result.seconds = time.perf_counter() - started
    result.p50, result.p95 = percentile(latencies, 0.50), percentile(latencies, 0.95)
    result.max = max(latencies, default=0.0)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uploads", type=int, default=40, help="uploads to send (at most 10000)")
    parser.add_argument("--concurrency", type=int, default=20, help="uploads at a time (at most 200)")
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds after which no upload starts")
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT, help="the report file to upload")
    parser.add_argument("--unit", default="区法院", help="the unit chosen on the form")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results")
    options = parser.parse_args(argv)
    if not (1 <= options.uploads <= 10_000 and 1 <= options.concurrency <= 200 and 0 < options.time_limit <= 3600):
        parser.error("--uploads 1..10000, --concurrency 1..200, --time-limit up to 3600 s")
    data = options.report.read_bytes()
    with running_server() as server:
        result = load(
            server.port,
            data,
            options.report.name,
            options.unit,
            options.uploads,
            options.concurrency,
            options.time_limit,
        )
    print(
        f"{result.sent}/{result.uploads} uploads sent, {result.concurrency} at a time, in {result.seconds:.2f} s: "
        f"{result.ok} answered with the result, {len(result.errors)} errors\n"
        f"latency p50 {result.p50 * 1000:.0f} ms, p95 {result.p95 * 1000:.0f} ms, max {result.max * 1000:.0f} ms"
    )
    for error in sorted(set(result.errors)):
        print(f"  {result.errors.count(error)} × {error}")
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(asdict(result), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0 if not result.errors else 1


if __name__ == "__main__":
    sys.exit(main())
