"""Put a backup back in place of the database: verify first, keep what it replaces, swap atomically.

What the replaced database becomes: when it is whole, a backup like any other (tagged
``before-restore``, never rotated away); when it is damaged (or not readable), it is *renamed*
beside itself as ``<name>.damaged-YYYYMMDD-HHMMSS.db`` — a rename, so its bytes stay exactly as
they were for whoever wants to look at them. The restored copy is written to a hidden file beside
the database, verified again, and renamed over it: the database is the old file or the restored
one, never half of each. The window closes its own connection before a restore.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import clock
from ..store.errors import DatabaseLocked
from ..store.integrity import quick_check, read_only, schema_problems
from ..store.recovery import has_hot_journal, journal_path, roll_back_hot_journal
from .errors import NoBackup
from .make import _translate, fsync_dir, fsync_file, make_backup
from .naming import BEFORE_RESTORE, STAMP, BackupFile, list_backups, search_folders
from .verify import is_valid, verify

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RestoreResult:
    restored: Path  # the database path, now holding the backup's content
    kept: Path | None  # where the replaced database went (None: there was none)
    damaged: bool  # the replaced database was damaged and was moved aside as it was


def database_is_whole(path: Path) -> bool:
    """Whole (passes the checks) or damaged; a database in use raises DatabaseLocked instead,
    so that a healthy file another program holds is never renamed aside as damaged."""
    roll_back_hot_journal(path)  # DatabaseLocked / HotJournalReadOnly propagate
    try:
        conn = read_only(path)
    except sqlite3.Error:
        return False
    try:
        return not quick_check(conn) and not schema_problems(conn)
    except sqlite3.Error as exc:  # quick_check raises only for a lock
        raise DatabaseLocked(path) from exc
    finally:
        conn.close()


def set_aside(path: Path) -> Path:
    """Rename a damaged database (and a journal beside it) out of the way, bytes untouched."""
    stamp = clock.local_now().strftime(STAMP)
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    n = 2
    while aside.exists():
        aside = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix}")
        n += 1
    os.replace(path, aside)
    journal = journal_path(path)
    if journal.exists():
        os.replace(journal, journal_path(aside))
    return aside


def restore_backup(
    backup: Path | str,
    db_path: Path | str,
    *,
    folder: Path | str | None = None,
    progress: Progress | None = None,
) -> RestoreResult:
    """Replace ``db_path`` by ``backup`` (verified first); see the module's docstring."""
    backup, db_path = Path(backup), Path(db_path)
    verify(backup)
    target_dir = db_path.resolve().parent
    staging = target_dir / f".{db_path.name}.restoring"
    try:
        shutil.copyfile(backup, staging)
        fsync_file(staging)
        verify(staging)
    except BaseException as exc:
        staging.unlink(missing_ok=True)
        typed = _translate(target_dir, exc)
        if typed is not None:
            raise typed from exc
        raise
    kept: Path | None = None
    damaged = False
    try:
        if db_path.exists():
            if database_is_whole(db_path):
                kept = make_backup(db_path, folder, tag=BEFORE_RESTORE, rotate_after=False)
            else:
                kept, damaged = set_aside(db_path), True
        if has_hot_journal(db_path):  # a live writer: never swap under it
            raise DatabaseLocked(db_path)
        journal_path(db_path).unlink(missing_ok=True)  # a leftover empty journal
        os.replace(staging, db_path)
        fsync_dir(target_dir)
    except BaseException as exc:
        staging.unlink(missing_ok=True)
        typed = _translate(target_dir, exc)
        if typed is not None:
            raise typed from exc
        raise
    if progress is not None:
        progress(1, 1)
    return RestoreResult(db_path, kept, damaged)


def all_backups(db_path: Path, configured: Path | None = None) -> list[BackupFile]:
    """Every backup of this database in the folders backups may be in, newest first."""
    found: list[BackupFile] = []
    for folder in search_folders(db_path, configured):
        found.extend(list_backups(folder, db_path.stem))
    found.sort(key=lambda b: b.order, reverse=True)
    return found


def newest_good_backup(db_path: Path | str, configured: Path | None = None) -> BackupFile:
    """The newest backup that passes verification (raises :class:`NoBackup`)."""
    db_path = Path(db_path)
    for b in all_backups(db_path, configured):
        if is_valid(b.path):
            return b
    raise NoBackup(db_path)
