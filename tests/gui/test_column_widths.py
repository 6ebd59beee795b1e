"""Record tables fit their columns to the text, and on screen to the table's width: the
last column (a status) must be visible without scrolling sideways."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QStandardItem, QStandardItemModel

from dispatch_app.gui.column_widths import fit_columns, squeeze, squeeze_columns
from dispatch_app.gui.table_view import TableView


@given(
    st.lists(st.tuples(st.integers(60, 400), st.integers(30, 60)), min_size=1, max_size=10),
    st.integers(0, 2000),
)
def test_squeeze_fits_when_it_can_and_keeps_the_floors(columns, available):
    widths = {i: w for i, (w, _f) in enumerate(columns)}
    floors = {i: min(f, w) for i, (w, f) in enumerate(columns)}
    out = squeeze(widths, floors, available)
    assert all(floors[c] <= out[c] <= widths[c] for c in widths)
    if sum(floors.values()) <= available:
        assert sum(out.values()) <= available
    if sum(widths.values()) <= available:
        assert out == widths
    # Only the widest give way, to one common cap: a column no wider than it keeps its width.
    caps = {out[c] for c in out if floors[c] < out[c] < widths[c]}
    assert len(caps) <= 1
    for cap in caps:
        assert all(out[c] == widths[c] for c in widths if widths[c] <= cap)


def test_the_status_column_is_on_screen_after_long_names_squeeze(qtbot):
    model = QStandardItemModel(0, 4)
    model.setHorizontalHeaderLabels(["专家", "工作单位", "企业", "状态"])
    for n in range(5):
        model.appendRow(
            [
                QStandardItem(f"专家{n}"),
                QStandardItem("中国科学院大学温州研究院生命健康研究所" * 2),
                QStandardItem("温州市瓯海区娄桥街道智能装备与精密制造科技股份有限公司"),
                QStandardItem("在岗"),
            ]
        )
    view = TableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(520, 300)
    view.show()
    qtbot.waitExposed(view)
    fit_columns(view, maximum=400)
    header = view.horizontalHeader()
    name_width = header.sectionSize(0)
    assert header.sectionPosition(3) >= view.viewport().width()  # behind a sideways scroll
    squeeze_columns(view)
    status_end = header.sectionPosition(3) + header.sectionSize(3)
    assert status_end <= view.viewport().width()
    status_title = header.fontMetrics().horizontalAdvance("状态")
    assert header.sectionSize(3) >= status_title  # the header stays readable
    assert header.sectionSize(0) == name_width  # the record's name stays whole


def test_a_stretched_column_keeps_room_to_show_something(qtbot):
    from PySide6.QtWidgets import QHeaderView

    from dispatch_app.gui.column_widths import STRETCH_RESERVE

    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["服务日期", "企业", "轻骑队"])
    for _ in range(3):
        model.appendRow(
            [
                QStandardItem("2026-12-03"),
                QStandardItem("乐清市德祥电力设备集团有限公司乐清市德祥电力设备"),
                QStandardItem("乐清数字经济科技轻骑队"),
            ]
        )
    view = TableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    view.setFixedSize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    fit_columns(view, maximum=300)
    header = view.horizontalHeader()
    room = view.viewport().width() - STRETCH_RESERVE
    assert header.sectionPosition(2) > room  # the name leaves the team no room on screen
    squeeze_columns(view)
    assert header.sectionPosition(2) <= room
    assert header.sectionSize(0) == view.fitted_widths[0]  # the date stays whole


def test_the_header_width_that_squeezing_reads_is_the_viewports(qtbot):
    """``_viewport_width`` asks the shown header instead of ``viewport()``: the same number
    whatever the window's width or the vertical scroll bar."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from dispatch_app.gui.column_widths import _viewport_width

    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(200, 4)
    view.setModel(model)
    view.show()
    for width, policy in [
        (640, Qt.ScrollBarPolicy.ScrollBarAsNeeded),
        (903, Qt.ScrollBarPolicy.ScrollBarAlwaysOff),
    ]:
        view.setVerticalScrollBarPolicy(policy)
        view.resize(width, 300)
        qtbot.waitUntil(lambda w=width: view.width() == w)
        view.updateGeometries()
        assert _viewport_width(view, view.horizontalHeader()) == view.viewport().width()
    view.horizontalHeader().hide()
    assert _viewport_width(view, view.horizontalHeader()) == view.viewport().width()
