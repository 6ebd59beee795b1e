"""Planning (issue 7): ordering a 15-stop day (target < 50 ms), and on the 100k-visit demo the
needs query (the Planning page's left list) and a team's whole day with its gap-closers (the
page's right side), each against a plain baseline measured in the same run."""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from datetime import timedelta
from pathlib import Path

from bench.common import DEMO_AS_OF, Bench, Figures, demo_db, scratch_copy

ROUNDS = 9
# 乐清市's centre and a box of about 30 x 30 km around it: one district's day.
CENTRE = (28.116, 120.967)


def _median_ms(fn, rounds: int = ROUNDS) -> float:
    fn()  # warm caches
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _points(n: int, seed: int) -> list[tuple[float, float]]:
    rng = random.Random(seed)
    return [
        (CENTRE[0] + rng.uniform(-0.14, 0.14), CENTRE[1] + rng.uniform(-0.15, 0.15))
        for _ in range(n)
    ]


def order_15_stops(_ctx: object) -> Figures:
    """order_day on 15 random stops (NN + 2-opt from NN and from the entered order), the
    median over several days; 8 stops (exact Held-Karp) for scale; km saved vs entered order."""
    from dispatch_app.planning.routes import RouteSettings, distance_matrix, order_day, timed_route

    settings = RouteSettings()
    days = [_points(15, seed) for seed in range(5)]
    per_day = [_median_ms(lambda d=d: order_day(CENTRE, d, settings)) for d in days]
    exact = [_median_ms(lambda d=d: order_day(CENTRE, d[:8], settings)) for d in days]
    saved = []
    for d in days:
        route = order_day(CENTRE, d, settings)
        entered = timed_route(distance_matrix(CENTRE, d), list(range(1, 16)), settings).km
        saved.append(1 - route.km / entered)
    ms = statistics.median(per_day)
    return {
        "seconds": ms / 1000,
        "order_15_ms": round(ms, 2),
        "order_15_worst_ms": round(max(per_day), 2),
        "order_8_exact_ms": round(statistics.median(exact), 2),
        "km_saved_vs_entered_pct": round(100 * statistics.median(saved), 1),
    }


def needs_100k(db: Path) -> Figures:
    """needing_visits() over the 100k demo vs the bare aggregate of completed visits per
    enterprise it is built on (sqlite3, same run)."""
    from dispatch_app.planning.needs import needing_visits
    from dispatch_app.store import open_store

    store = open_store(db, readonly=True)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        base = _median_ms(
            lambda: conn.execute(
                "SELECT enterprise_id, max(visit_date) FROM visits"
                " WHERE status = 'completed' AND visit_date <= ? GROUP BY enterprise_id",
                (DEMO_AS_OF.isoformat(),),
            ).fetchall(),
            5,
        )
        rows = needing_visits(store, DEMO_AS_OF)
        whole = _median_ms(lambda: needing_visits(store, DEMO_AS_OF), 5)
        district = _median_ms(lambda: needing_visits(store, DEMO_AS_OF, district="330382"), 5)
    finally:
        conn.close()
        store.close()
    return {
        "seconds": whole / 1000,
        "needs_ms": round(whole, 1),
        "needs_one_district_ms": round(district, 1),
        "rows": len(rows),
        "aggregate_ms": round(base, 1),
        "ratio": round(whole / base, 1),
    }


def _busy_day(db: Path) -> tuple[Path, str, object]:
    """A copy of the demo with 12 stops on one 乐清 team's day (what the page shows)."""
    from dispatch_app.planning.assign import assign
    from dispatch_app.planning.needs import needing_visits
    from dispatch_app.store import open_store
    from dispatch_app.store import planning_queries as q

    work = scratch_copy(db, "planning-day.db")
    day = DEMO_AS_OF + timedelta(days=3)
    with open_store(work) as store:
        team = next(name for _id, name in q.team_names(store) if name.startswith("乐清"))
        needs = needing_visits(store, DEMO_AS_OF, district="330382", include_planned=False)
        assign(store, [n.enterprise_id for n in needs[:12]], team, day, today=DEMO_AS_OF)
    return work, team, day


def day_with_gap_closers_100k(ctx: tuple[Path, str, object]) -> Figures:
    """plan_day + gap_closers for a 12-stop day on the 100k demo vs plan_day alone."""
    from dispatch_app.planning.day import plan_day
    from dispatch_app.planning.gap_closers import gap_closers
    from dispatch_app.store import open_store

    work, team, day = ctx
    with open_store(work, readonly=True) as store:
        alone = _median_ms(lambda: plan_day(store, team, day))
        whole = _median_ms(lambda: gap_closers(store, plan_day(store, team, day), DEMO_AS_OF))
        found = len(gap_closers(store, plan_day(store, team, day), DEMO_AS_OF))
    return {
        "seconds": whole / 1000,
        "day_and_gap_closers_ms": round(whole, 1),
        "plan_day_ms": round(alone, 1),
        "gap_closers_found": found,
    }


BENCHMARKS = [
    Bench(
        "planning_order_15_stops",
        order_15_stops,
        note="order_day, 15 random stops in one district, median of 5 days; target < 50 ms",
    ),
    Bench(
        "planning_needs_100k",
        needs_100k,
        setup=demo_db,
        note="needing_visits() whole list vs the bare per-enterprise aggregate (aggregate_ms)",
        repeat=1,
    ),
    Bench(
        "planning_day_gap_closers_100k",
        day_with_gap_closers_100k,
        setup=lambda: _busy_day(demo_db()),
        note="a 12-stop team day: plan_day + gap_closers vs plan_day alone (plan_day_ms)",
        repeat=1,
    ),
]
