"""A small district with coordinates, a team, and visits: the planning tests' world."""

from __future__ import annotations

import pytest

from dispatch_app.domain.records import Enterprise, Expert, Team
from dispatch_app.services import registry
from support.world import enterprise_raw

# Around 乐清市's centre (28.11, 120.98): a row of enterprises going east.
POINTS = [(28.11, 121.00), (28.11, 121.06), (28.11, 121.02), (28.11, 121.04), (28.13, 121.01)]


@pytest.fixture
def planning_world(store):
    ents = [
        registry.register(
            store,
            Enterprise,
            enterprise_raw(i + 1, lat=lat, lon=lon, tech_needs="低压电器的自动化检测"),
        )
        for i, (lat, lon) in enumerate(POINTS)
    ]
    far = registry.register(
        store, Enterprise, enterprise_raw(20, district="鹿城区", lat=28.02, lon=120.65)
    )
    nowhere = registry.register(store, Enterprise, enterprise_raw(21))  # no coordinates
    expert = registry.register(
        store,
        Expert,
        {"name": "王建国", "institution": "温州大学", "specialties": "电气", "can_be_vp": "是"},
    )
    team = registry.register(store, Team, {"name": "乐清电气轻骑队", "district_code": "乐清市"})
    registry.set_team_members(store, team.id, [expert.id], leader_id=expert.id)
    loose = registry.register(store, Team, {"name": "综合轻骑队"})  # no district
    return {
        "store": store,
        "ents": ents,
        "far": far,
        "nowhere": nowhere,
        "expert": expert,
        "team": team,
        "loose": loose,
    }
