"""Foundation figures on the 100k-visit demo: generating it, opening it with checks, progress."""

from __future__ import annotations

from pathlib import Path

from bench.common import DEMO_AS_OF, Bench, Figures, demo_db, run_app, timed, work_dir

VISITS = 100_000
DEMO_ARGS = ["--visits", str(VISITS), "--seed", "1", "--as-of", DEMO_AS_OF.isoformat()]


def _fresh_target() -> Path:
    target = work_dir("scratch") / "generated.db"
    target.unlink(missing_ok=True)
    return target


def generate_process(_: None) -> Figures:
    target = _fresh_target()
    figures = run_app(["demo", str(target), *DEMO_ARGS])
    figures["db_mib"] = round(target.stat().st_size / 2**20, 1)
    target.unlink()
    return figures


def generate_in_process(_: None) -> Figures:
    from dispatch_app.demo import generate_demo
    from dispatch_app.domain.text import pinyin_keys

    target = _fresh_target()
    pinyin_keys.cache_clear()  # else later runs find every name's pinyin cached
    seconds = timed(lambda: generate_demo(target, seed=1, visits=VISITS, as_of=DEMO_AS_OF))
    target.unlink()
    return {"seconds": seconds}


def check_process(db: Path) -> Figures:
    return run_app(["check", "--db", str(db)])


def check_in_process(db: Path) -> Figures:
    from dispatch_app.services.health import check
    from dispatch_app.store import open_store

    with open_store(db, readonly=True) as store:
        report = check(store)
    if not report.ok:
        raise RuntimeError(f"check failed on {db}")
    return None


def progress_process(db: Path) -> Figures:
    return run_app(["progress", "--db", str(db), "--json", "--as-of", DEMO_AS_OF.isoformat()])


def progress_in_process(db: Path) -> Figures:
    from dispatch_app.services.progress import progress
    from dispatch_app.store import open_store

    with open_store(db, readonly=True) as store:
        seconds = timed(lambda: progress(store, DEMO_AS_OF.year, as_of=DEMO_AS_OF))
    return {"seconds": seconds}


BENCHMARKS = [
    Bench(
        "demo_100k_process",
        generate_process,
        note="`dispatch-app demo --visits 100000`, whole process",
    ),
    Bench("demo_100k_in_process", generate_in_process, note="generate_demo() only"),
    Bench(
        "check_100k_process",
        check_process,
        setup=demo_db,
        note="`dispatch-app check` on the 100k demo, whole process",
    ),
    Bench(
        "check_100k_in_process",
        check_in_process,
        setup=demo_db,
        note="open_store(readonly) + health.check",
    ),
    Bench(
        "progress_100k_process",
        progress_process,
        setup=demo_db,
        note="`dispatch-app progress --json`, whole process",
    ),
    Bench(
        "progress_100k_in_process",
        progress_in_process,
        setup=demo_db,
        note="services.progress.progress() on an open store",
    ),
]
