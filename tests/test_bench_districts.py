"""The districts benchmark checks every district folder on its own and reports its distribution."""

from __future__ import annotations

from pathlib import Path

from bench.districts import in_process, percentile
from bench.generate import generate


def test_percentiles_by_nearest_rank() -> None:
    values = [float(n) for n in range(1, 21)]
    assert percentile(values, 0.5) == 10.0
    assert percentile(values, 0.95) == 19.0
    assert percentile([3.0], 0.95) == 3.0


def test_every_district_is_checked_as_its_own_set(tmp_path: Path) -> None:
    generate(tmp_path, 40, seed=3)  # two full districts and a short third
    districts = sorted(path for path in tmp_path.iterdir() if path.is_dir())
    figures = in_process(districts)
    assert figures["districts"] == len(districts) == 3
    assert 0 < figures["p50"] <= figures["p95"] <= figures["max"]
    assert figures["districts_per_second"] > 0
