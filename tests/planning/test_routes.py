"""Route ordering: never worse than the given order, exact on small days, sane at 0/1/2."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dispatch_app.domain.geography import haversine_km
from dispatch_app.planning import routes
from dispatch_app.planning.routes import RouteSettings, order_day

BASE = (28.0, 120.65)
# Points around Wenzhou (a box of ~60 × 60 km), rounded so hypothesis shrinks well.
coord = st.tuples(
    st.floats(27.75, 28.25, allow_nan=False).map(lambda v: round(v, 4)),
    st.floats(120.4, 121.0, allow_nan=False).map(lambda v: round(v, 4)),
)


def route_km(base, stops, order, closed=True):
    pts = [base, *(stops[i] for i in order)]
    if closed:
        pts.append(base)
    return sum(haversine_km(*a, *b) for a, b in itertools.pairwise(pts))


def brute_force_km(base, stops, closed=True):
    return min(route_km(base, stops, p, closed) for p in itertools.permutations(range(len(stops))))


@given(st.lists(coord, min_size=0, max_size=6), st.booleans())
@settings(max_examples=60, deadline=None)
def test_small_days_equal_brute_force(stops, closed):
    route = order_day(BASE, stops, RouteSettings(return_to_base=closed))
    assert sorted(route.order) == list(range(len(stops)))
    best = brute_force_km(BASE, stops, closed) if stops else 0.0
    assert route.km == pytest.approx(best, abs=1e-6)
    assert route.km == pytest.approx(route_km(BASE, stops, route.order, closed), abs=1e-6)


@given(st.lists(coord, min_size=3, max_size=14), st.booleans())
@settings(max_examples=40, deadline=None)
def test_never_worse_than_the_given_order(stops, closed):
    route = order_day(BASE, stops, RouteSettings(return_to_base=closed))
    assert sorted(route.order) == list(range(len(stops)))
    assert route.km <= route_km(BASE, stops, range(len(stops)), closed) + 1e-6


@given(st.lists(coord, min_size=3, max_size=12), st.booleans())
@settings(max_examples=40, deadline=None)
def test_two_opt_leaves_no_improving_reversal(stops, closed):
    m = routes.distance_matrix(BASE, stops)
    start = routes.nearest_neighbour(m)
    order = routes.two_opt(m, start, closed)
    length = routes.tour_length(m, order, closed)
    assert length <= routes.tour_length(m, start, closed) + 1e-9
    for i in range(len(order)):
        for j in range(i + 1, len(order)):
            other = order[:i] + order[i : j + 1][::-1] + order[j + 1 :]
            assert routes.tour_length(m, other, closed) >= length - 1e-6


@given(st.lists(coord, min_size=2, max_size=7), st.booleans())
@settings(max_examples=30, deadline=None)
def test_held_karp_equals_permutations(stops, closed):
    m = routes.distance_matrix(BASE, stops)
    exact = routes.tour_length(m, routes.held_karp(m, closed), closed)
    brute = min(
        routes.tour_length(m, p, closed) for p in itertools.permutations(range(1, len(stops) + 1))
    )
    assert exact == pytest.approx(brute, abs=1e-9)


def test_long_day_uses_two_opt_and_beats_a_zigzag():
    # 12 stops on a line east of the base, given in a zigzag order.
    stops = [(28.0, 120.70 + 0.02 * k) for k in (0, 11, 1, 10, 2, 9, 3, 8, 4, 7, 5, 6)]
    route = order_day(BASE, stops, RouteSettings(return_to_base=False))
    assert route.method == "2-opt"
    lons = [stops[i][1] for i in route.order]
    assert lons == sorted(lons)  # straight out along the line
    assert route.km == pytest.approx(haversine_km(*BASE, *stops[1]), rel=1e-4)


def test_no_stops():
    route = order_day(BASE, [])
    assert route.order == () and route.km == 0 and route.minutes == 0


def test_one_stop_goes_and_returns():
    stop = (28.1, 120.65)
    d = haversine_km(*BASE, *stop)
    s = RouteSettings(speed_kmh=30, minutes_per_stop=45)
    route = order_day(BASE, [stop], s)
    assert route.order == (0,)
    assert route.km == pytest.approx(2 * d)
    assert route.legs[0].arrive_min == pytest.approx(d / 30 * 60)
    assert route.minutes == pytest.approx(2 * d / 30 * 60 + 45)
    one_way = order_day(BASE, [stop], RouteSettings(return_to_base=False))
    assert one_way.km == pytest.approx(d) and one_way.return_km == 0


def test_two_stops_open_day_starts_with_the_nearer():
    near, far = (28.0, 120.7), (28.0, 120.9)
    route = order_day(BASE, [far, near], RouteSettings(return_to_base=False))
    assert route.order == (1, 0)


def test_injected_distance_is_used():
    calls = []

    def manhattan(a, b, c, d):
        calls.append(1)
        return abs(a - c) + abs(b - d)

    route = order_day((0.0, 0.0), [(0.0, 2.0), (0.0, 1.0)], distance=manhattan)
    assert calls and route.km == pytest.approx(4.0)


def test_times_add_up():
    stops = [(28.05, 120.7), (28.1, 120.75), (28.0, 120.8)]
    s = RouteSettings(speed_kmh=40, minutes_per_stop=30)
    route = order_day(BASE, stops, s)
    assert route.minutes == pytest.approx(route.km / 40 * 60 + 3 * 30)
    assert route.driving_minutes == pytest.approx(route.km / 40 * 60)
    for a, b in itertools.pairwise(route.legs):
        assert b.arrive_min == pytest.approx(a.depart_min + b.km / 40 * 60)
    assert not math.isnan(route.minutes)


def test_clock_text():
    assert routes.clock_text("08:30", 75.4) == "09:45"
    assert routes.clock_text("23:30", 45) == "00:15"
