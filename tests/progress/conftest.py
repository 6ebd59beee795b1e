"""A small world with enterprises in three districts, made through the services."""

from __future__ import annotations

import pytest

from dispatch_app.domain.records import Enterprise, Expert, Team
from dispatch_app.services import registry, visit_log
from support.world import TODAY, enterprise_raw


@pytest.fixture
def world(store):
    ents = {
        "乐清市": registry.register(store, Enterprise, enterprise_raw(1)),
        "鹿城区": registry.register(
            store,
            Enterprise,
            enterprise_raw(2, district="鹿城区", industry="鞋业", qualifications="高新技术企业"),
        ),
        "瑞安市": registry.register(
            store,
            Enterprise,
            enterprise_raw(
                3, district="瑞安市", industry="汽摩配", qualifications="高新技术企业、专精特新"
            ),
        ),
    }
    experts = [
        registry.register(
            store,
            Expert,
            {"name": name, "institution": "温州大学", "specialties": "电气", "can_be_vp": "是"},
        )
        for name in ("王建国", "李晓梅", "陈立")
    ]
    team = registry.register(store, Team, {"name": "乐清电气轻骑队", "district_code": "乐清市"})

    def visit(district="乐清市", day="2026-03-02", status="completed", experts_=(), **extra):
        return visit_log.log_visit(
            store,
            {
                "enterprise_id": ents[district].id,
                "team_id": team.id,
                "expert_ids": [e.id for e in experts_] or [experts[0].id],
                "visit_date": day,
                "status": status,
                "visit_type": extra.pop("visit_type", "diagnosis"),
                **extra,
            },
            extra.pop("follow_ups", ()),
            today=TODAY,
        )

    return {"store": store, "ents": ents, "experts": experts, "team": team, "visit": visit}
