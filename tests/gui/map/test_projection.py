"""The map's projection: screen and geography round-trip, zoom keeps the point under the
cursor, fit shows the whole box."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dispatch_app.gui.map.projection import MAX_SCALE, MIN_SCALE, Viewport

lats = st.floats(26.9, 28.75)
lons = st.floats(119.5, 121.4)


@given(lats, lons, st.floats(MIN_SCALE, MAX_SCALE))
def test_screen_and_geo_round_trip(lat, lon, scale):
    v = Viewport(lat=27.9, lon=120.6, scale=scale, width=900, height=700)
    back = v.to_geo(*v.to_screen(lat, lon))
    assert abs(back[0] - lat) < 1e-9 and abs(back[1] - lon) < 1e-9


@given(st.lists(st.tuples(lats, lons), min_size=1, max_size=20))
def test_project_many_equals_one_by_one(points):
    v = Viewport(lat=28.0, lon=120.7, scale=900, width=640, height=480)
    xs, ys = v.project([p[0] for p in points], [p[1] for p in points])
    for (lat, lon), x, y in zip(points, xs, ys, strict=True):
        ex, ey = v.to_screen(lat, lon)
        assert abs(x - ex) < 1e-6 and abs(y - ey) < 1e-6


@given(st.floats(0, 900), st.floats(0, 700), st.floats(0.2, 5))
def test_zoom_keeps_the_point_under_the_cursor(x, y, factor):
    v = Viewport(lat=27.9, lon=120.6, scale=2000, width=900, height=700)
    before = v.to_geo(x, y)
    v.zoom(factor, x, y)
    after = v.to_geo(x, y)
    assert abs(before[0] - after[0]) < 1e-9 and abs(before[1] - after[1]) < 1e-9
    assert v.scale == min(MAX_SCALE, max(MIN_SCALE, 2000 * factor))


def test_fit_shows_the_whole_box_and_north_is_up():
    v = Viewport(width=800, height=600)
    v.fit(27.5, 28.2, 120.0, 121.2)
    for lat in (27.5, 28.2):
        for lon in (120.0, 121.2):
            x, y = v.to_screen(lat, lon)
            assert 0 <= x <= 800 and 0 <= y <= 600
    assert v.to_screen(28.2, 120.5)[1] < v.to_screen(27.5, 120.5)[1]
    assert v.to_screen(27.8, 121.0)[0] > v.to_screen(27.8, 120.1)[0]


def test_pan_moves_the_picture_with_the_drag():
    v = Viewport(lat=27.9, lon=120.6, scale=1000, width=800, height=600)
    x, y = v.to_screen(27.95, 120.65)
    v.pan(30, -20)
    nx, ny = v.to_screen(27.95, 120.65)
    assert abs(nx - (x + 30)) < 1e-9 and abs(ny - (y - 20)) < 1e-9
