"""The database gateway: the one place that opens a file, sets pragmas and runs migrations.

Journal mode: coordinators copy ``.db`` files between PCs and USB sticks, so the file must be
self-contained whenever no write is under way. WAL would leave committed data in a ``-wal``
side file that a copy can miss; a rollback journal (``DELETE``) with ``synchronous=FULL``
keeps everything committed inside the one ``.db`` file, at the cost of slower commits, which
we avoid by batching writes in ``atomic()`` blocks.

Refusals happen before SQLite touches the file: the 100-byte header is read directly, so a
newer version's file, another program's database, or a non-database stays byte-identical.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import (
    DamagedDatabase,
    DatabaseLocked,
    DatabaseMissing,
    DiskFull,
    ForeignDatabase,
    HotJournalReadOnly,
    NewerSchema,
    NotADatabase,
    ReadOnlyLocation,
    StoreError,
)
from .recovery import Notice, has_hot_journal, roll_back_hot_journal
from .schema import APPLICATION_ID, SCHEMA_VERSION, build_migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

_MAGIC = b"SQLite format 3\x00"

# Where notices go as they happen (the command line prints them on stderr); they are also kept
# on ``Store.notices`` for the window to show.
_notice_sink: Callable[[Notice], None] | None = None


def set_notice_sink(sink: Callable[[Notice], None] | None) -> None:
    global _notice_sink
    _notice_sink = sink


@dataclass(frozen=True)
class HeaderInfo:
    """What the first 100 bytes say (``None`` for an empty or absent file)."""

    application_id: int
    user_version: int
    page_count: int


def read_header(path: Path) -> HeaderInfo | None:
    """Read the SQLite header without opening the file through SQLite."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        return None
    except PermissionError as exc:
        raise ReadOnlyLocation(path) from exc
    except IsADirectoryError as exc:
        raise NotADatabase(path) from exc
    if not header:
        return None
    if len(header) < 100 or header[:16] != _MAGIC:
        raise NotADatabase(path)
    (page_count,) = struct.unpack(">I", header[28:32])
    (user_version,) = struct.unpack(">I", header[60:64])
    (application_id,) = struct.unpack(">i", header[68:72])
    return HeaderInfo(application_id & 0xFFFFFFFF, user_version, page_count)


def preflight(path: Path, *, create: bool) -> None:
    """Refuse a file we must not open, before anything is written."""
    if not path.exists() and not create:
        raise DatabaseMissing(path)
    info = read_header(path)
    if info is None:
        return
    if info.application_id != APPLICATION_ID and (
        info.application_id != 0 or not _is_empty_sqlite(path)
    ):
        raise ForeignDatabase(path)
    if info.user_version > SCHEMA_VERSION:
        raise NewerSchema(path, info.user_version, SCHEMA_VERSION)


def _is_empty_sqlite(path: Path) -> bool:
    """An SQLite file with no tables (e.g. made by ``sqlite3 x.db 'VACUUM'``) may become ours."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def translate_error(path: Path, exc: sqlite3.Error) -> StoreError | None:
    """Map an SQLite error to one the user can act on (None: a programming error)."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(path)
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(path)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return ReadOnlyLocation(path)
    if "malformed" in text or "corrupt" in text:
        return DamagedDatabase(path)
    if "not a database" in text:
        return NotADatabase(path)
    return None


