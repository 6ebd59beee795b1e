"""Backups are made with the online backup API, verified, renamed; failures leave no trace."""

from __future__ import annotations

import errno
import sqlite3
import threading

import pytest

from dispatch_app.backup import (
    BackupDiskFull,
    BackupFolderReadOnly,
    list_backups,
    make_backup,
    verify,
)
from dispatch_app.backup import make as make_module
from dispatch_app.backup.naming import beside


def _count(path, sql="SELECT count(*) FROM settings"):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_backup_lands_beside_the_database_with_a_timestamped_name(db, freeze):
    freeze("2026-11-20T09:05:07+08:00")
    path = make_backup(db)
    assert path.parent == beside(db)
    assert path.name == "district-20261120-090507.db"
    verify(path)
    assert _count(path) == _count(db)
    again = make_backup(db)  # same second: a new name, the first one kept
    assert again.name == "district-20261120-090507-2.db"
    assert [b.path for b in list_backups(path.parent, "district")] == [again, path]
    assert not list(path.parent.glob(".*"))  # no partial file left


def test_to_folder_is_created(db, tmp_path):
    path = make_backup(db, tmp_path / "usb" / "copies")
    assert path.parent == tmp_path / "usb" / "copies"


def test_backup_while_another_connection_writes_is_one_committed_state(db, monkeypatch):
    monkeypatch.setattr(make_module, "PAGES_PER_STEP", 1)  # many steps, commits in between
    batch = 50
    stop = threading.Event()
    commits = []

    def writer() -> None:
        conn = sqlite3.connect(db, isolation_level=None, timeout=10)
        n = 0
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?)",
                [(f"w{n}-{i}", "x" * 300) for i in range(batch)],
            )
            conn.execute("COMMIT")
            n += 1
            commits.append(n)
            stop.wait(0.002)  # a busy coordinator, not a tight loop that never lets go
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(commits) < 3:
            stop.wait(0.01)
        paths = [make_backup(db, rotate_after=False) for _ in range(3)]
    finally:
        stop.set()
        thread.join()
    assert len(commits) > 3
    for path in paths:
        verify(path)
        written = _count(path, "SELECT count(*) FROM settings WHERE key LIKE 'w%'")
        assert written % batch == 0  # whole transactions only
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()


@pytest.mark.parametrize(
    ("failure", "error", "words"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), BackupFolderReadOnly, "read-only"),
        (OSError(errno.EROFS, "Read-only file system"), BackupFolderReadOnly, "只读"),
        (sqlite3.OperationalError("database or disk is full"), BackupDiskFull, "disk is full"),
        (OSError(errno.ENOSPC, "No space left on device"), BackupDiskFull, "磁盘空间不足"),
    ],
)
def test_a_failing_folder_gives_a_clear_message_and_keeps_old_files(
    db, monkeypatch, failure, error, words
):
    old = make_backup(db)
    old_bytes, db_bytes = old.read_bytes(), db.read_bytes()

    def failing_copy(source, target, progress):
        target.write_bytes(b"half a backup")
        raise failure

    monkeypatch.setattr(make_module, "copy_database", failing_copy)
    with pytest.raises(error) as info:
        make_backup(db)
    assert words in info.value.zh + info.value.en
    assert "unchanged" in info.value.en and "未改动" in info.value.zh
    assert old.read_bytes() == old_bytes and db.read_bytes() == db_bytes
    assert sorted(p.name for p in old.parent.iterdir()) == [old.name]


def test_unwritable_backup_folder_path_is_refused(db, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises((BackupFolderReadOnly,)):
        make_backup(db, blocker / "backups")
    assert blocker.read_text() == "not a folder"


def test_default_folder_falls_back_to_the_user_data_folder(db, monkeypatch):
    from dispatch_app.backup import naming

    real = naming.writable
    monkeypatch.setattr(naming, "writable", lambda f: False if f == beside(db) else real(f))
    path = make_backup(db)
    assert path.parent == naming.fallback(db)
    verify(path)


def test_stale_partials_of_a_killed_backup_are_cleaned_up(db, tmp_path):
    import os
    import time

    folder = tmp_path / "copies"
    folder.mkdir()
    stale = folder / ".district-20261101-000000.db.partial"
    journal = folder / ".district-20261101-000000.db.partial-journal"
    fresh = folder / ".district-20261120-000000.db.partial"  # maybe another backup running
    for f in (stale, journal, fresh):
        f.write_bytes(b"x")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(journal, (old, old))
    make_backup(db, folder)
    assert not stale.exists() and not journal.exists() and fresh.exists()
