"""A small Chrome DevTools protocol client over --remote-debugging-pipe, standard library only.

Chromium reads commands from file descriptor 3 and writes replies and events to descriptor 4,
each message a JSON object ended by a NUL byte. A reader thread collects every message; calls
wait for their reply, and every event is kept so a test can inspect what the page did.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

# Flags that keep a headless Chromium quiet and self-contained on a machine without network.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
)
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def find_chromium() -> str | None:
    """CHROMIUM from the environment, else Debian's chromium, else one on PATH."""
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        return wanted
    for candidate in CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


class ProtocolError(RuntimeError):
    pass


class Browser:
    """One Chromium process; `call` sends a command and returns its result."""

    def __init__(self, executable: str, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._profile = tempfile.mkdtemp(prefix="ipr-chromium-")
        self._next_id = 0
        self._replies: queue.Queue[dict[str, Any]] = queue.Queue()
        self._lock = threading.Lock()
        commands_read, self._commands = os.pipe()
        self._replies_fd, replies_write = os.pipe()

        def wire_pipes() -> None:  # in the child, before exec: the two ends become fds 3 and 4
            high_read = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
            high_write = fcntl.fcntl(replies_write, fcntl.F_DUPFD, 10)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=wire_pipes,
        )
        os.close(commands_read)
        os.close(replies_write)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._replies_fd, "rb", buffering=0) as stream:
            while chunk := stream.read(65536):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for raw in messages:
                    message = json.loads(raw)
                    if "id" in message:
                        self._replies.put(message)
                    else:
                        with self._lock:
                            self.events.append(message)

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                reply = self._replies.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ProtocolError(f"no reply to {method} within {self.timeout} s") from None
            if reply["id"] != self._next_id:
                continue
            if "error" in reply:
                raise ProtocolError(f"{method}: {reply['error']}")
            result: dict[str, Any] = reply.get("result", {})
            return result

    def wait_for(self, method: str, session: str | None = None, since: int = 0) -> dict[str, Any]:
        """The first event `method` (of `session`) at or after position `since` in the event log."""
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            with self._lock:
                for event in self.events[since:]:
                    if event.get("method") == method and (session is None or event.get("sessionId") == session):
                        return event
            time.sleep(0.02)
        raise ProtocolError(f"no {method} within {self.timeout} s")

    def events_of(self, session: str, *methods: str) -> list[dict[str, Any]]:
        with self._lock:
            return [e for e in self.events if e.get("sessionId") == session and e.get("method") in methods]

    def close(self) -> None:
        with contextlib.suppress(ProtocolError, OSError):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        shutil.rmtree(self._profile, ignore_errors=True)


class Page:
    """One tab, attached in flat mode, with the domains a test listens to enabled."""

    def __init__(self, browser: Browser, width: int = 1366, height: int = 900) -> None:
        self.browser = browser
        self.target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.call("Target.attachToTarget", {"targetId": self.target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.call(method, params, self.session)

    def open(self, url: str, *, fonts: bool = True) -> None:
        """Navigate and wait for the load event, then (with scripting on) for the fonts."""
        mark = len(self.browser.events)
        self.call("Page.navigate", {"url": url})
        self.browser.wait_for("Page.loadEventFired", self.session, since=mark)
        if fonts:
            self.evaluate("document.fonts.ready.then(() => true)")

    def evaluate(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in reply:
            raise ProtocolError(str(reply["exceptionDetails"]))
        return reply["result"].get("value")

    def screenshot(self, path: Path, clip: dict[str, float] | None = None, scale: float = 1.0) -> bytes:
        """A PNG of `clip` (CSS pixels), or of the whole page."""
        self.call("Page.bringToFront")  # a tab in the background draws no frames
        if clip is None:
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"]}
        params = {"format": "png", "captureBeyondViewport": True, "clip": {**clip, "scale": scale}}
        data = base64.b64decode(self.call("Page.captureScreenshot", params)["data"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return data

    def close(self) -> None:
        self.browser.call("Target.closeTarget", {"targetId": self.target})

    def pdf(self) -> bytes:
        reply = self.call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
        return base64.b64decode(reply["data"])

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries (CSP violations among them)."""
        found = []
        for event in self.browser.events_of(
            self.session,
            "Runtime.consoleAPICalled",
            "Runtime.exceptionThrown",
            "Log.entryAdded",
            "Page.javascriptDialogOpening",
        ):
            params = event["params"]
            method = event["method"]
            if method == "Runtime.consoleAPICalled" and params.get("type") not in ("error", "assert", "warning"):
                continue
            if method == "Log.entryAdded" and params["entry"].get("level") not in ("error", "warning"):
                continue
            found.append(f"{method}: {json.dumps(params, ensure_ascii=False)[:400]}")
        return found

    def requests(self) -> list[str]:
        return [
            e["params"]["request"]["url"] for e in self.browser.events_of(self.session, "Network.requestWillBeSent")
        ]
