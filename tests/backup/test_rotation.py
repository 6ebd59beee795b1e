"""Rotation keeps the newest few, then one a day, a week and a month; safety copies stay."""

from __future__ import annotations

from datetime import datetime, timedelta

from dispatch_app.backup import BackupPolicy, list_backups, make_backup, rotate
from dispatch_app.backup.naming import STAMP, beside


def _touch(folder, when: datetime, tag: str = "") -> str:
    name = f"district-{when.strftime(STAMP)}" + (f"-{tag}" if tag else "") + ".db"
    (folder / name).write_bytes(b"")
    return name


def test_a_year_of_hourly_backups_keeps_recent_daily_weekly_monthly(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2025, 11, 20, 0, 30)
    names = [_touch(folder, start + timedelta(hours=h)) for h in range(0, 366 * 24, 5)]
    (folder / "other-20261101-000000.db").write_bytes(b"")  # another database's: not touched
    (folder / "notes.txt").write_text("x")
    policy = BackupPolicy(keep_recent=3, keep_daily=4, keep_weekly=3, keep_monthly=5)
    rotate(folder, "district", policy)
    left = [b.taken for b in list_backups(folder, "district")]
    newest = max(datetime.strptime(n[9:24], STAMP) for n in names)
    assert left[:3] == [newest - timedelta(hours=5 * i) for i in range(3)]
    days = {t.date() for t in left}
    assert {newest.date() - timedelta(days=i) for i in range(4)} <= days
    weeks = {t.isocalendar()[:2] for t in left}
    assert {(newest - timedelta(weeks=i)).isocalendar()[:2] for i in range(3)} <= weeks
    months = sorted({(t.year, t.month) for t in left}, reverse=True)
    assert months == [(2026, 11), (2026, 10), (2026, 9), (2026, 8), (2026, 7)]
    # Each kept month is represented by its newest backup.
    for year, month in months[1:]:
        in_month = [datetime.strptime(n[9:24], STAMP) for n in names]
        newest_of_month = max(t for t in in_month if (t.year, t.month) == (year, month))
        assert newest_of_month in left
    assert len(left) <= 3 + 4 + 3 + 5
    assert (folder / "other-20261101-000000.db").exists() and (folder / "notes.txt").exists()


def test_safety_copies_are_never_rotated_away(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    old = _touch(folder, datetime(2020, 1, 1), "before-restore")
    for d in range(10):
        _touch(folder, datetime(2026, 11, 1) + timedelta(days=d))
    rotate(folder, "district", BackupPolicy(1, 0, 0, 0))
    assert sorted(p.name for p in folder.iterdir()) == [
        "district-20200101-000000-before-restore.db",
        "district-20261110-000000.db",
    ]
    assert old in {p.name for p in folder.iterdir()}


def test_settings_in_the_database_set_the_counts(db, freeze):
    import sqlite3

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("INSERT INTO settings VALUES ('backup.keep_recent', '2')")
    conn.execute("INSERT INTO settings VALUES ('backup.keep_daily', '1')")
    conn.execute("INSERT INTO settings VALUES ('backup.keep_weekly', 'junk')")  # default kept
    conn.close()
    policy = BackupPolicy.load(sqlite3.connect(db))
    assert (policy.keep_recent, policy.keep_daily, policy.keep_weekly) == (2, 1, 4)
    for day in range(1, 6):
        freeze(f"2026-11-0{day}T12:00:00+08:00")
        make_backup(db)
    names = sorted(p.name for p in beside(db).iterdir())
    # recent 2 (5th, 4th), daily 1 (5th), weekly: newest of ISO weeks 45 (5th) and 44 (1st).
    assert names == [
        "district-20261101-120000.db",
        "district-20261104-120000.db",
        "district-20261105-120000.db",
    ]
