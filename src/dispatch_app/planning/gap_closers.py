"""Gap-closers: enterprises that need a visit and lie close to a team's planned day.

Each candidate is ranked by its *detour*: the extra kilometres of inserting it at its best
place in the ordered day (between two consecutive points, or after the last stop of a day
that does not return). Only enterprises with recorded coordinates take part (a district
centre says nothing about being close), and only those without a visit planned already.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from datetime import date

from ..domain.geography import haversine_km
from ..store.database import Store
from .day import TeamDay
from .needs import Need, needing_visits
from .routes import DistanceFn

DEFAULT_MAX_DETOUR_KM = 6.0
DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class GapCloser:
    need: Need
    detour_km: float
    after: int  # insert after this stop of the ordered day (-1: right after leaving the base)


def _route_points(day: TeamDay) -> list[tuple[float, float]]:
    pts = [(day.base.lat, day.base.lon), *((s.lat, s.lon) for s in day.stops)]
    if day.settings.return_to_base and day.stops:
        pts.append(pts[0])
    return pts


def _box(points, margin_km: float) -> tuple[float, float, float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    dlat = margin_km / 111.0
    dlon = margin_km / (111.0 * math.cos(math.radians(max(abs(x) for x in lats))))
    return min(lats) - dlat, max(lats) + dlat, min(lons) - dlon, max(lons) + dlon


def detour(
    points: list[tuple[float, float]], x: tuple[float, float], open_end: bool, distance: DistanceFn
) -> tuple[float, int]:
    """(extra km, index of the point to insert after) for the cheapest insertion of ``x``."""
    best, where = math.inf, 0
    for i, (a, b) in enumerate(itertools.pairwise(points)):
        extra = distance(*a, *x) + distance(*x, *b) - distance(*a, *b)
        if extra < best:
            best, where = extra, i
    if open_end or len(points) == 1:
        extra = distance(*points[-1], *x)
        if len(points) == 1:
            extra *= 2  # an empty day: there and back
        if extra < best:
            best, where = extra, len(points) - 1
    return best, where


def gap_closers(
    store: Store,
    day: TeamDay,
    today: date,
    *,
    max_detour_km: float = DEFAULT_MAX_DETOUR_KM,
    limit: int = DEFAULT_LIMIT,
    distance: DistanceFn = haversine_km,
) -> list[GapCloser]:
    """The enterprises whose detour is at most ``max_detour_km``, smallest detour first."""
    points = _route_points(day)
    longest = max((distance(*a, *b) for a, b in itertools.pairwise(points)), default=0.0)
    # Points within a detour D of a leg of length L lie in an ellipse around it that reaches
    # sqrt(2LD + D²)/2 from the leg's line and D/2 past its ends: search a box that holds it.
    margin = max(math.sqrt(2 * longest * max_detour_km + max_detour_km**2) / 2, max_detour_km)
    on_day = {s.enterprise_id for s in day.stops}
    needs = needing_visits(store, today, include_planned=False, box=_box(points, margin))
    open_end = not (day.settings.return_to_base and day.stops)
    found = []
    for need in needs:
        if need.enterprise_id in on_day or need.approximate:
            continue
        extra, where = detour(points, (need.lat, need.lon), open_end, distance)
        if extra <= max_detour_km:
            found.append(GapCloser(need, extra, min(where, len(day.stops)) - 1))
    found.sort(key=lambda g: (g.detour_km, -len(g.need.reasons), g.need.name))
    return found[:limit]
