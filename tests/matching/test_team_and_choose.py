"""Proposed teams (greedy cover), team ranking, and choosing a suggestion."""

from __future__ import annotations

from datetime import date

from dispatch_app.domain.records import Team
from dispatch_app.matching import match
from dispatch_app.matching.choose import appoint_suggested, plan_suggested_visit
from dispatch_app.matching.relevance import ExpertIndex, analyse_need
from dispatch_app.matching.team_builder import propose_team
from dispatch_app.services import registry
from dispatch_app.store import repository

ON = date(2026, 11, 20)


def test_greedy_cover_takes_complementary_experts() -> None:
    docs = ["阀门设计", "阀门设计、流体机械", "铸造工艺", "热处理", "质量管理、标准化", "服装工程"]
    index = ExpertIndex(docs)
    need = analyse_need("阀门铸件缩孔与热处理硬度不足，需通过API认证", "泵阀")
    ranked = [(i, 1.0 - i / 10) for i in range(len(docs))]
    team = propose_team(need, index, ranked, docs, [f"x{i}" for i in range(len(docs))])
    assert team is not None
    assert team.uncovered == []
    assert 3 <= len(team.member_ids) <= 6
    assert "x5" not in team.member_ids  # 服装 covers nothing
    assert {"x2", "x3", "x4"} <= set(team.member_ids)
    assert team.line.startswith(f"覆盖 {len(need.topics)}/{len(need.topics)} 项需求")


def test_cover_respects_team_max_and_reports_uncovered() -> None:
    docs = ["阀门设计", "服装工程", "软件工程", "鞋类设计"]
    index = ExpertIndex(docs)
    need = analyse_need("阀门泄漏、铸件气孔、热处理", "")
    team = propose_team(need, index, [(i, 0.5) for i in range(4)], docs, docs, team_max=3)
    assert team is not None and len(team.member_ids) == 3
    assert "铸造" in team.uncovered and "未覆盖" in team.line


def test_no_needs_no_team_proposal() -> None:
    index = ExpertIndex(["阀门设计"])
    assert propose_team(analyse_need(""), index, [(0, 1.0)], ["a"], ["a"]) is None


def test_visit_match_ranks_teams_and_proposes(valve_world) -> None:
    w = valve_world
    store, x = w["store"], w["experts"]
    valve = registry.register(store, Team, {"name": "永嘉泵阀轻骑队", "district_code": "永嘉县"})
    registry.set_team_members(store, valve.id, [x["valve_near"].id, x["valve_far"].id], None)
    cloth = registry.register(store, Team, {"name": "服装轻骑队", "district_code": "永嘉县"})
    registry.set_team_members(store, cloth.id, [x["textile_near"].id], None)
    result = match(store, w["ent"].id, "visit", on=ON)
    assert [t.name for t in result.teams] == ["永嘉泵阀轻骑队", "服装轻骑队"]
    assert "队员 2 人" in result.teams[0].line
    assert result.proposed_team is not None
    assert result.proposed_team.member_ids[0] == x["valve_near"].id


def test_choosing_creates_records_through_the_services(valve_world) -> None:
    w = valve_world
    store = w["store"]
    best = match(store, w["ent"].id, "appointment", on=ON).experts[0]
    a = appoint_suggested(store, w["ent"].id, best.id, ON)
    stored = repository.get(store, type(a), a.id)
    assert (stored.status, stored.start_date, stored.end_date) == (
        "proposed",
        "2026-11-20",
        "2027-11-20",
    )
    again = match(store, w["ent"].id, "appointment", on=ON)
    assert best.id not in [s.id for s in again.experts]  # now serving this enterprise
    v = plan_suggested_visit(store, w["ent"].id, date(2026, 11, 27), expert_ids=[best.id])
    stored_v = repository.get(store, type(v), v.id)
    assert stored_v.status == "planned" and stored_v.expert_ids == (best.id,)
    busy = match(store, w["ent"].id, "visit", on=date(2026, 11, 27))
    assert best.id not in [s.id for s in busy.experts]


def test_team_load_counts_the_window_and_the_day_itself(valve_world) -> None:
    from datetime import timedelta

    from dispatch_app.matching.candidates import load_teams
    from dispatch_app.services import visit_log

    w = valve_world
    store, x = w["store"], w["experts"]
    team = registry.register(store, Team, {"name": "永嘉泵阀轻骑队", "district_code": "永嘉县"})
    registry.set_team_members(store, team.id, [x["valve_near"].id], None)
    for days_before, status in (
        (0, "planned"),
        (3, "completed"),
        (29, "completed"),
        (31, "completed"),
        (2, "cancelled"),
    ):
        visit_log.log_visit(
            store,
            {
                "enterprise_id": w["ent"].id,
                "team_id": team.id,
                "visit_date": (ON - timedelta(days=days_before)).isoformat(),
                "visit_type": "diagnosis",
                "status": status,
            },
            today=ON,
        )
    (row,) = load_teams(store, ON, 30)
    assert (row.recent, row.busy) == (3, True)  # the day, 3 and 29 days before; not 31, cancelled
    (row,) = load_teams(store, ON, 0)
    assert (row.recent, row.busy) == (0, True)
    (row,) = load_teams(store, ON + timedelta(days=1), 30)
    assert (row.recent, row.busy) == (2, False)  # 29 days before ON is now 30: out
