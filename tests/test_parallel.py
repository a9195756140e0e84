"""Worker processes give exactly the single-process result, and a district never starts them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.generate import generate
from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.parallel import MIN_FILES, worth_parallel
from ipr_rules.render import render_whole


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, 150, seed=7)
    (folder / "district-9999").mkdir()
    (folder / "district-9999" / "broken.yaml").write_text("unit: [\n", encoding="utf-8")
    (folder / "district-9999" / "gbk.yaml").write_bytes("unit: 区法院\nyear: 2020\ntasks: {}\n".encode("gbk"))
    return folder


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_workers_give_the_single_process_json_byte_for_byte(corpus: Path, ruleset: Ruleset, lang: str) -> None:
    serial = check_paths([str(corpus)], ruleset, CheckOptions(jobs=1))
    parallel = check_paths([str(corpus)], ruleset, CheckOptions(jobs=2))
    parallel.checked_at = serial.checked_at
    assert parallel.files == serial.files == 152
    assert render_whole("json", parallel, lang) == render_whole("json", serial, lang)  # type: ignore[arg-type]
    assert render_whole("table", parallel, lang) == render_whole("table", serial, lang)  # type: ignore[arg-type]


def test_the_pool_is_used_only_where_it_pays() -> None:
    assert not worth_parallel(19, None)  # one district
    assert worth_parallel(MIN_FILES, None) or not _several_cores()
    assert not worth_parallel(MIN_FILES, 1)
    assert worth_parallel(2, 2)


def _several_cores() -> bool:
    from ipr_rules.parallel import available_cores

    return available_cores() > 1
