"""Terminal tables via tabulate, aligned by display width so Chinese text lines up."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, widths: Sequence[int | None] | None = None) -> str:
    import tabulate  # imported here: only table output pays for it

    return tabulate.tabulate(
        rows,
        headers=list(headers),
        tablefmt="simple",
        maxcolwidths=list(widths) if widths else None,
        disable_numparse=True,
    )
