"""Exchange figures on the 100k-visit demo: export and import, each against native tools.

Every comparison is measured in the same run, on the same file, as whole processes:
- export of the visits to CSV vs ``sqlite3 -csv`` of the same table (target: at most 2x);
- import of that CSV with full validation vs ``sqlite3 .import --csv`` of the same file into a
  new table (the native floor; target: at most 4x) and vs ``sqlite-utils insert --csv``
  (target: at least 3x faster).
The import goes into a copy of the demo database with its visits removed, so every reference
(enterprises, experts, teams) resolves, as it does for a coordinator.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

from bench.common import (
    ROOT,
    Bench,
    Figures,
    demo_db,
    run_app,
    run_process,
    scratch_copy,
    work_dir,
)

VISITS = 100_000


def _exchange_setup() -> dict[str, Path]:
    db = demo_db(VISITS)
    folder = work_dir("exchange")
    csv_path = folder / "visits-100k.csv"
    base = folder / "no-visits.db"
    stamp = folder / "source.txt"
    if not (
        csv_path.exists() and base.exists() and stamp.exists() and stamp.read_text() == db.name
    ):
        from dispatch_app.exchange.exporter import export_kind
        from dispatch_app.store import open_store

        with open_store(db, readonly=True) as store:
            export_kind(store, "visits", csv_path)
        shutil.copyfile(db, base)
        conn = sqlite3.connect(base)
        conn.execute("PRAGMA foreign_keys = ON")
        with conn:
            conn.execute("DELETE FROM visits")  # follow-ups and participants cascade
        conn.execute("VACUUM")
        conn.close()
        stamp.write_text(db.name)
    from dispatch_app.store import open_store

    # A cached demo may predate a migration: upgrade the base once here, as a user's file is
    # upgraded once, so that no timed import pays for it.
    with open_store(base):
        pass
    return {"db": db, "csv": csv_path, "base": base}


def _fresh(name: str) -> Path:
    path = work_dir("scratch") / name
    path.unlink(missing_ok=True)
    return path


def _export_setup() -> dict[str, Path]:
    """The exchange files, with the package's bytecode compiled as an installed program has
    it (these machines set PYTHONDONTWRITEBYTECODE: a source tree compiles every module the
    export imports, ~0.1 s of CPU in every process, which a user never pays)."""
    import compileall

    compileall.compile_dir(str(ROOT / "src" / "dispatch_app"), quiet=1)
    return _exchange_setup()


def export_visits_process(ctx: dict[str, Path]) -> Figures:
    out = _fresh("export-visits.csv")
    figures = run_app(["export", "visits", "--db", str(ctx["db"]), "--out", str(out)])
    native = run_process(["sqlite3", "-csv", str(ctx["db"]), "SELECT * FROM visits"])
    figures["sqlite3_csv_s"] = native["seconds"]
    figures["ratio_vs_sqlite3"] = round(figures["seconds"] / native["seconds"], 2)
    if "cpu_s" in figures and native.get("cpu_s"):  # steadier than wall time on a shared machine
        figures["sqlite3_csv_cpu_s"] = native["cpu_s"]
        figures["cpu_ratio_vs_sqlite3"] = round(figures["cpu_s"] / native["cpu_s"], 2)
    return figures


def _sqlite_utils() -> str:
    script = Path(sys.executable).parent / "sqlite-utils"
    return str(script) if script.exists() else "sqlite-utils"


def import_visits_process(ctx: dict[str, Path]) -> Figures:
    target = scratch_copy(ctx["base"], "import-visits.db")
    figures = run_app(["import", "visits", str(ctx["csv"]), "--db", str(target)])
    floor_db = _fresh("sqlite3-import.db")
    native = run_process(["sqlite3", str(floor_db), f".import --csv {ctx['csv']} visits_raw"])
    utils_db = _fresh("sqlite-utils-insert.db")
    utils = run_process(
        [_sqlite_utils(), "insert", str(utils_db), "visits", str(ctx["csv"]), "--csv"]
    )
    figures["sqlite3_import_s"] = native["seconds"]
    figures["sqlite_utils_s"] = utils["seconds"]
    figures["ratio_vs_sqlite3"] = round(figures["seconds"] / native["seconds"], 2)
    figures["speedup_vs_sqlite_utils"] = round(utils["seconds"] / figures["seconds"], 2)
    return figures


def import_visits_in_process(ctx: dict[str, Path]) -> Figures:
    """The import call alone (no start-up): where the time goes when tuning."""
    from dispatch_app.exchange.importer import import_file
    from dispatch_app.store import open_store

    target = scratch_copy(ctx["base"], "import-visits-inproc.db")
    with open_store(target) as store:
        import time

        started = time.perf_counter()
        result = import_file(store, "visits", ctx["csv"])
        seconds = time.perf_counter() - started
    if not result.ok or result.added != VISITS:
        raise RuntimeError(result.summary())
    return {"seconds": seconds}


def dry_run_visits_process(ctx: dict[str, Path]) -> Figures:
    """Validation only (``--dry-run``): reading and checking 100k rows, nothing written."""
    target = scratch_copy(ctx["base"], "dry-run-visits.db")
    return run_app(["import", "visits", str(ctx["csv"]), "--db", str(target), "--dry-run"])


def _kinds_setup() -> dict[str, Path]:
    """The demo's own enterprise and expert exports (20k and ~800 rows), made once."""
    db = demo_db(VISITS)
    folder = work_dir("exchange")
    stamp = folder / "kinds-source.txt"
    paths = {kind: folder / f"{kind}-100k-demo.csv" for kind in ("enterprises", "experts")}
    if not (
        stamp.exists() and stamp.read_text() == db.name and all(p.exists() for p in paths.values())
    ):
        from dispatch_app.exchange.exporter import export_kind
        from dispatch_app.store import open_store

        with open_store(db, readonly=True) as store:
            for kind, path in paths.items():
                export_kind(store, kind, path)
        stamp.write_text(db.name)
    empty = folder / "empty.db"
    empty.unlink(missing_ok=True)
    from dispatch_app.store import open_store

    with open_store(empty, create=True):  # `dispatch-app init`, outside the timed part
        pass
    return {"db": db, "empty": empty, **paths}


