"""What the database already holds, for matching imported rows and comparing their content.

Matching uses two dictionaries per kind (record id → updated_at, natural key → id) loaded with
one query each. Content comparison fetches only the matched records, in chunks.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from ..domain.records import Record
from ..store.database import Store
from ..store.rows import TABLES, columns, to_row

# Columns a comparison ignores: bookkeeping, and values derived from others.
_IGNORED = {"created_at", "updated_at", "name_pinyin", "name_initials"}

_KEY_SQL = {
    "enterprises": "SELECT uscc, id FROM enterprises",
    "experts": "SELECT name, institution, id FROM experts",
    "teams": "SELECT name, id FROM teams",
    "appointments": "SELECT expert_id, enterprise_id, start_date, id FROM appointments ORDER BY id",
    "visits": "SELECT v.enterprise_id, v.visit_date, coalesce(v.team_id, ''),"
    " coalesce((SELECT group_concat(expert_id, '、') FROM (SELECT expert_id FROM visit_experts"
    " WHERE visit_id = v.id ORDER BY expert_id)), ''), v.visit_type, v.id FROM visits v"
    " ORDER BY v.id",
    "follow_ups": "SELECT visit_id, description, id FROM follow_ups ORDER BY id",
    "cases": "SELECT enterprise_id, title, id FROM cases ORDER BY id",
}


class Existing:
    """Ids and natural keys of one kind's records in the database."""

    def __init__(self, store: Store, kind: str, table: str) -> None:
        self.store = store
        self.kind = kind
        self.table = table
        self.updated: dict[str, str] = dict(
            store.conn.execute(f"SELECT id, updated_at FROM {table}").fetchall()
        )
        self._keys: dict[tuple, str] | None = None
        # Held while querying: a writer thread may be using the connection (see stream.py).
        self.lock: contextlib.AbstractContextManager = contextlib.nullcontext()

    @property
    def keys(self) -> dict[tuple, str]:
        if self._keys is None:
            keys: dict[tuple, str] = {}
            with self.lock:
                found = self.store.conn.execute(_KEY_SQL[self.kind]).fetchall()
            for row in found:
                *key, record_id = tuple(row)
                keys.setdefault(tuple(key), record_id)
            self._keys = keys
        return self._keys

    def add(self, record_id: str, updated_at: str, key: tuple | None) -> None:
        self.updated[record_id] = updated_at
        if key is not None and self._keys is not None:
            self._keys.setdefault(key, record_id)


def fetch_rows(store: Store, table: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The stored rows of these ids as dicts, fetched in chunks."""
    ids = list(ids)
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(f"SELECT * FROM {table} WHERE id IN ({marks})", chunk):
            out[row["id"]] = dict(row)
    return out


def fetch_visit_experts(store: Store, ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
    ids = list(ids)
    out: dict[str, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for visit_id, expert_id in store.conn.execute(
            f"SELECT visit_id, expert_id FROM visit_experts WHERE visit_id IN ({marks})", chunk
        ):
            out.setdefault(visit_id, []).append(expert_id)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def memberships(store: Store, expert_id: str) -> dict[str, bool]:
    """Current teams of an expert → whether the expert leads it (as the export shows them)."""
    rows = store.conn.execute(
        "SELECT t.id, t.leader_id = ? FROM teams t WHERE t.id IN (SELECT team_id FROM"
        " team_members WHERE expert_id = ? AND left_on IS NULL) OR t.leader_id = ?",
        (expert_id, expert_id, expert_id),
    ).fetchall()
    return {r[0]: bool(r[1]) for r in rows}


def comparable(record: Record) -> dict[str, Any]:
    row = to_row(record)
    return {k: v for k, v in row.items() if k not in _IGNORED}


def stored_comparable(cls: type[Record], row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in columns(cls) if k not in _IGNORED}


__all__ = ["TABLES", "Existing", "comparable", "fetch_rows", "stored_comparable"]
