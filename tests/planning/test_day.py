"""A team's day from the database: base, stops in a short order, km, unknown teams."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from dispatch_app.domain.geography import haversine_km
from dispatch_app.planning import day as day_mod
from dispatch_app.planning.routes import RouteSettings
from dispatch_app.planning.settings import load_route_settings, save_route_settings
from dispatch_app.services import visit_log
from dispatch_app.store import planning_queries as q

DAY = date(2026, 11, 24)


def plan(store, team, ents):
    for e in ents:
        visit_log.log_visit(
            store,
            {
                "enterprise_id": e.id,
                "team_id": team.id,
                "visit_date": DAY.isoformat(),
                "status": "planned",
            },
        )


def test_day_is_ordered_from_the_district_centre(planning_world):
    w = planning_world
    plan(w["store"], w["team"], w["ents"])
    result = day_mod.plan_day(w["store"], "乐清电气轻骑队", DAY, RouteSettings())
    assert result.base.source == "district"
    assert len(result.stops) == 5
    assert result.route.km <= result.entered_km + 1e-9
    assert result.route.km < result.entered_km  # the entered order zigzags
    base = (result.base.lat, result.base.lon)
    best = min(
        sum(haversine_km(*a, *b) for a, b in itertools.pairwise([base, *p, base]))
        for p in itertools.permutations([(s.lat, s.lon) for s in result.stops])
    )
    assert result.route.km == pytest.approx(best)
    # Recompute the km from the stops themselves.
    pts = [(result.base.lat, result.base.lon), *((s.lat, s.lon) for s in result.stops)]
    pts.append(pts[0])
    km = sum(haversine_km(*a, *b) for a, b in itertools.pairwise(pts))
    assert result.route.km == pytest.approx(km)


def test_recorded_base_wins(planning_world):
    w = planning_world
    store = w["store"]
    with store.atomic():
        q.set_team_base(store, w["team"].id, 28.11, 121.07, "乐清市科技局")
    plan(store, w["team"], w["ents"][:3])
    result = day_mod.plan_day(store, w["team"].id, DAY, RouteSettings())
    assert result.base.source == "recorded" and result.base.label == "乐清市科技局"
    assert result.stops[0].lon == 121.06  # the easternmost is nearest the base


def test_team_without_district_starts_where_its_stops_are(planning_world):
    w = planning_world
    plan(w["store"], w["loose"], [w["ents"][0], w["nowhere"]])
    result = day_mod.plan_day(w["store"], "综合轻骑队", DAY, RouteSettings())
    assert result.base.source == "stops"
    approx = [s for s in result.stops if s.approximate]
    assert len(approx) == 1 and approx[0].enterprise_id == w["nowhere"].id


def test_cancelled_and_other_days_are_left_out(planning_world):
    w = planning_world
    store = w["store"]
    plan(store, w["team"], w["ents"][:2])
    v = visit_log.log_visit(
        store,
        {
            "enterprise_id": w["ents"][2].id,
            "team_id": w["team"].id,
            "visit_date": DAY.isoformat(),
            "status": "cancelled",
        },
    )
    visit_log.log_visit(
        store,
        {
            "enterprise_id": w["ents"][3].id,
            "team_id": w["team"].id,
            "visit_date": "2026-11-25",
            "status": "planned",
        },
    )
    result = day_mod.plan_day(store, "乐清电气轻骑队", DAY)
    assert {s.enterprise_id for s in result.stops} == {w["ents"][0].id, w["ents"][1].id}
    assert v.id not in {s.visit_id for s in result.stops}


def test_empty_day_and_unknown_team(planning_world):
    w = planning_world
    result = day_mod.plan_day(w["store"], "乐清电气轻骑队", DAY)
    assert result.stops == () and result.route.km == 0
    with pytest.raises(day_mod.UnknownTeam) as err:
        day_mod.plan_day(w["store"], "没有这个队", DAY)
    assert "没有这个队" in err.value.zh and "No team" in err.value.en


def test_settings_round_trip_and_defaults(store):
    assert load_route_settings(store) == RouteSettings()
    chosen = RouteSettings(
        speed_kmh=45, minutes_per_stop=40, day_start="09:00", return_to_base=False
    )
    save_route_settings(store, chosen)
    assert load_route_settings(store) == chosen
    store.set_setting("planning.speed_kmh", "fast")  # unreadable: the default stays
    assert load_route_settings(store).speed_kmh == RouteSettings().speed_kmh


def test_bad_settings_are_refused_with_every_problem(store):
    from dispatch_app.domain.problems import ValidationError

    with pytest.raises(ValidationError) as err:
        save_route_settings(
            store, RouteSettings(speed_kmh=0, minutes_per_stop=-1, day_start="8.30")
        )
    assert {p.field for p in err.value.problems} == {"speed_kmh", "minutes_per_stop", "day_start"}
    assert load_route_settings(store) == RouteSettings()


def test_needs_text_change_is_stamped_by_the_trigger(planning_world):
    w = planning_world
    store = w["store"]
    eid = w["ents"][0].id
    first = store.scalar("SELECT needs_updated_at FROM enterprises WHERE id = ?", (eid,))
    assert first is not None
    store.conn.execute(
        "UPDATE enterprises SET address = 'x', updated_at = 'z' WHERE id = ?", (eid,)
    )
    assert store.scalar("SELECT needs_updated_at FROM enterprises WHERE id = ?", (eid,)) == first
    store.conn.execute(
        "UPDATE enterprises SET tech_needs = '新需求', updated_at = '2026-12-01T00:00:00Z'"
        " WHERE id = ?",
        (eid,),
    )
    assert (
        store.scalar("SELECT needs_updated_at FROM enterprises WHERE id = ?", (eid,))
        == "2026-12-01T00:00:00Z"
    )
