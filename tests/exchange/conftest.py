"""Fixtures for the exchange tests: small databases built the way a coordinator builds them.

``district_db`` goes through the services (register, appoint, log_visit …) and includes the odd
values an exchange must carry (formula-like text, same-name experts, multi-line text).
``make_district`` and ``dump_db`` hand the builder and the database dump to tests.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from dispatch_app.domain.records import Case, Enterprise, Expert, Team
from dispatch_app.domain.uscc import random_uscc
from dispatch_app.services import appointments, registry, visit_log
from dispatch_app.store import Store, open_store

TODAY = date(2026, 6, 30)
# Follow-up items of visit number i (recorded as rows, as the window does).
FOLLOW_UPS: dict[int, list[dict[str, object]]] = {
    2: [
        {
            "description": "=更换密封件\n第二步：试运行",
            "owner": "张工",
            "due_date": "2026-07-15",
            "needs_coordination": True,
        },
        {"description": "申报省级研发中心"},
    ],
    3: [{"description": "不导出：该次服务已写明跟进事项"}],
}


def build_district(path: Path, adcode: str, seed: int, visits: int = 12) -> Path:
    """A district database with every kind, odd values included (formula-like text, …)."""
    rng = random.Random(seed)
    tag = f"{adcode[-2:]}{seed}"
    with open_store(path, create=True) as store:
        ents = []
        for i in range(6):
            ents.append(
                registry.register(
                    store,
                    Enterprise,
                    {
                        "uscc": random_uscc(rng, adcode),
                        "name": f"温州{tag}号第{i}阀门有限公司",
                        "district_code": adcode,
                        "address": f"工业路{i}号" if i % 2 else "",
                        "industry": "泵阀",
                        "size": "规上" if i % 2 else "规下",
                        "qualifications": "高新技术企业、专精特新" if i == 1 else "",
                        "contact_name": "王经理",
                        "contact_phone": "13812345678" if i % 2 else "0577-88881234",
                        "tech_needs": "=SUM(A1:A2) 需要自动化\n第二段" if i == 0 else "-降低能耗",
                        "lat": "28.1" if i == 2 else "",
                        "lon": "120.95" if i == 2 else "",
                    },
                )
            )
        experts = []
        for i in range(4):
            experts.append(
                registry.register(
                    store,
                    Expert,
                    {
                        "name": "张伟" if i < 2 else f"专家{tag}{i}",
                        "institution": f"温州大学{tag}" if i == 0 else f"研究院{tag}{i}",
                        "title": "教授",
                        "specialties": "机械、自动化",
                        "phone": "13900001111",
                        "district_code": adcode,
                        "can_be_vp": "是" if i % 2 == 0 else "否",
                    },
                )
            )
        team = registry.register(
            store, Team, {"name": f"轻骑队{tag}", "district_code": adcode, "industry": "泵阀"}
        )
        registry.set_team_members(store, team.id, [experts[1].id, experts[2].id], experts[0].id)
        appointments.appoint(
            store,
            {
                "expert_id": experts[0].id,
                "enterprise_id": ents[0].id,
                "start_date": "2026-01-01",
                "end_date": "2027-12-31",
                "batch_year": 2026,
                "status": "在岗",
                "duties": "+技术攻关",
            },
        )
        for i in range(visits):
            raw = {
                "enterprise_id": ents[i % len(ents)].id,
                "visit_date": f"2026-0{1 + i % 6}-{10 + i % 18:02d}",
                "visit_type": ["技术诊断", "项目对接", "回访"][i % 3],
                "status": "已完成" if i % 5 else "计划中",
                "problems": "@生产线效率低" if i == 0 else f"问题{i}",
                "advice": "建议\n分两步" if i == 1 else "",
                "confirmed_by": "李四",
            }
            if i % 2:
                raw["team_id"] = team.id
            else:
                raw["expert_ids"] = [experts[0].id, experts[1].id, experts[3].id][: 1 + i % 3]
            if i == 3:
                raw["follow_up_text"] = "已写明的跟进事项"  # the text wins over the items
            visit = visit_log.log_visit(store, raw, FOLLOW_UPS.get(i, ()), today=TODAY)
            if i == 2:  # as the window records them: items only, the text left empty
                first = store.scalar(
                    "SELECT id FROM follow_ups WHERE visit_id = ? AND owner = ''", (visit.id,)
                )
                visit_log.close_follow_up(store, first, "李四", "已申报")
        registry.register(
            store,
            Case,
            {
                "title": "智能化改造",
                "enterprise_id": ents[0].id,
                "district_code": adcode,
                "year": 2026,
                "output_value_wan": "120.5",
                "patents": "3",
                "approved": "是",
            },
        )
    return path


def dump(path: Path) -> list[tuple]:
    """Every row of every table, sorted: equal dumps mean equal databases."""
    with open_store(path, readonly=True) as store:
        return _dump(store)


def _dump(store: Store) -> list[tuple]:
    tables = [
        r[0]
        for r in store.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '_sqlite_%'"
            # The audit trail records the order things happened in, which may differ.
            " AND name != 'audit_log'"
            " ORDER BY name"
        )
    ]
    out = []
    for t in tables:
        rows = sorted(
            tuple("" if v is None else str(v) for v in r) for r in store.query(f"SELECT * FROM {t}")
        )
        out.append((t, rows))
    return out


@pytest.fixture
def district_db(tmp_path: Path) -> Path:
    return build_district(tmp_path / "district.db", "330382", seed=1)


@pytest.fixture
def empty_db(tmp_path: Path) -> Callable[[str], Path]:
    def make(name: str = "empty.db") -> Path:
        path = tmp_path / name
        open_store(path, create=True).close()
        return path

    return make


@pytest.fixture(scope="session")
def make_district() -> Callable[..., Path]:
    return build_district


@pytest.fixture(scope="session")
def dump_db() -> Callable[[Path], list[tuple]]:
    return dump
