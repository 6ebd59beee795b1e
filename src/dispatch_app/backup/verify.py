"""A backup is only a backup once it has been read back: header, size, quick_check, schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..store.database import read_header
from ..store.errors import StoreError
from ..store.integrity import quick_check, read_only, schema_problems
from .errors import BackupInvalid


def verify(path: Path) -> None:
    """Raise :class:`BackupInvalid` unless ``path`` is a whole, usable database of ours.

    Reads only (a read-only connection): a file that fails stays byte-identical.
    """
    try:
        info = read_header(path)
    except StoreError:
        raise BackupInvalid(path, "不是数据库文件", "not a database file") from None
    if info is None:
        raise BackupInvalid(path, "文件为空或不存在", "empty or missing file")
    with path.open("rb") as fh:
        head = fh.read(100)
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    size = path.stat().st_size
    if page_size < 512 or size != info.page_count * page_size:
        raise BackupInvalid(
            path,
            f"文件长度 {size} 字节与头部记录的 {info.page_count} 页不符（文件不完整）",
            f"{size} bytes do not match the {info.page_count} pages in the header "
            "(the file is incomplete)",
        )
    try:
        conn = read_only(path)
    except sqlite3.Error as exc:
        raise BackupInvalid(path, f"无法打开：{exc}", f"cannot be opened: {exc}") from None
    try:
        damage = quick_check(conn)
        if damage:
            shown = "; ".join(damage[:3])
            raise BackupInvalid(path, f"完整性检查失败：{shown}", f"quick_check failed: {shown}")
        problems = schema_problems(conn)
        if problems:
            raise BackupInvalid(
                path, "；".join(p.zh for p in problems), "; ".join(p.en for p in problems)
            )
    finally:
        conn.close()


def is_valid(path: Path) -> bool:
    try:
        verify(path)
    except BackupInvalid:
        return False
    return True
