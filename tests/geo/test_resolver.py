"""The offline resolver: given coordinates > town (field or address) > district centre."""

from __future__ import annotations

import csv

import pytest

from dispatch_app.domain.geography import load_gazetteer
from dispatch_app.domain.problems import InvalidValue
from dispatch_app.geo.distance import haversine_km
from dispatch_app.geo.resolver import default_resolver, town_centres
from dispatch_app.paths import resource


@pytest.fixture(scope="module")
def resolver():
    return default_resolver()


def test_given_coordinates_win(resolver) -> None:
    loc = resolver.resolve(
        district_code="330381", town_code="330381102", address="塘下镇", lat=27.8, lon=120.6
    )
    assert (loc.lat, loc.lon, loc.precision, loc.source) == (27.8, 120.6, "exact", "user")


def test_given_swapped_coordinates_are_refused_not_replaced(resolver) -> None:
    with pytest.raises(InvalidValue, match="填反"):
        resolver.resolve(district_code="330381", lat=120.6, lon=27.8)


def test_town_field_gives_town_centre(resolver) -> None:
    code = next(t.code for t in load_gazetteer().towns if t.name == "柳市镇")
    loc = resolver.resolve(district_code="330382", town_code=code)
    assert loc.precision == "town"
    assert (loc.lat, loc.lon) == (town_centres()[code].lat, town_centres()[code].lon)


def test_town_in_address_text(resolver) -> None:
    loc = resolver.resolve(district_code="330382", address="乐清市柳市镇长虹路 8 号")
    liushi = next(t.code for t in load_gazetteer().towns if t.name == "柳市镇")
    assert loc.precision == "town"
    assert (loc.lat, loc.lon) == (town_centres()[liushi].lat, town_centres()[liushi].lon)


def test_address_names_the_district_when_field_is_empty(resolver) -> None:
    loc = resolver.resolve(district_code=None, address="温州市瑞安市塘下镇")
    tangxia = next(t for t in load_gazetteer().towns if t.name == "塘下镇")
    assert tangxia.district_code == "330381"
    assert loc.precision == "town"
    assert loc.lat == town_centres()[tangxia.code].lat


def test_first_town_in_text_wins(resolver) -> None:
    a = resolver.town_in_text("塘下镇莘塍街道", "330381")
    b = resolver.town_in_text("莘塍街道塘下镇", "330381")
    assert a is not None and b is not None and a.name == "塘下镇" and b.name == "莘塍街道"


def test_town_outside_the_district_is_ignored(resolver) -> None:
    # 柳市镇 is in 乐清; an address in 鹿城 mentioning it (a road name) must not move the point.
    loc = resolver.resolve(district_code="330302", address="柳市镇路 1 号")
    assert loc.precision == "district"


def test_town_without_centre_falls_back_to_district(resolver) -> None:
    missing = [t for t in load_gazetteer().towns if t.code not in town_centres()]
    assert missing  # documented in SOURCES.md
    t = missing[0]
    loc = resolver.resolve(district_code=t.district_code, town_code=t.code)
    d = load_gazetteer().district(t.district_code)
    assert (loc.lat, loc.lon, loc.precision) == (d.center_lat, d.center_lon, "district")


def test_nothing_known_gives_none(resolver) -> None:
    assert resolver.resolve(district_code=None, address="某地某路") is None


def test_every_centre_is_near_its_district() -> None:
    g = load_gazetteer()
    with resource("reference", "wenzhou_town_centres.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(town_centres()) >= 150
    for r in rows:
        d = g.district(r["district_code"])
        assert r["datum"] == "GCJ-02"
        km = haversine_km(
            float(r["center_lat"]), float(r["center_lon"]), d.center_lat, d.center_lon
        )
        assert km < 60, r  # 南麂 island is the farthest, 56 km
        assert g.town(r["code"]).district_code == r["district_code"]
