"""How many backups to keep and how often to make them: settings in the database itself.

Keys in the ``settings`` table (so the window and the command line agree), with defaults:

========================  =======  ==========================================================
``backup.keep_recent``    5        the newest backups, whatever their age
``backup.keep_daily``     7        the newest backup of each of the last 7 days with one
``backup.keep_weekly``    4        ... of each of the last 4 ISO weeks with one
``backup.keep_monthly``   12       ... of each of the last 12 months with one
``backup.interval_hours`` 4        while the window is open and something changed (0: only on
                                   close)
``backup.folder``         (empty)  empty: ``backups/`` beside the database (see naming.py)
========================  =======  ==========================================================

A copy is kept when any rule keeps it, so at most 28 regular copies exist (fewer in practice:
the newest copy of today is also today's daily, this week's weekly...). A district's database of
a year's work is ~15 MB, so the default costs well under half a gigabyte.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, fields, replace
from pathlib import Path

PREFIX = "backup."


@dataclass(frozen=True)
class BackupPolicy:
    keep_recent: int = 5
    keep_daily: int = 7
    keep_weekly: int = 4
    keep_monthly: int = 12
    interval_hours: float = 4.0
    folder: str = ""

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> BackupPolicy:
        """Read the settings (defaults for missing or unreadable values)."""
        try:
            rows = conn.execute(
                "SELECT key, value FROM settings WHERE key LIKE 'backup.%'"
            ).fetchall()
        except sqlite3.Error:
            return cls()
        values = {str(k)[len(PREFIX) :]: v for k, v in rows}
        policy = cls()
        for f in fields(cls):
            raw = values.get(f.name)
            if raw is None:
                continue
            try:
                value = type(getattr(policy, f.name))(raw)
            except (TypeError, ValueError):
                continue
            if isinstance(value, (int, float)) and not 0 <= value < 10**6:  # nan, inf, < 0
                continue
            policy = replace(policy, **{f.name: value})
        return policy

    def folder_path(self) -> Path | None:
        return Path(self.folder).expanduser() if self.folder.strip() else None
