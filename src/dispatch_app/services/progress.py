"""The workbench's first progress figures, in their first shape, now computed by the progress
package (``dispatch_app.progress``, where the definitions live).

Kept so that code written against ``progress(store, year)`` keeps working; new code calls
``dispatch_app.progress.dashboard``. Every district of the database's city view is listed,
and the totals are the database's own scope (a district's database: its share).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from .. import clock
from ..domain.choices import CITY_SCOPE
from ..store.database import Store


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
    year_elapsed: float  # share of the year gone by at ``as_of`` (linear pacing)
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


def progress(store: Store, year: int, *, as_of: date | None = None) -> Progress:
    from ..progress import dashboard

    as_of = as_of or clock.today()
    own = dashboard(store, year, as_of=as_of, detail=False)
    city = (
        own
        if own.scope == CITY_SCOPE
        else dashboard(store, year, as_of=as_of, scope=CITY_SCOPE, detail=False)
    )
    rows = {r.adcode: r for r in city.districts}
    districts = []
    for code, name in store.query("SELECT adcode, name FROM districts ORDER BY adcode"):
        r = rows.get(code)
        districts.append(
            DistrictProgress(
                district=name,
                adcode=code,
                visits_target=r.visits.target if r else 0,
                visits_done=r.visits.done if r else 0,
                appointments_target=r.appointments.target if r else 0,
                appointments_count=r.appointments.done if r else 0,
                visits_planned=r.visits.pipeline if r else 0,
            )
        )
    v, a = own.visits, own.appointments
    return Progress(
        year=year,
        as_of=own.as_of,
        year_elapsed=round(own.year_elapsed, 4),
        visits={"target": v.target, "done": v.done, "planned": v.pipeline},
        appointments={"target": a.target, "count": a.done},
        targets_source=own.targets_source,
        scope=own.scope,
        scope_name=own.scope_name,
        districts=districts,
    )
