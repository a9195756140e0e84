"""The installed package on its own, run from a folder outside the checkout (tox env `installed`).

`pip install .` must carry the bundled ruleset and the report schema, and `ipr-check` must work
in any directory. The test suite imports the checkout; this script sees only what was installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ipr-check", *args], capture_output=True, text=True, encoding="utf-8", check=False)


def main() -> int:
    import ipr_rules

    package = Path(ipr_rules.__file__).resolve().parent
    checkout = Path(__file__).resolve().parent.parent
    # tox keeps its environments inside the checkout; what matters is that this is not the source.
    assert package != checkout / "ipr_rules", f"ipr_rules was imported from the source tree: {package}"
    problems = []
    bundled = package / "rulesets" / "2020"
    for name in ("ruleset.yaml", "units.yaml", "plan.txt", "requirements.yaml", "exemptions.yaml"):
        if not (bundled / name).is_file():
            problems.append(f"the installed package lacks rulesets/2020/{name}")
    tasks = run("tasks", "--json")
    if tasks.returncode != 0 or len(json.loads(tasks.stdout)) != 55:
        problems.append(f"`ipr-check tasks --json` failed: {tasks.stderr}")
    validation = run("validate-ruleset", str(bundled))
    if validation.returncode != 0:
        problems.append(f"the installed ruleset does not validate: {validation.stdout}{validation.stderr}")
    if not (package / "serve" / "app.py").is_file():
        problems.append("the installed package lacks ipr_rules.serve (the self-check page)")
    serve_help = run("serve", "--help")
    if serve_help.returncode != 0 or "--max-upload-size" not in serve_help.stdout:
        problems.append(f"`ipr-check serve --help` failed: {serve_help.stderr}")
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "区法院.yaml"
        template = run("template", "区法院", "-o", str(report))
        first = report.read_text(encoding="utf-8").splitlines()[0] if report.is_file() else ""
        schema = first.partition("$schema=")[2]
        if template.returncode != 0 or not schema or not (report.parent / schema).is_file():
            problems.append(f"the template's schema line points at nothing beside it: {first!r}")
        checked = run(str(report), "--format", "json")
        kinds = {finding["kind"] for finding in json.loads(checked.stdout)["findings"]} if checked.stdout else set()
        if checked.returncode != 1 or kinds != {"task-not-started"}:
            problems.append(f"checking an unfilled template gave {kinds} (exit {checked.returncode})")
        workbook = Path(folder) / "区法院.xlsx"
        written = run("template", "区法院", "-o", str(workbook))
        read = run(str(workbook), "--format", "json")
        cells = {finding.get("location") for finding in json.loads(read.stdout)["findings"]} if read.stdout else set()
        if written.returncode != 0 or read.returncode != 1 or "任务!E2" not in cells:
            problems.append(f"the workbook template did not read back: {read.stderr} (exit {read.returncode})")
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"the installed package works from {Path.cwd()}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
