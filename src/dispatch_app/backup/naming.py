"""Where backups go and what they are called.

Default folder: ``backups/`` beside the database. Chosen over the platform data folder because
it is where a coordinator (or support staff) looks, it goes along when the folder is copied to a
new PC, and it is found again for a damaged database without reading any setting from it. When
that folder cannot be written (a read-only share, a CD), backups go to the platform's per-user
data folder instead, under ``backups/<name>-<hash of the path>/``; :func:`search_folders` looks in
both. ``--to DIR`` (and the ``backup.folder`` setting) chooses another folder.

Names: ``<database stem>-YYYYMMDD-HHMMSS.db`` in Wenzhou local time (what the coordinator's clock
shows), ``-before-restore`` for the copy a restore keeps of the database it replaced, ``-2``,
``-3``... when two backups fall in the same second. A backup being written is a hidden
``.<name>.partial`` file: it never looks like a backup until it has been verified and renamed.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import clock
from ..paths import user_data_dir

FOLDER_NAME = "backups"
STAMP = "%Y%m%d-%H%M%S"
BEFORE_RESTORE = "before-restore"
PARTIAL_SUFFIX = ".partial"
_NAME = re.compile(
    r"^(?P<stem>.+?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<tag>before-restore))?(?:-(?P<n>\d+))?\.db$"
)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: datetime  # local time, naive (as in the name)
    tag: str = ""  # "" for a regular backup, "before-restore" for a restore's safety copy
    seq: int = 1  # 2, 3... for later backups taken in the same second

    @property
    def order(self) -> tuple[datetime, int]:
        return (self.taken, self.seq)

    @property
    def pinned(self) -> bool:
        """Safety copies are never removed by rotation."""
        return bool(self.tag)


def beside(db_path: Path) -> Path:
    return db_path.resolve().parent / FOLDER_NAME


def fallback(db_path: Path) -> Path:
    digest = hashlib.sha256(str(db_path.resolve()).encode("utf-8")).hexdigest()[:8]
    return user_data_dir() / FOLDER_NAME / f"{db_path.stem}-{digest}"


def writable(folder: Path) -> bool:
    """The folder exists (or can be made) and a file can be created in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
        return True
    except OSError:
        return False


def default_folder(db_path: Path) -> Path:
    """``backups/`` beside the database, or the per-user fallback when that is not writable."""
    near = beside(db_path)
    return near if writable(near) else fallback(db_path)


def search_folders(db_path: Path, configured: Path | None = None) -> list[Path]:
    folders = [f for f in (configured, beside(db_path), fallback(db_path)) if f is not None]
    unique: list[Path] = []
    for f in folders:
        if f not in unique:
            unique.append(f)
    return unique


def new_name(folder: Path, stem: str, tag: str = "", when: datetime | None = None) -> Path:
    """A fresh file name for a backup taken now (never an existing file's)."""
    stamp = (when or clock.local_now()).strftime(STAMP)
    base = f"{stem}-{stamp}" + (f"-{tag}" if tag else "")
    candidate = folder / f"{base}.db"
    n = 2
    while candidate.exists() or partial_of(candidate).exists():
        candidate = folder / f"{base}-{n}.db"
        n += 1
    return candidate


def partial_of(final: Path) -> Path:
    return final.with_name(f".{final.name}{PARTIAL_SUFFIX}")


def parse(path: Path) -> tuple[str, BackupFile] | None:
    """``(stem, BackupFile)`` for a backup's file name, None for any other file."""
    m = _NAME.match(path.name)
    if m is None:
        return None
    try:
        taken = datetime.strptime(m["stamp"], STAMP)
    except ValueError:
        return None
    return m["stem"], BackupFile(path, taken, m["tag"] or "", int(m["n"] or 1))


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """The backups of the database called ``stem`` in ``folder``, newest first."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        parsed = parse(entry)
        if parsed is not None and parsed[0] == stem and entry.is_file():
            found.append(parsed[1])
    found.sort(key=lambda b: b.order, reverse=True)
    return found
