"""The audit trail: who changed which record, when, and which fields from what to what.

Why triggers: every write the program makes — services, imports, merges, the geocoder's
backfill, any statement on ``Store.conn`` — ends in an INSERT, UPDATE or DELETE on a record
table, and a trigger runs inside that very statement. The audit row therefore commits and rolls
back with the change it records: a change without its audit row, or the reverse, cannot happen,
and no code path can forget to call a helper.

Why TEMP triggers, created on each read-write connection the program opens (see
``database.open_store``): the trigger needs the current user, which only this process knows,
and TEMP triggers may read a TEMP table (``temp.audit_session``: who, and whether an import or
merge is running) and call Python functions (the program's clock). Persistent triggers cannot
do either, and would make every other tool's writes fail. Tools outside the program (an sqlite3
shell) are therefore not audited: the trail is the program's, not a tamper-proof log.

Bookkeeping columns (times, pinyin keys, the needs stamp) are left out of the recorded fields:
they change on every save and say nothing to a reader.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import clock

# Record tables that are audited (visit_experts is a visit's list of experts, see below).
AUDITED = (
    "enterprises",
    "experts",
    "teams",
    "team_members",
    "appointments",
    "visits",
    "follow_ups",
    "cases",
    "targets",
)
ACTIONS = ("create", "update", "archive", "delete", "import", "merge")
_SKIPPED = {"id", "created_at", "updated_at", "name_pinyin", "name_initials", "needs_updated_at"}

_default_actor: str | None = None
_os_user: str | None = None


def os_user() -> str:
    """The operating system's user name ("" when the platform cannot tell), asked once per
    process: ``getpass.getuser`` reads the environment and then the passwd database at every
    call (35 µs), and a process's user does not change."""
    global _os_user
    if _os_user is None:
        try:
            _os_user = getpass.getuser()
        except Exception:  # no USERNAME/LOGNAME and no passwd entry
            _os_user = ""
    return _os_user


def set_default_actor(name: str | None) -> None:
    """Who writes in this process (the coordinator's name from the settings); None: the OS user.

    Applies at once to every open store (the triggers ask at each write) unless
    :func:`set_actor` fixed a store's own."""
    global _default_actor
    _default_actor = (name or "").strip() or None


def default_actor() -> str:
    return _default_actor or os_user() or "?"


def actor_from_settings() -> str:
    """The coordinator's name as the window saved it (its INI file; "" when none), for the
    command line, which does not load Qt. Same place as ``gui.settings.default_path``."""
    import configparser
    import os
    from pathlib import Path

    folder = os.environ.get("DISPATCH_APP_CONFIG")
    if not folder:
        from platformdirs import user_config_dir

        folder = user_config_dir("dispatch-app", appauthor=False)
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(Path(folder) / "dispatch-app.ini", encoding="utf-8")
        return parser.get("follow_ups", "closer_name", fallback="").strip()
    except (configparser.Error, OSError, UnicodeDecodeError):
        return ""


def install(conn: sqlite3.Connection, who: str | None = None) -> None:
    """Create this connection's session table and audit triggers (a read-write connection)."""
    conn.create_function("audit_now", 0, clock.now_iso)
    # Who, asked at each write: the settings' name may change while the database is open.
    conn.create_function("audit_who", 0, default_actor)
    # ``at`` and ``acting_who``: the time and the default actor of a running import or merge,
    # fixed when it starts (see ``acting``), so its triggers call no Python function per row.
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS audit_session"
        " (who TEXT NOT NULL, action TEXT NOT NULL DEFAULT '', at TEXT,"
        " per_record INTEGER NOT NULL, acting_who TEXT)"
    )
    conn.execute("DELETE FROM temp.audit_session")
    conn.execute(
        "INSERT INTO temp.audit_session (who, action, per_record) VALUES (?, '', 1)",
        (who or "",),
    )
    existing = {r[0] for r in conn.execute("SELECT name FROM temp.sqlite_master")}
    for table in AUDITED:
        cols = [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]
        if not cols:
            continue
        for name, sql in _trigger_sql(table, [c for c in cols if c not in _SKIPPED]).items():
            if name not in existing:
                conn.execute(sql)


def _pairs(prefix: str, cols: list[str]) -> str:
    return ", ".join(f"'{c}', {prefix}.{c}" for c in cols)


