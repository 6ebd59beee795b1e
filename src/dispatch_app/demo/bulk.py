"""Bulk writing for the generator: the store's row format, positional and precomputed.

Rows are exactly what ``store.rows.to_row`` makes (same columns from ``rows.columns``, tuples
joined by 、, booleans as 0/1, pinyin keys for searchable names; a test holds the two equal),
but built as tuples with the per-class work done once: at 100k visits ``to_row``'s per-record
field introspection and named parameters cost more than the inserts they feed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields
from operator import itemgetter
from typing import Any

from ..domain.records import Record, Visit
from ..domain.text import join_multi, pinyin_keys
from ..store import rows
from ..store.database import Store

Progress = Callable[[int, int], None]
CHUNK = 5000


class RowFormat:
    """How one record kind becomes a positional row of its table."""

    def __init__(self, cls: type[Record]) -> None:
        kinds = {f.name: str(f.type) for f in fields(cls)}
        self.columns = rows.columns(cls)
        self.pinyin = cls in rows.PINYIN_KINDS
        own = [c for c in self.columns if c not in ("name_pinyin", "name_initials")]
        self.fields = own
        self.tuples = {i for i, c in enumerate(own) if kinds[c].startswith("tuple")}
        self.bools = {i for i, c in enumerate(own) if kinds[c] == "bool"}
        marks = ", ".join("?" * len(self.columns))
        self.sql = f"INSERT INTO {rows.TABLES[cls]} ({', '.join(self.columns)}) VALUES ({marks})"

    def row(self, record: Record) -> tuple[Any, ...]:
        values = [getattr(record, c) for c in self.fields]
        for i in self.tuples:
            values[i] = join_multi(values[i])
        for i in self.bools:
            values[i] = int(bool(values[i]))
        if self.pinyin:
            values.extend(pinyin_keys(record.name))  # type: ignore[attr-defined]
        return tuple(values)


class BulkWriter:
    """Inserts records in chunks (one transaction each) and reports progress."""

    def __init__(self, store: Store, total: int, progress: Progress | None) -> None:
        self.store, self.total, self.progress = store, total, progress
        self.done = 0
        self._formats: dict[type[Record], RowFormat] = {}
        self._visit_experts: list[tuple[str, str]] = []

    def insert(self, records: Sequence[Record], counted: bool = True) -> int:
        if not records:
            return 0
        cls = type(records[0])
        fmt = self._formats.get(cls) or self._formats.setdefault(cls, RowFormat(cls))
        for lo in range(0, len(records), CHUNK):
            batch = records[lo : lo + CHUNK]
            with self.store.atomic():
                self.store.conn.executemany(fmt.sql, [fmt.row(r) for r in batch])
            if cls is Visit:
                self._visit_experts += [
                    (v.id, e)
                    for v in batch
                    for e in dict.fromkeys(v.expert_ids)  # type: ignore[attr-defined]
                ]
            if counted:
                self.done += len(batch)
                self.report()
        return len(records)

    def flush_visit_experts(self) -> int:
        """Participants, written once sorted by visit (their primary key index is appended to,
        not split); the sort is stable, so each visit keeps its experts' order (rowid order is
        what ``repository.visit_expert_ids`` reads back)."""
        pairs = sorted(self._visit_experts, key=itemgetter(0))
        with self.store.atomic():
            self.store.conn.executemany(
                "INSERT INTO visit_experts (visit_id, expert_id) VALUES (?, ?)", pairs
            )
        self._visit_experts = []
        return len(pairs)

    def report(self, finished: bool = False) -> None:
        if self.progress:
            self.progress(self.total if finished else min(self.done, self.total), self.total)
