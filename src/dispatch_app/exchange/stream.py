"""Writing new visits while the rest of the file is still being checked (two cores, one file).

A large visit import spends about as long in SQLite as in Python. SQLite releases the GIL while
it works, so a second thread can insert the rows already checked while the main thread checks
the next ones. Rows go in as multi-row ``INSERT … VALUES (…), (…), …`` statements (see
``insert_many``): one GIL release per statement instead of one per row, which would make the
two threads take turns (``executemany`` waits for the GIL after every row). Binding the
parameters directly is cheaper than a JSON array unpacked by ``json_each`` (a ``json.dumps``
under the GIL, and SQLite re-parsing each row's JSON once per column): the writer's work
fell from 1.8 s to 1.3 s for 100k visits.
Everything happens inside the import's one transaction: if the file turns out to be invalid
(or the user cancels), the transaction rolls back and nothing was written.

Only the writer thread touches the connection while it runs; anything else that must query
(``Existing.keys``) takes ``lock`` first.

For a big load (more new rows than are stored), the secondary indexes of ``visits`` and
``visit_experts`` are dropped at the start and rebuilt once at the end, inside the same
transaction: building an index from all rows at once is far cheaper than updating it per row.

While the writer runs, ``sys.setswitchinterval`` is lowered for the whole process (it is not
per thread): in the window, the GUI thread too switches more often for the seconds an import
takes, which costs it a little CPU and nothing else. ``start`` saves the interval and every way
out (``finish``, ``abort``, a failed ``start``) restores it; the importer calls ``abort`` for
any exception, so it acts as a ``finally``.
"""

from __future__ import annotations

import contextlib
import queue
import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence
from itertools import chain
from operator import attrgetter, itemgetter

from ..domain.records import Visit
from ..store import audit
from ..store.database import Store
from ..store.rows import columns
from .checks import Checked

CHUNK = 5000
# From this many new visits (and at least as many as are stored), rebuild indexes afterwards.
BULK_MIN = 20_000
_TABLES = ("visits", "visit_experts")


def visit_insert_sql() -> str:
    cols = columns(Visit)
    return f"INSERT INTO visits ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


# Parameters per statement stay under 32,766 (SQLite's default limit since 3.32; Python's own
# Windows builds keep it) and under the connection's own limit (999 in older SQLite):
# 2,048 visits of 14 columns, 8,192 participants of 2.
MAX_PARAMETERS = 32_000
MAX_ROWS = 8192
_VISITS = "visits"
_EXPERTS = "visit_experts"
# While the writer runs, the checking thread hands the GIL back sooner (default 5 ms): the
# writer waits for it after every statement. Measured: 0.2 s less for 100k visits.
SWITCH_INTERVAL = 0.0005


def insert_many(
    conn: sqlite3.Connection, table: str, names: Sequence[str], rows: Sequence[tuple]
) -> None:
    """Insert ``rows`` with a few multi-row statements.

    Statements hold a power of two of rows (the largest that fits, then the remainder split
    in halves), so a handful of statements are compiled once and come back from the
    connection's statement cache: compiling a big statement costs as much as running it.
    """
    width = len(names)
    most = min(MAX_PARAMETERS, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    per = MAX_ROWS
    while per > 1 and per * width > most:
        per //= 2
    one = "(" + ",".join("?" * width) + ")"
    head = f"INSERT INTO {table} ({', '.join(names)}) VALUES "
    start, total = 0, len(rows)
    while start < total:
        while per > total - start:
            per //= 2
        part = rows[start : start + per]
        conn.execute(head + ",".join([one] * per), list(chain.from_iterable(part)))
        start += per


_GET = attrgetter(*columns(Visit))
_ID = itemgetter(0)


def visit_rows(checked: list[Checked]) -> tuple[list[tuple], list[tuple[str, str]]]:
    rows = [_GET(c.record) for c in checked]
    experts = [
        (c.record.id, e)
        for c in checked
        for e in sorted(c.record.expert_ids)  # type: ignore[attr-defined]
    ]
    return rows, experts


@contextlib.contextmanager
def big_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """A 64 MiB page cache while a large import runs (the default 2 MiB thrashes on indexes)."""
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")


def drop_indexes(conn: sqlite3.Connection, tables: Sequence[str] = _TABLES) -> list[str]:
    """Drop the secondary indexes of ``tables`` (default: the visit tables); returns the
    statements to rebuild them. Unique constraints' own indexes stay (they have no SQL)."""
    marks = ",".join("?" * len(tables))
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) ORDER BY name",
        tuple(tables),
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in indexes]


class InsertStream:
    """New visits, inserted in chunks by a writer thread inside the current transaction."""

    def __init__(self, store: Store, *, bulk: bool) -> None:
        self.conn = store.conn
        self.bulk = bulk
        self.lock = threading.Lock()
        self._queue: queue.Queue = queue.Queue(maxsize=4)
        self._pending: list[Checked] = []
        self._error: BaseException | None = None
        self._rebuild: list[str] = []
        self._columns = columns(Visit)
        self._thread = threading.Thread(target=self._run, name="visit-writer", daemon=True)
        self._cache = big_cache(self.conn)
        self._stopped = False
        self._switch = sys.getswitchinterval()
        # The new visits' audit rows, written in one statement by finish() (not by the
        # trigger in the writer thread, row by row).
        self._audit = audit.BulkInserts(self.conn, _VISITS)

    def start(self) -> None:
        self._cache.__enter__()
        sys.setswitchinterval(min(self._switch, SWITCH_INTERVAL))
        try:
            self._audit.begin()
            if self.bulk:
                self._rebuild = drop_indexes(self.conn)
            self._thread.start()
        except BaseException:
            self._audit.cancel()
            self._stop()  # restore the cache size and the switch interval
            raise

    def add(self, checked: Checked) -> None:
        self._pending.append(checked)
        if len(self._pending) >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            rows, experts = visit_rows(self._pending)
            # In key order, each statement touches neighbouring pages of the primary-key
            # indexes (random ids otherwise): participants go in 20% faster.
            rows.sort(key=_ID)
            experts.sort()
            self._queue.put((rows, experts))
            self._pending = []

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self._error is not None:
                continue  # keep draining so the producer never blocks
            rows, experts = item
            try:
                # Binding holds the GIL briefly; each execute() then runs in C without it.
                with self.lock:
                    insert_many(self.conn, _VISITS, self._columns, rows)
                    insert_many(self.conn, _EXPERTS, ("visit_id", "expert_id"), experts)
            except BaseException as exc:  # re-raised in the main thread by finish()
                self._error = exc

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if not self._stopped:
            self._stopped = True
            sys.setswitchinterval(self._switch)
            self._cache.__exit__(None, None, None)

    def finish(self) -> None:
        """Write what is left, wait for the writer, rebuild the indexes; raise its error."""
        self._flush()
        self._stop()
        if self._error is not None:
            self._audit.cancel()
            raise self._error
        for sql in self._rebuild:
            self.conn.execute(sql)
        self._audit.end()

    def abort(self) -> None:
        """Stop the writer (the caller rolls the transaction back)."""
        self._pending = []
        self._stop()
        self._audit.cancel()
