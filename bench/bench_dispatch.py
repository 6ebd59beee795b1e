"""Dispatch: ranking experts for one enterprise, and ``dispatch-app match`` as a process.

Targets (issue 7): rank 5,000 experts for one enterprise in < 20 ms, and at least 10x faster
than a naive loop that calls ``geopy.geodesic`` for every expert -- measured in the same run,
on the same rows. Also recorded: the whole ``match`` command on the 100k-visit demo.

The 5,000 experts are the demo's 2,530 (real-sounding specialties, load and availability from
the 100k visits) repeated with their points moved up to 15 km, so the rows look like a bigger
city's; the need is a valve enterprise's. The demo database is the one ``dispatch-app demo X
--visits 100000 --seed 3`` writes: give its path in ``DISPATCH_BENCH_DEMO_100K`` to reuse one
made earlier, else it is generated once into bench/work/cache.
"""

from __future__ import annotations

import math
import os
import random
import statistics
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from bench.common import Bench, Figures, demo_db, run_app

EXPERTS = 5_000
ROUNDS = 15
SEED = 3
VALVE_NEEDS = "高温高压阀门密封泄漏问题；智能阀门电动执行机构开发"


def _demo() -> Path:
    given = os.environ.get("DISPATCH_BENCH_DEMO_100K")
    if given:
        return Path(given)
    return demo_db(visits=100_000, seed=SEED)


def _median_ms(fn: Any, rounds: int = ROUNDS) -> float:
    fn()  # warm: the first call pays lazy imports (geopy) and caches
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _valve_enterprise(store: Any) -> tuple[str, str, date]:
    """A 泵阀 enterprise with a point and needs text (the demo's first), its USCC, the day."""
    row = store.conn.execute(
        "SELECT id, uscc FROM enterprises WHERE industry = '泵阀' AND lat IS NOT NULL"
        " AND tech_needs != '' ORDER BY uscc LIMIT 1"
    ).fetchone()
    day = store.scalar("SELECT max(visit_date) FROM visits WHERE status = 'completed'")
    return row[0], row[1], date.fromisoformat(str(day))


def _ranking_setup() -> dict[str, Any]:
    from dispatch_app.matching.candidates import load_experts, load_target
    from dispatch_app.matching.policy import MatchPolicy
    from dispatch_app.store import open_store

    with open_store(_demo(), readonly=True) as store:
        ent_id, _uscc, day = _valve_enterprise(store)
        policy = MatchPolicy.load(store)
        target = replace(load_target(store, ent_id), tech_needs=VALVE_NEEDS)
        base = load_experts(store, ent_id, day, policy.recent_days)
    rng = random.Random(SEED)
    rows = []
    for i in range(EXPERTS):
        e = base[i % len(base)]
        lat, lon = e.lat, e.lon
        if i >= len(base) and lat is not None and lon is not None:
            r, a = 15.0 * math.sqrt(rng.random()), rng.random() * 2 * math.pi
            lat += r * math.cos(a) / 111.2
            lon += r * math.sin(a) / (111.2 * math.cos(math.radians(lat)))
        rows.append(replace(e, id=f"{e.id}-{i}", lat=lat, lon=lon))
    return {"target": target, "rows": rows, "policy": policy}


def _naive(target: Any, rows: list[Any], rel: list[float], policy: Any, top: int) -> list:
    """The obvious loop: geopy's geodesic for every expert, score, sort everything."""
    from geopy.distance import geodesic

    here = (target.lat, target.lon)
    scored = []
    for i, r in enumerate(rows):
        if r.lat is None or r.lon is None:
            continue
        if not r.can_be_vp or r.serves_target:
            continue
        if r.active + r.proposed >= policy.max_active_appointments:
            continue
        km = geodesic(here, (r.lat, r.lon)).km
        if km > policy.max_distance_km:
            continue
        a = (r.active + r.proposed) / policy.max_active_appointments
        load = min(1.0, 0.5 * a + 0.5 * r.recent / max(1, policy.busy_visits))
        s = (
            policy.weight_relevance * rel[i]
            + policy.weight_distance * math.exp(-km / policy.distance_scale_km)
            + policy.weight_load * (1 - load)
        )
        scored.append((s, km, r.id))
    scored.sort(reverse=True)
    return scored[:top]


