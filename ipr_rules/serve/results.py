"""Results held in memory for a while, so that the result page can offer its downloads.

Nothing is written to disk: a result is reachable only through the random token of its page,
for `seconds`, and only the newest `capacity` results are held.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from ipr_rules.records import record
from ipr_rules.result import CheckResult


@record
class HeldResult:
    result: CheckResult
    # The unit the report was checked for: it names the downloaded files.
    unit: str
    held_at: float


def new_token() -> str:
    """A result's name in its download links: random, 144 bits."""
    return secrets.token_urlsafe(18)


class ResultStore:
    def __init__(self, seconds: float, capacity: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.capacity = capacity
        self._clock = clock
        self._held: OrderedDict[str, HeldResult] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, result: CheckResult, unit: str, token: str | None = None) -> str:
        token = token or new_token()
        with self._lock:
            self._expire()
            self._held[token] = HeldResult(result, unit, self._clock())
            while len(self._held) > self.capacity:
                self._held.popitem(last=False)
        return token

    def get(self, token: str) -> HeldResult | None:
        with self._lock:
            self._expire()
            return self._held.get(token)

    def __len__(self) -> int:
        with self._lock:
            return len(self._held)

    def _expire(self) -> None:
        oldest_kept = self._clock() - self.seconds
        while self._held:
            token, held = next(iter(self._held.items()))
            if held.held_at >= oldest_kept:
                break
            del self._held[token]
