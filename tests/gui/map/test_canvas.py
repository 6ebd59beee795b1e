"""The map canvas on hand-made points: colours by district or by status, hidden layers, new
data replacing the old picture, a drag moving the cached points and the release redrawing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication

from dispatch_app.gui.map.canvas import BACKGROUND, MapCanvas
from dispatch_app.gui.map.layers import (
    DISTRICT_COLOURS,
    STATUS_COLOURS,
    DistrictLabel,
    MapData,
    PointLayer,
)

LUCHENG, RUIAN = "330302", "330381"


def _data(ent_lat: float = 28.0) -> MapData:
    ents = PointLayer("enterprises")
    ents.add("e1", "甲企业", ent_lat, 120.60, LUCHENG, False, True)
    ents.add("e2", "乙企业", 27.80, 120.90, RUIAN, False, False)
    experts = PointLayer("experts")
    experts.add("x1", "王专家", 27.60, 120.30, RUIAN, False, False)
    labels = [DistrictLabel(LUCHENG, "鹿城区", 28.3, 121.2)]  # away from the points
    return MapData({"enterprises": ents, "experts": experts}, labels)


@pytest.fixture
def canvas(qtbot):
    c = MapCanvas()
    qtbot.addWidget(c)
    c.resize(640, 480)
    c.set_data(_data())
    c.zoom_by(1.0)  # leaves auto-fit: the test's view stays put
    return c


def _image(c: MapCanvas) -> QImage:
    image = QImage(c.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("black"))
    c.render(image)
    return image


def _at(c: MapCanvas, kind: str, rid: str) -> QColor:
    return _image(c).pixelColor(c.screen_pos(kind, rid).toPoint())


def _near(a: QColor, b: str) -> bool:
    b_ = QColor(b)
    return max(abs(a.red() - b_.red()), abs(a.green() - b_.green()), abs(a.blue() - b_.blue())) < 40


def test_points_take_their_district_or_status_colour(canvas):
    _image(canvas)
    assert canvas.drawn_points == 3
    assert _near(_at(canvas, "enterprises", "e1"), DISTRICT_COLOURS[LUCHENG])
    assert _near(_at(canvas, "enterprises", "e2"), DISTRICT_COLOURS[RUIAN])
    canvas.set_colour_mode("status")
    assert _near(_at(canvas, "enterprises", "e1"), STATUS_COLOURS[True])
    assert _near(_at(canvas, "enterprises", "e2"), STATUS_COLOURS[False])


def test_a_hidden_layer_is_not_drawn_nor_clickable(canvas):
    pos = canvas.screen_pos("experts", "x1")
    assert canvas.point_at(pos) == ("experts", 0)
    canvas.set_kind_visible("experts", False)
    assert _near(_at(canvas, "experts", "x1"), BACKGROUND)
    assert canvas.point_at(pos) is None
    _image(canvas)
    assert canvas.drawn_points == 2


def test_new_data_replaces_the_picture(canvas):
    old = canvas.screen_pos("enterprises", "e1")
    _image(canvas)
    canvas.set_data(_data(ent_lat=27.9))
    canvas.zoom_by(1.0)
    new = canvas.screen_pos("enterprises", "e1")
    assert new != old
    assert _near(_image(canvas).pixelColor(new.toPoint()), DISTRICT_COLOURS[LUCHENG])
    assert canvas.selected_record() is None


def _send(c: MapCanvas, kind, pos: QPointF, held: bool) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    button = none if kind == QEvent.Type.MouseMove else left
    event = QMouseEvent(kind, pos, c.mapToGlobal(pos), button, left if held else none,
                        Qt.KeyboardModifier(0))  # fmt: skip
    QApplication.sendEvent(c, event)


def test_a_drag_moves_the_cached_points_and_the_release_draws_them_anew(canvas):
    _image(canvas)
    first = canvas._cache
    start = QPointF(300, 200)
    _send(canvas, QEvent.Type.MouseButtonPress, start, True)
    _send(canvas, QEvent.Type.MouseMove, start + QPointF(30, 20), True)
    image = _image(canvas)
    assert canvas._cache is first  # moved, not drawn again
    pos = canvas.screen_pos("enterprises", "e2")
    assert _near(image.pixelColor(pos.toPoint()), DISTRICT_COLOURS[RUIAN])
    _send(canvas, QEvent.Type.MouseButtonRelease, start + QPointF(30, 20), False)
    _image(canvas)
    assert canvas._cache is not first
    assert canvas.selected_record() is None  # a drag selects nothing


def test_a_district_centre_says_how_many_records_stand_there(qapp):
    from dispatch_app.gui import i18n
    from dispatch_app.gui.map.overlays import district_label

    i18n.install(qapp, "zh")

    data = _data()
    data.layers["enterprises"].add("e3", "丙企业", 28.01, 120.65, LUCHENG, True, False)
    data.layers["enterprises"].add("e4", "丁企业", 28.01, 120.65, LUCHENG, True, False)
    data.layers["experts"].add("x2", "李专家", 27.78, 120.65, RUIAN, True, False)
    assert data.approximate_by_district() == {LUCHENG: 2, RUIAN: 1}
    assert district_label("鹿城区", 2) == "鹿城区 · 中心 2 处（近似）"
    assert district_label("鹿城区", 0) == "鹿城区"
