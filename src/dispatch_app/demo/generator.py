"""``generate_demo``: write a believable, deterministic city-year (or one district's) database.

Determinism: every id and timestamp comes from seeded generators (see :mod:`.rand`) and dates
derived from ``as_of``, never from the clock, so the same ``(seed, visits, district, as_of)``
give the same database content; the migration bookkeeping's ``applied_at`` is set to ``as_of``
for the same reason.

Safety: the database is built in a temporary file beside ``path`` (with ``synchronous=OFF``: it
is thrown away on any failure) and renamed onto ``path`` only when complete, so an interrupted
run never leaves a half-written database behind.

A district's database (``district=``) holds only that district's enterprises, visits and
appointments, the teams covering it and a proportionate pool of experts; its targets are the
city's and its own share (the other districts' shares belong to their own databases), and the
setting ``district_scope`` names it (``CITY_SCOPE`` for the whole city).
"""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import clock
from ..domain.choices import CITY_SCOPE
from ..domain.geography import load_gazetteer
from ..domain.records import Target
from ..services.targets import CITY_VISITS, DEFAULT_SHARES, default_figures
from ..store import audit, open_store
from ..store.database import Store
from .appointments import AppointmentMaker
from .bulk import BulkWriter
from .cases import make_cases
from .enterprises import EnterpriseMaker, real_towns
from .experts import make_experts, make_teams, team_members
from .industries import DISTRICT_INDUSTRIES
from .pacing import apportion, pace_factors, visit_plan
from .pools import WENZHOU_SURNAMES
from .rand import DemoRandom, Weighted
from .visits import VisitMaker
from .world import World

Progress = Callable[[int, int], None]

# Sizes of the city's real year (10,000-visit target); other sizes scale from these.
CITY_EXPERTS = 800
CITY_DISTRICT_TEAMS = 90
CITY_WIDE_TEAMS = 10
CITY_CASES = 36
MIN_ENTERPRISES = 200
VISITS_PER_ENTERPRISE = 5


@dataclass
class DemoSummary:
    """What was written; ``describe()`` is the line the command prints."""

    path: Path
    seed: int
    year: int
    as_of: date
    district: str | None  # adcode, None for the whole city
    district_name: str
    enterprises: int = 0
    experts: int = 0
    teams: int = 0
    team_members: int = 0
    appointments: int = 0
    visits: int = 0
    visits_completed: int = 0
    visits_planned: int = 0
    visits_cancelled: int = 0
    follow_ups: int = 0
    cases: int = 0
    targets: int = 0
    seconds: float = 0.0
    paces: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        scope = self.district_name if self.district else "全市 / whole city"
        return "\n".join(
            [
                f"演示数据库已生成 / demo database written: {self.path}",
                f"  {self.year} 年，截至 / as of {self.as_of.isoformat()}，"
                f"种子 / seed {self.seed}，范围 / scope: {scope}",
                f"  企业 / enterprises {self.enterprises:,} · 专家 / experts {self.experts:,} · "
                f"轻骑队 / teams {self.teams:,}（队员 / members {self.team_members:,}）",
                f"  科技副总 / appointments {self.appointments:,} · 入企服务 / visits "
                f"{self.visits:,}（已完成 / completed {self.visits_completed:,}，计划 / planned "
                f"{self.visits_planned:,}，取消 / cancelled {self.visits_cancelled:,}）",
                f"  跟进事项 / follow-ups {self.follow_ups:,} · 典型案例 / cases {self.cases:,} · "
                f"用时 / took {self.seconds:.1f} s",
            ]
        )


def generate_demo(
    path: Path,
    *,
    seed: int = 1,
    visits: int | None = None,
    district: str | None = None,
    as_of: date | None = None,
    progress: Progress | None = None,
    overwrite: bool = False,
) -> DemoSummary:
    """Write a demo database to ``path``; see the module docstring for the guarantees.

    ``visits``: exact number of visit records (default: the city's real year paced to
    ``as_of``); ``district``: an adcode or name for one district's database; ``as_of``
    (default today): the day the demo year has reached.
    """
    started = time.perf_counter()
    path = Path(path)
    as_of = as_of or clock.today()
    if visits is not None and visits < 0:
        raise ValueError("visits must be >= 0 / 服务记录数不能为负数")
    gaz = load_gazetteer()
    adcode = gaz.resolve_district(district).adcode if district else None
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path}: file exists, not overwritten / 文件已存在，未覆盖")
    summary = DemoSummary(
        path=path,
        seed=seed,
        year=as_of.year,
        as_of=as_of,
        district=adcode,
        district_name=gaz.district_name(adcode) if adcode else "",
    )
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()  # a unique name; SQLite creates the file with the usual permissions
    try:
        store = open_store(tmp, create=True)
        try:
            # A throw-away file until renamed: no fsync per commit, no journal file.
            store.conn.execute("PRAGMA synchronous = OFF")
            store.conn.execute("PRAGMA journal_mode = MEMORY")
            store.conn.execute("PRAGMA cache_size = -262144")
            # Made-up records, not anyone's work: no audit trail (and the same bytes each run).
            audit.pause(store.conn)
            with _indexes_deferred(store):
                _fill(store, summary, visits, progress)
        finally:
            store.close()
        _make_durable(tmp)
        os.replace(tmp, path)
    except BaseException:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    summary.seconds = time.perf_counter() - started
    return summary