# An audit row's time and writer, from the session row ``s``: the running import's own
# (``acting``), else the clock and the default actor, called only then (``coalesce`` stops at
# its first non-NULL argument).
_WHEN_WHO = "coalesce(s.at, audit_now()), coalesce(nullif(s.who, ''), s.acting_who, audit_who())"


def _trigger_sql(table: str, cols: list[str]) -> dict[str, str]:
    """The three triggers of one table: whole record on create/delete, changed fields on update.

    One ``INSERT … SELECT … FROM temp.audit_session s`` per row reads the session once; during
    an import every row carries the import's own time (``s.at``) and actor (``s.acting_who``)
    instead of calling the clock and ``default_actor`` (``coalesce`` stops at its first
    non-NULL argument, so the functions are not called then).
    """
    insert = (
        "INSERT INTO audit_log (at, who, action, table_name, record_id, before, after)"
        f" SELECT {_WHEN_WHO},"
        " {action}, '{table}', {rid}, {before}, {after}"
        " FROM temp.audit_session s;"
    )
    on = "(SELECT per_record FROM temp.audit_session)"
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in cols)
    # Changed fields only: the old and new records as JSON, joined on the field name.
    diff = (
        "(SELECT json_group_object(o.key, {side}.value) FROM json_each(json_object({old})) o"
        " JOIN json_each(json_object({new})) n ON n.key = o.key"
        " WHERE o.value IS NOT n.value OR o.type IS NOT n.type)"
    )
    old, new = _pairs("old", cols), _pairs("new", cols)
    archive = (
        " WHEN old.archived_at IS NULL AND new.archived_at IS NOT NULL THEN 'archive'"
        if "archived_at" in cols
        else ""
    )
    bulk_or = "CASE WHEN s.action <> '' THEN s.action ELSE '{0}' END"
    return {
        f"audit_{table}_insert": (
            f"CREATE TEMP TRIGGER audit_{table}_insert AFTER INSERT ON main.{table}"
            f" WHEN {on} BEGIN "
            + insert.format(
                action=bulk_or.format("create"),
                table=table,
                rid="new.id",
                before="NULL",
                # An imported record's fields are in the file and in the record itself (later
                # updates keep their before values): its row only says it came in, which keeps
                # a 20k-row import's audit cost small (bench/bench_audit.py).
                after=f"CASE WHEN s.action = '' THEN json_object({new}) END",
            )
            + " END"
        ),
        f"audit_{table}_update": (
            f"CREATE TEMP TRIGGER audit_{table}_update AFTER UPDATE ON main.{table}"
            f" WHEN {on} AND ({changed}) BEGIN "
            + insert.format(
                action=f"CASE WHEN s.action <> '' THEN s.action{archive} ELSE 'update' END",
                table=table,
                rid="new.id",
                before=diff.format(side="o", old=old, new=new),
                after=diff.format(side="n", old=old, new=new),
            )
            + " END"
        ),
        f"audit_{table}_delete": (
            f"CREATE TEMP TRIGGER audit_{table}_delete AFTER DELETE ON main.{table}"
            f" WHEN {on} BEGIN "
            + insert.format(
                action=bulk_or.format("delete"),
                table=table,
                rid="old.id",
                before=f"json_object({old})",
                after="NULL",
            )
            + " END"
        ),
    }


def set_actor(conn: sqlite3.Connection, who: str) -> None:
    """Record this connection's writes as ``who`` ("": the process's default again)."""
    conn.execute("UPDATE temp.audit_session SET who = ?", (who.strip(),))


def pause(conn: sqlite3.Connection) -> None:
    """Stop recording on this connection (the demo generator's made-up records)."""
    if is_installed(conn):
        conn.execute("UPDATE temp.audit_session SET per_record = 0")


def is_installed(conn: sqlite3.Connection) -> bool:
    return bool(
        conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'audit_session'").fetchone()
    )


