"""The small world every service test starts from."""

from __future__ import annotations

import pytest

from dispatch_app.domain.records import Enterprise, Expert, Team
from dispatch_app.services import registry
from support.world import enterprise_raw


@pytest.fixture
def world(store):
    ent = registry.register(store, Enterprise, enterprise_raw(1))
    ent2 = registry.register(store, Enterprise, enterprise_raw(2, district="鹿城区"))
    e1 = registry.register(
        store,
        Expert,
        {
            "name": "王建国",
            "institution": "温州大学",
            "specialties": "电气自动化、低压电器",
            "can_be_vp": "是",
        },
    )
    e2 = registry.register(
        store,
        Expert,
        {"name": "李晓梅", "institution": "温州理工学院", "specialties": "新材料"},
    )
    team = registry.register(store, Team, {"name": "乐清电气轻骑队", "district_code": "乐清市"})
    registry.set_team_members(store, team.id, [e1.id, e2.id], leader_id=e1.id)
    return {"store": store, "ent": ent, "ent2": ent2, "e1": e1, "e2": e2, "team": team}
