"""Points filled on create, import and edit; migration backfill; export writes given points only."""

from __future__ import annotations

import sqlite3

from dispatch_app.domain.geography import load_gazetteer
from dispatch_app.domain.records import Enterprise, Expert
from dispatch_app.geo.datum import gcj02_to_bd09
from dispatch_app.geo.distance import haversine_km
from dispatch_app.geo.migrate import backfill_coordinates
from dispatch_app.geo.resolver import town_centres
from dispatch_app.services import registry
from support.world import enterprise_raw


def _town(name: str) -> str:
    return next(t.code for t in load_gazetteer().towns if t.name == name)


def test_register_without_point_gets_district_centre(store) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(1))
    d = load_gazetteer().district("330382")
    assert (ent.lat, ent.lon, ent.coord_precision) == (d.center_lat, d.center_lon, "district")
    assert ent.coord_source == "gazetteer" and ent.coord_datum == "GCJ-02"


def test_register_with_town_in_address(store) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(1, address="柳市镇长虹路 8 号"))
    c = town_centres()[_town("柳市镇")]
    assert (ent.lat, ent.lon, ent.coord_precision) == (c.lat, c.lon, "town")


def test_given_point_is_kept(store) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(1, lat="28.11", lon="120.97"))
    assert (ent.lat, ent.lon, ent.coord_precision, ent.coord_source) == (
        28.11,
        120.97,
        "exact",
        "user",
    )


def test_baidu_point_converted_on_the_way_in(store) -> None:
    bd_lat, bd_lon = gcj02_to_bd09(28.11, 120.97)
    ent = registry.register(
        store, Enterprise, enterprise_raw(1, lat=bd_lat, lon=bd_lon, coord_datum="BD-09")
    )
    assert ent.coord_datum == "GCJ-02"
    assert haversine_km(ent.lat, ent.lon, 28.11, 120.97) < 0.005


def test_edit_address_moves_a_resolved_point_but_not_a_given_one(store) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(1))
    moved = registry.edit(store, Enterprise, ent.id, {"address": "柳市镇长虹路 8 号"})
    assert moved.coord_precision == "town"
    given = registry.register(store, Enterprise, enterprise_raw(2, lat=28.11, lon=120.97))
    kept = registry.edit(store, Enterprise, given.id, {"address": "柳市镇长虹路 8 号"})
    assert (kept.lat, kept.lon, kept.coord_precision) == (28.11, 120.97, "exact")


def test_edit_changing_the_point_makes_it_exact(store) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(1))
    edited = registry.edit(store, Enterprise, ent.id, {"lat": 28.2, "lon": 120.9})
    assert (edited.lat, edited.lon, edited.coord_precision) == (28.2, 120.9, "exact")


def test_expert_without_district_or_address_has_no_point(store) -> None:
    x = registry.register(
        store, Expert, {"name": "王建国", "institution": "温州大学", "specialties": "阀门"}
    )
    assert (x.lat, x.lon, x.coord_precision) == (None, None, None)
    y = registry.register(
        store,
        Expert,
        {
            "name": "李梅",
            "institution": "温州大学",
            "specialties": "阀门",
            "address": "瑞安市塘下镇",
        },
    )
    assert y.coord_precision == "town"


def test_backfill_marks_given_and_resolves_missing(store) -> None:
    a = registry.register(store, Enterprise, enterprise_raw(1, lat=28.11, lon=120.97))
    b = registry.register(store, Enterprise, enterprise_raw(2, address="柳市镇"))
    store.conn.execute(
        "UPDATE enterprises SET coord_precision = NULL, coord_datum = NULL, coord_source = NULL"
    )
    store.conn.execute("UPDATE enterprises SET lat = NULL, lon = NULL WHERE id = ?", (b.id,))
    assert backfill_coordinates(store.conn) == 2
    rows = {r["id"]: r for r in store.query("SELECT * FROM enterprises")}
    assert rows[a.id]["coord_precision"] == "exact" and rows[a.id]["lat"] == 28.11
    assert rows[b.id]["coord_precision"] == "town"


def test_migration_from_version_2_keeps_points(tmp_path) -> None:
    from sqlite_utils import Database

    from dispatch_app.store import open_store
    from dispatch_app.store.schema import build_migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    build_migrations().apply(Database(conn), stop_before="0003_geo_coordinates")
    conn.execute(
        "INSERT INTO enterprises (id, created_at, updated_at, uscc, name, district_code, lat, lon)"
        " VALUES ('a', 'x', 'x', 'U1', '甲', '330382', 28.11, 120.97),"
        " ('b', 'x', 'x', 'U2', '乙', '330381', NULL, NULL)"
    )
    conn.close()
    with open_store(path) as s:
        rows = {r["id"]: r for r in s.query("SELECT * FROM enterprises")}
    assert rows["a"]["coord_precision"] == "exact"
    assert rows["b"]["coord_precision"] == "district" and rows["b"]["lat"] is not None
    assert rows["b"]["updated_at"] == "x"  # a backfill is not an edit: merges are unaffected