def rank_5000(ctx: dict[str, Any]) -> Figures:
    from dispatch_app.matching.rank import APPOINTMENT, rank_rows
    from dispatch_app.matching.relevance import ExpertIndex, analyse_need

    target, rows, policy = ctx["target"], ctx["rows"], ctx["policy"]
    need = analyse_need(target.tech_needs, target.industry)
    build_ms = _median_ms(lambda: ExpertIndex([" ".join(r.specialties) for r in rows]), 5)
    index = ExpertIndex([" ".join(r.specialties) for r in rows])

    def ours() -> Any:
        return rank_rows(target, rows, index, need, policy, APPOINTMENT, 10)

    rel = index.score_all(need)
    ranked_ms = _median_ms(ours)
    naive_ms = _median_ms(lambda: _naive(target, rows, rel, policy, 10), 5)
    relevance_ms = _median_ms(lambda: index.score_all(need))
    best_ours = [s.id for s in ours().suggestions]
    best_naive = [rid for _s, _km, rid in _naive(target, rows, rel, policy, 10)]
    return {
        "seconds": ranked_ms / 1000,
        "rank_ms": round(ranked_ms, 2),
        "relevance_part_ms": round(relevance_ms, 2),
        "naive_geodesic_ms": round(naive_ms, 1),
        "speedup_vs_naive": round(naive_ms / ranked_ms, 1),
        "index_build_ms": round(build_ms, 1),
        "same_top10": "yes" if best_ours == best_naive else "no",
        "experts": len(rows),
    }


def _match_setup() -> dict[str, Any]:
    from dispatch_app.store import open_store

    db = _demo()
    with open_store(db, readonly=True) as store:
        _ent, uscc, day = _valve_enterprise(store)
    return {"db": db, "uscc": uscc, "day": day.isoformat()}


def _match_process(ctx: dict[str, Any], purpose: str) -> Figures:
    args = ["match", "--db", str(ctx["db"]), "--enterprise", ctx["uscc"], "--for", purpose]
    figures = run_app([*args, "--date", ctx["day"], "--json"])
    return {"seconds": figures["seconds"], "peak_mib": figures.get("peak_mib", 0)}


def match_in_process(ctx: dict[str, Any]) -> Figures:
    """``match()`` itself (store reads + index + ranking + teams + proposed team), warm."""
    from dispatch_app.matching import match
    from dispatch_app.matching.candidates import find_enterprise_id
    from dispatch_app.store import open_store

    with open_store(ctx["db"], readonly=True) as store:
        ent_id = find_enterprise_id(store, ctx["uscc"])
        on = date.fromisoformat(ctx["day"])
        appointment = _median_ms(lambda: match(store, ent_id, "appointment", on=on), 5)
        visit = _median_ms(lambda: match(store, ent_id, "visit", on=on), 5)
    return {
        "seconds": visit / 1000,
        "appointment_ms": round(appointment, 1),
        "visit_ms": round(visit, 1),
    }


def _baseline_process(_ctx: Any) -> Figures:
    return {"seconds": run_app(["--version"])["seconds"]}


BENCHMARKS = [
    Bench(
        "rank_5000_experts",
        rank_5000,
        setup=_ranking_setup,
        note="rank_rows over 5,000 preloaded experts vs a geopy.geodesic loop, same run; "
        "target < 20 ms and >= 10x",
    ),
    Bench(
        "match_in_process_100k",
        match_in_process,
        setup=_match_setup,
        note="matching.match() warm on the 100k demo (2,530 experts): reads, index, ranking",
    ),
    Bench(
        "match_process_appointment_100k",
        lambda ctx: _match_process(ctx, "appointment"),
        setup=_match_setup,
        note="dispatch-app match --for appointment --json, whole process, 100k demo",
    ),
    Bench(
        "match_process_visit_100k",
        lambda ctx: _match_process(ctx, "visit"),
        setup=_match_setup,
        note="dispatch-app match --for visit --json (teams + proposed team), whole process",
    ),
    Bench(
        "cli_version_process",
        _baseline_process,
        note="dispatch-app --version: the process floor the match figures include",
    ),
]
