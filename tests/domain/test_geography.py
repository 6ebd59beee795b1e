"""Gazetteer: every way people write a Wenzhou district or township, and coordinates."""

from __future__ import annotations

import contextlib
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dispatch_app.domain.geography import check_coordinates, haversine_km, load_gazetteer
from dispatch_app.domain.problems import InvalidValue

G = load_gazetteer()


def test_twelve_districts_in_adcode_order() -> None:
    codes = [d.adcode for d in G.districts]
    assert len(codes) == 12
    assert codes == sorted(codes)
    assert G.district("330302").name == "鹿城区"
    assert all(d.datum == "GCJ-02" for d in G.districts)


@pytest.mark.parametrize(
    ("raw", "adcode"),
    [
        ("鹿城区", "330302"),
        ("鹿城", "330302"),
        ("乐清", "330382"),
        ("乐清市", "330382"),
        ("文成", "330328"),
        ("330302", "330302"),
        (330302, "330302"),
        ("３３０３０４", "330304"),
        (" 龙 湾 区 ", "330303"),
        ("温州市鹿城区", "330302"),
        ("龙港市", "330383"),
    ],
)
def test_resolve_current(raw: object, adcode: str) -> None:
    district, note = G.resolve_district_note(raw)
    assert district.adcode == adcode
    assert note is None


@pytest.mark.parametrize(
    ("raw", "adcode"),
    [
        ("330371", "330303"),
        (330371, "330303"),
        ("温州经济技术开发区", "330303"),
        ("经开区", "330303"),
        ("温州经开区", "330303"),
        ("330322", "330305"),
        ("洞头县", "330305"),
        ("330321", "330304"),
        ("330323", "330382"),
        ("330325", "330381"),
        ("339004", "330381"),
        ("瑞安县", "330381"),
    ],
)
def test_resolve_legacy_with_note(raw: object, adcode: str) -> None:
    district, note = G.resolve_district_note(raw)
    assert district.adcode == adcode
    assert note is not None and district.name in note
    assert G.resolve_district(raw) == district


def test_legacy_note_names_old_code() -> None:
    _, note = G.resolve_district_note("330371")
    assert note is not None
    assert "330371" in note and "龙湾区" in note


@pytest.mark.parametrize("raw", ["杭州", "330102", "西湖区", "鹿", "", None])
def test_resolve_refused(raw: object) -> None:
    with pytest.raises(InvalidValue) as exc:
        G.resolve_district(raw)
    if raw:
        assert str(raw) in exc.value.zh
        assert "温州" in exc.value.zh


def test_towns_of() -> None:
    towns = G.towns_of("330302")
    assert any(t.name == "五马街道" for t in towns)
    assert all(t.district_code == "330302" for t in towns)
    assert G.towns_of("999999") == []


@pytest.mark.parametrize(
    ("district", "raw", "code"),
    [
        ("330302", "五马街道", "330302006"),
        ("330302", "五马", "330302006"),
        ("330302", "330302006", "330302006"),
        ("330303", "海城街道", "330303012"),
        ("330303", "330371005", "330303012"),  # legacy ETDZ street code
        ("330328", "西坑畲族镇", "330328103"),
        ("330328", "西坑镇", "330328103"),
        ("330382", "乐成", "330382002"),
    ],
)
def test_resolve_town(district: str, raw: str, code: str) -> None:
    assert G.resolve_town(district, raw).code == code


def test_town_in_other_district() -> None:
    with pytest.raises(InvalidValue) as exc:
        G.resolve_town("330302", "海城街道")
    assert "龙湾区" in exc.value.zh and "鹿城区" in exc.value.zh


def test_town_unknown() -> None:
    with pytest.raises(InvalidValue, match="不是鹿城区的乡镇街道"):
        G.resolve_town("330302", "不存在镇")


def test_every_district_centre_is_inside() -> None:
    for d in G.districts:
        assert check_coordinates(d.center_lat, d.center_lon) == (d.center_lat, d.center_lon)