@contextlib.contextmanager
def _indexes_deferred(store: Store) -> Iterator[None]:
    """Bulk-load practice: drop the secondary indexes, insert, then build each index once.

    The same ``CREATE INDEX`` statements are re-run, so the schema is unchanged.
    """
    indexes = store.query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " ORDER BY rowid"
    )
    with store.atomic():
        for index in indexes:
            store.conn.execute(f'DROP INDEX "{index["name"]}"')
    yield
    with store.atomic():
        for index in indexes:
            store.conn.execute(index["sql"])


def _make_durable(tmp: Path) -> None:
    """One fsync for the finished file (commits ran with ``synchronous=OFF``)."""
    with tmp.open("rb+") as fh:
        os.fsync(fh.fileno())


def _fill(
    store: Store, summary: DemoSummary, visits: int | None, progress: Progress | None
) -> None:
    seed, as_of, year = summary.seed, summary.as_of, summary.year
    gaz = load_gazetteer()
    adcodes = [summary.district] if summary.district else sorted(DEFAULT_SHARES)
    paces = pace_factors(seed)
    summary.paces = {c: paces[c] for c in adcodes}
    full_year = sum(DEFAULT_SHARES[c][0] for c in adcodes)  # the scope's real-year visits
    share = full_year / CITY_VISITS
    scale = (visits / full_year) if visits is not None else 1.0
    root = math.sqrt(max(scale, 0.01))
    weights = [float(DEFAULT_SHARES[c][0]) for c in adcodes]

    n_enterprises = max(
        MIN_ENTERPRISES, round((full_year if visits is None else visits) / VISITS_PER_ENTERPRISE)
    )
    n_experts = max(30, round(CITY_EXPERTS * root * min(1.0, 2.5 * share)))
    teams_per = {
        c: max(1, round(CITY_DISTRICT_TEAMS * root * DEFAULT_SHARES[c][0] / CITY_VISITS))
        for c in adcodes
    }
    citywide = 0 if summary.district else round(CITY_WIDE_TEAMS * root)
    batch = {c: max(1, round(DEFAULT_SHARES[c][1] * root * math.sqrt(paces[c]))) for c in adcodes}
    n_cases = max(3, round(CITY_CASES * root * share))
    plan = visit_plan(adcodes, paces, as_of, visits)
    n_visits = sum(p.total for p in plan)
    total = n_enterprises + n_experts + sum(teams_per.values()) + citywide + n_visits + n_cases
    writer = BulkWriter(store, total + sum(batch.values()), progress)

    # Registry: experts, teams, enterprises.
    experts = make_experts(DemoRandom(seed, "experts"), gaz, year, n_experts)
    industries = {c: Weighted(list(DISTRICT_INDUSTRIES[c].items())) for c in adcodes}
    teams = make_teams(
        DemoRandom(seed, "teams"), gaz, year, experts, teams_per, industries, citywide
    )
    maker = EnterpriseMaker(DemoRandom(seed, "enterprises"), year)
    enterprises = {
        c: maker.make(gaz.district(c), real_towns(gaz.towns_of(c)), n)
        for c, n in zip(adcodes, apportion(n_enterprises, weights), strict=True)
    }
    summary.experts = writer.insert([e.record for e in experts])
    summary.teams = writer.insert([t.record for t in teams])
    summary.team_members = writer.insert(team_members(DemoRandom(seed, "members"), teams), False)
    summary.enterprises = writer.insert([e.record for es in enterprises.values() for e in es])

    rng = DemoRandom(seed, "coordinators")
    surnames = Weighted(WENZHOU_SURNAMES)
    coordinators = {c: [rng.person(surnames) for _ in range(3)] for c in adcodes}
    world = World(seed, year, as_of, gaz, adcodes, enterprises, experts, teams, coordinators)

    # Activity: appointments, visits with follow-ups, cases.
    appointer = AppointmentMaker(DemoRandom(seed, "appointments"), world)
    appointments = [a for c in adcodes for a in appointer.make(c, batch[c])]
    summary.appointments = writer.insert([a.record for a in appointments])
    visit_maker = VisitMaker(DemoRandom(seed, "visits"), world)
    for p in plan:
        for chunk, follow_ups in visit_maker.district(p):
            writer.insert(chunk)
            writer.insert(follow_ups, counted=False)
            summary.follow_ups += len(follow_ups)
        summary.visits += p.total
        summary.visits_completed += p.completed
        summary.visits_planned += p.planned
        summary.visits_cancelled += p.cancelled
    writer.flush_visit_experts()
    cases = make_cases(DemoRandom(seed, "cases"), world, n_cases, appointments, visit_maker.served)
    summary.cases = writer.insert(cases)
    summary.targets = writer.insert(
        _targets(DemoRandom(seed, "targets"), year, as_of, summary.district), False
    )
    with store.atomic():
        for key, value in (
            ("demo_seed", str(seed)),
            ("demo_as_of", as_of.isoformat()),
            ("district_scope", summary.district or CITY_SCOPE),
        ):
            store.set_setting(key, value)
        store.conn.execute(
            "UPDATE _sqlite_migrations SET applied_at = ?", (f"{as_of.isoformat()} 00:00:00+00:00",)
        )
    writer.report(finished=True)


def _targets(rng: DemoRandom, year: int, as_of: date, district: str | None) -> list[Target]:
    """The year's default targets (city + every district, or city + the one district)."""
    day = min(date(year, 1, 5), as_of)
    out = []
    for scope, (v, a) in default_figures(district).items():
        stamp = rng.stamp(day)
        out.append(
            Target(
                id=rng.uid(),
                created_at=stamp,
                updated_at=stamp,
                year=year,
                scope=scope,
                visits_target=v,
                appointments_target=a,
            )
        )
    return out
