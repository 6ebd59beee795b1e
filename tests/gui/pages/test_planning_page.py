"""The planning page, driven like a user: choose enterprises that need a visit, assign them to
a team's day, see the day in route order with km, add a gap-closer, export the schedule."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from dispatch_app import clock
from dispatch_app.domain.geography import haversine_km
from dispatch_app.domain.records import Enterprise
from dispatch_app.domain.uscc import make_uscc
from dispatch_app.planning.needs import needing_visits
from dispatch_app.services import registry

# South-east of 乐清市's centre: C lies just off the leg between A and B (and far from the legs
# to and from the base), so it is the gap-closer, to go between them.
PLACES = {
    "乐清市东甲电器有限公司": (28.080, 121.020),
    "乐清市东乙电器有限公司": (28.080, 121.060),
    "乐清市东丙电器有限公司": (28.079, 121.040),
}
A, B, C = PLACES


@pytest.fixture
def page(window, qtbot):
    for n, (name, (lat, lon)) in enumerate(PLACES.items(), start=50):
        registry.register(
            window.store,
            Enterprise,
            {
                "uscc": make_uscc("9", "1", "330382", f"{n:07d}B"[-8:]),
                "name": name,
                "district_code": "乐清市",
                "industry": "电气",
                "address": f"乐清市柳市镇{n}号",
                "lat": lat,
                "lon": lon,
            },
        )
    p = window.show_page("planning")
    p.reload()
    qtbot.waitUntil(lambda: not p.pending_work() and p.needs_model.rowCount() > 0, timeout=10_000)
    return p


def _wait(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.pending_work(), timeout=10_000)


def _row_of(model, name: str) -> int:
    return next(r for r in range(model.rowCount()) if model.row_object(r).name == name)


def _ctrl_click(qtbot, view, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        rect.center(),
    )


def _day(page) -> list[str]:
    return [r.cells[3] for r in page.day_model.rows if r.visit_id]


def _team(window, page):
    team = next(t for t in window.store.query("SELECT id, name FROM teams") if "乐清" in t["name"])
    return team["id"], team["name"]


def test_assign_two_then_add_the_gap_closer_and_export(
    window, page, qtbot, tmp_path, qtmodeltester
):
    team_id, team_name = _team(window, page)
    day = clock.today() + timedelta(days=3)
    asked = []

    def answer(count):
        asked.append(count)
        return team_id, day

    page.ask_assignment = answer
    assert not page.assign_button.isEnabled()
    for name in (A, B):
        _ctrl_click(qtbot, page.needs_view, _row_of(page.needs_model, name))
    assert {n.name for n in page.selected_needs()} == {A, B}
    assert page.assign_button.isEnabled()
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    assert asked == [2]
    assert page.team_box.currentText() == team_name
    assert page.date_box.date() == QDate(day)
    assert sorted(_day(page)) == sorted([A, B])
    qtmodeltester.check(page.day_model)
    # The km shown are the legs from the base through the stops and back.
    d = page.day
    points = [
        (d.base.lat, d.base.lon),
        *((s.lat, s.lon) for s in d.stops),
        (d.base.lat, d.base.lon),
    ]
    legs = [haversine_km(*points[i], *points[i + 1]) for i in range(len(points) - 1)]
    shown = [float(r.cells[8]) for r in page.day_model.rows]
    assert shown == pytest.approx(legs, abs=0.051)
    assert f"{sum(legs):.1f}" in page.summary_label.text()
    # The assigned ones left the "not yet planned" list; C is the gap-closer, between them.
    names = {n.name for n in page.needs_model.rows}
    assert A not in names and B not in names and C in names
    assert page.gap_model.rowCount() >= 1
    first = page.gap_model.row_object(0)
    assert first.need.name == C and first.after == 0  # between the first and second stop
    assert not page.add_gap_button.isEnabled()
    page.gap_view.selectRow(0)
    qtbot.mouseClick(page.add_gap_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    order = _day(page)
    assert len(order) == 3 and order[1] == C and {order[0], order[2]} == {A, B}
    assert all(g.need.name != C for g in page.gap_model.rows)
    # Export: the CSV holds the stops in the order on screen.
    target = tmp_path / "day.csv"
    assert page.export_csv(str(target)) == str(target)
    qtbot.waitUntil(lambda: target.exists() and not window.tasks_running(), timeout=10_000)
    with target.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][3] == "企业名称"
    assert [r[3] for r in rows[1:4]] == order
    pdf = tmp_path / "day.pdf"
    page.export_pdf(str(pdf))
    qtbot.waitUntil(lambda: pdf.exists() and not window.tasks_running(), timeout=20_000)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_bad_assignment_writes_nothing_and_says_why(window, page, qtbot, messages):
    team_id, _name = _team(window, page)
    before = window.store.scalar("SELECT count(*) FROM visits")
    page.ask_assignment = lambda count: (team_id, clock.today() - timedelta(days=1))
    page.needs_view.selectRow(_row_of(page.needs_model, A))
    assert page.assign_selected() is False
    assert window.store.scalar("SELECT count(*) FROM visits") == before
    assert messages["errors"] and "早于今天" in messages["errors"][0][1]


def test_filters_match_the_core_query(window, page, qtbot):
    today = clock.today()
    page.unplanned_box.setChecked(False)
    page.district_box.setCurrentIndex(page.district_box.findData("330382"))
    _wait(qtbot, page)
    expected = needing_visits(window.store, today, district="330382")
    assert [n.enterprise_id for n in page.needs_model.rows] == [n.enterprise_id for n in expected]
    page.reload()  # data changed elsewhere: the filter stays
    _wait(qtbot, page)
    assert page.district_box.currentData() == "330382"
    assert [n.enterprise_id for n in page.needs_model.rows] == [n.enterprise_id for n in expected]
    page.district_box.setCurrentIndex(0)
    page.reason_box.setCurrentIndex(page.reason_box.findData("open_follow_ups"))
    _wait(qtbot, page)
    expected = [n for n in needing_visits(window.store, today) if "open_follow_ups" in n.reasons]
    assert expected and len(page.needs_model.rows) == len(expected)
    assert all(
        "有未办结跟进事项" in page.needs_model.index(r, 1).data() for r in range(len(expected))
    )
    page.industry_box.setCurrentIndex(page.industry_box.findData("鞋业"))
    _wait(qtbot, page)
    assert {n.industry for n in page.needs_model.rows} <= {"鞋业"}
    assert page.needs_label.text().startswith(f"共 {page.needs_model.rowCount()} 家")


def test_keyboard_moves_the_day_and_assigns(window, page, qtbot):
    start = page.date_box.date()
    page.needs_view.setFocus()
    qtbot.keyClick(page.needs_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.date_box.date() == start.addDays(1)
    qtbot.keyClick(page.needs_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.date_box.date() == start
    _wait(qtbot, page)
    asked = []
    page.ask_assignment = lambda count: asked.append(count)  # the user cancels
    page.needs_view.selectionModel().select(
        page.needs_model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.needs_view, Qt.Key.Key_A, ctrl_shift)
    assert asked == [1]
    # Offscreen, Qt keeps Shift "held" after a shortcut took the key: a plain key lets it go
    # (or the next test's clicks would extend selections).
    qtbot.keyClick(page.needs_view, Qt.Key.Key_Escape)
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


def test_the_page_opens_on_the_soonest_planned_day(window, page):
    planned = window.store.query(
        "SELECT team_id, visit_date FROM visits WHERE status = 'planned' ORDER BY visit_date"
    )[0]
    assert page.team_box.currentData() == planned["team_id"]
    assert page.date_box.date().toString("yyyy-MM-dd") == planned["visit_date"]
    assert len(page.day.stops) == 1
    assert "按区县中心估算" in page.note_label.text()  # the world's enterprises have no coordinates


def test_assigning_says_so_in_the_status_bar(window, page, qtbot):
    team_id, team_name = _team(window, page)
    day = clock.today() + timedelta(days=4)
    page.ask_assignment = lambda count: (team_id, day)
    page.needs_view.selectRow(_row_of(page.needs_model, A))
    assert page.assign_selected() is True
    assert team_name in window.statusBar().currentMessage()
    _wait(qtbot, page)
    assert _day(page) == [A]


def test_a_database_without_teams(controller, qtbot, tmp_path):
    w = controller.window
    w.show()
    with qtbot.waitSignal(w.store_changed, timeout=10_000):
        w.open_database(tmp_path / "empty.db", create=True)
    page = w.show_page("planning")
    qtbot.waitUntil(lambda: not page.pending_work(), timeout=10_000)
    assert page.team_box.count() == 0
    assert "轻骑队" in page.summary_label.text()
    assert page.needs_model.rowCount() == 0 and page.needs_label.text() == "共 0 家待走访"
    assert not page.csv_button.isEnabled() and page.export_csv("x.csv") is None


def test_taking_a_stop_off_the_day_cancels_it(window, page, qtbot, messages, qtmodeltester):
    team_id, _name = _team(window, page)
    day = clock.today() + timedelta(days=6)  # the world's own planned visit is on day 5
    page.ask_assignment = lambda count: (team_id, day)
    for name in (A, B):
        _ctrl_click(qtbot, page.needs_view, _row_of(page.needs_model, name))
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    qtmodeltester.check(page.needs_model)
    qtmodeltester.check(page.gap_model)
    assert not page.cancel_button.isEnabled()
    page.day_view.selectRow(len(page.day_model.rows) - 1)  # the way back: not a visit
    assert not page.cancel_button.isEnabled()
    page.day_view.selectRow(_day(page).index(A))
    assert page.cancel_button.isEnabled()
    messages["answers"].append(False)  # "no": nothing changes
    page.day_view.setFocus()
    qtbot.keyClick(page.day_view, Qt.Key.Key_Delete)
    assert len(messages["asked"]) == 1 and A in messages["asked"][0][1]
    assert sorted(_day(page)) == sorted([A, B])
    messages["answers"].append(True)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    assert _day(page) == [B]
    status = window.store.query(
        "SELECT v.status FROM visits v JOIN enterprises e ON e.id = v.enterprise_id"
        " WHERE e.name = ? AND v.visit_date = ?",
        (A, day.isoformat()),
    )
    assert [r["status"] for r in status] == ["cancelled"]
    # Not planned any more: A is back among the enterprises to plan.
    assert A in {n.name for n in page.needs_model.rows}


def test_double_clicking_a_stop_opens_its_visit(window, page, qtbot):
    stop = next(r for r in page.day_model.rows if r.visit_id)
    index = page.day_model.index(page.day_model.rows.index(stop), 3)
    rect = page.day_view.visualRect(index)
    qtbot.mouseClick(page.day_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.day_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == "visits"
    assert window.pages["visits"].current_id() == stop.visit_id


def test_show_on_the_map_draws_the_chosen_day_there(window, page, qtbot):
    from dispatch_app.planning.day import plan_day

    team_id = page.team_box.currentData()
    day = page.date_box.date().toPython()
    expected = plan_day(window.store, page.team_box.currentText(), day)
    map_page = window.show_page("map")
    window.show_page("planning")
    with qtbot.waitSignal(map_page.route_loaded, timeout=10_000):
        qtbot.mouseClick(page.map_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "map"
    assert map_page.team_box.currentData() == team_id
    assert [s.name for s in map_page.canvas.route.stops[1:]] == [s.name for s in expected.stops]


def test_the_reason_filter_shows_each_chinese_reason_whole(page):
    box = page.reason_box
    metrics = box.fontMetrics()
    longest = max(metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count()))
    assert box.width() >= longest + 20  # the text and the arrow; it elided to 科技副总企业
