"""A damaged backup is refused and stays byte-identical; restore never uses it."""

from __future__ import annotations

import pytest

from dispatch_app.backup import BackupInvalid, make_backup, restore_backup, verify


def _flip(path, offset):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "damage",
    [
        "truncated",
        "truncated_at_page",
        "flipped_page",
        "flipped_header",
        "zeroed_tail",
        "foreign",
        "empty",
    ],
)
def test_damaged_backup_is_refused_and_left_as_it_was(db, damage):
    backup = make_backup(db)
    size = backup.stat().st_size
    if damage == "truncated":
        backup.write_bytes(backup.read_bytes()[: size - 1000])
    elif damage == "truncated_at_page":
        backup.write_bytes(backup.read_bytes()[: size - 4096 * 2])
    elif damage == "flipped_page":
        # A b-tree page's type byte (SQLite has no page checksums: a flip inside a text value
        # is not detectable by any check; structure is).
        _flip(backup, 4096 * 3)
    elif damage == "flipped_header":
        _flip(backup, 5)
    elif damage == "zeroed_tail":
        data = backup.read_bytes()
        backup.write_bytes(data[: size - 4096] + b"\0" * 4096)
    elif damage == "foreign":
        import sqlite3

        backup.unlink()
        conn = sqlite3.connect(backup)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    elif damage == "empty":
        backup.write_bytes(b"")
    before = backup.read_bytes()
    db_before = db.read_bytes()
    with pytest.raises(BackupInvalid) as info:
        verify(backup)
    assert "cannot be restored" in info.value.en and "不能用于恢复" in info.value.zh
    with pytest.raises(BackupInvalid):
        restore_backup(backup, db)
    assert backup.read_bytes() == before
    assert db.read_bytes() == db_before
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(".")) == []


def test_newer_schema_backup_is_refused(db):
    import sqlite3

    backup = make_backup(db)
    conn = sqlite3.connect(backup)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(BackupInvalid) as info:
        verify(backup)
    assert "newer" in info.value.en
