"""Logging visits with follow-ups, completing planned visits, closing follow-ups."""

from __future__ import annotations

import pytest

from dispatch_app.domain.problems import ValidationError
from dispatch_app.domain.records import FollowUp, Visit
from dispatch_app.services import visit_log
from dispatch_app.store import repository
from support.world import TODAY


def test_log_visit_with_two_follow_ups(world):
    store = world["store"]
    visit = visit_log.log_visit(
        store,
        {
            "enterprise_id": world["ent"].id,
            "team_id": world["team"].id,
            "expert_ids": [world["e1"].id, world["e2"].id],
            "visit_date": "2026/6/3",
            "visit_type": "技术诊断",
            "problems": "断路器温升偏高",
        },
        [
            {"description": "联系温州大学做温升试验", "owner": "王建国", "due_date": "2026-07-15"},
            {"description": "申报省级研发中心", "owner": "企业", "needs_coordination": True},
        ],
        today=TODAY,
    )
    saved = repository.get(store, Visit, visit.id)
    assert saved.visit_date == "2026-06-03"
    assert saved.district_code == "330382"
    assert set(saved.expert_ids) == {world["e1"].id, world["e2"].id}
    items = repository.find(store, FollowUp, "visit_id = ?", (visit.id,))
    assert sorted(i.description for i in items) == ["申报省级研发中心", "联系温州大学做温升试验"]
    assert [i.needs_coordination for i in items].count(True) == 1


def test_bad_follow_up_refuses_the_whole_visit(world):
    store = world["store"]
    with pytest.raises(ValidationError) as info:
        visit_log.log_visit(
            store,
            {
                "enterprise_id": world["ent"].id,
                "team_id": world["team"].id,
                "visit_date": "2026-06-03",
            },
            [{"description": "ok"}, {"description": "", "due_date": "2026-02-30"}],
            today=TODAY,
        )
    assert any(p.field.startswith("follow_ups[2]") for p in info.value.problems)
    assert store.scalar("SELECT count(*) FROM visits") == 0
    assert store.scalar("SELECT count(*) FROM follow_ups") == 0


def test_completed_visit_in_future_is_refused_but_planned_is_fine(world):
    store = world["store"]
    raw = {
        "enterprise_id": world["ent"].id,
        "team_id": world["team"].id,
        "visit_date": "2026-07-10",
    }
    with pytest.raises(ValidationError) as info:
        visit_log.log_visit(store, raw, today=TODAY)
    assert info.value.for_field("visit_date")
    planned = visit_log.log_visit(store, {**raw, "status": "计划中"}, today=TODAY)
    with pytest.raises(ValidationError):
        visit_log.complete_planned(store, planned.id, today=TODAY)
    done = visit_log.complete_planned(
        store, planned.id, {"advice": "改进工艺"}, today=TODAY.replace(month=7, day=11)
    )
    assert repository.get(store, Visit, done.id).status == "completed"


def test_close_follow_up_records_who_and_when(world):
    store = world["store"]
    visit = visit_log.log_visit(
        store,
        {"enterprise_id": world["ent"].id, "team_id": world["team"].id, "visit_date": "2026-06-03"},
        [{"description": "对接检测机构"}],
        today=TODAY,
    )
    (item,) = repository.find(store, FollowUp, "visit_id = ?", (visit.id,))
    with pytest.raises(ValidationError):
        visit_log.close_follow_up(store, item.id, "  ")
    visit_log.close_follow_up(store, item.id, "张科长", "已对接")
    closed = repository.get(store, FollowUp, item.id)
    assert (closed.status, closed.closed_by, closed.resolution) == ("closed", "张科长", "已对接")
    assert closed.closed_at
