"""GUI figures on the 100k-visit demo: start-up to painted rows vs. a bare PySide6 window,
the visits page's first rows, search-as-you-type vs. the same SQL run raw, peak memory.

Targets (issue 3): start-up ≤ 1.5× the bare window, search ≤ 3× raw SQL and < 100 ms,
peak memory ≤ bare window + 150 MB.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from bench.common import Bench, Figures, demo_db, run_app, run_process, work_dir

# What a user types, key by key, into the visits page's search box: pinyin initials and Chinese.
TYPED = ["w", "wz", "wzh", "温", "温州", "瑞安", "zt", "9133038"]

_BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _config(page: str) -> Path:
    """A settings folder whose last page is ``page`` (written as text: no Qt in the runner)."""
    folder = work_dir("scratch", f"gui-config-{page}")
    (folder / "dispatch-app.ini").write_text(f"[window]\nlast_page={page}\n", encoding="utf-8")
    return folder


def _env(page: str) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["DISPATCH_APP_CONFIG"] = str(_config(page))


def _startup(db: Path, page: str) -> Figures:
    _env(page)
    bare = run_process([sys.executable, "-c", _BARE])
    app = run_app(["--db", str(db), "--quit-when-ready"])
    return {
        "seconds": app["seconds"],
        "baseline_s": round(bare["seconds"], 3),
        "ratio": round(app["seconds"] / bare["seconds"], 2),
        "peak_mib": app.get("peak_mib", 0),
        "bare_peak_mib": bare.get("peak_mib", 0),
        "extra_mib": round(app.get("peak_mib", 0) - bare.get("peak_mib", 0), 1),
    }


def startup_home(db: Path) -> Figures:
    return _startup(db, "home")


def startup_visits(db: Path) -> Figures:
    return _startup(db, "visits")


def search_in_process(db: Path) -> Figures:
    """Each keystroke's query as the page runs it (count + first page into the model),
    against the very same SQL statements executed raw with sqlite3."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTableView

    import dispatch_app.gui  # noqa: F401  (the PySide6 6.12 refcount guard)
    from dispatch_app.gui.models.record_table import RecordTableModel
    from dispatch_app.store import listing, open_store
    from dispatch_app.store.listing import Criteria

    app = QApplication.instance() or QApplication([])
    store = open_store(db, readonly=True)
    model = RecordTableModel("visits")
    view = QTableView()
    view.setModel(model)
    model.set_store(store)
    app.processEvents()
    gui, raw = [], []
    for text in TYPED:
        criteria = Criteria(search=text)
        started = time.perf_counter()
        model.set_criteria(criteria)
        gui.append(time.perf_counter() - started)
        started = time.perf_counter()
        total = listing.count(store, "visits", criteria)
        listing.fetch(store, "visits", criteria, 0, listing.PAGE_SIZE, total=total)
        raw.append(time.perf_counter() - started)
    store.close()
    worst = max(range(len(TYPED)), key=lambda i: gui[i])
    return {
        "seconds": statistics.median(gui),
        "max_ms": round(max(gui) * 1000, 1),
        "worst_term": TYPED[worst],
        "baseline_s": round(statistics.median(raw), 4),
        "ratio": round(statistics.median(gui) / statistics.median(raw), 2),
    }


BENCHMARKS = [
    Bench(
        "gui_startup_100k_process",
        startup_home,
        setup=demo_db,
        note="`dispatch-app --db --quit-when-ready` (home page) vs bare PySide6 window "
        "(baseline_s); target ratio ≤ 1.5, extra_mib ≤ 150",
    ),
    Bench(
        "gui_visits_first_rows_100k_process",
        startup_visits,
        setup=demo_db,
        note="same, opening on the visits page (100k rows, first page painted)",
    ),
    Bench(
        "gui_search_visits_100k",
        search_in_process,
        setup=demo_db,
        note="per keystroke: model reload (count + first page) vs the same SQL raw "
        "(baseline_s); target ≤ 3× and < 100 ms",
    ),
]
