"""Registering, editing, archiving and deleting master records through the services."""

from __future__ import annotations

import pytest

from dispatch_app.domain.problems import DuplicateRecord, HistoryProtected, ValidationError
from dispatch_app.domain.records import Enterprise, Expert, Team
from dispatch_app.services import registry, visit_log
from dispatch_app.store import repository
from support.world import TODAY, enterprise_raw


def test_register_normalises_and_stores_pinyin(world):
    store, ent = world["store"], world["ent"]
    row = store.query("SELECT * FROM enterprises WHERE id = ?", (ent.id,))[0]
    assert row["district_code"] == "330382"
    assert row["contact_phone"] == "13812345678"
    assert row["name_initials"].startswith("yqszt")
    assert row["name_pinyin"].startswith("yueqingshi")


def test_invalid_enterprise_reports_every_field_and_writes_nothing(store):
    raw = enterprise_raw(5, uscc="914403001922038217", contact_phone="12345")
    raw["name"] = ""
    with pytest.raises(ValidationError) as info:
        registry.register(store, Enterprise, raw)
    fields = {p.field for p in info.value.problems}
    assert {"uscc", "name", "contact_phone"} <= fields
    assert store.scalar("SELECT count(*) FROM enterprises") == 0


def test_duplicate_uscc_points_at_existing(world):
    store, ent = world["store"], world["ent"]
    with pytest.raises(DuplicateRecord) as info:
        registry.register(store, Enterprise, enterprise_raw(1))
    assert info.value.existing_id == ent.id
    assert ent.name in info.value.problems[0].zh


def test_legacy_district_code_is_mapped(store):
    ent = registry.register(store, Enterprise, enterprise_raw(7, district_code="330371"))
    assert ent.district_code == "330303"


def test_edit_keeps_identity_and_bumps_updated(world):
    store, ent = world["store"], world["ent"]
    edited = registry.edit(store, Enterprise, ent.id, {"tech_needs": "断路器寿命测试"})
    again = repository.get(store, Enterprise, ent.id)
    assert again.tech_needs == "断路器寿命测试"
    assert again.created_at == ent.created_at
    assert edited.updated_at > ent.updated_at


def test_delete_with_history_is_explained_and_archive_works(world):
    store, ent = world["store"], world["ent"]
    visit_log.log_visit(
        store,
        {"enterprise_id": ent.id, "team_id": world["team"].id, "visit_date": "2026-06-01"},
        today=TODAY,
    )
    with pytest.raises(HistoryProtected) as info:
        registry.delete(store, Enterprise, ent.id)
    assert "归档" in info.value.zh and "1 条入企服务记录" in info.value.zh
    registry.set_archived(store, Enterprise, ent.id, True)
    assert repository.get(store, Enterprise, ent.id).archived_at is not None
    registry.delete(store, Enterprise, world["ent2"].id)
    assert store.scalar("SELECT count(*) FROM enterprises") == 1


def test_team_roster_and_leader(world):
    store, team, e1, e2 = world["store"], world["team"], world["e1"], world["e2"]
    roles = dict(
        store.query("SELECT expert_id, role FROM team_members WHERE team_id = ?", (team.id,))
    )
    assert roles == {e1.id: "leader", e2.id: "member"}
    registry.set_team_members(store, team.id, [e1.id], leader_id=e2.id)
    roles = dict(
        store.query("SELECT expert_id, role FROM team_members WHERE team_id = ?", (team.id,))
    )
    assert roles == {e1.id: "member", e2.id: "leader"}
    assert repository.get(store, Team, team.id).leader_id == e2.id


def test_duplicate_expert_same_institution(world):
    with pytest.raises(DuplicateRecord):
        registry.register(
            world["store"],
            Expert,
            {"name": "王建国", "institution": "温州大学", "specialties": "机械"},
        )
