"""A team's day: its planned visits in a short order from its base, with km and times.

The base is the one recorded for the team (``teams.base_*``), else its district's centre,
else (a team with no district) the centre of the district most of the day's stops lie in.
A stop without coordinates stands at its district's centre and is marked ``approximate``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..domain.geography import haversine_km
from ..store import planning_queries as q
from ..store.database import Store
from .approximate import is_approximate
from .routes import DayRoute, DistanceFn, RouteSettings, distance_matrix, order_day, timed_route
from .settings import load_route_settings


class UnknownTeam(LookupError):
    """No team of that name (or id): the CLI exits 2 with this text."""

    def __init__(self, name: str) -> None:
        self.zh = f"找不到轻骑队“{name}”（请核对队伍名称）"
        self.en = f"No team named '{name}' (check the team's name)"
        super().__init__(f"{self.zh} / {self.en}")


@dataclass(frozen=True)
class Base:
    lat: float
    lon: float
    label: str
    source: str  # "recorded", "district" or "stops"


@dataclass(frozen=True)
class Stop:
    visit_id: str
    enterprise_id: str
    name: str
    uscc: str
    address: str
    contact_name: str
    contact_phone: str
    district_name: str
    lat: float
    lon: float
    approximate: bool  # True: the district centre stands in for missing coordinates
    status: str


@dataclass(frozen=True)
class TeamDay:
    team_id: str
    team_name: str
    day: date
    base: Base
    stops: tuple[Stop, ...]  # in the suggested order
    route: DayRoute  # route.order: indices into the stops as entered
    entered_km: float  # the same day in the order the visits were entered
    settings: RouteSettings


def _stop(row) -> Stop:
    approximate = is_approximate(row)
    return Stop(
        visit_id=row["visit_id"],
        enterprise_id=row["enterprise_id"],
        name=row["name"],
        uscc=row["uscc"],
        address=row["address"],
        contact_name=row["contact_name"],
        contact_phone=row["contact_phone"],
        district_name=row["district_name"],
        lat=row["center_lat"] if approximate else row["lat"],
        lon=row["center_lon"] if approximate else row["lon"],
        approximate=approximate,
        status=row["status"],
    )


def team_base(team, stops: list[Stop]) -> Base | None:
    """Where the team's day starts (None: no base and no stops to guess from)."""
    if team["base_lat"] is not None and team["base_lon"] is not None:
        return Base(team["base_lat"], team["base_lon"], team["base_label"] or "", "recorded")
    if team["center_lat"] is not None:
        return Base(team["center_lat"], team["center_lon"], team["district_name"], "district")
    if stops:
        district, _n = Counter(s.district_name for s in stops).most_common(1)[0]
        first = next(s for s in stops if s.district_name == district)
        return Base(first.lat, first.lon, district, "stops")
    return None


def find_team(store: Store, team: str):
    """A team row by name, or by id; UnknownTeam otherwise."""
    row = q.team_by_name(store, team) or q.team_by_id(store, team)
    if row is None:
        raise UnknownTeam(team)
    return row


def plan_day(
    store: Store,
    team: str,
    day: date,
    settings: RouteSettings | None = None,
    distance: DistanceFn = haversine_km,
) -> TeamDay:
    """The team's (by name or id) visits on ``day``, ordered; an empty day has no stops."""
    row = find_team(store, team)
    settings = settings or load_route_settings(store)
    entered = [_stop(r) for r in q.day_stops(store, row["id"], day)]
    base = team_base(row, entered) or Base(0.0, 0.0, "", "stops")
    points = [(s.lat, s.lon) for s in entered]
    route = order_day((base.lat, base.lon), points, settings, distance)
    m = distance_matrix((base.lat, base.lon), points, distance)
    entered_km = timed_route(m, list(range(1, len(points) + 1)), settings).km
    return TeamDay(
        team_id=row["id"],
        team_name=row["name"],
        day=day,
        base=base,
        stops=tuple(entered[i] for i in route.order),
        route=route,
        entered_km=entered_km,
        settings=settings,
    )
