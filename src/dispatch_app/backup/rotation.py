"""Which backups to keep: recent, daily, weekly and monthly copies (Anki's and restic's rule).

Going from the newest backup to the oldest, a copy is kept if it is among the ``keep_recent``
newest, or if it is the newest of its day while fewer than ``keep_daily`` days have been kept,
and the same for ISO weeks and months. Safety copies made by a restore are never removed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from .naming import BackupFile, list_backups
from .policy import BackupPolicy


def _keep_newest_per(
    backups: list[BackupFile], key: Callable[[datetime], object], count: int
) -> set[Path]:
    kept: set[Path] = set()
    seen: set[object] = set()
    for b in backups:  # newest first
        if len(seen) >= count:
            break
        k = key(b.taken)
        if k not in seen:
            seen.add(k)
            kept.add(b.path)
    return kept


def kept(backups: list[BackupFile], policy: BackupPolicy) -> set[Path]:
    """The paths to keep among ``backups`` (any order in, pinned copies always kept)."""
    regular = sorted((b for b in backups if not b.pinned), key=lambda b: b.order, reverse=True)
    keep = {b.path for b in backups if b.pinned}
    keep |= {b.path for b in regular[: policy.keep_recent]}
    keep |= _keep_newest_per(regular, lambda t: t.date(), policy.keep_daily)
    keep |= _keep_newest_per(regular, lambda t: t.isocalendar()[:2], policy.keep_weekly)
    keep |= _keep_newest_per(regular, lambda t: (t.year, t.month), policy.keep_monthly)
    return keep


def rotate(folder: Path, stem: str, policy: BackupPolicy) -> list[Path]:
    """Delete the backups the policy does not keep; returns what was removed."""
    backups = list_backups(folder, stem)
    keep = kept(backups, policy)
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
            except OSError:
                continue  # in use or read-only: try again next time
            removed.append(b.path)
    return removed
