"""Backups and integrity on open, on the 100k-visit demo (issue 10).

``backup_100k``: ``make_backup`` (online backup API, fsync, verify with quick_check and the
schema checks, rename) against ``sqlite3 DB ".backup FILE"`` in the same run; target ≤ 1.5×.
``open_checks_100k``: opening the way the window does (``open_store(verify=True)``: quick_check
before anything is written) against a plain open, and the foreign-key check the window runs in
a worker after the first paint.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bench.common import Bench, Figures, demo_db, run_app, scratch_copy, timed, work_dir


def _fresh_folder(name: str) -> Path:
    folder = work_dir("scratch") / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _sqlite3_backup(db: Path, folder: Path) -> float:
    target = folder / "native.db"
    target.unlink(missing_ok=True)
    exe = shutil.which("sqlite3")
    if exe is None:
        raise RuntimeError("the sqlite3 command-line tool is needed for the baseline")
    return timed(lambda: subprocess.run([exe, str(db), f".backup '{target}'"], check=True))


def backup_in_process(db: Path) -> Figures:
    from dispatch_app.backup import make_backup
    from dispatch_app.backup.make import copy_database
    from dispatch_app.store.integrity import read_only

    folder = _fresh_folder("backups")
    baseline = _sqlite3_backup(db, folder)
    seconds = timed(lambda: make_backup(db, folder, rotate_after=False))
    source = read_only(db)
    try:
        copy_s = timed(lambda: copy_database(source, folder / "copy-only.db", None))
    finally:
        source.close()
    return {
        "seconds": seconds,
        "baseline_s": round(baseline, 3),
        "ratio": round(seconds / baseline, 2),
        "copy_only_s": round(copy_s, 3),
    }


def backup_process(db: Path) -> Figures:
    folder = _fresh_folder("backups-cli")
    baseline = _sqlite3_backup(db, folder)
    figures = run_app(["backup", "--db", str(db), "--to", str(folder)])
    figures["baseline_s"] = round(baseline, 3)
    figures["ratio"] = round(float(figures["seconds"]) / baseline, 2)
    return figures


def _scratch(_: None = None) -> Path:
    return scratch_copy(demo_db(), "open-checks.db")


def open_with_checks(db: Path) -> Figures:
    from dispatch_app.store import open_store
    from dispatch_app.store.integrity import foreign_key_problems

    plain = timed(lambda: open_store(db).close())
    seconds = timed(lambda: open_store(db, verify=True).close())
    fk = timed(lambda: foreign_key_problems(db))
    return {
        "seconds": seconds,
        "baseline_s": round(plain, 3),
        "quick_check_s": round(seconds - plain, 3),
        "foreign_key_check_s": round(fk, 3),
    }


BENCHMARKS = [
    Bench(
        "backup_100k",
        backup_in_process,
        setup=demo_db,
        note="make_backup() (copy, fsync, verify, rename) vs `sqlite3 .backup` (baseline_s)",
    ),
    Bench(
        "backup_100k_process",
        backup_process,
        setup=demo_db,
        note="`dispatch-app backup --db` whole process vs `sqlite3 .backup` (baseline_s)",
    ),
    Bench(
        "open_checks_100k",
        open_with_checks,
        setup=_scratch,
        note="open_store(verify=True) vs plain open (baseline_s); FK check runs after paint",
    ),
]