@pytest.mark.parametrize(
    ("lat", "lon"),
    [("28.0157", "120.6553"), (27.45, 121.08), (27.55, 119.72), ("28.1°", "120.9")],
)
def test_coordinates_inside(lat: object, lon: object) -> None:
    la, lo = check_coordinates(lat, lon)
    assert isinstance(la, float) and isinstance(lo, float)


def test_coordinates_swapped() -> None:
    with pytest.raises(InvalidValue, match="填反"):
        check_coordinates(120.6553, 28.0157)


@pytest.mark.parametrize(("lat", "lon"), [(39.9, 116.4), (30.27, 120.15), (0, 0)])
def test_coordinates_outside(lat: float, lon: float) -> None:
    with pytest.raises(InvalidValue, match="不在温州市范围内"):
        check_coordinates(lat, lon)


@pytest.mark.parametrize(("lat", "lon"), [("abc", 120), (28, ""), (float("nan"), 120), (28, None)])
def test_coordinates_not_numbers(lat: object, lon: object) -> None:
    with pytest.raises(InvalidValue):
        check_coordinates(lat, lon)


def test_haversine() -> None:
    assert haversine_km(28.0, 120.6, 28.0, 120.6) == 0
    # 鹿城 → 龙湾 centres ≈ 17.9 km
    lc, lw = G.district("330302"), G.district("330303")
    d = haversine_km(lc.center_lat, lc.center_lon, lw.center_lat, lw.center_lon)
    assert 17 < d < 19
    # one degree of latitude ≈ 111.2 km
    assert math.isclose(haversine_km(27, 120, 28, 120), 111.2, rel_tol=0.01)


@given(st.text())
def test_never_raises_other_errors(raw: str) -> None:
    for call in (
        lambda: G.resolve_district(raw),
        lambda: G.resolve_town("330302", raw),
        lambda: check_coordinates(raw, raw),
    ):
        with contextlib.suppress(InvalidValue):
            call()


def test_former_towns_map_to_their_successor_with_a_note() -> None:
    from dispatch_app.domain.geography import load_gazetteer

    gaz = load_gazetteer()
    for raw in ("江北街道", "东瓯街道", "东瓯", "330324004"):
        town, note = gaz.resolve_town_note("330324", raw)
        assert town.name == "瓯北街道" and note and "瓯北街道" in note and "successor" in note
    town, note = gaz.resolve_town_note("330305", "霓屿乡")
    assert town.name == "霓屿街道" and note
    current, none = gaz.resolve_town_note("330324", "瓯北街道")
    assert current.name == "瓯北街道" and none is None


def test_a_former_town_of_another_district_is_not_mapped() -> None:
    from dispatch_app.domain.geography import load_gazetteer
    from dispatch_app.domain.problems import InvalidValue

    with pytest.raises(InvalidValue):
        load_gazetteer().resolve_town("330302", "江北街道")


def test_an_unknown_town_lists_the_valid_towns_of_its_district() -> None:
    from dispatch_app.domain.geography import load_gazetteer
    from dispatch_app.domain.problems import InvalidValue

    gaz = load_gazetteer()
    with pytest.raises(InvalidValue) as exc:
        gaz.resolve_town("330324", "火星镇")
    for town in gaz.towns_of("330324"):
        assert town.name in exc.value.zh and town.name in exc.value.en


def test_every_former_town_row_names_a_current_successor_in_its_district() -> None:
    import csv

    from dispatch_app.domain.geography import load_gazetteer
    from dispatch_app.paths import resource

    gaz = load_gazetteer()
    with resource("reference", "wenzhou_former_towns.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows
    for r in rows:
        assert gaz.town(r["new_code"]).district_code == r["district_code"] and r["source"]
        assert r["old_name"] not in {t.name for t in gaz.towns_of(r["district_code"])}
