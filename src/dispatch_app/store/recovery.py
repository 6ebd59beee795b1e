"""Hot journals: a write that was cut off (power cut, killed process) and must be undone.

With a rollback journal, a write in progress keeps the original pages in ``<db>-journal``. If
the process dies mid-write, the journal stays beside the file and the file itself may hold half
of the new pages. SQLite undoes this the next time a *read-write* connection reads the file; a
read-only connection cannot, and fails with "attempt to write a readonly database", which used
to reach the user as "this location cannot be written" — false, and the wrong advice after a
power cut.

So before any connection reads the file we look for a journal that SQLite would call hot (it
exists, is not empty and starts with the journal magic) and, if there is one, open the file
read-write just long enough to read its first page: SQLite then takes the exclusive lock itself,
plays the journal back and deletes it. A journal that belongs to a live writer is not hot (that
writer holds the RESERVED lock; SQLite leaves it alone) and stays where it is. Where the folder
really is read-only the rollback cannot happen, and the user is told to copy the database *and
its journal* to a writable folder (copying the ``.db`` alone would keep the half-written pages).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .errors import DatabaseLocked, HotJournalReadOnly, StoreError

# The first 8 bytes of a rollback journal's header (a zeroed header means "not hot").
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


@dataclass(frozen=True)
class Notice:
    """Something the user should know about the file just opened (not an error)."""

    code: str
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


ROLLED_BACK = Notice(
    "rolled_back",
    "上次写入被中断（断电或程序被强行结束），未完成的修改已撤销，数据库恢复到中断前的状态。",
    "An interrupted write (power cut or killed program) was undone; the database is as it was "
    "before that write.",
)


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def has_hot_journal(path: Path) -> bool:
    """A journal SQLite would roll back: present, non-empty, with a valid header."""
    journal = journal_path(path)
    try:
        with journal.open("rb") as fh:
            head = fh.read(8)
    except (FileNotFoundError, IsADirectoryError):
        return False
    except PermissionError:
        return True  # cannot even read it: treat as hot, the rollback attempt will say why
    return head == JOURNAL_MAGIC


def roll_back_hot_journal(path: Path) -> Notice | None:
    """Undo an interrupted write, if one was left; ``ROLLED_BACK`` when something was undone.

    Raises :class:`HotJournalReadOnly` when the folder (or file) cannot be written, and
    :class:`DatabaseLocked` when another writer holds the file for longer than the timeout.
    """
    if not has_hot_journal(path):
        return None
    try:
        conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
    except sqlite3.Error as exc:
        raise HotJournalReadOnly(path) from exc
    try:
        # The first read takes the shared lock, which is when SQLite plays a hot journal back
        # (under an exclusive lock of its own); a live writer's journal is left alone.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseLocked(path) from exc
        raise HotJournalReadOnly(path) from exc
    finally:
        conn.close()
    if has_hot_journal(path):
        # Still there: a live writer owns it (SQLite did not call it hot). Nothing was undone.
        return None
    return ROLLED_BACK


__all__ = [
    "JOURNAL_MAGIC",
    "ROLLED_BACK",
    "Notice",
    "StoreError",
    "has_hot_journal",
    "journal_path",
    "roll_back_hot_journal",
]
