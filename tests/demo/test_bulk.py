"""The generator's fast rows are exactly the store's rows (``store.rows.to_row``)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from dispatch_app.demo import generate_demo
from dispatch_app.demo.bulk import RowFormat
from dispatch_app.domain.records import (
    Appointment,
    Case,
    Enterprise,
    Expert,
    FollowUp,
    Target,
    Team,
    TeamMember,
    Visit,
)
from dispatch_app.store.rows import TABLES, from_row, to_row


def test_row_format_matches_to_row_for_every_record_kind(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    generate_demo(path, seed=8, visits=300, as_of=date(2026, 9, 1))
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        for cls in (
            Enterprise,
            Expert,
            Team,
            TeamMember,
            Appointment,
            Visit,
            FollowUp,
            Case,
            Target,
        ):
            fmt = RowFormat(cls)
            rows = conn.execute(f"SELECT * FROM {TABLES[cls]} LIMIT 200").fetchall()
            assert rows, cls
            for row in rows:
                record = from_row(cls, row)
                expected = to_row(record)
                assert fmt.row(record) == tuple(expected[c] for c in fmt.columns)
                # and what was stored is what to_row would have stored (pinyin included)
                assert tuple(row[c] for c in fmt.columns) == fmt.row(record)
    finally:
        conn.close()
