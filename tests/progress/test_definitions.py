"""The definitions on hand-made data: what one 家次 is, what an appointment counts for."""

from __future__ import annotations

from datetime import date

from dispatch_app import clock
from dispatch_app.progress import dashboard
from dispatch_app.services import appointments, visit_log
from support.world import TODAY

AS_OF = TODAY  # 2026-06-30


def test_a_visit_with_three_experts_counts_once(world):
    world["visit"](experts_=world["experts"])
    dash = dashboard(world["store"], 2026, as_of=AS_OF)
    assert len(world["experts"]) == 3
    assert dash.visits.done == 1
    assert dash.enterprises == 1


def test_cancelled_and_planned_count_zero_planned_is_the_pipeline(world):
    world["visit"](day="2026-03-02")
    world["visit"](day="2026-04-02", status="cancelled")
    world["visit"](day="2026-08-03", status="planned")
    dash = dashboard(world["store"], 2026, as_of=AS_OF)
    assert (dash.visits.done, dash.visits.pipeline) == (1, 1)
    assert sum(m.done for m in dash.trend) == 1
    assert dash.trend[7].planned == 1  # August


def test_visits_after_the_as_of_date_do_not_count_yet(world):
    world["visit"](day="2026-03-02")
    world["visit"](day="2026-05-04")
    assert dashboard(world["store"], 2026, as_of=date(2026, 4, 1)).visits.done == 1
    assert dashboard(world["store"], 2026, as_of=date(2025, 12, 1)).visits.done == 0


def test_a_visit_on_31_december_counts_for_that_year(world, store, freeze):
    freeze("2027-01-05T09:00:00+08:00")
    ent = world["ents"]["乐清市"]
    for day in ("2026-12-31", "2027-01-01"):
        visit_log.log_visit(
            store,
            {
                "enterprise_id": ent.id,
                "expert_ids": [world["experts"][0].id],
                "visit_date": day,
                "status": "completed",
            },
        )
    today = clock.today()
    assert today == date(2027, 1, 5)
    assert dashboard(store, 2026, as_of=today).visits.done == 1
    assert dashboard(store, 2026, as_of=date(2026, 12, 31)).visits.done == 1
    assert dashboard(store, 2027, as_of=today).visits.done == 1
    assert dashboard(store, 2026, as_of=today).trend[11].done == 1


def test_appointments_count_once_started_proposed_are_pipeline_withdrawn_never(world, store):
    base = {
        "expert_id": world["experts"][0].id,
        "enterprise_id": world["ents"]["乐清市"].id,
        "start_date": "2026-03-01",
        "end_date": "2027-02-28",
        "batch_year": 2026,
    }
    proposed = appointments.appoint(store, {**base, "status": "拟派"})
    appointments.appoint(store, {**base, "status": "撤回", "start_date": "2026-04-01"})
    dash = dashboard(store, 2026, as_of=AS_OF)
    assert (dash.appointments.done, dash.appointments.pipeline) == (0, 1)
    appointments.edit_appointment(store, proposed.id, {"status": "在岗"})
    for status, start in (("期满", "2026-01-10"), ("提前结束", "2026-02-01")):
        appointments.appoint(
            store,
            {**base, "status": status, "start_date": start, "expert_id": world["experts"][1].id},
        )
    dash = dashboard(store, 2026, as_of=AS_OF)
    assert (dash.appointments.done, dash.appointments.pipeline) == (3, 0)
    assert dashboard(store, 2027, as_of=AS_OF).appointments.done == 0  # its batch year only


def test_enterprises_covered_are_distinct(world):
    for day in ("2026-01-05", "2026-02-02", "2026-03-02"):
        world["visit"](day=day)
    world["visit"](district="鹿城区")
    dash = dashboard(world["store"], 2026, as_of=AS_OF)
    assert (dash.visits.done, dash.enterprises) == (4, 2)
    by = {r.name: r.enterprises for r in dash.districts}
    assert by["乐清市"] == 1 and by["鹿城区"] == 1


def test_breakdowns_split_qualifications_and_name_the_types(world):
    world["visit"](district="瑞安市", visit_type="matchmaking")
    world["visit"](district="鹿城区")
    world["visit"]()  # 乐清: no qualification
    dash = dashboard(world["store"], 2026, as_of=AS_OF)
    quals = {s.key: s.visits for s in dash.by_qualification}
    assert quals == {"高新技术企业": 2, "专精特新": 1, "—": 1}
    assert {s.key: s.visits for s in dash.by_industry} == {"电气": 1, "鞋业": 1, "汽摩配": 1}
    types = {s.label("zh"): s.visits for s in dash.by_visit_type}
    assert types == {"技术诊断": 2, "项目对接": 1}
    none_bucket = next(s for s in dash.by_qualification if s.key == "—")
    assert none_bucket.drill is None


def test_follow_ups_open_overdue_and_flagged_by_district(world):
    items = [
        {"description": "对接检测设备", "due_date": "2026-05-01", "needs_coordination": "是"},
        {"description": "申报专利", "due_date": "2026-09-01"},
    ]
    world["visit"](follow_ups=items)
    world["visit"](district="鹿城区", follow_ups=[{"description": "找场地", "due_date": ""}])
    dash = dashboard(world["store"], 2026, as_of=AS_OF)
    rows = {r.name: (r.open, r.overdue, r.needs_coordination) for r in dash.follow_ups}
    assert rows == {"乐清市": (2, 1, 1), "鹿城区": (1, 0, 0)}
    assert [m.description for m in dash.meeting] == ["对接检测设备"]
    assert dash.meeting[0].overdue and dash.meeting_total == 1
