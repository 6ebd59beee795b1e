"""Integrity on open: a damaged file is refused before anything is written to it."""

from __future__ import annotations

import sqlite3

import pytest

from dispatch_app.store import open_store
from dispatch_app.store.integrity import (
    DatabaseDamaged,
    foreign_key_problems,
    quick_check,
    schema_problems,
)


def _damage(path):
    data = bytearray(path.read_bytes())
    data[4096 * 2] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "d.db"
    with open_store(path, create=True) as store, store.atomic() as conn:
        conn.executemany(
            "INSERT INTO settings VALUES (?, ?)", [(f"k{i}", "v" * 300) for i in range(300)]
        )
    return path


def test_a_whole_database_opens_with_checks(db):
    with open_store(db, verify=True) as store:
        assert quick_check(store.conn) == []
        assert schema_problems(store.conn) == []


def test_a_damaged_database_is_refused_byte_identical(db):
    _damage(db)
    before = db.read_bytes()
    with pytest.raises(DatabaseDamaged) as info:
        open_store(db, verify=True)
    assert "不会写入" in info.value.zh and "will not write" in info.value.en
    assert info.value.details
    assert db.read_bytes() == before
    assert not db.with_name("d.db-journal").exists()


def test_an_older_damaged_database_is_not_upgraded(db):
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    _damage(db)
    before = db.read_bytes()
    with pytest.raises(DatabaseDamaged):
        open_store(db, verify=True)
    assert db.read_bytes() == before


def test_foreign_key_problems_are_listed(db):
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "INSERT INTO team_members (id, created_at, updated_at, team_id, expert_id)"
        " VALUES ('tm-x', 'x', 'x', 'no-team', 'no-exp')"
    )
    conn.close()
    problems = foreign_key_problems(db)
    assert {p["table"] for p in problems} == {"team_members"}
