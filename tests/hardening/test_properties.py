"""Whatever the bytes, the loader returns values and the CLI exits 0, 1 or 2 with valid JSON.

Inputs are arbitrary bytes, and copies of the 2020 sample reports mutated the way files get
damaged by hand or in transit: bytes flipped, lines deleted or repeated, indentation changed,
keys renamed. Bounded so the module runs in seconds.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipr_rules.engine import CheckOptions, check_paths
from ipr_rules.loading.reports import LoadedFile, load_file
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.render import render_whole
from tests.hardening.support import SAMPLE, check_json

SAMPLES = sorted(path for path in SAMPLE.glob("*.yaml"))
SAMPLE_BYTES = [path.read_bytes() for path in SAMPLES]
KEYS = [
    "unit",
    "year",
    "tasks",
    "status",
    "actions",
    "campaigns",
    "outputs",
    "metrics",
    "evidence",
    "reason",
    "title",
    "date",
]
BOUNDED = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


def _scratch(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# Bytes a hand-typed Chinese YAML file is made of, so that arbitrary input reaches the parser
# and the validator instead of stopping at the decoder every time.
PIECES = st.sampled_from(
    [
        b"unit: ",
        b"year: 2020",
        b"tasks:",
        b"  ",
        b"    ",
        b"\t",
        b"\n",
        b"\r\n",
        b"- ",
        b": ",
        b"\xef\xbc\x9a",
        b"\xe3\x80\x80",
        b'"1-1"',
        b"1.10",
        b"status: done",
        b"status: yes",
        b"actions: [",
        b"]",
        b"{",
        b"}",
        b"&a ",
        b"*a",
        b"<<: ",
        b"---\n",
        b"!!python/object ",
        b"!!binary ",
        b"2020-02-30",
        b".nan",
        b"\xe5\x8c\xba\xe6\xb3\x95\xe9\x99\xa2",
        b"\xc7\xf8",
        b"\xe2\x80\x8b",
        b"\x00",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b"#",
        b"'",
        b'"',
        b"\\u",
        b"{0}",
        b"\x1b[31m",
        b"9" * 30,
    ]
)
SHAPED_BYTES = st.lists(PIECES, max_size=60).map(b"".join)
ANY_BYTES = st.one_of(st.binary(max_size=600), SHAPED_BYTES)


@BOUNDED
@given(data=ANY_BYTES)
def test_load_file_returns_values_for_any_bytes(tmp_path: Path, data: bytes) -> None:
    loaded = load_file(os.fspath(_scratch(tmp_path, "any.yaml", data)))
    assert isinstance(loaded, LoadedFile)
    assert loaded.failure is not None or loaded.documents
    for document in loaded.documents:
        for problem in document.problems:
            assert problem.line >= 1
            problem.message.render("zh", **problem.args)
            problem.message.render("en", **problem.args)


@BOUNDED
@given(data=ANY_BYTES)
def test_cli_on_any_bytes_exits_0_1_or_2_with_spec_json(tmp_path: Path, data: bytes) -> None:
    code, document = check_json(_scratch(tmp_path, "any.yaml", data))
    assert (code == 2) == any(f["kind"] == "unreadable" for f in document["findings"])


@st.composite
def mutated_reports(draw: st.DrawFn, source: bytes | None = None) -> bytes:
    data = bytearray(source if source is not None else draw(st.sampled_from(SAMPLE_BYTES)))
    for _ in range(draw(st.integers(1, 4))):
        lines = bytes(data).split(b"\n")
        how = draw(st.sampled_from(["flip", "delete", "duplicate", "indent", "dedent", "rename", "truncate"]))
        index = draw(st.integers(0, len(lines) - 1))
        if how == "flip" and data:
            offset = draw(st.integers(0, len(data) - 1))
            data[offset] = draw(st.integers(0, 255))
            continue
        if how == "delete":
            del lines[index]
        elif how == "duplicate":
            lines.insert(index, lines[index])
        elif how == "indent":
            lines[index] = draw(st.sampled_from([b" ", b"  ", b"\t", "\u3000".encode()])) + lines[index]
        elif how == "dedent":
            lines[index] = lines[index][draw(st.integers(1, 4)) :]
        elif how == "rename":
            old, new = (
                draw(st.sampled_from(KEYS)),
                draw(st.sampled_from([*KEYS, "Status", "状态", "statu", "1.1", "true"])),
            )
            lines[index] = lines[index].replace(old.encode() + b":", new.encode() + b":", 1)
        elif how == "truncate":
            lines = lines[: index + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
        data = bytearray(b"\n".join(lines))
    return bytes(data)


@BOUNDED
@given(data=mutated_reports())
def test_cli_on_mutated_reports_exits_0_1_or_2_with_spec_json(tmp_path: Path, data: bytes) -> None:
    code, document = check_json(_scratch(tmp_path, "区法院.yaml", data))
    if code == 2:
        assert any(f["kind"] == "unreadable" for f in document["findings"])
    for finding in document["findings"]:
        if finding["file"] is not None and finding["kind"] != "unreadable" and finding["line"] is not None:
            assert finding["line"] <= data.count(b"\n") + 1


@st.composite
def two_units(draw: st.DrawFn) -> tuple[bytes, Path]:
    """A damaged copy of one unit's report and another unit's intact one (two reports of one
    unit would be checked together, as SPEC §4 says, and rightly change each other's findings)."""
    first, second = draw(st.lists(st.sampled_from(range(len(SAMPLES))), min_size=2, max_size=2, unique=True))
    return draw(mutated_reports(SAMPLE_BYTES[first])), SAMPLES[second]


@BOUNDED
@given(pair=two_units())
def test_a_damaged_report_costs_only_itself(tmp_path: Path, pair: tuple[bytes, Path], ruleset: Ruleset) -> None:
    """The other report in the run is still read and checked in full, in every output format."""
    data, second = pair
    damaged = _scratch(tmp_path, "a.yaml", data)
    intact = _scratch(tmp_path, "b.yaml", second.read_bytes())
    alone = check_paths([os.fspath(intact)], ruleset, CheckOptions(unit_only=True))
    together = check_paths([os.fspath(damaged), os.fspath(intact)], ruleset, CheckOptions(unit_only=True))
    assert [f for f in together.findings if f.file == os.fspath(intact)] == alone.findings
    for name in ("table", "markdown", "json"):
        rendered = render_whole(name, together, "zh")
        assert isinstance(rendered, str)
        rendered.encode("utf-8")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_the_samples_themselves_read_cleanly(path: Path) -> None:
    loaded = load_file(os.fspath(path))
    assert loaded.failure is None
    assert [problem for document in loaded.documents for problem in document.problems] == []
