"""The time of a check is shown in the machine's local time, with its offset."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta

import pytest

from ipr_rules.engine import _now


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("shanghai")
def test_check_time_is_local_with_its_offset() -> None:
    assert _now().utcoffset() == timedelta(hours=8)
    assert _now().isoformat(timespec="seconds").endswith("+08:00")


def test_source_date_epoch_still_fixes_the_time_in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609459200")
    assert _now().isoformat() == "2021-01-01T00:00:00+00:00"
