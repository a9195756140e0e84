"""`python -m ipr_rules.docs_drift`: fail when generated docs differ from the code.

docs/rules.md comes from `ipr-check rules --format markdown`, the packaged report schema from
`ipr-check schema`; both are committed so readers and editors can use them without running
anything, and this check keeps them from drifting.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ipr_rules.schema_export import PACKAGED, schema_text
from ipr_rules.views.rules import rules_markdown

RULES_DOC = Path("docs/rules.md")


def stale() -> list[str]:
    problems = []
    if not RULES_DOC.is_file() or RULES_DOC.read_text(encoding="utf-8") != rules_markdown("zh"):
        problems.append(f"{RULES_DOC}: regenerate with `ipr-check rules --format markdown > {RULES_DOC}`")
    if not PACKAGED.is_file() or PACKAGED.read_text(encoding="utf-8") != schema_text():
        problems.append(f"{PACKAGED}: regenerate with `ipr-check schema -o ipr_rules/report.schema.json`")
    return problems


def main() -> int:
    problems = stale()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
