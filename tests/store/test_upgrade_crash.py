"""Opening an older database upgrades it; a kill (power cut) in the middle of the upgrade
leaves a consistent file at some whole schema version, and the next open finishes the job.

The file is a first-release database (schema 1) with 10,000 enterprises, so the migrations
that rebuild indexes and fill in coordinates take long enough to be cut. The command is a small
``dispatch-app import`` (it opens for writing, which upgrades). Three trials by default, 20
with ``DISPATCH_SLOW_FULL=1``; the moments are seeded.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
import uuid

import pytest
from sqlite_utils import Database

from dispatch_app.store import open_store
from dispatch_app.store.schema import SCHEMA_VERSION, build_migrations
from support.killer import cli, run_and_kill

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]
TRIALS = 20 if os.environ.get("DISPATCH_SLOW_FULL") == "1" else 3
SEED = 20261121


def _first_release_db(path, rows: int = 10_000) -> None:
    from dispatch_app.domain.uscc import random_uscc

    rng = random.Random(SEED)
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    build_migrations().apply(
        Database(conn, execute_plugins=False), stop_before="0002_pinyin_sort_indexes"
    )
    now = "2025-06-01T08:00:00.000000Z"
    codes = sorted({random_uscc(rng, "330382") for _ in range(rows)})
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO enterprises (id, created_at, updated_at, uscc, name, district_code,"
        " address, tech_needs) VALUES (?, ?, ?, ?, ?, '330382', ?, ?)",
        [
            (
                str(uuid.UUID(int=rng.getrandbits(128))),
                now,
                now,
                c,
                f"乐清第{i}号电气",
                "柳市镇",
                "",
            )
            for i, c in enumerate(codes)
        ],
    )
    conn.execute("COMMIT")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def _state(path) -> tuple[int, int, list[tuple]]:
    with open_store(path, readonly=True) as store:  # rolls a left journal back first
        assert store.scalar("PRAGMA integrity_check") == "ok"
        version = store.schema_version
        recorded = int(store.scalar("SELECT count(*) FROM _sqlite_migrations"))
        rows = sorted(tuple(r) for r in store.query("SELECT uscc, name FROM enterprises"))
    return version, recorded, rows


def test_upgrade_killed_at_random_is_whole_migrations_and_finishes_later(tmp_path):
    template = tmp_path / "first-release.db"
    _first_release_db(template)
    _, _, before_rows = _state(template)
    teams = tmp_path / "teams.csv"
    teams.write_text("队伍名称,所属区县\n乐清一队,乐清市\n", encoding="utf-8-sig")
    argv = ["import", "teams", str(teams)]

    timing_db = tmp_path / "timing.db"
    shutil.copyfile(template, timing_db)
    timing = run_and_kill([*argv, "--db", str(timing_db)], timing_db)
    assert timing.returncode == 0, timing.stderr
    rng = random.Random(SEED)
    versions = []
    for trial in range(TRIALS):
        db = tmp_path / f"trial{trial}.db"
        shutil.copyfile(template, db)
        if trial % 2:
            moment = {"into_write": rng.uniform(0, 1.1) * max(timing.write_seconds, 0.01)}
        else:
            moment = {"after": rng.uniform(0.1, 1.0) * timing.seconds}
        where = f"trial {trial} (seed {SEED}, {moment})"
        outcome = run_and_kill([*argv, "--db", str(db)], db, **moment)
        assert outcome.returncode in (0, -9), f"{where}: {outcome.stderr}"
        version, recorded, rows = _state(db)
        assert 1 <= version <= SCHEMA_VERSION, where
        assert recorded == version, f"{where}: header {version}, {recorded} migrations recorded"
        assert rows == before_rows, where
        versions.append(version)
        again = cli(*argv, "--db", str(db))
        assert again.returncode == 0, f"{where}: {again.stderr}"
        version, recorded, rows = _state(db)
        assert version == recorded == SCHEMA_VERSION, where
        assert rows == before_rows, where
        with open_store(db, readonly=True) as store:
            assert store.scalar("SELECT count(*) FROM teams") == 1, where
            assert store.scalar("SELECT count(*) FROM enterprises WHERE lat IS NULL") == 0, where
    print(f"upgrade: {TRIALS} trials, versions after the kill {versions}")