@contextlib.contextmanager
def acting(conn: sqlite3.Connection, action: str, *, per_record: bool = True) -> Iterator[None]:
    """Record the writes of the block as ``action`` ('import' or 'merge') instead of
    create/update/delete; ``per_record=False`` writes no per-record rows (only the caller's
    summary, see :func:`write_summary`). Nested blocks keep the outer action."""
    if action not in ACTIONS or not is_installed(conn):
        yield
        return
    before = conn.execute("SELECT action, per_record FROM temp.audit_session").fetchone()
    if before[0]:
        yield
        return
    conn.execute(
        "UPDATE temp.audit_session SET action = ?, at = ?, acting_who = ?,"
        " per_record = per_record AND ?",
        (action, clock.now_iso(), default_actor(), int(per_record)),
    )
    try:
        yield
    finally:
        # In a rolled-back transaction the session row rolled back too; reset either way.
        with contextlib.suppress(sqlite3.Error):
            conn.execute(
                "UPDATE temp.audit_session SET action = '', at = NULL, acting_who = NULL,"
                " per_record = ?",
                (before[1],),
            )


# Whether an import's or merge's new records get their audit rows from one statement after
# the insert (``BulkInserts``) rather than the insert trigger row by row; the rows are the
# same (tests switch this off to compare).
BULK_INSERTS = True


class BulkInserts:
    """The audit rows of a bulk insert into one table, written by one ``INSERT … SELECT``.

    Inside an import or merge (``acting``), an inserted record's row holds its table, id, the
    import's time, actor and action, and no fields. Between :meth:`begin` and :meth:`end` the
    triggers record nothing (only new rows of ``table`` may be written meanwhile); :meth:`end`
    then writes the same row for every record inserted since :meth:`begin`, in insertion
    (rowid) order, as the trigger would have: 100k visits' rows in ~0.5 s of SQLite instead
    of ~2 s of trigger programs. Outside an import, or without per-record rows, it does
    nothing.
    """

    def __init__(self, conn: sqlite3.Connection, table: str) -> None:
        self.conn = conn
        self.table = table
        self.after: int | None = None  # the table's last rowid at begin(); None: not active

    def begin(self) -> None:
        if not BULK_INSERTS or not is_installed(self.conn) or self.table not in AUDITED:
            return
        action, per_record = self.conn.execute(
            "SELECT action, per_record FROM temp.audit_session"
        ).fetchone()
        if not action or not per_record:
            return
        self.after = self.conn.execute(
            f"SELECT coalesce(max(rowid), 0) FROM main.{self.table}"
        ).fetchone()[0]
        self.conn.execute("UPDATE temp.audit_session SET per_record = 0")

    def end(self) -> None:
        if self.after is None:
            return
        after, self.after = self.after, None
        self.conn.execute("UPDATE temp.audit_session SET per_record = 1")
        self.conn.execute(
            "INSERT INTO main.audit_log (at, who, action, table_name, record_id, before, after)"
            f" SELECT {_WHEN_WHO}, s.action, ?, t.id,"
            f" NULL, NULL FROM main.{self.table} t, temp.audit_session s"
            " WHERE t.rowid > ? ORDER BY t.rowid",
            (self.table, after),
        )

    def cancel(self) -> None:
        """Leave without writing (the caller rolls the transaction back)."""
        if self.after is None:
            return
        self.after = None
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("UPDATE temp.audit_session SET per_record = 1")

    def __enter__(self) -> BulkInserts:
        self.begin()
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is None:
            self.end()
        else:
            self.cancel()


def write_change(
    conn: sqlite3.Connection, table: str, record_id: str, before: dict, after: dict
) -> None:
    """An update the triggers cannot see (a visit's experts live in another table)."""
    if not is_installed(conn):
        return
    conn.execute(
        "INSERT INTO main.audit_log (at, who, action, table_name, record_id, before, after)"
        " SELECT coalesce(s.at, ?), coalesce(nullif(s.who, ''), ?),"
        " CASE WHEN s.action <> '' THEN s.action ELSE 'update' END, ?, ?, ?, ?"
        " FROM temp.audit_session s WHERE s.per_record",
        (
            clock.now_iso(),
            default_actor(),
            table,
            record_id,
            json.dumps(before, ensure_ascii=False),
            json.dumps(after, ensure_ascii=False),
        ),
    )


