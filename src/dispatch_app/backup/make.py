"""Make a backup: SQLite's online backup API into a hidden partial file, verify, rename.

Never a file copy: a copy of a file being written can hold half of a transaction. The backup API
copies pages under SQLite's own locks and starts again when another connection commits in the
middle; the copy is therefore always one committed state. After a few restarts (a busy writer)
the rest is copied in one step, which holds the read lock until done (~1 s for 100k visits), so a
backup always finishes.

Crash safety: until the final ``os.replace`` the backup exists only as ``.<name>.partial``, which
no listing, rotation or restore takes for a backup; the partial file is synced by SQLite's
own commit before the rename, and the folder after it, so after a power cut a backup is either
whole or absent.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from ..store.database import preflight
from ..store.errors import StoreError
from ..store.integrity import read_only
from ..store.recovery import roll_back_hot_journal
from .errors import BackupDiskFull, BackupFolderReadOnly
from .naming import PARTIAL_SUFFIX, default_folder, new_name, partial_of
from .policy import BackupPolicy
from .rotation import rotate
from .verify import verify

Progress = Callable[[int, int], None]
PAGES_PER_STEP = 2048  # 8 MiB of 4 KiB pages between progress reports
MAX_RESTARTS = 3
STALE_PARTIAL_S = 15 * 60


class _Restarted(Exception):
    pass


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _translate(folder: Path, exc: BaseException) -> StoreError | None:
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return BackupDiskFull(folder)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return BackupFolderReadOnly(folder)
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if "full" in text:
            return BackupDiskFull(folder)
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return BackupFolderReadOnly(folder)
    return None


def copy_database(source: sqlite3.Connection, target: Path, progress: Progress | None) -> None:
    """Online-backup ``source`` into the new file ``target`` (one committed state)."""
    dst = sqlite3.connect(str(target), isolation_level=None)
    # The last step commits into ``target`` with an fsync (synchronous=FULL): the file is on
    # disk before it is verified and renamed, without a second sync of our own.
    dst.execute("PRAGMA synchronous = FULL")
    try:
        state = {"remaining": None, "restarts": 0}

        def step(_status: int, remaining: int, total: int) -> None:
            last = state["remaining"]
            if last is not None and remaining > last:
                state["restarts"] += 1
                if state["restarts"] >= MAX_RESTARTS:
                    raise _Restarted()
            state["remaining"] = remaining
            if progress is not None:
                progress(total - remaining, total)

        try:
            source.backup(dst, pages=PAGES_PER_STEP, progress=step)
        except _Restarted:
            source.backup(dst, pages=-1)  # one step under one read lock: cannot restart
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()


def clean_stale_partials(folder: Path) -> None:
    """Partial files left by a killed backup (older than a running one could be)."""
    now = time.time()
    try:
        entries = list(folder.glob(f".*{PARTIAL_SUFFIX}*"))  # and their -journal files
    except OSError:
        return
    for entry in entries:
        try:
            if now - entry.stat().st_mtime > STALE_PARTIAL_S:
                entry.unlink()
        except OSError:
            pass


def make_backup(
    db_path: Path | str,
    folder: Path | str | None = None,
    *,
    tag: str = "",
    progress: Progress | None = None,
    policy: BackupPolicy | None = None,
    rotate_after: bool = True,
) -> Path:
    """Back up ``db_path`` into ``folder`` (default: see naming.py); returns the new file.

    Raises a :class:`StoreError` the user can act on (folder read-only, disk full, database
    refused); on any failure the partial file is removed and nothing else is touched.
    """
    db_path = Path(db_path)
    preflight(db_path, create=False)
    roll_back_hot_journal(db_path)
    source = read_only(db_path)
    try:
        if policy is None:
            policy = BackupPolicy.load(source)
        if folder is None:
            folder = policy.folder_path() or default_folder(db_path)
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise (_translate(folder, exc) or BackupFolderReadOnly(folder)) from exc
        clean_stale_partials(folder)
        final = new_name(folder, db_path.stem, tag)
        partial = partial_of(final)
        try:
            copy_database(source, partial, progress)
            verify(partial)
            os.replace(partial, final)
            fsync_dir(folder)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            typed = _translate(folder, exc)
            if typed is not None:
                raise typed from exc
            raise
    finally:
        source.close()
    if rotate_after:
        rotate(folder, db_path.stem, policy)
    return final
