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


def _damage_last_page(path):
    """Damage only the file's last page (the settings rows written last): the check sees it,
    a read of other tables never does."""
    data = bytearray(path.read_bytes())
    data[len(data) - 4096] ^= 0xFF
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


@pytest.mark.parametrize("defer_check", [False, True])
def test_an_older_damaged_database_is_not_upgraded(db, defer_check):
    """Checked at open even when the window asks to defer: an upgrade writes."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    _damage_last_page(db)
    before = db.read_bytes()
    with pytest.raises(DatabaseDamaged):
        open_store(db, verify=True, defer_check=defer_check)
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


def test_a_deferred_check_lets_a_current_file_open_and_runs_before_the_first_write(db):
    with open_store(db, verify=True, defer_check=True) as store:
        check = store.deferred_check
        assert check is not None and not check.done
        assert store.conn.execute("SELECT count(*) FROM visits").fetchone()[0] == 0
        with store.atomic() as conn:
            conn.execute("INSERT INTO settings VALUES ('after', 'check')")
        assert check.done and check.damage is None
    with open_store(db, verify=True) as store:
        assert store.conn.execute("SELECT value FROM settings WHERE key = 'after'").fetchone()


def test_a_damaged_current_file_opens_deferred_but_refuses_every_write(db):
    _damage_last_page(db)
    before = db.read_bytes()
    with open_store(db, verify=True, defer_check=True) as store:
        assert store.conn.execute("SELECT count(*) FROM visits").fetchone()[0] == 0
        for _attempt in range(2):  # the verdict stays: a second write is refused too
            with pytest.raises(DatabaseDamaged) as info, store.atomic() as conn:
                conn.execute("INSERT INTO settings VALUES ('never', 'written')")
            assert "不会写入" in info.value.zh
        assert store.deferred_check.damage is info.value
    assert db.read_bytes() == before


def test_the_window_runs_the_deferred_check_itself_and_keeps_its_verdict(db):
    _damage_last_page(db)
    with open_store(db, verify=True, defer_check=True) as store:
        damage = store.deferred_check.run()
        assert isinstance(damage, DatabaseDamaged) and store.deferred_check.done
        assert store.deferred_check.run() is damage


def test_without_deferral_a_damaged_current_file_is_refused_at_open(db):
    _damage_last_page(db)
    with pytest.raises(DatabaseDamaged):
        open_store(db, verify=True)
