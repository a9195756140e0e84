"""What the office may set when it starts the page; the defaults are the safe ones."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from ipr_rules.i18n import Lang
from ipr_rules.loading.limits import MEGABYTE
from ipr_rules.records import record

# Room in a request for the form's other fields and the multipart boundaries around the file.
FORM_MARGIN = 64 * 1024


@record
class ServeSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    # The largest report file accepted; a larger request is answered 413 from its headers.
    max_upload_bytes: int = 10 * MEGABYTE
    # Seconds one check may take before the unit is told to try again.
    check_seconds: float = 30.0
    # Values in one upload, aliases expanded: a unit's report has a few hundred; the bound keeps
    # a hostile file's check and result page small (the command line allows 100,000).
    max_nodes: int = 20_000
    # Seconds a connection may stay silent (while sending its request or reading the answer),
    # and seconds a whole request may take to arrive (10 MB over a slow line).
    idle_seconds: int = 30
    request_seconds: float = 120.0
    threads: int = 8
    # Where uploads are kept; None keeps nothing.
    keep: Path | None = None
    lang: Lang = "zh"
    # How long the download links of a result work, and how many results are held for them.
    results_seconds: float = 30 * 60
    results_held: int = 100

    @property
    def max_request_bytes(self) -> int:
        return self.max_upload_bytes + FORM_MARGIN

    @property
    def limit_text(self) -> str:
        return f"{self.max_upload_bytes / MEGABYTE:g}"


def is_loopback(host: str) -> bool:
    """Whether only this computer can reach `host` (127.0.0.1, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
