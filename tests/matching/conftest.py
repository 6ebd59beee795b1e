"""Hand-made worlds where the right answer is obvious."""

from __future__ import annotations

import math

import pytest

from dispatch_app.domain.records import Enterprise, Expert
from dispatch_app.services import registry
from support.world import enterprise_raw

# 永嘉 瓯北 area, an exact point for the enterprise.
BASE = (28.04, 120.66)


def offset(km_north: float, km_east: float = 0.0) -> tuple[float, float]:
    lat = BASE[0] + km_north / 111.2
    lon = BASE[1] + km_east / (111.2 * math.cos(math.radians(BASE[0])))
    return lat, lon


@pytest.fixture
def valve_world(store):
    ent = registry.register(
        store,
        Enterprise,
        enterprise_raw(
            1,
            district="永嘉县",
            industry="泵阀",
            tech_needs="高温高压阀门密封泄漏问题",
            lat=BASE[0],
            lon=BASE[1],
        ),
    )

    def expert(name: str, specialties: str, km: float, vp: bool = True, **extra) -> Expert:
        lat, lon = offset(-km)  # south: 80 km north would leave Wenzhou
        return registry.register(
            store,
            Expert,
            {
                "name": name,
                "institution": "温州大学",
                "specialties": specialties,
                "lat": lat,
                "lon": lon,
                "can_be_vp": "是" if vp else "否",
                **extra,
            },
        )

    experts = {
        "valve_near": expert("阀门近", "阀门设计、密封技术", 5),
        "textile_near": expert("纺织近", "纺织材料、服装工程", 5),
        "valve_far": expert("阀门远", "阀门设计、密封技术", 80),
    }
    return {"store": store, "ent": ent, "experts": experts, "expert": expert}
