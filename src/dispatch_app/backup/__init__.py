"""Verified, rotated backups of a database and restoring them (no Qt; the CLI and GUI share it).

``make_backup(db)`` → the new backup's path; ``restore_backup(backup, db)``; ``verify(file)``;
``newest_good_backup(db)``. Where backups go and their names: ``naming.py``; how many are kept:
``policy.py`` and ``rotation.py``.
"""

from __future__ import annotations

from .errors import BackupDiskFull, BackupError, BackupFolderReadOnly, BackupInvalid, NoBackup
from .make import make_backup
from .naming import BackupFile, default_folder, list_backups
from .policy import BackupPolicy
from .restore import RestoreResult, all_backups, newest_good_backup, restore_backup
from .rotation import kept, rotate
from .verify import is_valid, verify

__all__ = [
    "BackupDiskFull",
    "BackupError",
    "BackupFile",
    "BackupFolderReadOnly",
    "BackupInvalid",
    "BackupPolicy",
    "NoBackup",
    "RestoreResult",
    "all_backups",
    "default_folder",
    "is_valid",
    "kept",
    "list_backups",
    "make_backup",
    "newest_good_backup",
    "restore_backup",
    "rotate",
    "verify",
]
