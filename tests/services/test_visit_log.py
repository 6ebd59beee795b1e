"""Logging visits with follow-ups, completing planned visits, closing follow-ups."""

from __future__ import annotations

import pytest

from dispatch_app.domain.problems import NotFound, ValidationError
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


def _planned(world):
    return visit_log.log_visit(
        world["store"],
        {
            "enterprise_id": world["ent"].id,
            "team_id": world["team"].id,
            "visit_date": "2026-07-10",
            "status": "计划中",
        },
        today=TODAY,
    )


def test_edit_with_follow_ups_writes_the_visit_and_every_item(world):
    store = world["store"]
    planned = _planned(world)
    done = visit_log.complete_planned(
        store,
        planned.id,
        {"visit_date": "2026-06-03", "advice": "改进工艺"},
        [{"description": "对接检测机构", "owner": "王建国"}, {"description": "申报研发中心"}],
        today=TODAY,
    )
    saved = repository.get(store, Visit, done.id)
    assert (saved.status, saved.advice) == ("completed", "改进工艺")
    items = repository.find(store, FollowUp, "visit_id = ?", (planned.id,))
    assert sorted(i.description for i in items) == ["对接检测机构", "申报研发中心"]


@pytest.mark.parametrize("complete", [False, True])
def test_bad_follow_up_refuses_the_edit_and_writes_nothing(world, complete):
    store = world["store"]
    planned = _planned(world)
    before = repository.get(store, Visit, planned.id)
    changes = {"visit_date": "2026-06-03", "advice": "改进工艺", "status": "completed"}
    items = [{"description": "ok"}, {"description": "", "due_date": "2026-02-30"}]
    edit = visit_log.complete_planned if complete else visit_log.edit_visit
    with pytest.raises(ValidationError) as info:
        edit(store, planned.id, changes, items, today=TODAY)
    fields = {p.field for p in info.value.problems}
    assert {"follow_ups[2].description", "follow_ups[2].due_date"} <= fields
    assert all(p.zh.startswith("跟进事项第 2 条") for p in info.value.problems)
    assert repository.get(store, Visit, planned.id) == before
    assert store.scalar("SELECT count(*) FROM follow_ups") == 0


def test_a_bad_visit_and_a_bad_follow_up_are_reported_together(world):
    store = world["store"]
    planned = _planned(world)
    with pytest.raises(ValidationError) as info:
        visit_log.complete_planned(  # completed yet in the future, and an empty item
            store, planned.id, {}, [{"description": ""}], today=TODAY
        )
    fields = {p.field for p in info.value.problems}
    assert "visit_date" in fields
    assert "follow_ups[1].description" in fields
    assert repository.get(store, Visit, planned.id).status == "planned"
    assert store.scalar("SELECT count(*) FROM follow_ups") == 0


def test_editing_a_visit_deleted_meanwhile_is_not_found(world):
    store = world["store"]
    planned = _planned(world)
    store.conn.execute("DELETE FROM visits WHERE id = ?", (planned.id,))
    with pytest.raises(NotFound):
        visit_log.edit_visit(store, planned.id, {"advice": "x"}, [{"description": "对接"}])
    assert store.scalar("SELECT count(*) FROM follow_ups") == 0
