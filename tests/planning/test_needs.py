"""Needs a visit (each reason), assigning all-or-nothing, and gap-closers near a day."""

from __future__ import annotations

from datetime import date

import pytest

from dispatch_app.domain.problems import InvalidValue, ValidationError
from dispatch_app.domain.records import Enterprise
from dispatch_app.planning import assign as assign_mod
from dispatch_app.planning.day import UnknownTeam, plan_day
from dispatch_app.planning.gap_closers import gap_closers
from dispatch_app.planning.needs import needing_visits, quarter_start
from dispatch_app.planning.routes import RouteSettings
from dispatch_app.services import appointments, registry, visit_log

TODAY = date(2026, 11, 20)


def done(store, ent, team, day, follow_up=None):
    v = visit_log.log_visit(
        store,
        {"enterprise_id": ent.id, "team_id": team.id, "visit_date": day, "status": "completed"},
        [{"description": follow_up}] if follow_up else [],
        today=TODAY,
    )
    return v


def needs_changed(store, ent, when):
    store.conn.execute("UPDATE enterprises SET needs_updated_at = ? WHERE id = ?", (when, ent.id))


@pytest.fixture
def needs_world(planning_world):
    w = planning_world
    store, team, e = w["store"], w["team"], w["ents"]
    for ent in (*e, w["far"], w["nowhere"]):
        needs_changed(store, ent, "2025-01-01T00:00:00Z")
    done(store, e[0], team, "2026-11-10")  # nothing to do
    done(store, e[1], team, "2026-11-10")
    needs_changed(store, e[1], "2026-11-15T02:00:00Z")  # new needs
    done(store, e[2], team, "2026-11-10", follow_up="补充检测报告")  # open item
    done(store, e[3], team, "2026-05-10")  # tech VP host, no visit this quarter
    appointments.appoint(
        store,
        {
            "expert_id": w["expert"].id,
            "enterprise_id": e[3].id,
            "start_date": "2026-03-01",
            "end_date": "2027-02-28",
            "batch_year": 2026,
            "status": "active",
        },
    )
    done(store, w["far"], team, "2025-12-01")  # last year only
    registry.edit(store, Enterprise, w["far"].id, {"industry": "服装"})
    return w


def by_id(needs):
    return {n.enterprise_id: n for n in needs}


def test_each_reason(needs_world):
    w = needs_world
    e = w["ents"]
    found = by_id(needing_visits(w["store"], TODAY))
    assert e[0].id not in found
    assert found[e[1].id].reasons == ("new_needs",)
    assert found[e[2].id].reasons == ("open_follow_ups",)
    assert found[e[2].id].open_items == 1
    assert "1 项" in found[e[2].id].reason_text("zh")
    assert found[e[3].id].reasons == ("vp_no_visit",)
    assert found[e[4].id].reasons == ("never_this_year",)
    assert found[w["far"].id].reasons == ("never_this_year",)
    assert found[w["far"].id].last_visit == "2025-12-01"
    assert found[w["nowhere"].id].approximate
    # Closing the item and visiting again clears the reasons.
    item = w["store"].scalar(
        "SELECT f.id FROM follow_ups f JOIN visits v ON v.id = f.visit_id WHERE v.enterprise_id=?",
        (e[2].id,),
    )
    visit_log.close_follow_up(w["store"], item, "张三")
    done(w["store"], e[3], w["team"], "2026-11-19")
    again = by_id(needing_visits(w["store"], TODAY))
    assert e[2].id not in again and e[3].id not in again


def test_most_reasons_first(needs_world):
    w = needs_world
    needs_changed(w["store"], w["ents"][2], "2026-11-18T00:00:00Z")
    found = needing_visits(w["store"], TODAY)
    assert found[0].enterprise_id == w["ents"][2].id
    assert found[0].reasons == ("open_follow_ups", "new_needs")


def test_filters(needs_world):
    w = needs_world
    store = w["store"]
    in_yueqing = by_id(needing_visits(store, TODAY, district="乐清"))
    assert w["far"].id not in in_yueqing and w["ents"][1].id in in_yueqing
    assert set(by_id(needing_visits(store, TODAY, industry="服装"))) == {w["far"].id}
    assert set(by_id(needing_visits(store, TODAY, district="330302"))) == {w["far"].id}
    with pytest.raises(InvalidValue):
        needing_visits(store, TODAY, district="火星区")


