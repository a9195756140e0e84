"""What reading one file may cost; every run is bounded by these whatever the input.

Kept apart from the readers (no YAML import) so that the command line can show the defaults.
"""

from __future__ import annotations

from dataclasses import field

from ipr_rules.records import record

MEGABYTE = 1024 * 1024


@record
class Limits:
    """The YAML of one file."""

    # Mappings and lists inside one another, counted from the document itself.
    max_depth: int = 32
    # Values in one file (all documents of a stream), each alias counted as what it expands to.
    max_nodes: int = 100_000
    # Characters in one text value or key.
    max_text: int = 100_000


@record
class ReadLimits:
    """One file: its bytes, and the YAML limits (nodes, depth, text)."""

    max_file_bytes: int = 10 * MEGABYTE
    yaml: Limits = field(default_factory=Limits)