class Store:
    """An open database. Services receive a Store; nothing else opens the file."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, notices: list[Notice] | None = None
    ) -> None:
        self.path = path
        self.conn = conn
        self._closed = False
        # What the user should be told about this file (an interrupted write undone...).
        self.notices: list[Notice] = list(notices or [])
        # Set by ``writer_lock.open_locked`` / ``open_read_only``: called before every write
        # (refuses when the session is read-only or its lock was taken over); released on close.
        self.write_guard: Callable[[], None] | None = None
        self.writer_lock: Any = None
        # The opening quick_check when it was deferred past the first paint (integrity.py):
        # every write first makes sure it ran and passed.
        self.deferred_check: Any = None

    @property
    def db(self) -> Database:
        """The same connection through sqlite-utils (imported on first use only)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing write; nested blocks become savepoints. Errors come back typed.

        The same protocol as sqlite-utils' ``Database.atomic()`` (BEGIN, or a SAVEPOINT when
        a transaction is open), kept here so that start-up need not import sqlite-utils.
        """
        conn = self.conn
        if self.deferred_check is not None:
            self.deferred_check.require_whole()
        if self.write_guard is not None:
            self.write_guard()
        try:
            if conn.in_transaction:
                name = f"sp_{os.urandom(8).hex()}"
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield conn
                except BaseException:
                    if conn.in_transaction:
                        conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                        conn.execute(f"RELEASE SAVEPOINT {name}")
                    raise
                conn.execute(f"RELEASE SAVEPOINT {name}")
            else:
                conn.execute("BEGIN")
                try:
                    yield conn
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                try:
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
        except sqlite3.DatabaseError as exc:  # OperationalError, or a damaged page met
            typed = translate_error(self.path, exc)
            if typed is not None:
                raise typed from exc
            raise

    def query(self, sql: str, params: tuple | list | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: tuple | list | dict = ()) -> object:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @property
    def schema_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        with self.atomic():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def roll_back_open_transaction(self) -> bool:
        """Undo a transaction an unexpected error left open (True if there was one)."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
            return True
        return False

    @property
    def closed(self) -> bool:
        """True once closed: a widget's deferred refresh may still hold the store then."""
        return self._closed

    def close(self) -> None:
        self._closed = True
        self.conn.close()
        if self.writer_lock is not None:
            self.writer_lock.release()
            self.writer_lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    # No implicit transactions: every write is an explicit atomic() block, and a stray
    # statement outside one commits at once instead of holding a hidden transaction open.
    conn.isolation_level = None
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def open_store(
    path: str | Path,
    *,
    create: bool = False,
    readonly: bool = False,
    verify: bool = False,
    defer_check: bool = False,
) -> Store:
    """Open (and with ``create`` make) a database, upgrading its schema if it is older.

    ``verify`` (writers): ``quick_check`` first, so a damaged file is refused before any
    write or upgrade (:class:`~.integrity.DatabaseDamaged`); a network or cloud-sync folder
    adds a notice. ``defer_check`` (the window): a file whose schema is current is opened at
    once and checked before its first write instead (``Store.deferred_check``), so the check
    no longer delays the first paint; the window runs it right after that paint.

    ``check_same_thread=False``: the GUI hands the store to one worker thread at a time;
    the single-writer discipline is the caller's (one write worker), not SQLite's.
    """
    path = Path(path)
    preflight(path, create=create and not readonly)
    notices: list[Notice] = []
    # Before any connection reads the file: a read-only one cannot undo an interrupted write.
    rolled_back = roll_back_hot_journal(path)
    if rolled_back is not None:
        notices.append(rolled_back)
        if _notice_sink is not None:
            _notice_sink(rolled_back)
    deferred = None
    if verify:
        from .integrity import DeferredCheck, check_on_open
        from .location import location_notice

        header = read_header(path) if defer_check and rolled_back is None else None
        if header is not None and header.user_version == SCHEMA_VERSION:
            deferred = DeferredCheck(path)
        else:
            check_on_open(path)
        notices += [n for n in [location_notice(path)] if n is not None]
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path, readonly=readonly)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if readonly and version == 0:
            raise NotADatabase(path)
        if not readonly and version < SCHEMA_VERSION:
            from sqlite_utils import Database

            build_migrations().apply(Database(conn, execute_plugins=False))
        if not readonly:
            from . import audit

            audit.install(conn)  # the audit trail's triggers, on this connection only
    except BaseException as exc:
        # Never leave the file open after a refusal or a failed upgrade (Windows keeps it
        # locked otherwise); a failed migration was rolled back by its own transaction.
        if conn is not None:
            conn.close()
        if isinstance(exc, sqlite3.Error):
            typed = translate_error(path, exc)
            if isinstance(typed, ReadOnlyLocation) and has_hot_journal(path):
                typed = HotJournalReadOnly(path)  # a journal left since our check
            if typed is not None:
                raise typed from exc
        raise
    store = Store(path, conn, notices)
    store.deferred_check = deferred
    return store
