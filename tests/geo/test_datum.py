"""Datum conversions against published reference points (coordTransform's Tiananmen example and
Beijing railway station as given by an independent package), plus round trips in Wenzhou."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch_app.geo import datum
from dispatch_app.geo.distance import haversine_km

# (lat, lon) pairs; the reference libraries print (lon, lat).
TIANANMEN = (39.915, 116.404)


def test_bd09_to_gcj02_known_point() -> None:
    lat, lon = datum.bd09_to_gcj02(*TIANANMEN)
    assert lon == pytest.approx(116.39762729119315, abs=1e-12)
    assert lat == pytest.approx(39.90865673957631, abs=1e-12)


def test_gcj02_to_bd09_known_point() -> None:
    lat, lon = datum.gcj02_to_bd09(*TIANANMEN)
    assert lon == pytest.approx(116.41036949371029, abs=1e-12)
    assert lat == pytest.approx(39.92133699351021, abs=1e-12)


def test_wgs84_to_gcj02_known_point() -> None:
    lat, lon = datum.wgs84_to_gcj02(*TIANANMEN)
    assert lon == pytest.approx(116.41024449916938, abs=1e-12)
    assert lat == pytest.approx(39.91640428150164, abs=1e-12)


def test_beijing_station_bd09_to_gcj02_within_rounding() -> None:
    # GCJ-02 (39.90245, 116.42703), BD-09 (39.90851, 116.43351), both given to 5 decimals.
    lat, lon = datum.bd09_to_gcj02(39.90851, 116.43351)
    assert haversine_km(lat, lon, 39.90245, 116.42703) < 0.002


def test_gcj02_offset_in_wenzhou_is_about_half_a_km() -> None:
    lat, lon = datum.wgs84_to_gcj02(28.0157, 120.6553)
    assert 0.4 < haversine_km(lat, lon, 28.0157, 120.6553) < 0.7


@given(
    st.floats(min_value=26.9, max_value=28.75),
    st.floats(min_value=119.5, max_value=121.4),
)
def test_round_trips_in_wenzhou(lat: float, lon: float) -> None:
    back = datum.gcj02_to_wgs84(*datum.wgs84_to_gcj02(lat, lon))
    assert back == pytest.approx((lat, lon), abs=1e-7)
    back = datum.bd09_to_gcj02(*datum.gcj02_to_bd09(lat, lon))
    assert haversine_km(*back, lat, lon) < 0.005  # Baidu's inverse is approximate (~1 m)


def test_outside_china_is_unchanged() -> None:
    assert datum.wgs84_to_gcj02(51.5, -0.12) == (51.5, -0.12)
    assert datum.gcj02_to_wgs84(51.5, -0.12) == (51.5, -0.12)


@pytest.mark.parametrize(
    ("raw", "name"),
    [("wgs84", "WGS-84"), ("GPS", "WGS-84"), ("gcj-02", "GCJ-02"), ("bd09ll", "BD-09")],
)
def test_datum_names(raw: str, name: str) -> None:
    assert datum.normalize_datum(raw) == name


def test_unknown_datum_refused() -> None:
    with pytest.raises(ValueError, match="unknown datum"):
        datum.to_gcj02(28.0, 120.6, "CGCS1900")


def test_to_gcj02_dispatch() -> None:
    assert datum.to_gcj02(28.0, 120.6, "GCJ-02") == (28.0, 120.6)
    assert datum.to_gcj02(28.0, 120.6, "BD-09") == datum.bd09_to_gcj02(28.0, 120.6)
    assert datum.to_gcj02(28.0, 120.6, "WGS-84") == datum.wgs84_to_gcj02(28.0, 120.6)