def add_to_created(conn: sqlite3.Connection, table: str, record_id: str, fields: dict) -> None:
    """Add fields the insert trigger cannot see (a new visit's experts, written to another
    table after the visit row) to the record's create entry, in the same transaction.

    An imported record's entry holds no fields (see ``_trigger_sql``) and is left so."""
    if not is_installed(conn):
        return
    for name, value in fields.items():
        conn.execute(
            "UPDATE main.audit_log SET after = json_set(after, ?, json(?))"
            " WHERE id = (SELECT max(id) FROM main.audit_log WHERE record_id = ?)"
            " AND table_name = ? AND action = 'create' AND after IS NOT NULL",
            (f"$.{name}", json.dumps(value, ensure_ascii=False), record_id, table),
        )


def write_summary(
    conn: sqlite3.Connection, action: str, table: str, summary: dict[str, Any]
) -> None:
    """One row saying what a bulk operation did (inside its transaction)."""
    if not is_installed(conn):
        return
    conn.execute(
        "INSERT INTO main.audit_log (at, who, action, table_name, record_id, before, after)"
        " VALUES (?, coalesce(nullif((SELECT who FROM temp.audit_session), ''), ?), ?, ?,"
        " NULL, NULL, ?)",
        (clock.now_iso(), default_actor(), action, table, json.dumps(summary, ensure_ascii=False)),
    )


@dataclass(frozen=True)
class Entry:
    """One audit row, decoded."""

    id: int
    at: str
    who: str
    action: str
    table: str
    record_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def fields(self) -> list[str]:
        """The fields this entry names (changed, created or deleted), in a stable order."""
        return sorted({*(self.before or {}), *(self.after or {})})

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "who": self.who,
            "action": self.action,
            "table": self.table,
            "record_id": self.record_id,
            "before": self.before,
            "after": self.after,
        }


def _entry(row: sqlite3.Row | tuple) -> Entry:
    def load(text: str | None) -> dict[str, Any] | None:
        return None if text is None else json.loads(text)

    return Entry(row[0], row[1], row[2], row[3], row[4], row[5], load(row[6]), load(row[7]))


_SELECT = "SELECT id, at, who, action, table_name, record_id, before, after FROM audit_log"


# Rows that belong to a record shown on its page: a team's members, a visit's follow-ups.
CHILDREN = {"teams": ("team_members", "team_id"), "visits": ("follow_ups", "visit_id")}


def history(
    conn: sqlite3.Connection,
    record_id: str | None = None,
    *,
    limit: int | None = None,
    children: tuple[str, str] | None = None,
) -> list[Entry]:
    """A record's entries (or all), oldest first; ``limit`` keeps the newest ones.

    ``children`` (table, column): also the entries of that table's rows whose column names
    the record (a team's roster changes, a visit's follow-up items)."""
    where, params = ("WHERE record_id = ?", [record_id]) if record_id else ("", [])
    if record_id and children:
        # The rows that exist now through the index; deleted ones from the (few) delete rows
        # of that table, so a long trail is not parsed as JSON row by row.
        table, column = children
        where = (
            "WHERE id IN (SELECT id FROM audit_log WHERE record_id = ?"
            " UNION SELECT id FROM audit_log WHERE record_id IN"
            f" (SELECT id FROM main.{table} WHERE {column} = ?)"
            " UNION SELECT id FROM audit_log WHERE table_name = ? AND action = 'delete'"
            " AND json_extract(before, ?) = ?)"
        )
        params += [record_id, table, f"$.{column}", record_id]
    sql = f"SELECT * FROM ({_SELECT} {where} ORDER BY id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    sql += ") ORDER BY id"
    if not has_trail(conn):
        return []  # a file of an older schema opened read-only
    return [_entry(r) for r in conn.execute(sql, params)]


def has_trail(conn: sqlite3.Connection) -> bool:
    return bool(
        conn.execute("SELECT 1 FROM main.sqlite_master WHERE name = 'audit_log'").fetchone()
    )


def iter_all(conn: sqlite3.Connection) -> Iterator[Entry]:
    if not has_trail(conn):
        return
    for row in conn.execute(f"{_SELECT} ORDER BY id"):
        yield _entry(row)


def entries_where(conn: sqlite3.Connection, where: str, params: list) -> Iterator[Entry]:
    """The entries matching a condition on audit_log's columns, oldest first."""
    for row in conn.execute(f"{_SELECT} WHERE {where} ORDER BY id", params):
        yield _entry(row)
