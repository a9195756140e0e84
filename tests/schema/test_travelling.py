"""A YAML template's $schema points beside it, so the pair still works when e-mailed."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import jsonschema
import yaml
from click.testing import Result


def test_template_writes_the_schema_beside_the_report(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    report = tmp_path / "报送" / "区法院.yaml"
    report.parent.mkdir()  # a missing folder is refused, never made
    result = run_cli("template", "区法院", "-o", str(report))
    assert result.exit_code == 0, result.output
    text = report.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=report.schema.json"
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("$schema 指向同目录下的 report.schema.json" in line for line in header)  # says what it is for
    schema = json.loads((report.parent / "report.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads(run_cli("schema").stdout)
    # E-mailed: the two files in another folder on another computer still find each other.
    elsewhere = tmp_path / "收件箱"
    elsewhere.mkdir()
    for name in ("区法院.yaml", "report.schema.json"):
        shutil.copy(report.parent / name, elsewhere / name)
    first = (elsewhere / "区法院.yaml").read_text(encoding="utf-8").splitlines()[0]
    target = elsewhere / first.partition("$schema=")[2]
    document = yaml.safe_load((elsewhere / "区法院.yaml").read_text(encoding="utf-8"))
    document["contact"] = {key: value for key, value in document["contact"].items() if value}
    jsonschema.Draft202012Validator(json.loads(target.read_text(encoding="utf-8"))).validate(document)


def test_printed_templates_point_to_the_schema_by_its_plain_name(run_cli: Callable[..., Result]) -> None:
    first = run_cli("template", "区法院").stdout.splitlines()[0]
    assert first == "# yaml-language-server: $schema=report.schema.json"
    assert "file://" not in first and "site-packages" not in first
