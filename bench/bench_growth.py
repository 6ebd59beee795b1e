"""Growth: start-up, search, progress and export at 10k and 100k visits (and 1M on request).

Why: the bureau asks how the program behaves as a district's database grows. Each figure is
measured the way its 100k benchmark measures it (the same functions), against the same
baseline measured in the same run, on demo databases of each size:

- start-up: ``dispatch-app --db --quit-when-ready`` vs a bare PySide6 window (bench_gui);
- search: one keystroke's model reload on the visits page vs the same SQL raw (bench_gui);
- progress: the whole dashboard in process vs one ``GROUP BY`` (bench_progress);
- export: ``dispatch-app export visits`` vs ``sqlite3 -csv`` of the table (bench_exchange).

The 1M-visit sizes run only with ``DISPATCH_BENCH_1M=1`` (``python -m bench.report --with-1m``):
generating that demo takes minutes and its file is ~1.3 GB.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import Bench, Figures, demo_db

SIZES = {"10k": 10_000, "100k": 100_000}
if os.environ.get("DISPATCH_BENCH_1M") == "1":
    SIZES["1m"] = 1_000_000


def _compiled(visits: int) -> Callable[[], Path]:
    def setup() -> Path:
        import compileall

        from bench.common import ROOT

        compileall.compile_dir(str(ROOT / "src" / "dispatch_app"), quiet=1)
        return demo_db(visits)

    return setup


def _demo(visits: int) -> Callable[[], Path]:
    return lambda: demo_db(visits)


def startup(db: Path) -> Figures:
    from bench import bench_gui

    return bench_gui.startup_home(db)


def search(db: Path) -> Figures:
    from bench import bench_gui

    return bench_gui.search_in_process(db)


def progress(db: Path) -> Figures:
    from bench import bench_progress

    figures: dict[str, Any] = dict(bench_progress.dashboard_100k(db))
    figures["baseline_s"] = round(figures.pop("group_by_ms") / 1000, 5)
    return figures


def export(db: Path) -> Figures:
    from bench import bench_exchange

    figures: dict[str, Any] = dict(bench_exchange.export_visits_process({"db": db}))
    figures["baseline_s"] = round(figures.pop("sqlite3_csv_s"), 4)
    figures["ratio"] = figures.pop("ratio_vs_sqlite3")
    return figures


BENCHMARKS: list[Bench] = []
for label, visits in SIZES.items():
    BENCHMARKS += [
        Bench(
            f"growth_startup_{label}_process",
            startup,
            setup=_compiled(visits),
            note=f"{label} visits: start-up to painted rows vs bare PySide6 window (baseline_s)",
        ),
        Bench(
            f"growth_search_{label}",
            search,
            setup=_demo(visits),
            note=f"{label} visits: visits-page search per keystroke vs the same SQL raw",
        ),
        Bench(
            f"growth_progress_{label}",
            progress,
            setup=_demo(visits),
            note=f"{label} visits: whole progress dashboard vs one GROUP BY",
            repeat=1,  # the function takes the median of 5 rounds itself
        ),
        Bench(
            f"growth_export_{label}_process",
            export,
            setup=_demo(visits),
            note=f"{label} visits: `dispatch-app export visits` vs `sqlite3 -csv`",
        ),
    ]
