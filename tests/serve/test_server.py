"""`ipr-check serve` as the office runs it: a waitress server in its own process, on 127.0.0.1.

The server runs in an empty folder and is always stopped at the end of the module. These tests
speak HTTP as a browser's form or a script would: an upload over the limit is refused with 413
from its headers and the client, still sending, receives the answer; the server serves on.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import os
import socket
from collections.abc import Iterator

import pytest

from bench.serve_load import Server, load, multipart, running_server, upload

from .conftest import SAMPLE

MEGABYTE = 1024 * 1024


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with running_server() as running:
        yield running


def request(server: Server, method: str, path: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_listens_on_loopback_only_with_a_production_server(server: Server) -> None:
    status, headers, body = request(server, "GET", "/")
    assert status == 200 and "multipart/form-data" in body.decode()
    assert headers["server"] == "waitress"
    assert "werkzeug" not in str(headers).lower()
    other = _an_address_of_this_machine()
    if other is not None:
        with pytest.raises(OSError), socket.create_connection((other, server.port), timeout=2):
            pass


def _an_address_of_this_machine() -> str | None:
    """An address of this machine other than loopback, where the page must not answer."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # no packet is sent for a datagram socket
            address: str = probe.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def test_an_upload_over_the_limit_gets_413_while_still_sending(server: Server) -> None:
    for _ in range(2):
        answer = upload(server.port, "区法院", "big.yaml", os.urandom(25 * MEGABYTE))
        assert answer.status == 413, answer.error
        page = answer.body.decode("utf-8")
        assert "文件超过 10 MB 的上限" in page and "<script" not in page
    status, _, _ = request(server, "GET", "/healthz")
    assert status == 200, "still serving"


def test_a_chunked_upload_over_the_limit_gets_413(server: Server) -> None:
    body, content_type = multipart({"unit": "区法院"}, "report", "big.yaml", b"#" * (25 * MEGABYTE))
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        chunks = (body[start : start + 65536] for start in range(0, len(body), 65536))
        connection.request("POST", "/check", body=chunks, headers={"Content-Type": content_type}, encode_chunked=True)
        response = connection.getresponse()
        assert response.status == 413
        assert "文件超过 10 MB 的上限" in response.read().decode("utf-8")
    finally:
        connection.close()
    assert request(server, "GET", "/healthz")[0] == 200


def test_a_malformed_request_gets_a_page_not_a_traceback(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
        raw.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n")
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert "请求的格式不正确" in body.decode("utf-8") and b"Traceback" not in answer


def test_oversized_headers_get_a_page(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
        raw.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * 300_000 + b"\r\n\r\n")
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    assert answer.split(b"\r\n", 1)[0].endswith(b" 431 Request Header Fields Too Large")
    assert "请求头过大" in answer.decode("utf-8")


def test_sample_upload_and_random_bytes(server: Server) -> None:
    sample = upload(server.port, "区市场监管局", "区市场监管局.yaml", SAMPLE.read_bytes())
    assert sample.status == 200 and "区市场监管局.yaml:" in sample.body.decode("utf-8")
    noise = upload(server.port, "区法院", "noise.yaml", os.urandom(4096))
    assert noise.status == 200 and "文件无法读取" in noise.body.decode("utf-8")


def test_forty_uploads_twenty_at_a_time(server: Server) -> None:
    result = load(
        server.port, SAMPLE.read_bytes(), SAMPLE.name, "区市场监管局", uploads=40, concurrency=20, time_limit=60
    )
    assert result.errors == [] and result.ok == 40, server.log.read_text(encoding="utf-8")[-6000:]
    assert 0 < result.p50 <= result.p95 <= result.max


def test_slow_clients_do_not_hold_the_workers(server: Server) -> None:
    idle = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(12)]
    try:
        for connection in idle:
            connection.sendall(b"POST /check HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(lambda _: request(server, "GET", "/healthz")[0], range(8)))
        assert statuses == [200] * 8
    finally:
        for connection in idle:
            connection.close()


def test_nothing_was_written_to_its_folder(server: Server) -> None:
    upload(server.port, "区市场监管局", "区市场监管局.yaml", SAMPLE.read_bytes())
    assert list(server.folder.iterdir()) == []


def test_a_trickled_request_is_answered_408() -> None:
    with running_server("--timeout", "1") as quick:  # a request may take 4 s to arrive
        with socket.create_connection(("127.0.0.1", quick.port), timeout=20) as raw:
            raw.sendall(b"POST /check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
            answer = b""
            for _ in range(40):  # a byte every 0.25 s: never silent for a second, never done
                try:
                    raw.sendall(b"x")
                except OSError:
                    break
                raw.settimeout(0.25)
                try:
                    chunk = raw.recv(65536)
                except TimeoutError:
                    continue
                if not chunk:
                    break
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert "请求发送得太慢" in answer.decode("utf-8", "replace")
        assert request(quick, "GET", "/healthz")[0] == 200
