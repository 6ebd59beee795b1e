"""Order a team's day: which enterprise first, then which, so the day's kilometres are few.

Plain (lat, lon) points and an injected distance function (kilometres), so the order can be
computed and tested without a database; the default is the great-circle distance, which is
what ranking needs (road distance is unknown offline).

The route starts at the team's base and, by default, returns there (``return_to_base``).
Days of up to :data:`EXACT_MAX_STOPS` stops are solved exactly (Held–Karp dynamic programme,
microseconds to a few milliseconds); longer ones start from the nearest neighbour of the base
and improve by 2-opt, and the input order improved by 2-opt is tried too, so the result is
never longer than the order the user gave.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..domain.geography import haversine_km

Point = tuple[float, float]  # (lat, lon), GCJ-02 like every coordinate in the program
DistanceFn = Callable[[float, float, float, float], float]

# 2^8 · 8² ≈ 16k steps in Python: a few milliseconds. Above this, NN + 2-opt.
EXACT_MAX_STOPS = 8
_EPS = 1e-9


@dataclass(frozen=True)
class RouteSettings:
    """How a day's time is estimated. Stored per database (``planning.settings``).

    ``speed_kmh`` applies to the straight-line kilometres: 30 km/h straight-line is about
    40 km/h on roads that are a third longer than the crow flies, a fair pace between
    Wenzhou's towns. ``minutes_per_stop`` is the time spent inside one enterprise.
    """

    speed_kmh: float = 30.0
    minutes_per_stop: float = 60.0
    day_start: str = "08:30"  # HH:MM, when the team leaves its base
    return_to_base: bool = True


@dataclass(frozen=True)
class Leg:
    """One stop of the ordered day: which input stop, the km from the previous point, and the
    estimated arrival/departure in minutes after the day's start."""

    stop: int  # index into the stops given to order_day
    km: float
    arrive_min: float
    depart_min: float


@dataclass(frozen=True)
class DayRoute:
    order: tuple[int, ...]  # input indices in visiting order
    legs: tuple[Leg, ...]
    return_km: float  # last stop back to the base (0 when the day ends at the last stop)
    km: float  # total, return included
    minutes: float  # total: driving plus time at the stops
    method: str  # "exact", "2-opt" or "trivial"

    @property
    def driving_minutes(self) -> float:
        return self.minutes - sum(leg.depart_min - leg.arrive_min for leg in self.legs)


def distance_matrix(
    base: Point, stops: Sequence[Point], distance: DistanceFn = haversine_km
) -> list[list[float]]:
    """Symmetric matrix over [base, *stops]."""
    points = [base, *stops]
    n = len(points)
    m = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            d = distance(points[i][0], points[i][1], points[j][0], points[j][1])
            m[i][j] = m[j][i] = d
    return m


def _with_end(m: list[list[float]], closed: bool) -> list[list[float]]:
    """The matrix with a fixed end node appended: the base again (closed) or a free end (0)."""
    n = len(m)
    out = [[*row[:], m[i][0] if closed else 0.0] for i, row in enumerate(m)]
    out.append([m[0][j] if closed else 0.0 for j in range(n)] + [0.0])
    return out


def path_length(m: list[list[float]], path: Sequence[int]) -> float:
    return sum(m[a][b] for a, b in itertools.pairwise(path))


def tour_length(m: list[list[float]], order: Sequence[int], closed: bool) -> float:
    """Length of base → order (matrix indices, 1-based stops) [→ base]."""
    path = [0, *order, 0] if closed else [0, *order]
    return path_length(m, path)


def nearest_neighbour(m: list[list[float]]) -> list[int]:
    """From the base (0), always the closest stop not yet visited (ties: lower index)."""
    left = set(range(1, len(m)))
    order, here = [], 0
    while left:
        nxt = min(left, key=lambda j: (m[here][j], j))
        order.append(nxt)
        left.remove(nxt)
        here = nxt
    return order


