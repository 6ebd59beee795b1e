"""Ranking on hand-made cases; policy limits; explanations; no-needs fallback."""

from __future__ import annotations

from datetime import date

import pytest

from dispatch_app.domain.records import Enterprise, Team
from dispatch_app.matching import MatchPolicy, match
from dispatch_app.services import appointments, registry, visit_log
from support.world import enterprise_raw

ON = date(2026, 11, 20)


def _names(result) -> list[str]:
    return [s.name for s in result.experts]


def test_near_valve_expert_beats_textile_and_far_valve(valve_world) -> None:
    w = valve_world
    for purpose in ("appointment", "visit"):
        result = match(w["store"], w["ent"].id, purpose, on=ON)
        names = _names(result)
        assert names[0] == "阀门近", purpose
        assert names.index("阀门近") < names.index("纺织近")
        assert names.index("阀门近") < names.index("阀门远")


def test_explanation_parts(valve_world) -> None:
    w = valve_world
    best = match(w["store"], w["ent"].id, "visit", on=ON).experts[0]
    assert best.relevance is not None and best.relevance > 0.6
    assert "阀门" in best.terms
    assert best.distance_km == pytest.approx(5.0, abs=0.1)
    assert best.line.startswith(f"专业匹配 {best.relevance:.2f} (")
    assert "· 距离 5.0 km · 在岗 0 家 · 近30天 0 次" in best.line
    textile = next(
        s for s in match(w["store"], w["ent"].id, "visit", on=ON).experts if s.name == "纺织近"
    )
    assert textile.relevance is not None and textile.relevance < 0.2
    assert textile.terms == []


def _appoint(store, expert_id: str, n: int) -> None:
    ent = registry.register(store, Enterprise, enterprise_raw(100 + n))
    appointments.appoint(
        store,
        {
            "expert_id": expert_id,
            "enterprise_id": ent.id,
            "start_date": "2026-03-01",
            "end_date": "2027-02-28",
            "batch_year": 2026,
            "status": "active",
        },
    )


def test_fully_loaded_expert_drops_for_appointment(valve_world) -> None:
    w = valve_world
    store, near = w["store"], w["experts"]["valve_near"]
    _appoint(store, near.id, 1)
    result = match(store, w["ent"].id, "appointment", on=ON)
    assert _names(result)[0] == "阀门近"  # one of two: still first
    assert result.experts[0].active == 1 and "在岗 1 家" in result.experts[0].line
    _appoint(store, near.id, 2)
    result = match(store, w["ent"].id, "appointment", on=ON)
    assert "阀门近" not in _names(result)
    assert _names(result)[0] == "阀门远"
    assert result.excluded == {"full": 1}
    assert "1 位已达选派上限" in result.excluded_text()[0]


def test_policy_limits_come_from_settings(valve_world) -> None:
    w = valve_world
    store = w["store"]
    _appoint(store, w["experts"]["valve_near"].id, 1)
    MatchPolicy(max_active_appointments=1, max_distance_km=50).save(store)
    assert MatchPolicy.load(store).max_active_appointments == 1
    result = match(store, w["ent"].id, "appointment", on=ON)
    assert _names(result) == ["纺织近"]  # the near valve expert is full, the far one too far
    assert result.excluded == {"full": 1, "far": 1}
    for s in result.experts:
        assert s.distance_km is not None and s.distance_km <= 50


def test_loaded_expert_ranks_lower_when_equal(valve_world) -> None:
    w = valve_world
    store = w["store"]
    twin = w["expert"]("阀门双", "阀门设计、密封技术", 5)
    _appoint(store, twin.id, 1)
    names = _names(match(store, w["ent"].id, "appointment", on=ON))
    assert names.index("阀门近") < names.index("阀门双")


def test_not_eligible_and_already_serving_excluded_for_appointment(valve_world) -> None:
    w = valve_world
    store = w["store"]
    w["expert"]("非副总", "阀门设计", 5, vp=False)
    appointments.appoint(
        store,
        {
            "expert_id": w["experts"]["valve_near"].id,
            "enterprise_id": w["ent"].id,
            "start_date": "2026-12-01",
            "end_date": "2027-11-30",
            "batch_year": 2026,
            "status": "proposed",
        },
    )
    result = match(store, w["ent"].id, "appointment", on=ON)
    assert "非副总" not in _names(result) and "阀门近" not in _names(result)
    assert result.excluded == {"not_vp": 1, "serving": 1}
    visit = match(store, w["ent"].id, "visit", on=ON)
    assert "非副总" in _names(visit)  # any expert may visit


def test_busy_expert_drops_for_a_visit_that_day(valve_world) -> None:
    w = valve_world
    store = w["store"]
    near = w["experts"]["valve_near"]
    other = registry.register(store, Enterprise, enterprise_raw(50))
    visit_log.log_visit(
        store,
        {
            "enterprise_id": other.id,
            "expert_ids": (near.id,),
            "visit_date": "2026-11-25",
            "status": "planned",
        },
    )
    busy_day = match(store, w["ent"].id, "visit", on=date(2026, 11, 25))
    assert "阀门近" not in _names(busy_day) and busy_day.excluded == {"busy": 1}
    free_day = match(store, w["ent"].id, "visit", on=date(2026, 11, 26))
    assert _names(free_day)[0] == "阀门近"
    assert "近30天 1 次" in free_day.experts[0].line  # the planned visit counts as load


def test_the_visit_being_edited_does_not_make_its_own_people_busy(valve_world) -> None:
    w = valve_world
    store, near = w["store"], w["experts"]["valve_near"]
    team = registry.register(store, Team, {"name": "永嘉泵阀轻骑队", "district_code": "永嘉县"})
    registry.set_team_members(store, team.id, [near.id], None)
    planned = visit_log.log_visit(
        store,
        {
            "enterprise_id": w["ent"].id,
            "team_id": team.id,
            "expert_ids": (near.id,),
            "visit_date": "2026-11-25",
            "status": "planned",
        },
    )
    day = date(2026, 11, 25)
    seen_from_outside = match(store, w["ent"].id, "visit", on=day)
    assert "阀门近" not in _names(seen_from_outside) and seen_from_outside.teams == []
    editing = match(store, w["ent"].id, "visit", on=day, except_visit=planned.id)
    assert _names(editing)[0] == "阀门近" and "busy" not in editing.excluded
    assert [t.name for t in editing.teams] == ["永嘉泵阀轻骑队"]


def test_no_needs_ranks_by_distance_and_load_and_says_so(valve_world) -> None:
    w = valve_world
    store = w["store"]
    ent = registry.edit(store, Enterprise, w["ent"].id, {"tech_needs": ""})
    result = match(store, ent.id, "visit", on=ON)
    assert not result.needs_used
    assert "仅按距离和负荷" in result.label[0]
    assert all(s.relevance is None and s.line.startswith("仅按距离和负荷") for s in result.experts)
    assert _names(result)[-1] == "阀门远"
    assert set(_names(result)[:2]) == {"阀门近", "纺织近"}


def test_expert_without_point_is_kept_with_unknown_distance(valve_world) -> None:
    w = valve_world
    store = w["store"]
    from dispatch_app.domain.records import Expert

    registry.register(
        store, Expert, {"name": "无坐标", "institution": "温州大学", "specialties": "阀门设计"}
    )
    result = match(store, w["ent"].id, "visit", on=ON)
    s = next(s for s in result.experts if s.name == "无坐标")
    assert s.distance_km is None and "距离未知" in s.line
