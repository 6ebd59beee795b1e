"""The map page draws every enterprise and expert, selects what is clicked, opens its record,
zooms and pans, joins the selected enterprise to its suggested experts and draws a team's day
in visiting order."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from dispatch_app import clock
from dispatch_app.gui.map.canvas import BACKGROUND, ROUTE_COLOUR
from dispatch_app.gui.map.projection import ZOOM_STEP
from dispatch_app.planning.day import plan_day
from dispatch_app.services import visit_log
from dispatch_app.store.planning_queries import map_points


def _page(window, qtbot):
    page = window.show_page("map")
    qtbot.waitUntil(lambda: page.data is not None and not page.pending_work(), timeout=10_000)
    page.canvas.repaint()
    return page


def _pixel(canvas, pos: QPointF) -> QColor:
    return canvas.grab().toImage().pixelColor(pos.toPoint())


def tr_count(text: str, n: int) -> bool:
    """The state line names how many records have no position at all."""
    return f"{n} 条记录没有位置" in text


def _place(window, name: str, lat: float, lon: float) -> str:
    """Give an enterprise a point of its own (the seeded ones stand at district centres)."""
    c = window.store.conn
    c.execute(
        "UPDATE enterprises SET lat = ?, lon = ?, coord_precision = 'exact' WHERE name = ?",
        (lat, lon, name),
    )
    return c.execute("SELECT id FROM enterprises WHERE name = ?", (name,)).fetchone()[0]


def test_every_point_is_drawn_and_approximate_ones_are_hollow(window, qtbot):
    exact_id = _place(window, "瓯海眼镜制造有限公司", 27.90, 120.50)
    page = _page(window, qtbot)
    c = page.canvas
    rows = map_points(window.store, "enterprises") + map_points(window.store, "experts")
    expected = sum(1 for r in rows if r["lat"] is not None)  # an expert with no district: none
    assert expected > 8 and expected < len(rows)
    assert tr_count(page.state_label.text(), len(rows) - expected)
    assert c.drawn_points == expected  # the whole city fits at first
    assert sum(len(layer) for layer in page.data.layers.values()) == expected
    c.zoom_by(40)  # big dots: the centre of a hollow one is white, of a solid one coloured
    c.center_on(27.90, 120.50)
    c.repaint()
    solid = _pixel(c, c.screen_pos("enterprises", exact_id))
    assert solid != QColor(BACKGROUND) and solid != QColor("white")
    ents = page.data.layers["enterprises"]
    i = ents.approximate.index(True)
    c.center_on(ents.lats[i], ents.lons[i])
    c.repaint()
    pos = c.screen_pos("enterprises", ents.ids[i])
    # an expert may stand at the same district centre: look at a lone enterprise's point
    experts = page.data.layers["experts"]
    if any(
        (experts.lats[j], experts.lons[j]) == (ents.lats[i], ents.lons[i])
        for j in range(len(experts))
    ):
        page.show_experts.setChecked(False)
        c.repaint()
    hollow = _pixel(c, pos)
    ring = _pixel(c, pos + QPointF(c.point_size() / 2 - 0.6, 0))
    assert hollow == QColor("white")
    assert ring != QColor("white") and ring != QColor(BACKGROUND)


def test_clicking_a_point_selects_it_and_opening_shows_its_record(window, qtbot):
    eid = _place(window, "瑞安市华峰汽摩配件有限公司", 27.70, 120.30)  # nothing else near
    page = _page(window, qtbot)
    c = page.canvas
    pos = c.screen_pos("enterprises", eid)
    with qtbot.waitSignal(c.selected, timeout=2000):
        qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    assert c.selected_record() == ("enterprises", eid)
    assert "瑞安市华峰汽摩配件有限公司" in page.selected_label.text()
    assert page.open_button.isEnabled()
    qtbot.waitUntil(lambda: not page.pending_work(), timeout=10_000)
    # Its suggested experts are joined to it; each line ends at that expert's point.
    experts = page.data.layers["experts"]
    assert c.candidates, page.candidates_label.text()
    for line in c.candidates:
        j = experts.index_of(line.expert_id)
        assert (line.lat, line.lon) == (experts.lats[j], experts.lons[j])
        assert line.name in page.candidates_label.text()
    ranks = [line.rank for line in c.candidates]
    assert ranks == sorted(set(ranks)) and ranks[-1] <= 5  # best first; no point, no line
    c.zoom_out()
    c.zoom_out()
    qtbot.mouseClick(page.zoom_selection_button, Qt.MouseButton.LeftButton)
    pos = c.screen_pos("enterprises", eid)
    for x, y in [(pos.x(), pos.y())] + [
        c.viewport.to_screen(ln.lat, ln.lon) for ln in c.candidates
    ]:
        assert 0 <= x <= c.width() and 0 <= y <= c.height()
    # New data elsewhere: the points load again, the selection and its suggestions stay.
    before = [line.expert_id for line in c.candidates]
    window.refresh_pages()
    qtbot.waitUntil(lambda: not page.pending_work(), timeout=10_000)
    assert c.selected_record() == ("enterprises", eid)
    assert [line.expert_id for line in c.candidates] == before
    assert c.screen_pos("enterprises", eid) == pos  # the view the user had is kept
    # A click on empty ground clears the selection.
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=pos.toPoint() + QPoint(60, 60))
    assert c.selected_record() is None and not page.open_button.isEnabled()
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "enterprises"
    assert window.pages["enterprises"].form.record_id == eid


def test_double_clicking_an_expert_opens_the_experts_page(window, qtbot):
    page = _page(window, qtbot)
    c = page.canvas
    page.show_enterprises.setChecked(False)
    experts = page.data.layers["experts"]
    xid = experts.ids[0]
    qtbot.mouseDClick(c, Qt.MouseButton.LeftButton, pos=c.screen_pos("experts", xid).toPoint())
    assert window.current_page_key() == "experts"
    assert window.pages["experts"].form.record_id == xid


def test_wheel_keys_and_buttons_zoom_and_arrows_and_drag_pan(window, qtbot):
    page = _page(window, qtbot)
    c = page.canvas
    v = c.viewport
    scale = v.scale
    qtbot.mouseClick(page.zoom_in_button, Qt.MouseButton.LeftButton)
    assert v.scale == scale * ZOOM_STEP
    c.setFocus()
    qtbot.keyClick(c, Qt.Key.Key_Minus)
    qtbot.keyClick(c, Qt.Key.Key_Minus)
    assert abs(v.scale - scale / ZOOM_STEP) < 1e-9
    qtbot.keyClick(c, Qt.Key.Key_Plus)
    assert abs(v.scale - scale) < 1e-9
    # The wheel zooms around the cursor: the point under it stays put.
    at = QPointF(c.width() * 0.25, c.height() * 0.3)
    under = v.to_geo(at.x(), at.y())
    wheel = QWheelEvent(
        at, c.mapToGlobal(at), QPoint(), QPoint(0, 240), Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    c.wheelEvent(wheel)
    assert abs(v.scale - scale * ZOOM_STEP**2) < 1e-6
    after = v.to_geo(at.x(), at.y())
    assert abs(after[0] - under[0]) < 1e-9 and abs(after[1] - under[1]) < 1e-9
    lon = v.lon
    qtbot.keyClick(c, Qt.Key.Key_Right)  # shows what lies east
    assert v.lon > lon
    # A drag moves the picture with the mouse.
    eid = page.data.layers["enterprises"].ids[0]
    before = c.screen_pos("enterprises", eid)
    start = QPointF(200, 200)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, pos, button, held in (
        (QEvent.Type.MouseButtonPress, start, left, left),
        (QEvent.Type.MouseMove, start + QPointF(20, 10), none, left),
        (QEvent.Type.MouseMove, start + QPointF(50, 30), none, left),
        (QEvent.Type.MouseButtonRelease, start + QPointF(50, 30), left, none),
    ):
        QApplication.sendEvent(
            c, QMouseEvent(kind, pos, c.mapToGlobal(pos), button, held, Qt.KeyboardModifier(0))
        )
    moved = c.screen_pos("enterprises", eid)
    assert abs(moved.x() - before.x() - 50) < 1e-6 and abs(moved.y() - before.y() - 30) < 1e-6
    assert c.selected_record() is None  # a drag is not a click
    qtbot.mouseClick(page.fit_button, Qt.MouseButton.LeftButton)
    c.repaint()
    assert c.drawn_points == sum(len(layer) for layer in page.data.layers.values())


def test_a_team_day_is_drawn_in_visiting_order_from_the_base(window, qtbot):
    store = window.store
    today = clock.today()
    day = today + timedelta(days=5)  # the seeded planned visit of 乐清电气轻骑队
    team = store.conn.execute("SELECT id FROM teams WHERE name = '乐清电气轻骑队'").fetchone()[0]
    points = {
        "温州大学科技园发展有限公司": (28.00, 120.65),
        "龙湾区新材料科技有限公司": (27.93, 120.82),
        "苍南县印刷包装有限公司": (27.50, 120.40),
    }
    for name, (lat, lon) in points.items():
        eid = _place(window, name, lat, lon)
        visit_log.log_visit(
            store,
            {"enterprise_id": eid, "team_id": team, "visit_date": day,
             "visit_type": "revisit", "status": "planned"},
            today=today,
        )  # fmt: skip
    page = _page(window, qtbot)
    page.team_box.setCurrentIndex(page.team_box.findData(team))
    page.date_edit.setDate(page.date_edit.date().addDays(-400))
    with qtbot.waitSignal(page.route_loaded, timeout=10_000):
        qtbot.mouseClick(page.next_day_button, Qt.MouseButton.LeftButton)
    planned_days = store.conn.execute(
        "SELECT min(visit_date) FROM visits WHERE team_id = ? AND visit_date > ?",
        (team, page.chosen_day().replace(year=page.chosen_day().year - 2).isoformat()),
    ).fetchone()[0]
    assert page.chosen_day().isoformat() == planned_days  # the next day with visits
    page.date_edit.setDate(page.date_edit.date().addDays((day - page.chosen_day()).days))
    with qtbot.waitSignal(page.route_loaded, timeout=10_000):
        qtbot.mouseClick(page.route_button, Qt.MouseButton.LeftButton)
    expected = plan_day(store, team, day)
    route = page.canvas.route
    assert route is not None and len(expected.stops) == 4
    assert [s.name for s in route.stops[1:]] == [s.name for s in expected.stops]
    assert [s.number for s in route.stops] == [0, 1, 2, 3, 4]
    assert (route.stops[0].lat, route.stops[0].lon) == (expected.base.lat, expected.base.lon)
    assert f"{expected.route.km:.1f} km" in page.route_label.text()
    text = page.stops_label.text()
    positions = [text.index(s.name) for s in expected.stops]
    assert positions == sorted(positions)  # the side list reads in visiting order too
    page.canvas.repaint()
    c = page.canvas
    red = QColor(ROUTE_COLOUR)
    for s in route.stops[1:]:
        if s.approximate:
            continue
        edge = c.viewport.to_screen(s.lat, s.lon)
        colours = {_pixel(c, QPointF(edge[0] + dx, edge[1])).name() for dx in range(-12, 13)}
        assert red.name() in colours or red.darker(130).name() in colours
    # A visit added to that day (elsewhere in the window): the refresh orders the day again.
    eid = _place(window, "乐清市天正阀门有限公司", 28.12, 120.97)
    visit_log.log_visit(
        store,
        {"enterprise_id": eid, "team_id": team, "visit_date": day,
         "visit_type": "revisit", "status": "planned"},
        today=today,
    )  # fmt: skip
    page.date_edit.setDate(page.date_edit.date().addDays(1))  # a changed picker is not the day
    with qtbot.waitSignal(page.route_loaded, timeout=10_000):
        window.refresh_pages()
    assert page.route_day.day == day
    assert len(page.canvas.route.stops) == len(plan_day(store, team, day).stops) + 1
    qtbot.mouseClick(page.clear_route_button, Qt.MouseButton.LeftButton)
    assert page.canvas.route is None
    # Another page can ask for a day (the Planning page's "on the map").
    with qtbot.waitSignal(page.route_loaded, timeout=10_000):
        window.show_page("map").show_team_day(team, day)
    assert page.chosen_day() == day and page.team_box.currentData() == team
    assert len(page.canvas.route.stops) == 6


def test_finding_a_record_selects_it_and_brings_it_into_view(window, qtbot):
    eid = _place(window, "龙湾区新材料科技有限公司", 27.95, 120.80)
    page = _page(window, qtbot)
    window.actions_["find"].trigger()
    assert page.find_edit.hasFocus()
    page.canvas.zoom_out()
    page.canvas.pan_by(500, 0)  # the point is now off the picture
    page.find_edit.setText("龙湾区新材料")
    page.find_edit.clearFocus()  # offscreen, the completer's pop-up cannot grab the keyboard
    page.find_edit.refresh_options()
    texts = [o.text for o in page.find_edit.options()]
    assert texts[0] == "龙湾区新材料科技有限公司"
    page.find_edit.choose(0)
    assert page.canvas.selected_record() == ("enterprises", eid)
    pos = page.canvas.screen_pos("enterprises", eid)
    assert (
        abs(pos.x() - page.canvas.width() / 2) < 1 and abs(pos.y() - page.canvas.height() / 2) < 1
    )
    # experts are found too, and shown even when their layer was hidden
    page.show_experts.setChecked(False)
    page.find_edit.setText("李晓梅")
    page.find_edit.refresh_options()
    page.find_edit.choose(0)
    assert page.show_experts.isChecked()
    assert page.canvas.selected_record()[0] == "experts"


def test_resting_over_a_point_names_it(window, qtbot, monkeypatch):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    eid = _place(window, "苍南县印刷包装有限公司", 27.45, 120.35)
    page = _page(window, qtbot)
    c = page.canvas
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    monkeypatch.setattr(QToolTip, "hideText", lambda: shown.append(""))
    pos = c.screen_pos("enterprises", eid).toPoint()
    QApplication.sendEvent(c, QHelpEvent(QEvent.Type.ToolTip, pos, c.mapToGlobal(pos)))
    assert shown == ["苍南县印刷包装有限公司（企业）"]
    far = pos + QPoint(80, -80)
    QApplication.sendEvent(c, QHelpEvent(QEvent.Type.ToolTip, far, c.mapToGlobal(far)))
    assert shown[-1] == ""


def test_enter_opens_the_selected_point_and_escape_lets_it_go(window, qtbot):
    page = _page(window, qtbot)
    c = page.canvas
    xid = page.data.layers["experts"].ids[-1]
    assert c.select_id("experts", xid)
    c.setFocus()
    qtbot.keyClick(c, Qt.Key.Key_Escape)
    assert c.selected_record() is None
    qtbot.keyClick(c, Qt.Key.Key_Return)  # nothing selected: nothing opens
    assert window.current_page_key() == "map"
    c.select_id("experts", xid)
    qtbot.keyClick(c, Qt.Key.Key_Return)
    assert window.current_page_key() == "experts"
    assert window.pages["experts"].form.record_id == xid


def test_clicking_along_points_asks_for_the_last_ones_suggestions_only(window, qtbot, monkeypatch):
    from dispatch_app.matching import service

    calls: list[str] = []
    real = service.match

    def counting(store, enterprise_id, *args, **kwargs):
        calls.append(enterprise_id)
        return real(store, enterprise_id, *args, **kwargs)

    monkeypatch.setattr(service, "match", counting)
    page = _page(window, qtbot)
    ents = page.data.layers["enterprises"]
    for rid in ents.ids[:4]:
        page.canvas.select_id("enterprises", rid)
    qtbot.waitUntil(lambda: not page.pending_work(), timeout=10_000)
    assert calls == [ents.ids[3]]
    expected = real(window.store, ents.ids[3], "visit", top=5, with_team=False)
    names = [s.name for s in expected.experts[:5]]
    assert [c.name for c in page.canvas.candidates] == [
        n for n in names if n in {c.name for c in page.canvas.candidates}
    ]
    assert all(n in page.candidates_label.text() for n in names)