def two_opt(m: list[list[float]], order: Sequence[int], closed: bool) -> list[int]:
    """Reverse segments while that shortens the route; the base (and end) stay fixed.

    Works on [0, *order, END] where END is the base again (closed) or a free end, so one
    move rule covers both kinds of day. The result is 2-optimal: no single reversal helps.
    """
    mm = _with_end(m, closed)
    end = len(mm) - 1
    tour = [0, *order, end]
    n = len(order)
    improved = True
    while improved:
        improved = False
        for i in range(1, n):
            a, b = tour[i - 1], tour[i]
            for j in range(i + 1, n + 1):
                c, e = tour[j], tour[j + 1]
                delta = mm[a][c] + mm[b][e] - mm[a][b] - mm[c][e]
                if delta < -_EPS:
                    tour[i : j + 1] = reversed(tour[i : j + 1])
                    b = tour[i]
                    improved = True
    return tour[1:-1]


def held_karp(m: list[list[float]], closed: bool) -> list[int]:
    """The shortest order exactly (dynamic programme over subsets); for small days only."""
    n = len(m) - 1  # stops 1..n
    if n == 0:
        return []
    full = (1 << n) - 1
    inf = math.inf
    cost = [[inf] * n for _ in range(1 << n)]
    back = [[-1] * n for _ in range(1 << n)]
    for j in range(n):
        cost[1 << j][j] = m[0][j + 1]
    for mask in range(1, full + 1):
        row = cost[mask]
        for j in range(n):
            cj = row[j]
            if cj == inf or not mask & (1 << j):
                continue
            mj = m[j + 1]
            for k in range(n):
                if mask & (1 << k):
                    continue
                nxt = mask | (1 << k)
                c = cj + mj[k + 1]
                if c < cost[nxt][k] - _EPS:
                    cost[nxt][k] = c
                    back[nxt][k] = j
    last = min(range(n), key=lambda j: cost[full][j] + (m[j + 1][0] if closed else 0.0))
    order, mask = [], full
    while last >= 0:
        order.append(last + 1)
        prev = back[mask][last]
        mask &= ~(1 << last)
        last = prev
    return order[::-1]


def best_order(m: list[list[float]], closed: bool) -> tuple[list[int], str]:
    """Matrix indices (1-based) of the stops in the order to visit them, and the method."""
    n = len(m) - 1
    if n <= 2:
        given = list(range(1, n + 1))
        if n == 2 and not closed and m[0][2] < m[0][1] - _EPS:
            given.reverse()  # open day of two: start with the nearer one
        return given, "trivial"
    if n <= EXACT_MAX_STOPS:
        return held_karp(m, closed), "exact"
    candidates = [
        two_opt(m, nearest_neighbour(m), closed),
        two_opt(m, list(range(1, n + 1)), closed),
    ]
    return min(candidates, key=lambda o: tour_length(m, o, closed)), "2-opt"


def order_day(
    base: Point,
    stops: Sequence[Point],
    settings: RouteSettings | None = None,
    distance: DistanceFn = haversine_km,
) -> DayRoute:
    """The day's stops in a short order, with kilometres and the estimated times."""
    settings = settings or RouteSettings()
    m = distance_matrix(base, stops, distance)
    order, method = best_order(m, settings.return_to_base)
    return timed_route(m, order, settings, method)


def timed_route(
    m: list[list[float]], order: Sequence[int], settings: RouteSettings, method: str = "given"
) -> DayRoute:
    """Kilometres and times of a given order (matrix indices): also used to show the
    user's own order next to the suggested one."""
    speed = max(settings.speed_kmh, 1e-6)
    legs, here, clock_min, km = [], 0, 0.0, 0.0
    for stop in order:
        d = m[here][stop]
        km += d
        arrive = clock_min + d / speed * 60.0
        depart = arrive + settings.minutes_per_stop
        legs.append(Leg(stop - 1, d, arrive, depart))
        clock_min, here = depart, stop
    back = m[here][0] if settings.return_to_base and order else 0.0
    km += back
    clock_min += back / speed * 60.0
    return DayRoute(tuple(s - 1 for s in order), tuple(legs), back, km, clock_min, method)


def clock_text(day_start: str, minutes: float) -> str:
    """``08:30`` + 75.4 minutes → ``09:45`` (rounded to the minute; past midnight wraps)."""
    h, mi = (int(x) for x in day_start.split(":"))
    total = (h * 60 + mi + round(minutes)) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"
