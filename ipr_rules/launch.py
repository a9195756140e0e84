"""Where the `ipr-check` program starts: its console script, and `python -m ipr_rules`.

Starting creates tens of thousands of objects that live as long as the process (the modules
and classes it imports, the ruleset) and next to no garbage, and the garbage collector walks
them again and again meanwhile: a tenth of the start-up time. So it is paused before anything
else is imported, and resumed by the command where its own work begins (`ipr_rules.collector`).
The regular expressions that imports compile come from the previous run's (`pattern_cache`).
"""

from __future__ import annotations

import gc


def main() -> None:
    collecting = gc.isenabled()
    gc.disable()
    from ipr_rules.collector import paused_at_launch

    if collecting:
        paused_at_launch()
    from ipr_rules import pattern_cache

    patterns = pattern_cache.preload()  # before any import compiles one
    try:
        from ipr_rules.cli import entry_point

        entry_point()
    finally:
        pattern_cache.keep(patterns)
