"""Progress toward the year's targets, city-wide and by district.

家次: every *completed* visit in the year counts once, however many experts went.
An appointment counts toward its batch year once the expert was actually seconded
(status 在岗 / 期满 / 提前结束; 拟派 and 撤回 do not count).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from .. import clock
from ..domain.choices import APPOINTMENT_COUNTED, CITY_SCOPE
from ..store.database import Store
from .targets import default_figures


@dataclass
class DistrictProgress:
    district: str
    adcode: str
    visits_target: int
    visits_done: int
    appointments_target: int
    appointments_count: int
    visits_planned: int = 0

    @property
    def visits_ratio(self) -> float:
        return self.visits_done / self.visits_target if self.visits_target else 0.0


@dataclass
class Progress:
    year: int
    as_of: str
    year_elapsed: float  # share of the year gone by at ``as_of`` (pacing)
    visits: dict[str, int]
    appointments: dict[str, int]
    targets_source: str  # "database" or "default"
    scope: str  # CITY_SCOPE, or the adcode of the one district this database holds
    scope_name: str
    districts: list[DistrictProgress] = field(default_factory=list)

    def to_json(self) -> dict:
        data = asdict(self)
        for d, obj in zip(data["districts"], self.districts, strict=True):
            d["visits_ratio"] = round(obj.visits_ratio, 4)
        return data


def _year_elapsed(year: int, as_of: date) -> float:
    start, end = date(year, 1, 1), date(year, 12, 31)
    if as_of < start:
        return 0.0
    if as_of >= end:
        return 1.0
    return ((as_of - start).days + 1) / ((end - start).days + 1)


def progress(store: Store, year: int, *, as_of: date | None = None) -> Progress:
    as_of = as_of or clock.today()
    lo, hi = f"{year:04d}-01-01", f"{year:04d}-12-31"
    done = dict(
        store.query(
            "SELECT district_code, count(*) FROM visits WHERE status = 'completed'"
            " AND visit_date BETWEEN ? AND ? GROUP BY district_code",
            (lo, hi),
        )
    )
    planned = dict(
        store.query(
            "SELECT district_code, count(*) FROM visits WHERE status = 'planned'"
            " AND visit_date BETWEEN ? AND ? GROUP BY district_code",
            (lo, hi),
        )
    )
    marks = ",".join("?" * len(APPOINTMENT_COUNTED))
    appointed = dict(
        store.query(
            "SELECT e.district_code, count(*) FROM appointments a"
            " JOIN enterprises e ON e.id = a.enterprise_id"
            f" WHERE a.batch_year = ? AND a.status IN ({marks}) GROUP BY e.district_code",
            (year, *APPOINTMENT_COUNTED),
        )
    )
    targets = {
        r["scope"]: (r["visits_target"], r["appointments_target"])
        for r in store.query(
            "SELECT scope, visits_target, appointments_target FROM targets WHERE year = ?",
            (year,),
        )
    }
    source = "database" if targets else "default"
    if not targets:
        targets = default_figures()
    districts = [
        DistrictProgress(
            district=r["name"],
            adcode=r["adcode"],
            visits_target=targets.get(r["adcode"], (0, 0))[0],
            visits_done=done.get(r["adcode"], 0),
            appointments_target=targets.get(r["adcode"], (0, 0))[1],
            appointments_count=appointed.get(r["adcode"], 0),
            visits_planned=planned.get(r["adcode"], 0),
        )
        for r in store.query("SELECT adcode, name FROM districts ORDER BY adcode")
    ]
    # A district's own database measures itself against its share, not the city's 10,000.
    scope = store.get_setting("district_scope") or CITY_SCOPE
    names = {d.adcode: d.district for d in districts}
    if scope not in names:
        scope = CITY_SCOPE
    city_v, city_a = targets.get(
        scope,
        (sum(d.visits_target for d in districts), sum(d.appointments_target for d in districts)),
    )
    return Progress(
        year=year,
        as_of=as_of.isoformat(),
        year_elapsed=round(_year_elapsed(year, as_of), 4),
        visits={"target": city_v, "done": sum(done.values()), "planned": sum(planned.values())},
        appointments={"target": city_a, "count": sum(appointed.values())},
        targets_source=source,
        scope=scope,
        scope_name=names.get(scope, "温州市"),
        districts=districts,
    )
