"""What a failed file write means to a coordinator, in both languages (no Qt, no SQL).

``OSError`` texts come from the system in English ("No space left on device") and name no
remedy; exports, reports and bundles say instead what happened, to which file, that a file
already at the path was left as it was (they write a temporary file and rename it), and what
to do.
"""

from __future__ import annotations

import errno
from pathlib import Path

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def describe_write_error(exc: OSError, target: str | Path) -> tuple[str, str]:
    """``(zh, en)`` for ``exc`` raised while writing ``target``."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    code = exc.errno
    if code in _FULL:
        return (
            f"磁盘空间不足，{target} 未能写完，未生成文件；原有同名文件保持不变。"
            "请清理磁盘或换一个位置后重试。",
            f"The disk is full: {target} could not be written and nothing was saved; a file "
            "already there is unchanged. Free some space or choose another place and try again.",
        )
    if code in _READ_ONLY or isinstance(exc, PermissionError):
        return (
            f"文件夹 {folder} 是只读的或没有写入权限（例如写保护的 U 盘），{target} 未写入；"
            "原有同名文件保持不变。请换一个文件夹。",
            f"The folder {folder} is read-only or not writable (a write-protected USB stick, "
            f"for example); {target} was not written and a file already there is unchanged. "
            "Choose another folder.",
        )
    if code == errno.EIO:
        return (
            f"写入 {target} 时磁盘出错（U 盘是否已拔出？），未生成文件；原有同名文件保持不变。",
            f"A disk error while writing {target} (was a USB stick pulled out?); nothing was "
            "saved and a file already there is unchanged.",
        )
    reason = exc.strerror or str(exc)
    return (
        f"无法写入 {target}（{reason}），未生成文件；原有同名文件保持不变。",
        f"Cannot write {target} ({reason}); nothing was saved and a file already there is "
        "unchanged.",
    )


__all__ = ["describe_write_error"]
