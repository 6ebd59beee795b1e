"""Why a backup or a restore did not happen, in both languages (and what is left untouched)."""

from __future__ import annotations

from pathlib import Path

from ..store.errors import StoreError


class BackupError(StoreError):
    """Base of the backup package's refusals; ``path`` names the file or folder concerned."""


class BackupFolderReadOnly(BackupError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "无法在该文件夹中写入备份（只读或无权限）。请选择可写的备份文件夹。已有的备份和数据库均未改动。",
            "A backup cannot be written in this folder (read-only or no permission). "
            "Choose a writable backup folder. Existing backups and the database are unchanged.",
        )


class BackupDiskFull(BackupError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "磁盘空间不足，备份未完成，未完成的备份已删除。请清理磁盘或换一个备份文件夹。"
            "已有的备份和数据库均未改动。",
            "The disk is full; the backup was not completed and its partial file was removed. "
            "Free some space or choose another backup folder. Existing backups and the "
            "database are unchanged.",
        )


class BackupInvalid(BackupError):
    """A backup file that fails verification: it is never restored (nor kept, if just made)."""

    def __init__(self, path: Path | str, reason_zh: str, reason_en: str) -> None:
        super().__init__(
            path,
            f"该备份文件未通过校验（{reason_zh}），不能用于恢复。文件未被改动。",
            f"This backup file failed verification ({reason_en}) and cannot be restored. "
            "The file was not changed.",
        )
        self.reason_zh = reason_zh
        self.reason_en = reason_en


class NoBackup(BackupError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "没有找到可用的备份。",
            "No usable backup was found.",
        )
