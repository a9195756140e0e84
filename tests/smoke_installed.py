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
    template = run("template", "区法院")
    first = template.stdout.splitlines()[0] if template.stdout else ""
    schema = first.partition("$schema=file://")[2]
    if template.returncode != 0 or not schema or not Path(schema).is_file():
        problems.append(f"the template's schema line points at nothing: {first!r}")
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "区法院.yaml"
        report.write_text(template.stdout, encoding="utf-8")
        checked = run(str(report), "--format", "json")
        kinds = {finding["kind"] for finding in json.loads(checked.stdout)["findings"]} if checked.stdout else set()
        if checked.returncode != 1 or kinds != {"task-not-started"}:
            problems.append(f"checking an unfilled template gave {kinds} (exit {checked.returncode})")
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"the installed package works from {Path.cwd()}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
