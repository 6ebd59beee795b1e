"""家次 counting: completed visits once each; appointments once seconded."""

from __future__ import annotations

from dispatch_app.services import appointments, progress, targets, visit_log
from support.world import TODAY


def _visit(world, date, status="已完成", experts=()):
    return visit_log.log_visit(
        world["store"],
        {
            "enterprise_id": world["ent"].id,
            "team_id": world["team"].id,
            "expert_ids": list(experts),
            "visit_date": date,
            "status": status,
        },
        today=TODAY,
    )


def test_progress_counts_each_completed_visit_once(world):
    store = world["store"]
    targets.ensure_default_targets(store, 2026)
    _visit(world, "2026-03-01", experts=[world["e1"].id, world["e2"].id])
    _visit(world, "2026-04-01")
    _visit(world, "2026-08-01", status="计划中")
    _visit(world, "2026-05-01", status="已取消")
    _visit(world, "2025-12-31")
    result = progress.progress(store, 2026, as_of=TODAY)
    assert result.visits == {"target": 10_000, "done": 2, "planned": 1}
    yueqing = next(d for d in result.districts if d.district == "乐清市")
    assert (yueqing.visits_done, yueqing.visits_target) == (2, 1500)
    assert sum(d.visits_done for d in result.districts) == 2
    assert result.targets_source == "database"
    assert 0.49 < result.year_elapsed < 0.5


def test_appointments_count_once_seconded(world):
    store = world["store"]
    base = {
        "expert_id": world["e1"].id,
        "enterprise_id": world["ent"].id,
        "start_date": "2026-03-01",
        "end_date": "2027-02-28",
        "batch_year": 2026,
    }
    a = appointments.appoint(store, {**base, "status": "拟派"})
    assert progress.progress(store, 2026, as_of=TODAY).appointments["count"] == 0
    appointments.edit_appointment(store, a.id, {"status": "在岗"})
    appointments.appoint(store, {**base, "status": "撤回", "start_date": "2026-04-01"})
    result = progress.progress(store, 2026, as_of=TODAY)
    assert result.appointments == {"target": 500, "count": 1}


def test_default_targets_when_none_stored(store):
    result = progress.progress(store, 2031, as_of=TODAY)
    assert result.targets_source == "default"
    assert result.visits["target"] == 10_000
    assert sum(d.visits_target for d in result.districts) == 10_000
    assert sum(d.appointments_target for d in result.districts) == 500


def test_district_database_measures_against_its_share(world):
    store = world["store"]
    targets.ensure_default_targets(store, 2026)
    store.set_setting("district_scope", "330382")
    _visit(world, "2026-03-01")
    result = progress.progress(store, 2026, as_of=TODAY)
    assert (result.scope, result.scope_name) == ("330382", "乐清市")
    assert result.visits == {"target": 1500, "done": 1, "planned": 0}
    assert result.appointments["target"] == 75
