"""A 10,000-row import killed by SIGKILL at random moments (a power cut) loses nothing.

After every kill: ``integrity_check`` is ok, the import is wholly there or wholly absent (the
records equal the ones before, or they are exactly the file's), a read-only command (``check``)
undoes a left-over journal instead of blaming the folder, and the same import then succeeds.
Three trials per kind by default; 20 with ``DISPATCH_SLOW_FULL=1`` (the slow-marker convention
of tests/demo/test_scale.py). The trials are seeded: a failure names its seed and moment.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from dispatch_app.cli.main import main
from dispatch_app.domain.uscc import random_uscc
from dispatch_app.store import open_store
from support.killer import cli, run_and_kill

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

ROWS = 10_000
TRIALS = 20 if os.environ.get("DISPATCH_SLOW_FULL") == "1" else 3
SEED = 20261120
DISTRICT = "330382"


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def _usccs(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out: dict[str, None] = {}
    while len(out) < n:
        out[random_uscc(rng, DISTRICT)] = None
    return list(out)


def _rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return sorted(tuple(r) for r in conn.execute(sql))
    finally:
        conn.close()


def _integrity(db: Path) -> str:
    with open_store(db, readonly=True) as store:  # rolls a hot journal back first
        return "; ".join(r[0] for r in store.query("PRAGMA integrity_check"))


def _moments(rng: random.Random, trials: int, run: float, write: float) -> list[dict[str, float]]:
    """Half spread over the whole run, half inside the write (after the journal appears),
    up to a little past its measured end so that some kills land around the commit."""
    out = []
    for i in range(trials):
        if i % 2 == 0:
            out.append({"after": rng.uniform(0.05, 1.0) * run})
        else:
            out.append({"into_write": rng.uniform(0.0, 1.2) * max(write, 0.01)})
    return out


def _crash_loop(tmp_path, template: Path, argv: list[str], table: str, key_sql: str, expected):
    """Kill ``argv`` at seeded moments; check all-or-nothing, integrity and a clean re-run."""
    before = _rows(template, key_sql)
    done = sorted({*before, *expected})
    db = tmp_path / "timing.db"
    shutil.copyfile(template, db)
    full = run_and_kill([*argv, "--db", str(db)], db)  # no kill: measures the run and write
    assert full.returncode == 0, full.stderr
    assert full.journal_seen
    assert _rows(db, key_sql) == done

    rng = random.Random(SEED)
    kinds = {"absent": 0, "present": 0, "hot journal": 0, "finished": 0}
    for trial, moment in enumerate(_moments(rng, TRIALS, full.seconds, full.write_seconds)):
        db = tmp_path / f"trial{trial}.db"
        shutil.copyfile(template, db)
        where = f"trial {trial} (seed {SEED}, {moment})"
        outcome = run_and_kill([*argv, "--db", str(db)], db, **moment)
        assert outcome.returncode in (0, -9), f"{where}: {outcome.stderr}"
        kinds["finished"] += not outcome.killed
        kinds["hot journal"] += db.with_name(db.name + "-journal").exists()
        # The first command after the crash is a read-only one, as after a power cut.
        assert main(["check", "--db", str(db)]) == 0, where
        assert _integrity(db) == "ok", where
        after = _rows(db, key_sql)
        assert after in (before, done), f"{where}: {len(after)} keys, half an import"
        kinds["present" if after == done else "absent"] += 1
        again = cli(*argv, "--db", str(db))
        assert again.returncode == 0, f"{where}: re-run failed: {again.stderr}"
        assert _rows(db, key_sql) == done, where
        assert _integrity(db) == "ok", where
    print(f"{argv[1]}: {TRIALS} trials, {kinds}")
    assert kinds["absent"] + kinds["present"] == TRIALS
    if TRIALS >= 10:  # the seeded moments do reach into the write
        assert kinds["hot journal"] > 0, kinds


@pytest.fixture(scope="module")
def enterprise_rows() -> list[list[str]]:
    return [
        [u, f"温州第{i}号阀门有限公司", "乐清市", "泵阀", "13812345678"]
        for i, u in enumerate(_usccs(ROWS, SEED))
    ]


def test_enterprise_import_killed_at_random_is_all_or_nothing(tmp_path, enterprise_rows):
    template = tmp_path / "template.db"
    open_store(template, create=True).close()
    # A few records already there: after a kill they must be exactly as before.
    _write_csv(
        tmp_path / "first.csv",
        ["统一社会信用代码", "企业名称", "所属区县"],
        [[u, f"原有企业{i}", "乐清市"] for i, u in enumerate(_usccs(20, SEED + 1))],
    )
    first = cli("import", "enterprises", str(tmp_path / "first.csv"), "--db", str(template))
    assert first.returncode == 0, first.stderr
    big = tmp_path / "enterprises.csv"
    _write_csv(
        big, ["统一社会信用代码", "企业名称", "所属区县", "行业", "联系电话"], enterprise_rows
    )
    _crash_loop(
        tmp_path,
        template,
        ["import", "enterprises", str(big)],
        "enterprises",
        "SELECT uscc, name FROM enterprises",
        [(r[0], r[1]) for r in enterprise_rows],
    )


def test_visit_import_killed_at_random_is_all_or_nothing(tmp_path, enterprise_rows):
    """Visits stream into the database from a second thread, indexes dropped and rebuilt."""
    template = tmp_path / "template.db"
    open_store(template, create=True).close()
    ents = tmp_path / "ents.csv"
    _write_csv(ents, ["统一社会信用代码", "企业名称", "所属区县"], [r[:3] for r in enterprise_rows])
    teams = tmp_path / "teams.csv"
    _write_csv(teams, ["队伍名称", "所属区县"], [["乐清轻骑一队", "乐清市"]])
    for kind, path in (("enterprises", ents), ("teams", teams)):
        done = cli("import", kind, str(path), "--db", str(template))
        assert done.returncode == 0, done.stderr
    visits = tmp_path / "visits.csv"
    types = ["技术诊断", "项目对接", "回访"]
    rows = [
        [f"2026-{1 + i % 10:02d}-{1 + i % 28:02d}", r[0], "乐清轻骑一队", types[i % 3], "已完成"]
        for i, r in enumerate(enterprise_rows)
    ]
    _write_csv(visits, ["服务日期", "统一社会信用代码", "服务队伍", "服务类型", "状态"], rows)
    indexes = "SELECT name FROM sqlite_master WHERE type = 'index'"
    before_indexes = _rows(template, indexes)
    _crash_loop(
        tmp_path,
        template,
        ["import", "visits", str(visits)],
        "visits",
        "SELECT e.uscc, v.visit_date FROM visits v JOIN enterprises e ON e.id = v.enterprise_id",
        [(r[1], r[0]) for r in rows],
    )
    for db in tmp_path.glob("trial*.db"):
        assert _rows(db, indexes) == before_indexes, f"{db.name}: indexes lost"
