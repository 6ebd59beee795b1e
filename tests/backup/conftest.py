"""A small real database to back up (a few records in every table the checks look at)."""

from __future__ import annotations

import pytest

from dispatch_app.store import open_store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "district.db"
    with open_store(path, create=True) as store, store.atomic() as conn:
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            [(f"k{i}", "值" * 50) for i in range(500)],
        )
    return path
