"""`--keep DIR`: the office keeps every upload, one current file per unit.

A unit's newest upload is `DIR/<unit><suffix>`, written whole or not at all; the one it
replaces is first copied to `DIR/<unit>.<time it was kept><suffix>`, so nothing is lost.
"""

from __future__ import annotations

import re
import shutil
import threading
from datetime import datetime
from pathlib import Path

from ipr_rules.atomic_write import write_atomic

# Characters no file name may hold on Windows or Linux, and control characters.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_LOCK = threading.Lock()


def safe_file_stem(name: str) -> str:
    stem = _UNSAFE.sub("_", name).strip(" .")
    return stem[:100] or "unit"


def keep_upload(folder: Path, unit: str, suffix: str, data: bytes) -> Path:
    """Store `data` as the unit's current upload; returns where it went."""
    stem = safe_file_stem(unit)
    target = folder / f"{stem}{suffix}"
    with _LOCK:
        folder.mkdir(parents=True, exist_ok=True)
        if target.exists():
            kept_at = datetime.fromtimestamp(target.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
            shutil.copy2(target, _free_name(folder, f"{stem}.{kept_at}", suffix))
        write_atomic(target, data)
    return target


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate
