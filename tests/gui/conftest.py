"""GUI fixtures: offscreen Qt, settings in a temporary folder, a small database made through
the services (as a coordinator would), and message boxes that record instead of blocking."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt is imported anywhere
sys.path.insert(0, str(Path(__file__).parent))  # guikit: helpers shared by the GUI tests

import pytest

import dispatch_app.gui  # noqa: F401  (the PySide6 6.12 refcount guard, before Qt is used)
from dispatch_app import clock
from dispatch_app.domain.records import Case, Enterprise, Expert, Team
from dispatch_app.domain.uscc import make_uscc
from dispatch_app.services import appointments, registry, visit_log
from dispatch_app.services.targets import ensure_default_targets
from dispatch_app.store import open_store

ENTERPRISES = [
    ("温州大学科技园发展有限公司", "330302", "数字经济", "高新技术企业"),
    ("乐清市正泰电气有限公司", "330382", "电气", "高新技术企业、专精特新"),
    ("乐清市天正阀门有限公司", "330382", "泵阀", "科技型中小企业"),
    ("瑞安市华峰汽摩配件有限公司", "330381", "汽摩配", "专精特新"),
    ("温州市鹿城区东方鞋业有限公司", "330302", "鞋业", ""),
    ("龙湾区新材料科技有限公司", "330303", "新材料", "小巨人"),
    ("瓯海眼镜制造有限公司", "330304", "眼镜", ""),
    ("苍南县印刷包装有限公司", "330327", "印刷包装", "科技型中小企业"),
]


def seed_world(store, today: date | None = None) -> dict:
    """A small district world: enterprises, experts, two teams, visits with follow-ups."""
    today = today or clock.today()
    ensure_default_targets(store, today.year)
    ents = []
    for n, (name, adcode, industry, quals) in enumerate(ENTERPRISES, start=1):
        ents.append(
            registry.register(
                store,
                Enterprise,
                {
                    "uscc": make_uscc("9", "1", adcode, f"{n:07d}A"[-8:]),
                    "name": name,
                    "district_code": adcode,
                    "industry": industry,
                    "qualifications": quals,
                    "contact_name": "张经理",
                    "contact_phone": f"138 1234 56{n:02d}",
                    "tech_needs": "生产线自动化改造" if n % 2 else "",
                },
            )
        )
    e1 = registry.register(
        store,
        Expert,
        {
            "name": "王建国",
            "institution": "温州大学",
            "title": "教授",
            "specialties": "电气自动化、低压电器",
            "can_be_vp": "是",
            "district_code": "330302",
        },
    )
    e2 = registry.register(
        store,
        Expert,
        {
            "name": "李晓梅",
            "institution": "温州理工学院",
            "title": "副教授",
            "specialties": "新材料",
            "district_code": "330303",
        },
    )
    e3 = registry.register(
        store,
        Expert,
        {
            "name": "陈志强",
            "institution": "浙江工业大学",
            "specialties": "流体机械、阀门设计",
            "can_be_vp": "是",
        },
    )
    t1 = registry.register(
        store, Team, {"name": "乐清电气轻骑队", "district_code": "乐清市", "industry": "电气"}
    )
    registry.set_team_members(store, t1.id, [e1.id, e3.id], leader_id=e1.id)
    t2 = registry.register(store, Team, {"name": "鹿城新材料轻骑队", "district_code": "鹿城区"})
    registry.set_team_members(store, t2.id, [e2.id], leader_id=e2.id)
    visits = []
    for i, ent in enumerate(ents):
        day = today - timedelta(days=3 * i + 1)
        visits.append(
            visit_log.log_visit(
                store,
                {
                    "enterprise_id": ent.id,
                    "team_id": t1.id if i % 2 == 0 else t2.id,
                    "expert_ids": (e1.id,) if i % 2 == 0 else (e2.id,),
                    "visit_date": day,
                    "visit_type": "diagnosis" if i % 3 else "matchmaking",
                    "problems": "注塑工艺不稳定，次品率偏高",
                    "advice": "引入在线检测",
                    "outcome": "企业采纳建议",
                    "status": "completed",
                },
                [
                    {
                        "description": f"对接检测设备供应商（{i}）",
                        "owner": "王建国",
                        "due_date": today + timedelta(days=i - 3),
                        "needs_coordination": i % 3 == 0,
                    }
                ],
                today=today,
            )
        )
    planned = visit_log.log_visit(
        store,
        {
            "enterprise_id": ents[2].id,
            "team_id": t1.id,
            "visit_date": today + timedelta(days=5),
            "visit_type": "revisit",
            "status": "planned",
        },
        today=today,
    )
    appointments.appoint(
        store,
        {
            "expert_id": e1.id,
            "enterprise_id": ents[1].id,
            "start_date": date(today.year, 1, 1),
            "end_date": date(today.year + 1, 12, 31),
            "batch_year": today.year,
            "status": "active",
        },
    )
    registry.register(
        store,
        Case,
        {
            "title": "正泰电气生产线智能化改造",
            "enterprise_id": ents[1].id,
            "district_code": "330382",
            "year": today.year,
            "background": "人工检测效率低",
            "measures": "科技副总牵头引入机器视觉",
            "results": "次品率下降40%",
            "output_value_wan": 1200,
            "patents": 3,
            "approved": True,
        },
    )
    return {
        "enterprises": ents,
        "experts": [e1, e2, e3],
        "teams": [t1, t2],
        "visits": visits,
        "planned": planned,
    }


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "world.db"
    with open_store(path, create=True) as s:
        seed_world(s)
    return path


@pytest.fixture
def db_path(tmp_path, _template_db) -> Path:
    """A private copy of the small world for one test."""
    path = tmp_path / "world.db"
    shutil.copy(_template_db, path)
    return path


@pytest.fixture
def settings(tmp_path):
    from dispatch_app.gui.settings import Settings

    return Settings(tmp_path / "config" / "dispatch-app.ini")


@pytest.fixture
def messages(monkeypatch):
    """Record message boxes instead of showing them; ``answers`` feeds yes/no questions."""
    from dispatch_app.gui.dialogs import messages as m

    log: dict = {"errors": [], "infos": [], "asked": [], "answers": [], "unsaved": []}
    monkeypatch.setattr(m, "show_error", lambda p, t, x: log["errors"].append((t, x)))
    monkeypatch.setattr(m, "show_info", lambda p, t, x: log["infos"].append((t, x)))

    def ask(p, t, x):
        log["asked"].append((t, x))
        return log["answers"].pop(0) if log["answers"] else False

    monkeypatch.setattr(m, "ask", ask)

    def ask_unsaved(p, t, x):
        """Save / Discard / Cancel: ``unsaved_answers`` feeds it; "discard" when empty."""
        log["unsaved"].append((t, x))
        answers = log.setdefault("unsaved_answers", [])
        return answers.pop(0) if answers else "discard"

    monkeypatch.setattr(m, "ask_unsaved", ask_unsaved)
    return log


@pytest.fixture
def controller(qapp, settings, messages):
    """The application controller with its main window (Chinese), no database yet."""
    from dispatch_app.gui.app import AppController

    c = AppController(settings, "zh")
    yield c
    c.window._handing_over = False
    c.window.close()
    c.window.deleteLater()
    from dispatch_app.gui import i18n

    i18n.install(qapp, "zh")


@pytest.fixture
def window(controller, db_path, qtbot):
    """The main window with the small world open, shown offscreen."""
    w = controller.window
    w.show()
    with qtbot.waitSignal(w.store_changed, timeout=10_000):
        w.open_database(db_path)
    # The first page painted and what start-up defers (the import/export submenu) is done.
    qtbot.waitUntil(lambda: w.start_up_finished, timeout=10_000)
    return w


def pytest_collection_modifyitems(items):
    """The offscreen platform warns that it cannot resize native windows; that is no fault of
    ours. Every other Qt warning fails the test (pyproject: qt_log_level_fail = WARNING)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(
                pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
            )


def wait_loaded(qtbot, page, timeout: int = 5000) -> None:
    """Let a debounced search run now and wait for its query."""
    page._search_timer.stop()
    page.apply()
    qtbot.wait(1)