def test_planned_ones_can_be_left_out(needs_world):
    w = needs_world
    assign_mod.assign(
        w["store"], [w["ents"][4].id], "乐清电气轻骑队", date(2026, 11, 24), today=TODAY
    )
    with_planned = by_id(needing_visits(w["store"], TODAY))
    assert with_planned[w["ents"][4].id].next_planned == "2026-11-24"
    assert w["ents"][4].id not in by_id(needing_visits(w["store"], TODAY, include_planned=False))


def test_quarter_start():
    assert quarter_start(date(2026, 11, 20)) == date(2026, 10, 1)
    assert quarter_start(date(2026, 3, 31)) == date(2026, 1, 1)
    assert quarter_start(date(2026, 4, 1)) == date(2026, 4, 1)


def test_assign_creates_planned_visits_and_the_day(planning_world):
    w = planning_world
    day = date(2026, 11, 24)
    ids = [e.id for e in w["ents"][:3]]
    visits = assign_mod.assign(w["store"], ids, "乐清电气轻骑队", day, today=TODAY)
    assert [v.status for v in visits] == ["planned"] * 3
    assert {v.district_code for v in visits} == {"330382"}
    result = plan_day(w["store"], "乐清电气轻骑队", day)
    assert {s.enterprise_id for s in result.stops} == set(ids)


def test_assign_is_all_or_nothing(planning_world):
    w = planning_world
    store = w["store"]
    day = date(2026, 11, 24)
    assign_mod.assign(store, [w["ents"][0].id], "乐清电气轻骑队", day, today=TODAY)
    before = store.scalar("SELECT count(*) FROM visits")
    with pytest.raises(ValidationError) as err:
        assign_mod.assign(
            store,
            [w["ents"][1].id, w["ents"][0].id, "no-such-id"],
            "乐清电气轻骑队",
            day,
            today=TODAY,
        )
    texts = " ".join(p.zh for p in err.value.problems)
    assert "已在该队的行程中" in texts and "no-such-id" in texts
    assert store.scalar("SELECT count(*) FROM visits") == before
    with pytest.raises(ValidationError) as err:
        assign_mod.assign(
            store, [w["ents"][1].id], "乐清电气轻骑队", date(2026, 11, 19), today=TODAY
        )
    assert err.value.problems[0].field == "visit_date"
    with pytest.raises(UnknownTeam):
        assign_mod.assign(store, [w["ents"][1].id], "不存在", day, today=TODAY)


def test_assign_rolls_back_when_a_write_fails(planning_world, monkeypatch):
    w = planning_world
    store = w["store"]
    calls = []
    real = visit_log.log_visit

    def failing(*a, **k):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk trouble")
        return real(*a, **k)

    monkeypatch.setattr(assign_mod.visit_log, "log_visit", failing)
    with pytest.raises(RuntimeError):
        assign_mod.assign(
            store, [e.id for e in w["ents"][:3]], "乐清电气轻骑队", date(2026, 11, 24), today=TODAY
        )
    assert store.scalar("SELECT count(*) FROM visits") == 0


def test_gap_closers_are_near_the_route(needs_world):
    w = needs_world
    store = w["store"]
    day = date(2026, 11, 24)
    assign_mod.assign(store, [w["ents"][0].id, w["ents"][3].id], "乐清电气轻骑队", day, today=TODAY)
    result = plan_day(store, "乐清电气轻骑队", day, RouteSettings())
    gaps = gap_closers(store, result, TODAY, max_detour_km=10)
    ids = [g.need.enterprise_id for g in gaps]
    assert w["far"].id not in ids  # 鹿城, ~35 km away
    assert w["nowhere"].id not in ids  # no coordinates: cannot be said to be close
    assert w["ents"][0].id not in ids and w["ents"][3].id not in ids  # already on the day
    assert set(ids) == {w["ents"][1].id, w["ents"][2].id, w["ents"][4].id}
    assert [g.detour_km for g in gaps] == sorted(g.detour_km for g in gaps)
    assert all(0 <= g.detour_km <= 10 for g in gaps)
    # ents[2] lies between ents[0] (121.00) and ents[3] (121.04): almost no detour.
    assert gaps[0].need.enterprise_id == w["ents"][2].id and gaps[0].detour_km < 0.5
    tight = gap_closers(store, result, TODAY, max_detour_km=0.5)
    assert [g.need.enterprise_id for g in tight] == [w["ents"][2].id]


def test_gap_closers_for_an_empty_day(needs_world):
    w = needs_world
    result = plan_day(w["store"], "乐清电气轻骑队", date(2026, 11, 25))
    gaps = gap_closers(w["store"], result, TODAY, max_detour_km=20)
    assert gaps and all(g.after == -1 for g in gaps)
