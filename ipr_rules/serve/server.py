"""The self-check page on waitress, a production WSGI server that runs on Windows and Linux.

Two additions to waitress, both through its class attributes:

- Errors waitress answers itself (a request over the size limit, a malformed request) get the
  page's own error page, in the page's language, instead of waitress's English text.
- A request must arrive whole within `request_seconds` (waitress itself only limits silence):
  a client that trickles its request is answered 408.
- After such an answer the connection lingers: waitress has answered 413 from the request's
  headers without reading the body, and closing a socket that still has unread data resets
  it, so a client still sending would never see the answer. The channel stops sending, reads
  and discards what comes for at most LINGER seconds, then closes.
"""

from __future__ import annotations

import errno
import logging
import socket
import time
from collections.abc import Callable
from typing import Any

from flask import Flask
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ErrorTask
from waitress.utilities import Error

from ipr_rules.i18n import Lang
from ipr_rules.serve import messages
from ipr_rules.serve.app import HEADERS
from ipr_rules.serve.pages import error_page
from ipr_rules.serve.settings import ServeSettings

LINGER = 30.0
LOG = logging.getLogger("ipr_rules.serve")


def _error_task(settings: ServeSettings) -> type:
    lang: Lang = settings.lang

    class PageErrorTask(ErrorTask):  # type: ignore[misc]
        """waitress's own error answers, as the page's error page."""

        def execute(self) -> None:
            error = self.request.error
            status = int(error.code)
            text = messages.STATUS.get(status, messages.FALLBACK).render(
                lang, limit=settings.limit_text, status=status, seconds=settings.check_seconds, name="", suffixes=""
            )
            body = error_page(status, text, "/", lang).encode("utf-8")
            self.status = f"{status} {error.reason}"
            self.response_headers.extend(
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body))), *HEADERS.items()]
            )
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)
            LOG.info("%s answered %d by the server: %s", self.channel.addr[0], status, error.body)
            self.channel.linger_after_answer = True

    return PageErrorTask


class RequestTimeout(Error):  # type: ignore[misc]
    code = 408
    reason = "Request Timeout"


class LingeringChannel(HTTPChannel):  # type: ignore[misc]
    """An HTTP channel that bounds the time a request may take to arrive and, after an error
    answer, drains the request before closing."""

    request: Any  # the request being received, from waitress
    linger_after_answer = False
    request_seconds = 120.0
    _linger_until: float | None = None
    _closed = False
    _request_started = 0.0

    def received(self, data: bytes) -> bool:
        if self.request is None:
            self._request_started = time.monotonic()
        return bool(super().received(data))

    def _enforce_request_time(self) -> None:
        """A request still arriving past its time is answered 408 (by the error task)."""
        if self.request is None or self.requests or self.will_close or self.close_when_flushed:
            return
        if time.monotonic() - self._request_started <= self.request_seconds:
            return
        late = self.parser_class(self.adj)
        late.error = RequestTimeout(f"the request took over {self.request_seconds:g} s to arrive")
        late.completed = True
        late.version = self.request.version
        with self.requests_lock:
            self.request = None
            self.requests.append(late)
        self.server.add_task(self)

    def handle_close(self) -> None:
        if self.linger_after_answer and self._linger_until is None and not self._closed and self.connected:
            self.linger_after_answer = False
            try:
                self.socket.shutdown(socket.SHUT_WR)
            except OSError:
                self._close()
                return
            self._linger_until = time.monotonic() + LINGER
            self.will_close = False
            self.close_when_flushed = False
            return
        self._close()

    def _close(self) -> None:
        if not self._closed:
            self._closed = True
            self._linger_until = None
            super().handle_close()

    def readable(self) -> bool:
        if self._linger_until is not None:
            return True
        return bool(super().readable())

    def writable(self) -> bool:
        if self._linger_until is not None:
            return time.monotonic() > self._linger_until  # then handle_write closes
        return bool(super().writable())

    def handle_write(self) -> None:
        if self._linger_until is not None:
            self._close()
            return
        super().handle_write()

    def handle_read(self) -> None:
        if self._linger_until is None:
            super().handle_read()
            self._enforce_request_time()
            return
        try:
            data = self.socket.recv(self.adj.recv_bytes)
        except OSError:
            data = b""
        if not data or time.monotonic() > self._linger_until:
            self._close()


def make_server(app: Flask, settings: ServeSettings) -> Any:
    """A waitress server for `app`, listening but not yet serving (call `.run()`)."""
    channels = type(
        "PageChannel",
        (LingeringChannel,),
        {"error_task_class": _error_task(settings), "request_seconds": settings.request_seconds},
    )
    sockets: dict[int, Any] = {}
    try:
        server = _create(app, settings, sockets)
    except OSError:
        wasyncore.close_all(sockets)  # what was made before the address was refused
        raise
    except ValueError as error:  # waitress's answer to a host it cannot resolve
        wasyncore.close_all(sockets)
        raise OSError(errno.EADDRNOTAVAIL, str(error)) from None
    for dispatcher in list(sockets.values()):
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.channel_class = channels
    return server


def _create(app: Flask, settings: ServeSettings, sockets: dict[int, Any]) -> Any:
    return create_server(
        app,
        map=sockets,
        host=settings.host,
        port=settings.port,
        threads=settings.threads,
        max_request_body_size=settings.max_request_bytes,
        # Whole requests are held in memory, up to the size limit: no upload touches the disk.
        inbuf_overflow=settings.max_request_bytes,
        channel_timeout=settings.idle_seconds,
        connection_limit=64,
        expose_tracebacks=False,
        clear_untrusted_proxy_headers=True,
    )


def addresses(server: Any) -> list[tuple[str, int]]:
    """Where the server listens: (host, port) pairs, the port chosen by the system when 0 was asked."""
    listening = getattr(server, "effective_listen", None)
    if listening is not None:
        return [(str(host), int(port)) for host, port in listening]
    return [(str(server.effective_host), int(server.effective_port))]


def url_of(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def run_server(server: Any, on_stop: Callable[[], None] | None = None) -> None:
    """Serve until interrupted (Ctrl+C, or SIGTERM as a service manager sends it)."""
    try:
        server.run()
    finally:
        if on_stop is not None:
            on_stop()
        server.close()
