"""Generic reads and writes of records by id; the services compose these inside transactions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from ..domain.problems import NotFound
from ..domain.records import Record, Visit, now_iso
from . import audit
from .database import Store
from .rows import TABLES, from_row, insert_sql, to_row, update_sql

R = TypeVar("R", bound=Record)


def get(store: Store, cls: type[R], record_id: str) -> R:
    row = store.conn.execute(f"SELECT * FROM {TABLES[cls]} WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise NotFound(f"{TABLES[cls]}: {record_id}")
    record = from_row(cls, row)
    if isinstance(record, Visit):
        record.expert_ids = visit_expert_ids(store, record.id)
    return record


def find(store: Store, cls: type[R], where: str, params: tuple = ()) -> list[R]:
    rows = store.conn.execute(f"SELECT * FROM {TABLES[cls]} WHERE {where}", params).fetchall()
    return [from_row(cls, r) for r in rows]


def visit_expert_ids(store: Store, visit_id: str) -> tuple[str, ...]:
    rows = store.conn.execute(
        "SELECT expert_id FROM visit_experts WHERE visit_id = ? ORDER BY rowid", (visit_id,)
    ).fetchall()
    return tuple(r[0] for r in rows)


def insert(store: Store, record: Record) -> None:
    """Insert one record (call inside ``store.atomic()``)."""
    store.conn.execute(insert_sql(type(record)), to_row(record))
    if isinstance(record, Visit):
        _write_visit_experts(store, record)
        experts = list(dict.fromkeys(record.expert_ids))
        audit.add_to_created(store.conn, "visits", record.id, {"expert_ids": experts})


def insert_many(store: Store, records: Iterable[Record]) -> int:
    """Bulk insert records of one kind with executemany (call inside ``store.atomic()``)."""
    records = list(records)
    if not records:
        return 0
    cls = type(records[0])
    store.conn.executemany(insert_sql(cls), [to_row(r) for r in records])
    if cls is Visit:
        store.conn.executemany(
            "INSERT INTO visit_experts (visit_id, expert_id) VALUES (?, ?)",
            [(v.id, e) for v in records for e in v.expert_ids],  # type: ignore[attr-defined]
        )
    return len(records)


def update(store: Store, record: Record, *, touch: bool = True) -> None:
    """Write every field of an existing record; ``touch`` stamps ``updated_at``."""
    if touch:
        record.updated_at = now_iso()
    cur = store.conn.execute(update_sql(type(record)), to_row(record))
    if cur.rowcount == 0:
        raise NotFound(f"{TABLES[type(record)]}: {record.id}")
    if isinstance(record, Visit):
        before = visit_expert_ids(store, record.id)
        after = tuple(dict.fromkeys(record.expert_ids))
        if before != after:  # rewritten only when changed, and then recorded (audit.py)
            store.conn.execute("DELETE FROM visit_experts WHERE visit_id = ?", (record.id,))
            _write_visit_experts(store, record)
            audit.write_change(
                store.conn,
                "visits",
                record.id,
                {"expert_ids": list(before)},
                {"expert_ids": list(after)},
            )


def _write_visit_experts(store: Store, visit: Visit) -> None:
    store.conn.executemany(
        "INSERT INTO visit_experts (visit_id, expert_id) VALUES (?, ?)",
        [(visit.id, e) for e in dict.fromkeys(visit.expert_ids)],
    )
