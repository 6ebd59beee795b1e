"""驻地 in the team form, driven as a coordinator would: a township from the gazetteer or a
typed point (converted from Baidu's datum) is saved with the team, and ``plan_day`` starts
there; a swapped point is named and nothing is saved."""

from __future__ import annotations

from datetime import timedelta

import pytest
from guikit import type_text
from PySide6.QtCore import Qt

from dispatch_app import clock
from dispatch_app.geo.datum import gcj02_to_bd09
from dispatch_app.geo.resolver import default_resolver
from dispatch_app.planning.day import plan_day
from dispatch_app.planning.team_base import describe, recorded_base
from dispatch_app.store import open_store

TEAM = "乐清电气轻骑队"  # seeded with district 乐清市 and a planned visit in five days


def _team_id(window) -> str:
    return window.store.scalar("SELECT id FROM teams WHERE name = ?", (TEAM,))


def _open_team(window):
    page = window.show_page("teams")
    page.select_record(_team_id(window))
    return page.form


def _planned_day(db_path):
    return clock.today() + timedelta(days=5)


def test_a_township_base_is_where_the_day_starts(window, qtbot, db_path) -> None:
    form = _open_team(window)
    section = form.base_section
    before = plan_day(window.store, TEAM, _planned_day(db_path))
    assert before.base.source == "district"  # no base yet: the district's centre
    assert "乐清市" in section.shown.text()
    section.district.setCurrentIndex(section.district.findData("330382"))
    section.town.setCurrentIndex(section.town.findText("柳市镇"))
    assert form.has_unsaved_changes()
    assert "柳市镇" in section.shown.text() and "乡镇中心" in section.shown.text()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    centre = default_resolver().town_location(section.town.currentData()).as_gcj02()
    day = plan_day(window.store, TEAM, _planned_day(db_path))
    assert day.base.source == "recorded"
    assert (day.base.lat, day.base.lon, day.base.label) == (centre.lat, centre.lon, "柳市镇")
    assert day.route.km != before.route.km  # the route now starts elsewhere
    base = recorded_base(window.store, _team_id(window))
    assert base is not None and base.precision == "town"
    form.load(_team_id(window))  # shown again as the township, not as numbers
    assert section.town.currentText() == "柳市镇" and section.lat.text() == ""


def test_a_typed_baidu_point_is_converted(window, qtbot, db_path) -> None:
    form = _open_team(window)
    section = form.base_section
    gcj = (28.0061, 120.6478)
    bd = gcj02_to_bd09(*gcj)
    section.datum.setCurrentIndex(section.datum.findData("BD-09"))
    type_text(qtbot, section.lat, f"{bd[0]:.6f}")
    type_text(qtbot, section.lon, f"{bd[1]:.6f}")
    type_text(qtbot, section.label, "温州市科技局")
    form.validate()
    assert "精确坐标" in section.shown.text()
    assert form.save()
    day = plan_day(window.store, TEAM, _planned_day(db_path))
    assert day.base.label == "温州市科技局"
    assert day.base.lat == pytest.approx(gcj[0], abs=1e-5)
    assert day.base.lon == pytest.approx(gcj[1], abs=1e-5)
    assert describe(day.base.lat, day.base.lon).precision == "exact"


def test_swapped_point_is_named_and_nothing_saved(window, qtbot, db_path) -> None:
    form = _open_team(window)
    section = form.base_section
    type_text(qtbot, form.editors["industry"], "新行业")  # a good change beside it
    type_text(qtbot, section.lat, "120.7")
    type_text(qtbot, section.lon, "28.0")
    form.validate()
    assert not section.error.isHidden() and "填反" in section.error.text()
    assert not form.save_button.isEnabled()
    assert not form.save()
    assert recorded_base(window.store, _team_id(window)) is None
    industry = window.store.scalar("SELECT industry FROM teams WHERE name = ?", (TEAM,))
    assert industry == "电气"
    with open_store(db_path, readonly=True) as other:
        assert other.scalar("SELECT base_lat FROM teams WHERE name = ?", (TEAM,)) is None


def test_clearing_the_base_goes_back_to_the_district(window, qtbot, db_path) -> None:
    form = _open_team(window)
    section = form.base_section
    section.district.setCurrentIndex(section.district.findData("330381"))  # 瑞安市 centre
    assert form.save()
    assert recorded_base(window.store, _team_id(window)).precision == "district"
    section.district.setCurrentIndex(0)
    assert form.save()
    assert recorded_base(window.store, _team_id(window)) is None
    assert plan_day(window.store, TEAM, _planned_day(db_path)).base.source == "district"
