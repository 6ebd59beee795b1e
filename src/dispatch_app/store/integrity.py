"""Is this file whole? The checks run on open (quick), by ``check`` (full) and on every backup.

``quick_check`` reads every page and catches a damaged file (a torn write, a bad sector, a copy
cut short) in about 0.1–0.7 s on the 100k-visit database; the full ``integrity_check`` also
cross-checks every index and takes about ten times as long, so it is left to ``dispatch-app
check`` and the Help menu. Our own schema checks (application id, schema version, the tables
every version has) tell a file that SQLite calls whole but that is not a usable database of ours.

The checks use a read-only connection: a damaged file is never written, not even upgraded.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .errors import DatabaseLocked, StoreError
from .schema import APPLICATION_ID, SCHEMA_VERSION

# Tables every schema version has had since the first migration.
REQUIRED_TABLES = (
    "districts",
    "towns",
    "enterprises",
    "experts",
    "teams",
    "team_members",
    "appointments",
    "visits",
    "visit_experts",
    "follow_ups",
    "cases",
    "targets",
    "settings",
)


class DatabaseDamaged(StoreError):
    """The database fails ``quick_check``: it is not written to (nor upgraded)."""

    def __init__(self, path: Path | str, details: list[str]) -> None:
        shown = "; ".join(details[:3]) or "?"
        super().__init__(
            path,
            f"数据库文件已损坏（{shown}）。为避免进一步损失，本程序不会写入该文件。"
            "可以从最近一次完好的备份恢复；损坏的文件会原样保留在旁边。",
            f"The database file is damaged ({shown}). To avoid further loss the program will "
            "not write to it. You can restore the newest good backup; the damaged file is "
            "kept aside unchanged.",
        )
        self.details = details


@dataclass(frozen=True)
class Problem:
    """One reason a file is not a whole database of ours."""

    zh: str
    en: str


def read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    conn.execute("PRAGMA query_only = ON")
    return conn


def _is_lock(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's page-level check; ``[]`` when whole (a malformed file reports as a problem).

    A file another program holds locked is not damaged: that error is raised, not reported.
    """
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(20)").fetchall()]
    except sqlite3.DatabaseError as exc:
        if _is_lock(exc):
            raise
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def schema_problems(conn: sqlite3.Connection) -> list[Problem]:
    """Our checks: the application id, a schema version we can read, the required tables."""
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0]) & 0xFFFFFFFF
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        return [Problem(f"无法读取：{exc}", f"unreadable: {exc}")]
    problems = []
    if app_id != APPLICATION_ID:
        problems.append(Problem("不是本程序的数据库", "not a dispatch-app database"))
    if version < 1:
        problems.append(Problem("没有数据库结构", "no schema"))
    elif version > SCHEMA_VERSION:
        problems.append(
            Problem(
                f"结构版本 {version} 比本程序支持的 {SCHEMA_VERSION} 新",
                f"schema {version} is newer than the supported {SCHEMA_VERSION}",
            )
        )
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        problems.append(
            Problem(f"缺少数据表 {', '.join(missing)}", f"missing tables {', '.join(missing)}")
        )
    return problems


def check_on_open(path: Path) -> None:
    """Raise :class:`DatabaseDamaged` when ``quick_check`` fails; an empty new file passes.

    A file with a hot journal is not judged: its half-written pages are what the journal
    undoes, which the opening does next (under the writer lock); a read-only connection cannot.
    """
    from .database import preflight
    from .recovery import has_hot_journal

    if not path.exists() or path.stat().st_size == 0 or has_hot_journal(path):
        return
    preflight(path, create=False)  # not ours, not a database, newer: refused as such first
    try:
        conn = read_only(path)
    except sqlite3.Error:
        return  # cannot even open: the normal open path says why
    try:
        problems = quick_check(conn)
    except sqlite3.Error as exc:
        raise DatabaseLocked(path) from exc
    finally:
        conn.close()
    if problems:
        raise DatabaseDamaged(path, problems)


def foreign_key_problems(path: Path, limit: int = 100) -> list[dict]:
    """Rows whose parent record is missing (``PRAGMA foreign_key_check``), at most ``limit``."""
    conn = read_only(path)
    try:
        rows = conn.execute("PRAGMA foreign_key_check").fetchmany(limit)
    finally:
        conn.close()
    return [{"table": r[0], "rowid": r[1], "parent": r[2]} for r in rows]


class DeferredCheck:
    """The opening ``quick_check`` of a window's database, run after its first paint.

    Why: on the 100k-visit file the check reads every page (~0.15 s, seconds at 1M visits),
    the largest single cost of opening the window. Reading a damaged file cannot damage it
    further, but writing to one can, so the check moves from before the first read to before
    the first write: :meth:`require_whole` is called by every ``Store.atomic`` block and runs
    the check itself, or waits for the worker already running it. Only an up-to-date schema
    is deferred: an upgrade writes, so an older file is checked before it is opened.
    """

    def __init__(self, path: Path) -> None:
        import threading

        self.path = path
        self._lock = threading.Lock()
        self._done = False
        self.damage: DatabaseDamaged | None = None

    @property
    def done(self) -> bool:
        return self._done

    def run(self) -> DatabaseDamaged | None:
        """Run the check once (whichever thread comes first; the others wait for its verdict).

        A file another program holds locked cannot be judged now: DatabaseLocked is raised and
        the next call tries again.
        """
        with self._lock:
            if not self._done:
                try:
                    check_on_open(self.path)
                except DatabaseDamaged as exc:
                    self.damage = exc
                self._done = True
            return self.damage

    def require_whole(self) -> None:
        """Raise :class:`DatabaseDamaged` (before a write) when the file failed the check."""
        if self._done and self.damage is None:
            return
        damage = self.run()
        if damage is not None:
            raise damage
