"""A backup killed with SIGKILL at random points leaves a whole, verifiable backup or none."""

from __future__ import annotations

import os
import random
import sqlite3

import pytest

from dispatch_app.backup import list_backups, make_backup, verify
from dispatch_app.store import open_store
from support.crashkit import kill_backups_at

TRIALS = 20 if os.environ.get("DISPATCH_SLOW_FULL") == "1" else 5


@pytest.fixture
def big_db(tmp_path):
    """~6 MB: a backup takes long enough for kills to land in every phase of it."""
    path = tmp_path / "district.db"
    with open_store(path, create=True) as store, store.atomic() as conn:
        conn.executemany(
            "INSERT INTO settings VALUES (?, ?)", [(f"k{i}", "温州" * 250) for i in range(4000)]
        )
    return path


@pytest.mark.slow
def test_killed_backups_are_whole_or_absent(big_db, tmp_path):
    rng = random.Random(20261120)
    folder = tmp_path / "backups"
    db_before = big_db.read_bytes()
    for trial in range(TRIALS):
        kill_backups_at(big_db, folder, rng.uniform(0.0, 0.6))
        for backup in list_backups(folder, big_db.stem):
            verify(backup.path)  # every file that looks like a backup is one
        for leftover in folder.iterdir():
            assert leftover.name.startswith(".") or leftover.name.startswith("district-"), (
                trial,
                leftover,
            )
    assert big_db.read_bytes() == db_before  # the source is never written by a backup
    conn = sqlite3.connect(big_db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    made = len(list_backups(folder, big_db.stem))
    fresh = make_backup(big_db, folder, rotate_after=False)  # and the next backup succeeds
    verify(fresh)
    assert len(list_backups(folder, big_db.stem)) == made + 1
