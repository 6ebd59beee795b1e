"""Errors a user can act on when a database cannot be opened or written, in both languages."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base: ``zh``/``en`` say what happened and what to do."""

    def __init__(self, path: Path | str, zh: str, en: str) -> None:
        super().__init__(f"{path}: {zh} / {en}")
        self.path = str(path)
        self.zh = zh
        self.en = en

    def message(self, lang: str = "zh") -> str:
        return f"{self.path}\n{self.en if lang == 'en' else self.zh}"


class DatabaseMissing(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "文件不存在。请检查路径，或用“新建数据库”创建一个。",
            "The file does not exist. Check the path, or create a new database.",
        )


class NotADatabase(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "这不是一个数据库文件（可能是表格、文档或已损坏的文件）。文件未被改动。",
            "This is not a database file (a spreadsheet, a document or a damaged file). "
            "The file was not changed.",
        )


class ForeignDatabase(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "这是其他程序的 SQLite 数据库，不是本程序的数据库。文件未被改动。",
            "This is another program's SQLite database, not a dispatch-app database. "
            "The file was not changed.",
        )


class NewerSchema(StoreError):
    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        super().__init__(
            path,
            f"该数据库由更新版本的程序写入（结构版本 {found}，本程序支持到 {supported}）。"
            "请升级本程序后再打开。文件未被改动。",
            f"This database was written by a newer version of the program (schema {found}, "
            f"this version supports up to {supported}). Upgrade the program to open it. "
            "The file was not changed.",
        )
        self.found = found
        self.supported = supported


class DatabaseLocked(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "数据库正被另一个程序或窗口使用。请关闭它后重试。",
            "The database is in use by another program or window. Close it and try again.",
        )


class DiskFull(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "磁盘空间不足，写入未完成，已撤销本次修改。请清理磁盘后重试。",
            "The disk is full; the write was undone. Free some space and try again.",
        )


class ReadOnlyLocation(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "无法写入该位置（只读或无权限）。请把数据库复制到可写的文件夹。",
            "This location cannot be written (read-only or no permission). "
            "Copy the database to a writable folder.",
        )


class HotJournalReadOnly(StoreError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "上次写入被中断（断电或程序被强行结束），需要撤销未完成的修改，但该位置无法写入。"
            "请把数据库文件和旁边同名的 -journal 文件一起复制到可写的文件夹，再打开复制件"
            "（只复制数据库文件会丢失撤销所需的内容）。文件未被改动。",
            "A write was interrupted (power cut or killed program) and must be undone, but this "
            "location cannot be written. Copy the database together with the -journal file "
            "beside it to a writable folder and open the copy (the database alone would keep "
            "the half-written pages). The file was not changed.",
        )


class DamagedDatabase(NotADatabase):
    """Our database whose pages SQLite finds malformed (truncated copy, bad sector, bit flip)."""

    def __init__(self, path: Path | str) -> None:
        StoreError.__init__(
            self,
            path,
            "数据库文件已损坏（可能是复制不完整、U 盘拔出过早或磁盘故障），无法读取。"
            "文件未被改动。请用备份恢复，或用 dispatch-app check 查看详情。",
            "The database file is damaged (an incomplete copy, a USB stick pulled out too early "
            "or a disk fault) and cannot be read. The file was not changed. Restore a backup, "
            "or run dispatch-app check for details.",
        )
