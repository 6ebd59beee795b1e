"""Coordinates in the enterprise and expert forms: swapped or outside Wenzhou is named under the
field and nothing is saved; a given point is stored exact; a gazetteer point is never passed
off as exact; a Baidu point is converted to GCJ-02."""

from __future__ import annotations

import pytest
from guikit import type_text
from PySide6.QtCore import Qt

from dispatch_app.geo.datum import BD09, bd09_to_gcj02


def _enterprise_form(window, name: str = "温州大学科技园发展有限公司"):
    page = window.show_page("enterprises")
    ent_id = window.store.scalar("SELECT id FROM enterprises WHERE name = ?", (name,))
    page.select_record(ent_id)
    assert page.form.record_id == ent_id
    return page.form, ent_id


def _point(window, table: str, record_id: str) -> tuple:
    row = window.store.query(
        f"SELECT lat, lon, coord_precision, coord_datum FROM {table} WHERE id = ?", (record_id,)
    )[0]
    return tuple(row)


def _type_point(qtbot, form, lat: str, lon: str) -> None:
    for name, text in (("lat", lat), ("lon", lon)):
        edit = form.editors[name]
        edit.clear()
        type_text(qtbot, edit, text)
    form.validate()


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        ("120.6523", "28.0219", "经纬度似乎填反了"),
        ("31.2304", "121.4737", "不在温州市范围内"),
        ("28.0219", "东经120度", "不是数字"),
    ],
)
def test_bad_point_is_named_under_the_field_and_nothing_is_saved(window, qtbot, lat, lon, expected):
    form, ent_id = _enterprise_form(window)
    before = _point(window, "enterprises", ent_id)
    _type_point(qtbot, form, lat, lon)
    shown = form.errors["lat"].text() + form.errors["lon"].text()
    assert expected in shown
    assert not form.save_button.isEnabled()
    form.save()
    assert _point(window, "enterprises", ent_id) == before


def test_gazetteer_point_stays_out_of_the_fields_and_is_not_made_exact(window, qtbot):
    form, ent_id = _enterprise_form(window)
    lat, lon, precision, _datum = _point(window, "enterprises", ent_id)
    assert precision in ("town", "district") and lat is not None
    assert form.editors["lat"].text() == "" and form.editors["lon"].text() == ""
    assert f"{lat:.4f}" in form.editors["lat"].placeholderText()
    assert f"{lon:.4f}" in form.editors["lon"].placeholderText()
    assert "由地址推算" in form.editors["lat"].placeholderText()
    type_text(qtbot, form.editors["contact_name"], "李")
    form.validate()
    assert form.save()
    assert _point(window, "enterprises", ent_id)[2] == precision  # still the gazetteer's


def test_given_point_is_saved_exact_and_shown_again(window, qtbot):
    form, ent_id = _enterprise_form(window)
    _type_point(qtbot, form, "28.0203", "120.6871")
    assert not form.errors["lat"].isVisibleTo(form)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert _point(window, "enterprises", ent_id) == (28.0203, 120.6871, "exact", "GCJ-02")
    assert form.editors["lat"].text() == "28.0203"
    form.editors["lat"].clear()
    form.editors["lon"].clear()
    form._on_edited("lat")
    form.validate()
    assert form.save()  # emptied: placed by the address again
    assert _point(window, "enterprises", ent_id)[2] in ("town", "district")


def test_baidu_point_is_converted_to_gcj02(window, qtbot):
    form, ent_id = _enterprise_form(window)
    _type_point(qtbot, form, "28.0280", "120.7060")
    datum = form.editors["coord_datum"]
    datum.setCurrentIndex(datum.findData(BD09))
    form.validate()
    assert form.save()
    lat, lon, precision, stored_datum = _point(window, "enterprises", ent_id)
    want = bd09_to_gcj02(28.0280, 120.7060)
    assert (precision, stored_datum) == ("exact", "GCJ-02")
    assert lat == pytest.approx(want[0], abs=1e-7) and lon == pytest.approx(want[1], abs=1e-7)
    assert abs(lat - 28.0280) > 1e-3  # it did move (BD-09 is ~0.006° off GCJ-02)


def test_expert_form_catches_a_swapped_point(window, qtbot):
    page = window.show_page("experts")
    expert_id = window.store.scalar("SELECT id FROM experts WHERE name = '王建国'")
    page.select_record(expert_id)
    form = page.form
    before = _point(window, "experts", expert_id)
    _type_point(qtbot, form, "120.66", "28.04")
    assert "经纬度似乎填反了" in form.errors["lat"].text()
    assert not form.save()
    assert _point(window, "experts", expert_id) == before
    _type_point(qtbot, form, "28.04", "120.66")
    assert form.save()
    assert _point(window, "experts", expert_id)[:3] == (28.04, 120.66, "exact")
