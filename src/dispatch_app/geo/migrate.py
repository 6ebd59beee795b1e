"""Filling coordinates of existing rows (used by migration 0003 and after bulk writes)."""

from __future__ import annotations

import sqlite3

from .datum import GCJ02
from .location import EXACT, SOURCE_USER
from .resolver import default_resolver


def backfill_coordinates(conn: sqlite3.Connection) -> int:
    """Mark given points ``exact`` and resolve the rest; returns the number of rows touched."""
    touched = 0
    resolver = default_resolver()
    for table, town in (("enterprises", "town_code"), ("experts", "NULL")):
        touched += conn.execute(
            f"UPDATE {table} SET coord_precision = ?, coord_datum = ?, coord_source = ?"
            " WHERE lat IS NOT NULL AND lon IS NOT NULL AND coord_precision IS NULL",
            (EXACT, GCJ02, SOURCE_USER),
        ).rowcount
        rows = conn.execute(
            f"SELECT id, district_code, {town} AS town_code, address FROM {table}"
            " WHERE lat IS NULL OR lon IS NULL"
        ).fetchall()
        updates = []
        for r in rows:
            loc = resolver.resolve(district_code=r[1], town_code=r[2], address=r[3] or "")
            if loc is not None:
                updates.append((loc.lat, loc.lon, loc.precision, loc.datum, loc.source, r[0]))
        conn.executemany(
            f"UPDATE {table} SET lat = ?, lon = ?, coord_precision = ?, coord_datum = ?,"
            " coord_source = ? WHERE id = ?",
            updates,
        )
        touched += len(updates)
    return touched
