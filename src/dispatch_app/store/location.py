"""A database in a network or cloud-sync folder: warn, because such folders lose writes.

SQLite's locking is unreliable over network file systems (SMB/NFS), and sync clients (OneDrive,
Dropbox, 坚果云, 百度网盘...) upload a file while it is being written and may bring back an
older copy or a conflicted duplicate. The program still opens the file; the user is told once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

from .recovery import Notice

# Folder names the common sync clients create (matched case-insensitively, as a whole part).
SYNC_FOLDER_NAMES = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "icloud drive",
    "iclouddrive",
    "icloud~",
    "nutstore",
    "我的坚果云",
    "坚果云",
    "baidunetdisk",
    "baidusyncdisk",
    "百度网盘",
    "百度云同步盘",
    "wps云盘",
    "wpsdrive",
    "seafile",
    "nextcloud",
    "owncloud",
)
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs", "davfs"}


def sync_service(path: Path | str) -> str | None:
    """The sync client whose folder holds ``path`` (by folder name), else None."""
    for part in PureWindowsPath(str(path)).parts if "\\" in str(path) else Path(path).parts:
        low = part.lower()
        for name in SYNC_FOLDER_NAMES:
            if low == name or low.startswith(name + " ") or low.startswith(name + "-"):
                return part
    return None


def is_network_path(path: Path | str) -> bool:
    """A UNC path, a mapped network drive (Windows) or a network mount (Linux)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        return _windows_remote_drive(text)
    return _linux_network_mount(Path(text))


def _windows_remote_drive(text: str) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(text))[0]
    if not drive:
        return False
    drive_remote = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote


def _linux_network_mount(path: Path) -> bool:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
        target = str(path.resolve())
    except OSError:
        return False
    best, best_fs = "", ""
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) > len(
            best
        ):
            best, best_fs = point, fields[2]
    return best_fs in _NETWORK_FS


def location_notice(path: Path | str) -> Notice | None:
    """The warning to show for a database in a network or cloud-sync folder, else None."""
    service = sync_service(path)
    if service is not None:
        return Notice(
            "sync_folder",
            f"该数据库位于云同步文件夹（{service}）中。同步程序可能在写入过程中上传文件，"
            "或用旧版本覆盖它，造成数据丢失。建议把数据库放在本机文件夹中，用备份功能保存副本。",
            f"This database is in a cloud-sync folder ({service}). The sync program may upload "
            "the file mid-write or bring back an older copy, losing data. Keep the database in "
            "a local folder and use backups for copies.",
        )
    if is_network_path(path):
        return Notice(
            "network_folder",
            "该数据库位于网络文件夹中。网络文件夹上的数据库容易在断网或多人同时使用时损坏。"
            "建议把数据库放在本机文件夹中。",
            "This database is in a network folder. A database on a network folder is easily "
            "damaged when the connection drops or several people use it at once. Keep the "
            "database in a local folder.",
        )
    return None
