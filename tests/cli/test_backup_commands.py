"""``dispatch-app backup / restore / backups`` from the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from dispatch_app.backup import verify
from dispatch_app.cli.main import main
from dispatch_app.store import open_store


def _db(tmp_path) -> Path:
    path = tmp_path / "district.db"
    with open_store(path, create=True) as store:
        store.set_setting("marker", "before")
    return path


def _marker(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT value FROM settings WHERE key='marker'").fetchone()[0]
    finally:
        conn.close()


def test_backup_prints_the_verified_file(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["backup", "--db", str(db), "--to", str(tmp_path / "copies")]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed.parent == tmp_path / "copies"
    verify(printed)


def test_restore_puts_the_backup_back_and_says_where_the_old_one_went(tmp_path, capsys, freeze):
    db = _db(tmp_path)
    freeze("2026-11-20T09:00:00+08:00")
    main(["backup", "--db", str(db)])
    freeze("2026-11-20T09:30:00+08:00")
    backup = capsys.readouterr().out.strip()
    with open_store(db) as store:
        store.set_setting("marker", "after")
    assert main(["restore", backup, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert _marker(db) == "before"
    kept = out.strip().splitlines()[-1].split(": ", 1)[1]
    assert _marker(kept) == "after"
    assert main(["backups", "--db", str(db), "--verify", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["tag"] for r in rows] == ["before-restore", ""]
    assert all(r["valid"] for r in rows)


def test_restore_newest(tmp_path, capsys):
    db = _db(tmp_path)
    main(["backup", "--db", str(db)])
    with open_store(db) as store:
        store.set_setting("marker", "after")
    assert main(["restore", "--newest", "--db", str(db)]) == 0
    assert _marker(db) == "before"


def test_a_truncated_backup_is_refused_with_exit_2(tmp_path, capsys):
    db = _db(tmp_path)
    main(["backup", "--db", str(db)])
    backup = Path(capsys.readouterr().out.strip())
    backup.write_bytes(backup.read_bytes()[:8192])
    before, db_before = backup.read_bytes(), db.read_bytes()
    assert main(["restore", str(backup), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "cannot be restored" in err and "不能用于恢复" in err
    assert backup.read_bytes() == before and db.read_bytes() == db_before


def test_backup_into_an_unwritable_place_exits_2_with_the_reason(tmp_path, capsys):
    db = _db(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["backup", "--db", str(db), "--to", str(blocker / "sub")]) == 2
    err = capsys.readouterr().err
    assert "read-only or no permission" in err and "只读" in err


def test_usage_errors(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["restore", "--db", str(db)]) == 2
    assert main(["restore", str(tmp_path / "missing.db"), "--db", str(db)]) == 2
    assert main(["restore", "--newest", "--db", str(db)]) == 2  # no backup yet
    err = capsys.readouterr().err
    assert "No usable backup" in err


def test_backup_settings_show_and_set(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["backup-settings", "--db", str(db)]) == 0
    assert "keep_recent      5" in capsys.readouterr().out
    args = ["backup-settings", "--db", str(db), "--set", "keep_recent=2"]
    assert main([*args, "--set", "interval_hours=0.5"]) == 0
    out = capsys.readouterr().out
    assert "keep_recent      2" in out and "interval_hours   0.5" in out
    before = db.read_bytes()
    for bad in [
        "interval_hours=nan",
        "keep_recent=-1",
        "keep_recent=many",
        "nonsense=1",
        "keep_recent",
    ]:
        assert main(["backup-settings", "--db", str(db), "--set", bad]) == 2
    assert db.read_bytes() == before
