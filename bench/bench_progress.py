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


BENCHMARKS = [
    Bench(
        "progress_dashboard_100k",
        dashboard_100k,
        setup=demo_db,
        note="whole dashboard() in process vs one GROUP BY (group_by_ms), same run",
        repeat=1,
    ),
    Bench(
        "progress_dashboard_100k_old_index",
        without_covering_index,
        setup=demo_db,
        note="same, without visits_progress_cover (the 0001 index only)",
        repeat=1,
    ),
]
