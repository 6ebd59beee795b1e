"""A team's base from the gazetteer or a typed point; its precision read back from the point."""

from __future__ import annotations

import pytest

from dispatch_app.domain.problems import ValidationError
from dispatch_app.domain.records import Team
from dispatch_app.geo.datum import gcj02_to_bd09
from dispatch_app.geo.resolver import default_resolver
from dispatch_app.planning.team_base import base_from_input, describe, recorded_base, set_base
from dispatch_app.services import registry

LIUSHI = "330382114"  # 柳市镇, 乐清市


def test_township_then_district_then_none() -> None:
    town = base_from_input(district_code="330382", town_code=LIUSHI)
    centre = default_resolver().town_location(LIUSHI).as_gcj02()
    assert (town.lat, town.lon, town.precision, town.label) == (
        centre.lat,
        centre.lon,
        "town",
        "柳市镇",
    )
    district = base_from_input(district_code="330382", label="乐清市科技局")
    assert (district.precision, district.label) == ("district", "乐清市科技局")
    assert base_from_input() is None


def test_typed_point_wins_and_is_converted() -> None:
    bd = gcj02_to_bd09(28.0061, 120.6478)
    base = base_from_input(town_code=LIUSHI, lat=str(bd[0]), lon=str(bd[1]), datum="BD-09")
    assert base.precision == "exact"
    assert base.lat == pytest.approx(28.0061, abs=1e-5)
    assert base.lon == pytest.approx(120.6478, abs=1e-5)


@pytest.mark.parametrize(
    ("lat", "lon", "word"),
    [("120.7", "28.0", "填反"), ("31.2", "121.5", "不在温州"), ("28.0", "", "同时填写")],
)
def test_bad_points_are_named(lat, lon, word) -> None:
    with pytest.raises(ValidationError) as caught:
        base_from_input(lat=lat, lon=lon)
    assert caught.value.problems[0].field == "base_lat"
    assert word in caught.value.problems[0].zh


def test_stored_and_read_back_with_precision(store) -> None:
    team = registry.register(store, Team, {"name": "测试轻骑队", "district_code": "乐清市"})
    assert recorded_base(store, team.id) is None
    set_base(store, team.id, base_from_input(town_code=LIUSHI))
    back = recorded_base(store, team.id)
    assert (back.precision, back.town_code, back.district_code) == ("town", LIUSHI, "330382")
    assert "乡镇中心" in back.describe("zh") and "town centre" in back.describe("en")
    set_base(store, team.id, None)
    assert recorded_base(store, team.id) is None
    assert describe(28.0, 120.7).precision == "exact"
