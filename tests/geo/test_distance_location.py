"""Distances and the Location record with its Wenzhou bounds check."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dispatch_app.domain.problems import InvalidValue
from dispatch_app.geo import Location, geodesic_km, haversine_km, in_wenzhou
from dispatch_app.geo.datum import gcj02_to_bd09
from dispatch_app.geo.distance import haversine_many_km

LUCHENG = (28.015737, 120.655271)
RUIAN = (27.779321, 120.646171)


def test_haversine_close_to_geodesic() -> None:
    h = haversine_km(*LUCHENG, *RUIAN)
    g = geodesic_km(*LUCHENG, *RUIAN)
    assert 25 < g < 28
    assert abs(h - g) / g < 0.0035


def test_haversine_many_matches_single() -> None:
    lats, lons = [RUIAN[0], LUCHENG[0]], [RUIAN[1], LUCHENG[1]]
    many = haversine_many_km(*LUCHENG, lats, lons)
    assert many[0] == pytest.approx(haversine_km(*LUCHENG, *RUIAN))
    assert many[1] == 0.0


def test_geopy_not_imported_by_geo_package() -> None:
    code = "import sys, dispatch_app.geo; print('geopy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_location_checked_accepts_wenzhou() -> None:
    loc = Location.checked("28.0157", 120.6553)
    assert (loc.lat, loc.lon, loc.precision, loc.datum) == (28.0157, 120.6553, "exact", "GCJ-02")


def test_location_swapped_named() -> None:
    with pytest.raises(InvalidValue) as exc:
        Location.checked(120.6553, 28.0157)
    assert "填反" in exc.value.zh and "swapped" in exc.value.en


def test_location_outside_refused() -> None:
    with pytest.raises(InvalidValue) as exc:
        Location.checked(39.9, 116.4)  # Beijing
    assert "不在温州市范围内" in exc.value.zh


def test_location_bd09_converted_on_the_way_in() -> None:
    bd = gcj02_to_bd09(*LUCHENG)
    loc = Location.checked(*bd, datum="BD-09")
    assert loc.datum == "GCJ-02"
    assert haversine_km(loc.lat, loc.lon, *LUCHENG) < 0.005


def test_location_rejects_unknown_precision() -> None:
    with pytest.raises(ValueError, match="precision"):
        Location(28.0, 120.6, precision="street")


def test_in_wenzhou() -> None:
    assert in_wenzhou(*LUCHENG)
    assert not in_wenzhou(LUCHENG[1], LUCHENG[0])
