"""Restore: verify first, keep the replaced database, swap atomically; damaged ones set aside."""

from __future__ import annotations

import sqlite3

import pytest

from dispatch_app.backup import (
    NoBackup,
    list_backups,
    make_backup,
    newest_good_backup,
    restore_backup,
    verify,
)
from dispatch_app.backup.naming import beside


def _keys(path):
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT key FROM settings")}
    finally:
        conn.close()


def _add(path, key):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO settings VALUES (?, 'v')", (key,))
    conn.close()


def test_restore_brings_the_backup_back_and_keeps_the_replaced_copy(db, freeze):
    freeze("2026-11-20T09:00:00+08:00")
    backup = make_backup(db)
    _add(db, "after-backup")
    freeze("2026-11-20T10:00:00+08:00")
    result = restore_backup(backup, db)
    assert "after-backup" not in _keys(db)
    assert _keys(db) == _keys(backup)
    assert not result.damaged
    assert result.kept is not None and result.kept.name == (
        "district-20261120-100000-before-restore.db"
    )
    verify(result.kept)
    assert "after-backup" in _keys(result.kept)
    assert [b.tag for b in list_backups(beside(db), "district")] == ["before-restore", ""]
    assert not [p for p in db.parent.iterdir() if p.name.startswith(".")]
    # The restored database opens and writes normally.
    from dispatch_app.store import open_store

    with open_store(db) as store:
        store.set_setting("after-restore", "1")


def test_a_damaged_database_is_set_aside_untouched(db, freeze):
    backup = make_backup(db)
    data = bytearray(db.read_bytes())
    for i in range(4096 * 2, 4096 * 4):
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))
    damaged_bytes = bytes(data)
    freeze("2026-11-20T11:00:00+08:00")
    result = restore_backup(backup, db)
    assert result.damaged
    assert result.kept == db.with_name("district.damaged-20261120-110000.db")
    assert result.kept.read_bytes() == damaged_bytes
    verify(db)


def test_newest_good_backup_skips_broken_ones(db, freeze):
    freeze("2026-11-18T09:00:00+08:00")
    good = make_backup(db)
    freeze("2026-11-19T09:00:00+08:00")
    broken = make_backup(db)
    broken.write_bytes(broken.read_bytes()[:5000])
    assert newest_good_backup(db).path == good


def test_no_backup_at_all(db):
    with pytest.raises(NoBackup):
        newest_good_backup(db)


def test_restore_into_a_missing_database(db, tmp_path):
    backup = make_backup(db)
    target = tmp_path / "new" / "restored.db"
    target.parent.mkdir()
    result = restore_backup(backup, target)
    assert result.kept is None
    verify(target)


def test_a_database_in_use_is_not_set_aside_as_damaged(db):
    from dispatch_app.store.errors import DatabaseLocked

    backup = make_backup(db)
    holder = sqlite3.connect(db, isolation_level=None, timeout=0.1)
    holder.execute("BEGIN EXCLUSIVE")  # another program in the middle of a write
    before = db.read_bytes()
    try:
        with pytest.raises(DatabaseLocked):
            restore_backup(backup, db)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert db.read_bytes() == before
    assert not [p for p in db.parent.iterdir() if ".damaged-" in p.name]
