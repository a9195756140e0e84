"""`ipr-check compile`: reproducible output, the files it writes, and its errors (SPEC §2, §5)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from ipr_rules.ruleset.build import read_registry
from ipr_rules.ruleset.compile import compile_plan
from ipr_rules.ruleset.store import dump_plan

from .conftest import BUNDLED_DIR, FIXTURES

HAN = re.compile(r"[\u4e00-\u9fff]")


def output_dir(tmp_path: Path, *, with_units: bool = True) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    if with_units:
        shutil.copy(BUNDLED_DIR / "units.yaml", out / "units.yaml")
    return out


def test_compiling_the_plan_reproduces_the_bundled_ruleset(run_cli, tmp_path: Path) -> None:
    out = output_dir(tmp_path)
    result = run_cli("compile", str(BUNDLED_DIR / "plan.txt"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "ruleset.yaml").read_bytes() == (BUNDLED_DIR / "ruleset.yaml").read_bytes()
    assert (out / "plan.txt").read_bytes() == (BUNDLED_DIR / "plan.txt").read_bytes()
    assert (out / "units.yaml").read_bytes() == (BUNDLED_DIR / "units.yaml").read_bytes()


def test_compiling_with_units_option(run_cli, tmp_path: Path) -> None:
    out = output_dir(tmp_path, with_units=False)
    units = str(BUNDLED_DIR / "units.yaml")
    result = run_cli("compile", str(BUNDLED_DIR / "plan.txt"), "-o", str(out), "--units", units)
    assert result.exit_code == 0, result.output
    assert (out / "ruleset.yaml").read_bytes() == (BUNDLED_DIR / "ruleset.yaml").read_bytes()
    # the registry is copied beside the output, so the directory validates on its own
    assert (out / "units.yaml").read_bytes() == (BUNDLED_DIR / "units.yaml").read_bytes()
    assert run_cli("validate-ruleset", str(out)).exit_code == 0


def test_compiling_twice_gives_identical_bytes(run_cli, tmp_path: Path) -> None:
    out = output_dir(tmp_path)
    assert run_cli("compile", str(BUNDLED_DIR / "plan.txt"), "-o", str(out)).exit_code == 0
    first = (out / "ruleset.yaml").read_bytes()
    # the second run compiles the copy in the directory itself
    assert run_cli("compile", str(out / "plan.txt"), "-o", str(out)).exit_code == 0
    assert (out / "ruleset.yaml").read_bytes() == first


def test_the_library_compiles_to_the_same_text_every_time(plan_text: str) -> None:
    registry = read_registry(BUNDLED_DIR / "units.yaml")
    first = dump_plan(compile_plan(plan_text, registry))
    second = dump_plan(compile_plan(plan_text, registry))
    assert first == second
    assert first == (BUNDLED_DIR / "ruleset.yaml").read_text(encoding="utf-8")


def test_line_endings_bom_and_gbk_do_not_change_the_output(run_cli, tmp_path: Path, plan_text: str) -> None:
    variants = {
        "crlf.txt": plan_text.replace("\n", "\r\n").encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + plan_text.encode("utf-8"),
        "gbk.txt": plan_text.encode("gb18030"),
    }
    for name, data in variants.items():
        source = tmp_path / name
        source.write_bytes(data)
        out = tmp_path / f"out-{name}"
        out.mkdir()
        result = run_cli("compile", str(source), "-o", str(out), "--units", str(BUNDLED_DIR / "units.yaml"))
        assert result.exit_code == 0, (name, result.output)
        assert (out / "ruleset.yaml").read_bytes() == (BUNDLED_DIR / "ruleset.yaml").read_bytes(), name
        assert (out / "plan.txt").read_bytes() == (BUNDLED_DIR / "plan.txt").read_bytes(), name


def test_round_trip_of_a_small_plan(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "mini"
    units = str(FIXTURES / "mini_units.yaml")
    result = run_cli("compile", str(FIXTURES / "mini_plan.txt"), "-o", str(out), "--units", units)
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.iterdir()) == ["plan.txt", "ruleset.yaml", "units.yaml"]
    validation = run_cli("validate-ruleset", str(out))
    assert validation.exit_code == 0, validation.output
    tasks = json.loads(run_cli("tasks", "--json", "--ruleset", str(out)).stdout)
    assert [
        (t["id"], t["section"], [(a["unit"], a["role"]) for a in t["assignees"]], t["open"], t["campaigns"])
        for t in tasks
    ] == [
        ("1-1", 1, [("区甲局", "lead"), ("区乙局", "co")], False, ["春雷2021"]),
        ("1-2", 1, [("区丙局", "sole")], False, []),
        ("2-1", 1, [("区甲局", "co"), ("区乙局", "co")], True, []),
        ("3-1", 2, [("区乙局", "lead")], True, []),
    ]
    assert tasks[1]["text"] == "加强网际协议地址（IP地址）管理。"


def test_an_unknown_unit_fails_compile_naming_the_source_file(run_cli, tmp_path: Path) -> None:
    source = FIXTURES / "mini_plan_unknown_unit.txt"
    out = tmp_path / "out"
    result = run_cli("compile", str(source), "-o", str(out), "--units", str(FIXTURES / "mini_units.yaml"))
    assert result.exit_code == 2
    column = source.read_text(encoding="utf-8").splitlines()[2].index("区乙务局") + 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{source}:3:{column}:")
    assert "区乙务局" in line and "区乙局" in line
    assert "Traceback" not in result.output
    assert not (out / "ruleset.yaml").exists()


def test_a_layout_error_fails_compile_with_file_and_line(run_cli, tmp_path: Path) -> None:
    source = FIXTURES / "mini_plan_bad_numbering.txt"
    result = run_cli("compile", str(source), "-o", str(tmp_path / "out"), "--units", str(FIXTURES / "mini_units.yaml"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{source}:4:")
    assert "Traceback" not in result.output


def test_compile_without_a_registry_or_source_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("compile", str(BUNDLED_DIR / "plan.txt"), "-o", str(out))
    assert result.exit_code == 2
    assert "units.yaml" in result.stderr
    assert not (out / "ruleset.yaml").exists()
    result = run_cli("compile", str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 2
    assert "missing.txt" in result.stderr


def test_compile_messages_in_english(run_cli, tmp_path: Path) -> None:
    source = FIXTURES / "mini_plan_unknown_unit.txt"
    units = FIXTURES / "mini_units.yaml"
    names = sorted((*read_registry(units).all_names, "区乙务局", "、"), key=len, reverse=True)

    def without_names(text: str) -> str:
        for name in names:
            text = text.replace(name, "")
        return text

    english = run_cli("compile", str(source), "-o", str(tmp_path / "en"), "--units", str(units), "--lang", "en")
    chinese = run_cli("compile", str(source), "-o", str(tmp_path / "zh"), "--units", str(units))
    assert english.exit_code == chinese.exit_code == 2
    assert english.stderr.startswith(f"{source}:3:")
    assert "区乙局" in english.stderr  # the suggestion
    assert not HAN.search(without_names(english.stderr))
    assert HAN.search(without_names(chinese.stderr))


def test_compile_says_when_the_plan_was_read_from_gb18030(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "plan-gbk.txt"
    source.write_bytes((BUNDLED_DIR / "plan.txt").read_text(encoding="utf-8").encode("gb18030"))
    target = output_dir(tmp_path)
    result = run_cli("compile", str(source), "-o", str(target))
    assert result.exit_code == 0
    assert f"{source}:1:1:" in result.stderr and "GB18030" in result.stderr
    assert (target / "ruleset.yaml").read_bytes() == (BUNDLED_DIR / "ruleset.yaml").read_bytes()
    assert (target / "plan.txt").read_text(encoding="utf-8").startswith("昆明市官渡区")