def _import_kind_process(kind: str, csv_path: Path, empty: Path) -> Figures:
    """`dispatch-app import KIND` into a fresh database vs the two CLI floors, same file."""
    target = scratch_copy(empty, f"import-{kind}.db")
    figures = run_app(["import", kind, str(csv_path), "--db", str(target)])
    check = sqlite3.connect(target)
    rows = check.execute(f"SELECT count(*) FROM {kind}").fetchone()[0]
    check.close()
    if rows == 0:
        raise RuntimeError(f"nothing imported into {kind}")
    floor_db = _fresh(f"sqlite3-import-{kind}.db")
    native = run_process(["sqlite3", str(floor_db), f".import --csv {csv_path} raw"])
    utils_db = _fresh(f"sqlite-utils-insert-{kind}.db")
    utils = run_process([_sqlite_utils(), "insert", str(utils_db), kind, str(csv_path), "--csv"])
    figures["rows"] = rows
    figures["sqlite3_import_s"] = native["seconds"]
    figures["sqlite_utils_s"] = utils["seconds"]
    figures["ratio_vs_sqlite3"] = round(figures["seconds"] / native["seconds"], 2)
    figures["speedup_vs_sqlite_utils"] = round(utils["seconds"] / figures["seconds"], 2)
    return figures


def import_enterprises_process(ctx: dict[str, Path]) -> Figures:
    return _import_kind_process("enterprises", ctx["enterprises"], ctx["empty"])


def import_experts_process(ctx: dict[str, Path]) -> Figures:
    return _import_kind_process("experts", ctx["experts"], ctx["empty"])


BENCHMARKS = [
    Bench(
        "exchange_import_enterprises_20k_process",
        import_enterprises_process,
        setup=_kinds_setup,
        note="`dispatch-app import enterprises` of the demo's 20k export into a fresh database "
        "vs `sqlite3 .import --csv` (target ≤4×) and `sqlite-utils insert --csv` (target ≥3× "
        "faster)",
    ),
    Bench(
        "exchange_import_experts_100k_demo_process",
        import_experts_process,
        setup=_kinds_setup,
        note="`dispatch-app import experts` of the demo's expert export into a fresh database, "
        "same floors",
    ),
    Bench(
        "exchange_export_visits_100k_process",
        export_visits_process,
        setup=_export_setup,
        note="`dispatch-app export visits` to CSV vs `sqlite3 -csv` of the table (target ≤2×);"
        " bytecode compiled first, as installed",
    ),
    Bench(
        "exchange_import_visits_100k_process",
        import_visits_process,
        setup=_exchange_setup,
        note="`dispatch-app import visits`, full validation, vs `sqlite3 .import --csv` "
        "(target ≤4×) and `sqlite-utils insert --csv` (target ≥3× faster)",
    ),
    Bench(
        "exchange_import_visits_100k",
        import_visits_in_process,
        setup=_exchange_setup,
        note="import_file() alone, in process",
    ),
    Bench(
        "exchange_dry_run_visits_100k_process",
        dry_run_visits_process,
        setup=_exchange_setup,
        note="`import visits --dry-run`: read and validate only",
    ),
]
