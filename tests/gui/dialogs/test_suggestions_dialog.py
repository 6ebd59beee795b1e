"""推荐专家 / 推荐轻骑队 driven as a coordinator would, in a world where the answer is obvious.

A valve enterprise with needs; a valve expert 5 km away, a textile expert 5 km away, a valve
expert 80 km away, and a valve expert 3 km away who already serves two enterprises (the
appointment limit). The near valve expert must come first; choosing creates the record.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from dispatch_app import clock
from dispatch_app.domain.records import Enterprise, Expert, Team
from dispatch_app.services import appointments, registry
from dispatch_app.store import open_store
from support.world import enterprise_raw

BASE = (28.04, 120.66)  # 永嘉 瓯北
TODAY = date(2026, 11, 20)


def _south(km: float) -> tuple[float, float]:
    return BASE[0] - km / 111.2, BASE[1]


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def _build(store) -> dict:
    ent = registry.register(
        store,
        Enterprise,
        enterprise_raw(
            1,
            name="永嘉县瓯北阀门有限公司",
            district="永嘉县",
            industry="泵阀",
            tech_needs="高温高压阀门密封泄漏问题",
            lat=BASE[0],
            lon=BASE[1],
        ),
    )
    plain = registry.register(
        store,
        Enterprise,
        enterprise_raw(2, name="永嘉县无需求企业有限公司", district="永嘉县", lat=28.0, lon=120.6),
    )

    def expert(name: str, specialties: str, km: float) -> Expert:
        lat, lon = _south(km)
        return registry.register(
            store,
            Expert,
            {
                "name": name,
                "institution": "温州大学",
                "specialties": specialties,
                "lat": lat,
                "lon": lon,
                "can_be_vp": "是",
            },
        )

    experts = {
        "valve_near": expert("阀门近", "阀门设计、密封技术", 5),
        "textile_near": expert("纺织近", "纺织材料、服装工程", 5),
        "valve_far": expert("阀门远", "阀门设计、密封技术", 80),
        "overloaded": expert("阀门满", "阀门设计、密封技术", 3),
    }
    for n in (10, 11):
        other = registry.register(store, Enterprise, enterprise_raw(n))
        appointments.appoint(
            store,
            {
                "expert_id": experts["overloaded"].id,
                "enterprise_id": other.id,
                "start_date": "2026-03-01",
                "end_date": "2027-02-28",
                "batch_year": 2026,
                "status": "active",
            },
        )
    team = registry.register(store, Team, {"name": "永嘉阀门轻骑队", "district_code": "永嘉县"})
    registry.set_team_members(
        store,
        team.id,
        [experts["valve_near"].id, experts["textile_near"].id],
        leader_id=experts["valve_near"].id,
    )
    return {"ent": ent, "plain": plain, "experts": experts, "team": team}


@pytest.fixture
def world_ids(tmp_path) -> dict:
    path = tmp_path / "valves.db"
    with open_store(path, create=True) as s:
        ids = _build(s)
    ids["path"] = path
    return ids


@pytest.fixture
def db_path(world_ids):
    """The window fixture opens the valve world instead of the shared small world."""
    return world_ids["path"]


def _select(window, enterprise_id: str):
    page = window.show_page("enterprises")
    page.search.setText("")
    page.apply()
    page.select_record(enterprise_id)
    assert page.form.record_id == enterprise_id
    return page


def _wait(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    return dialog


def _cell(dialog, view, row: int, key: str) -> str:
    model = view.model()
    return model.index(row, model.column_of(key)).data()


def test_suggest_experts_ranks_the_near_valve_expert_first_and_choosing_appoints(
    window, qtbot, world_ids
):
    page = _select(window, world_ids["ent"].id)
    button = page.form.suggest_buttons["appointment"]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = _wait(qtbot, page._suggestions_dialog)
    view = dialog.expert_view
    names = [_cell(dialog, view, r, "name") for r in range(view.model().rowCount())]
    assert names[0] == "阀门近"
    assert names.index("阀门近") < names.index("纺织近")
    assert names.index("阀门近") < names.index("阀门远")
    assert "阀门满" not in names  # at the appointment limit: dropped, and said so
    assert "1 位已达选派上限" in dialog.excluded.text()
    why = _cell(dialog, view, 0, "why")
    assert why.startswith("专业匹配 ") and "阀门" in why
    assert why.endswith("· 距离 5.0 km · 在岗 0 家 · 近30天 0 次")
    assert "该企业未填写技术需求" not in dialog.heading.text()
    assert view.currentIndex().row() == 0  # the best is preselected: Enter chooses it
    before = window.store.scalar("SELECT count(*) FROM appointments")
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    rows = window.store.query(
        "SELECT expert_id, status, start_date FROM appointments WHERE enterprise_id = ?",
        (world_ids["ent"].id,),
    )
    assert window.store.scalar("SELECT count(*) FROM appointments") == before + 1
    assert [tuple(r) for r in rows] == [
        (world_ids["experts"]["valve_near"].id, "proposed", TODAY.isoformat())
    ]
    assert not dialog.isVisible()
    assert "阀门近" in page.last_message
    assert page.form.related_buttons["appointments"].text().endswith("(1)")  # page refreshed


def test_shortcut_opens_team_suggestions_and_the_proposed_team_plans_a_visit(
    window, qtbot, world_ids
):
    page = _select(window, world_ids["ent"].id)
    page.view.setFocus()
    qtbot.keyClick(
        page.view,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = _wait(qtbot, page._suggestions_dialog)
    assert dialog.purpose == "visit"
    assert dialog.team_model.rowCount() == 1
    assert _cell(dialog, dialog.team_view, 0, "name") == "永嘉阀门轻骑队"
    assert "队员 2 人" in _cell(dialog, dialog.team_view, 0, "why")
    team = dialog.result.proposed_team
    assert team is not None and 3 <= len(team.member_ids) <= 6
    assert team.member_names[0] == "阀门近"
    assert "阀门近" in dialog.proposed_label.text() and "覆盖" in dialog.proposed_label.text()
    qtbot.mouseClick(dialog.proposed_button, Qt.MouseButton.LeftButton)
    visit = window.store.query(
        "SELECT id, status, visit_date FROM visits WHERE enterprise_id = ?",
        (world_ids["ent"].id,),
    )
    assert [(r["status"], r["visit_date"]) for r in visit] == [("planned", TODAY.isoformat())]
    members = window.store.query(
        "SELECT expert_id FROM visit_experts WHERE visit_id = ?", (visit[0]["id"],)
    )
    assert {r["expert_id"] for r in members} == set(team.member_ids)


def test_enterprise_without_needs_is_ranked_by_distance_and_load_and_says_so(
    window, qtbot, world_ids
):
    page = _select(window, world_ids["plain"].id)
    page.suggest("visit")
    dialog = _wait(qtbot, page._suggestions_dialog)
    assert "该企业未填写技术需求" in dialog.heading.text()
    assert dialog.expert_model.rowCount() >= 3
    lines = [_cell(dialog, dialog.expert_view, r, "why") for r in range(3)]
    assert all(line.startswith("仅按距离和负荷 · 距离 ") for line in lines)
    assert "未填写技术需求" in dialog.proposed_label.text()
    assert not dialog.proposed_button.isEnabled()
    dialog.reject()


def test_visit_dialog_is_filled_by_one_click(window, qtbot, world_ids):
    dialog = window.log_visit()
    dialog.enterprise.set_selected(world_ids["ent"].id, "永嘉县瓯北阀门有限公司")
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    suggestions = _wait(qtbot, dialog._suggestions_dialog)
    assert _cell(suggestions, suggestions.expert_view, 0, "name") == "阀门近"
    suggestions.tabs.setCurrentWidget(suggestions.team_view)
    suggestions.team_view.selectRow(0)
    qtbot.mouseClick(suggestions.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.team.currentData() == world_ids["team"].id
    assert set(dialog.experts.expert_ids()) == {
        world_ids["experts"]["valve_near"].id,
        world_ids["experts"]["textile_near"].id,
    }
    dialog.keeper.forget()
    dialog.done(0)


def test_visit_dialog_asks_for_the_enterprise_first(window, qtbot):
    dialog = window.log_visit()
    assert dialog.suggest() is None
    assert "先选择企业" in dialog.banner.text()
    dialog.done(0)


def test_appointment_form_fills_the_expert(window, qtbot, world_ids):
    page = window.show_page("appointments")
    page.new_record()
    form = page.form
    form.editors["enterprise_id"].set_selected(world_ids["ent"].id, "永嘉县瓯北阀门有限公司")
    form.editors["start_date"].setText("2026-12-01")
    qtbot.mouseClick(form.suggest_button, Qt.MouseButton.LeftButton)
    suggestions = _wait(qtbot, form._suggestions_dialog)
    assert suggestions.on == date(2026, 12, 1)
    qtbot.mouseClick(suggestions.choose_button, Qt.MouseButton.LeftButton)
    assert form.editors["expert_id"].selected_id == world_ids["experts"]["valve_near"].id
    assert form.editors["expert_id"].text() == "阀门近"
    assert window.store.scalar("SELECT count(*) FROM appointments WHERE status = 'proposed'") == 0
    form.validate()
    assert not [p for p in form.problems() if p.field == "expert_id"]


def test_an_enterprise_deleted_meanwhile_is_said_plainly(window, qtbot):
    from dispatch_app.gui.dialogs.suggestions_dialog import SuggestionsDialog

    dialog = SuggestionsDialog(window.store, "no-such-enterprise", "visit", window)
    with qtbot.waitSignal(dialog.ready, timeout=10_000):
        pass
    assert "已不存在" in dialog.status.text()
    assert not dialog.choose_button.isEnabled()
    dialog.reject()


def test_editing_a_planned_visit_its_own_team_is_not_busy(window, qtbot, world_ids):
    from dispatch_app.services import visit_log

    near = world_ids["experts"]["valve_near"]
    planned = visit_log.log_visit(
        window.store,
        {
            "enterprise_id": world_ids["ent"].id,
            "team_id": world_ids["team"].id,
            "expert_ids": (near.id,),
            "visit_date": "2026-11-25",
            "status": "planned",
        },
    )
    dialog = window.log_visit(planned.id)
    suggestions = _wait(qtbot, dialog.suggest())
    assert suggestions.on == date(2026, 11, 25)
    assert _cell(suggestions, suggestions.expert_view, 0, "name") == "阀门近"
    assert suggestions.team_model.rowCount() == 1
    suggestions.reject()
    dialog.keeper.forget()
    dialog.done(0)


def test_on_opening_the_list_has_the_keyboard_not_the_date(window, qtbot, world_ids):
    page = _select(window, world_ids["ent"].id)
    qtbot.mouseClick(page.form.suggest_buttons["appointment"], Qt.MouseButton.LeftButton)
    dialog = _wait(qtbot, page._suggestions_dialog)
    assert dialog.focusWidget() is dialog.current_view()  # Enter chooses the best at once
