"""The dispatch settings front: defaults, parsing with named problems, all-or-nothing save."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch_app.domain.problems import ValidationError
from dispatch_app.geo.geocode import GeocoderSettings
from dispatch_app.matching.policy import MatchPolicy
from dispatch_app.planning.settings import load_route_settings
from dispatch_app.services import dispatch_settings as ds


def test_defaults_are_the_packages_defaults_and_parse_cleanly(store) -> None:
    values = ds.load(store)
    assert values == ds.defaults()
    parsed = ds.parse(values)
    assert parsed.policy == MatchPolicy()
    assert parsed.geo.provider == "off"  # online geocoding is off unless turned on


def test_save_reaches_every_package(store) -> None:
    values = ds.load(store) | {
        "match.max_distance_km": "40",
        "match.max_active_appointments": "3",
        "planning.speed_kmh": "45",
        "planning.day_start": "09:15",
        "geo.geocoder": "nominatim",
        "geo.user_agent": "bureau-test",
    }
    ds.save(store, values)
    assert MatchPolicy.load(store).max_distance_km == 40
    assert MatchPolicy.load(store).max_active_appointments == 3
    route = load_route_settings(store)
    assert (route.speed_kmh, route.day_start) == (45, "09:15")
    assert GeocoderSettings.load(store).provider == "nominatim"
    assert ds.load(store) == values


@pytest.mark.parametrize(
    ("key", "raw", "word"),
    [
        ("match.max_distance_km", "0", "1 到 300"),
        ("match.max_distance_km", "abc", "数字"),
        ("match.max_active_appointments", "2.5", "整数"),
        ("planning.day_start", "25:00", "HH:MM"),
        ("planning.return_to_base", "maybe", "1 或 0"),
        ("geo.geocoder", "google", "off / baidu / nominatim"),
        ("match.weight_load", "nan", "之间"),
    ],
)
def test_a_bad_value_names_its_setting_and_saves_nothing(store, key, raw, word) -> None:
    before = ds.load(store)
    values = before | {"match.max_distance_km": "50", key: raw}
    with pytest.raises(ValidationError) as caught:
        ds.save(store, values)
    problems = caught.value.for_field(key)
    assert problems and word in problems[0].zh and problems[0].en
    assert ds.load(store) == before  # the good value given beside it was not stored either


def test_joint_rules(store) -> None:
    values = ds.defaults() | {
        "match.weight_relevance": "0",
        "match.weight_distance": "0",
        "match.weight_load": "0",
        "match.team_min": "5",
        "match.team_max": "4",
        "geo.geocoder": "baidu",
        "geo.baidu_key": " ",
    }
    with pytest.raises(ValidationError) as caught:
        ds.parse(values)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"match.weight_relevance", "match.team_max", "geo.baidu_key"}
    nominatim = ds.defaults() | {"geo.geocoder": "nominatim", "geo.min_interval_s": "0.5"}
    with pytest.raises(ValidationError) as caught:
        ds.parse(nominatim)
    assert [p.field for p in caught.value.problems] == ["geo.min_interval_s"]


def test_short_names_and_unknown_keys() -> None:
    assert ds.resolve_key("max_distance_km") == "match.max_distance_km"
    assert ds.key_or_name("speed_kmh") == "planning.speed_kmh"
    with pytest.raises(ValidationError) as caught:
        ds.parse(ds.defaults() | {"match.nonsense": "1"})
    assert caught.value.problems[0].field == "match.nonsense"


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_distance_is_stored_only_inside_its_range(value: float) -> None:
    values = ds.defaults() | {"match.max_distance_km": repr(value)}
    try:
        parsed = ds.parse(values)
    except ValidationError as exc:
        assert not 1 <= value <= 300
        assert exc.problems[0].field == "match.max_distance_km"
    else:
        assert 1 <= parsed.policy.max_distance_km <= 300
