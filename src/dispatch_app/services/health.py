"""The ``check`` report: schema version, SQLite integrity, foreign keys and record counts."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from ..store.database import Store
from ..store.integrity import REQUIRED_TABLES
from ..store.schema import SCHEMA_VERSION

# Every table a schema has had since the first migration, but the settings (not records).
COUNTED_TABLES = [t for t in REQUIRED_TABLES if t != "settings"]


@dataclass
class HealthReport:
    path: str
    schema_version: int
    supported_version: int
    integrity: list[str]
    foreign_key_errors: list[dict]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        # An older schema is healthy: the program upgrades it the next time it opens it.
        return (
            self.integrity == ["ok"]
            and not self.foreign_key_errors
            and self.schema_version <= self.supported_version
        )


def check(store: Store) -> HealthReport:
    """The report; a file too damaged to be walked is reported (what SQLite said), not raised."""
    failures: list[str] = []

    def rows(sql: str) -> list:
        try:
            return store.query(sql)
        except sqlite3.DatabaseError as exc:
            if str(exc) not in failures:
                failures.append(str(exc))
            return []

    integrity = [r[0] for r in rows("PRAGMA integrity_check")]
    fk = [{"table": r[0], "rowid": r[1], "parent": r[2]} for r in rows("PRAGMA foreign_key_check")][
        :100
    ]
    counts = {}
    for t in COUNTED_TABLES:
        found = rows(f"SELECT count(*) FROM {t}")
        if found:
            counts[t] = int(found[0][0])
    if failures:
        integrity = [*(i for i in integrity if i != "ok"), *failures]
    return HealthReport(
        path=str(store.path),
        schema_version=store.schema_version,
        supported_version=SCHEMA_VERSION,
        integrity=integrity,
        foreign_key_errors=fk,
        counts=counts,
    )
