"""The progress dashboard at 100k visits: the whole ``dashboard()`` against one ``GROUP BY``
over the visits table (sqlite3, same connection settings, same run), with and without the
covering index of migration 0003_progress_indexes. Target (issue 8): <= 3x and < 50 ms."""

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path

from bench.common import DEMO_AS_OF, Bench, Figures, demo_db, scratch_copy

BASELINE_SQL = (
    "SELECT district_code, count(*) FROM visits WHERE status = 'completed'"
    " AND visit_date BETWEEN ? AND ? GROUP BY district_code"
)
ROUNDS = 5


def _median_ms(fn) -> float:
    fn()  # warm the page cache and the statement cache
    times = []
    for _ in range(ROUNDS):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _measure(db: Path) -> Figures:
    from dispatch_app.progress import dashboard
    from dispatch_app.store import open_store

    store = open_store(db, readonly=True)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        lo, hi = f"{DEMO_AS_OF.year}-01-01", DEMO_AS_OF.isoformat()
        base = _median_ms(lambda: conn.execute(BASELINE_SQL, (lo, hi)).fetchall())
        whole = _median_ms(lambda: dashboard(store, DEMO_AS_OF.year, as_of=DEMO_AS_OF))
        light = _median_ms(
            lambda: dashboard(store, DEMO_AS_OF.year, as_of=DEMO_AS_OF, detail=False)
        )
    finally:
        conn.close()
        store.close()
    return {
        "seconds": whole / 1000,
        "dashboard_ms": round(whole, 1),
        "workbench_figures_ms": round(light, 1),
        "group_by_ms": round(base, 2),
        "ratio": round(whole / base, 1),
    }


def dashboard_100k(db: Path) -> Figures:
    return _measure(db)


def without_covering_index(db: Path) -> Figures:
    """The same on a copy carrying the old index (status, visit_date, district_code) only."""
    work = scratch_copy(db, "progress-old-index.db")
    conn = sqlite3.connect(work)
    conn.execute("DROP INDEX IF EXISTS visits_progress_cover")
    conn.execute(
        "CREATE INDEX IF NOT EXISTS visits_progress ON visits(status, visit_date, district_code)"
    )
    conn.commit()
    conn.close()
    figures = _measure(work)
    work.unlink()
    return figures


IMPORT_ROUNDS = 3


def _import_seconds(base: Path, csv_path: Path, name: str, triggers: bool) -> float:
    from dispatch_app.exchange.importer import import_file
    from dispatch_app.store import open_store
    from dispatch_app.store.schema import PROGRESS_BACKFILL, PROGRESS_TRIGGERS

    target = scratch_copy(base, name)
    with open_store(target) as store:
        if not triggers:
            for trigger in PROGRESS_TRIGGERS:
                store.conn.execute(f"DROP TRIGGER {trigger}")
        started = time.perf_counter()
        result = import_file(store, "visits", csv_path)
        seconds = time.perf_counter() - started
        if not result.ok:
            raise RuntimeError(result.summary())
        if triggers:  # the writer thread's rows reached the summaries: same as a rebuild
            tables = ("progress_days", "progress_enterprises")
            kept = [
                store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3, 4").fetchall()
                for t in tables
            ]
            for statement in PROGRESS_BACKFILL:
                store.conn.execute(statement)
            again = [
                store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3, 4").fetchall()
                for t in tables
            ]
            if [list(map(tuple, k)) for k in kept] != [list(map(tuple, a)) for a in again]:
                raise RuntimeError("summaries differ from a rebuild after the import")
    target.unlink()
    return seconds


def import_with_triggers(ctx: dict[str, Path]) -> Figures:
    """100k visits imported (in process, the bulk path: writer thread, indexes rebuilt) with
    and without the progress triggers of migration 0007, alternating, same run."""
    with_t, without = [], []
    for _ in range(IMPORT_ROUNDS):
        without.append(_import_seconds(ctx["base"], ctx["csv"], "import-no-triggers.db", False))
        with_t.append(_import_seconds(ctx["base"], ctx["csv"], "import-triggers.db", True))
    a, b = statistics.median(with_t), statistics.median(without)
    return {
        "seconds": a,
        "with_triggers_s": round(a, 3),
        "without_triggers_s": round(b, 3),
        "slowdown": round(a / b, 3),
    }


def _import_setup() -> dict[str, Path]:
    from bench.bench_exchange import _exchange_setup

    return _exchange_setup()


BENCHMARKS = [
    Bench(
        "progress_dashboard_100k",
        dashboard_100k,
        setup=demo_db,
        note="whole dashboard() in process vs one GROUP BY (group_by_ms), same run",
    ),
    Bench(
        "progress_dashboard_100k_old_index",
        without_covering_index,
        setup=demo_db,
        note="same, without visits_progress_cover (the 0001 index only)",
        repeat=1,
    ),
    Bench(
        "progress_import_triggers_100k",
        import_with_triggers,
        setup=_import_setup,
        note="import of 100k visits with/without the summary triggers (target <= 1.15x)",
        repeat=1,
    ),
]
