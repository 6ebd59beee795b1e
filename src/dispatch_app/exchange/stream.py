"""Writing new visits while the rest of the file is still being checked (two cores, one file).

A large visit import spends about as long in SQLite as in Python. SQLite releases the GIL while
it works, so a second thread can insert the rows already checked while the main thread checks
the next ones. Each chunk goes in as one statement over a JSON array (``json_each``): one
GIL release per chunk instead of one per row, which would make the two threads take turns.
Everything happens inside the import's one transaction: if the file turns out to be invalid
(or the user cancels), the transaction rolls back and nothing was written.

Only the writer thread touches the connection while it runs; anything else that must query
(``Existing.keys``) takes ``lock`` first.

For a big load (more new rows than are stored), the secondary indexes of ``visits`` and
``visit_experts`` are dropped at the start and rebuilt once at the end, inside the same
transaction: building an index from all rows at once is far cheaper than updating it per row.
"""

from __future__ import annotations

import contextlib
import json
import queue
import sqlite3
import threading
from collections.abc import Iterator
from operator import attrgetter

from ..domain.records import Visit
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


def _json_insert_sql() -> str:
    """One statement per chunk: SQLite unpacks a JSON array of rows without the GIL."""
    cols = columns(Visit)
    values = ", ".join(f"value ->> {i}" for i in range(len(cols)))
    return f"INSERT INTO visits ({', '.join(cols)}) SELECT {values} FROM json_each(?)"


_JSON_EXPERTS = (
    "INSERT INTO visit_experts (visit_id, expert_id) SELECT value ->> 0, value ->> 1"
    " FROM json_each(?)"
)


_GET = attrgetter(*columns(Visit))


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


def drop_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the secondary indexes of the visit tables; returns the statements to rebuild them."""
    marks = ",".join("?" * len(_TABLES))
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) ORDER BY name",
        _TABLES,
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
        self._sql = _json_insert_sql()
        self._thread = threading.Thread(target=self._run, name="visit-writer", daemon=True)
        self._cache = big_cache(self.conn)
        self._stopped = False

    def start(self) -> None:
        self._cache.__enter__()
        if self.bulk:
            self._rebuild = drop_indexes(self.conn)
        self._thread.start()

    def add(self, checked: Checked) -> None:
        self._pending.append(checked)
        if len(self._pending) >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._queue.put(visit_rows(self._pending))
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
                # json.dumps holds the GIL briefly; each execute() then runs in C without it,
                # where executemany() would take and drop the GIL for every row.
                rows_json = json.dumps(rows, ensure_ascii=False)
                experts_json = json.dumps(experts, ensure_ascii=False)
                with self.lock:
                    self.conn.execute(self._sql, (rows_json,))
                    self.conn.execute(_JSON_EXPERTS, (experts_json,))
            except BaseException as exc:  # re-raised in the main thread by finish()
                self._error = exc

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if not self._stopped:
            self._stopped = True
            self._cache.__exit__(None, None, None)

    def finish(self) -> None:
        """Write what is left, wait for the writer, rebuild the indexes; raise its error."""
        self._flush()
        self._stop()
        if self._error is not None:
            raise self._error
        for sql in self._rebuild:
            self.conn.execute(sql)

    def abort(self) -> None:
        """Stop the writer (the caller rolls the transaction back)."""
        self._pending = []
        self._stop()
