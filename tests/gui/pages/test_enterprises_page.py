"""The enterprises page driven as a coordinator would: search, create, refuse, archive."""

from __future__ import annotations

from guikit import type_text
from PySide6.QtCore import Qt

from dispatch_app.domain.uscc import make_uscc


def _page(window):
    return window.show_page("enterprises")


def _type(qtbot, widget, text):
    type_text(qtbot, widget, text)


def _count(window, sql, *params):
    return window.store.scalar(sql, params)


def test_search_by_pinyin_initials_finds_the_enterprise(window, qtbot):
    page = _page(window)
    assert page.model.total == 8
    qtbot.keyClicks(page.search, "wzdx")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=3000)  # after the 250 ms debounce
    assert page.model.index(0, 0).data() == "温州大学科技园发展有限公司"
    assert "1" in page.count_label.text()
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.total == 8, timeout=3000)


def test_search_by_full_pinyin_uscc_and_district_filter(window, qtbot):
    page = _page(window)
    page.search.setText("wenzhou")
    page.apply()
    names = {page.model.index(r, 0).data() for r in range(page.model.rowCount())}
    assert names == {"温州大学科技园发展有限公司", "温州市鹿城区东方鞋业有限公司"}
    page.search.setText("91330382")
    page.apply()
    assert page.model.total == 2
    page.search.clear()
    combo = page.filters["district"]
    combo.setCurrentIndex(combo.findText("瑞安市"))
    assert page.model.total == 1


def test_create_an_enterprise_through_the_form(window, qtbot):
    page = _page(window)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.form
    uscc = make_uscc("9", "1", "330382", "0000099B")
    _type(qtbot, form.editors["uscc"], uscc)
    _type(qtbot, form.editors["name"], "乐清市新光电器有限公司")
    district = form.editors["district_code"]
    district.setCurrentIndex(district.findText("乐清市"))
    town = form.editors["town_code"]
    assert town.count() > 1  # the district's townships were offered
    _type(qtbot, form.editors["contact_phone"], "13812345678")
    form.validate()
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert _count(window, "SELECT count(*) FROM enterprises WHERE uscc = ?", uscc) == 1
    assert page.model.total == 9
    assert form.record_id is not None and form.title.text() == "乐清市新光电器有限公司"


def test_invalid_uscc_shows_the_message_and_saves_nothing(window, qtbot):
    page = _page(window)
    page.new_record()
    form = page.form
    _type(qtbot, form.editors["uscc"], "91330382MA2ABCDE1X")
    _type(qtbot, form.editors["name"], "测试企业有限公司")
    district = form.editors["district_code"]
    district.setCurrentIndex(district.findText("乐清市"))
    qtbot.waitUntil(lambda: form.errors["uscc"].isVisibleTo(form), timeout=2000)
    message = form.errors["uscc"].text()
    assert "统一社会信用代码" in message
    assert not form.save_button.isEnabled()
    before = _count(window, "SELECT count(*) FROM enterprises")
    assert form.save() is False  # Ctrl+S while invalid is refused too
    assert _count(window, "SELECT count(*) FROM enterprises") == before
    assert form.editors["name"].text() == "测试企业有限公司"  # nothing typed was lost


def test_duplicate_uscc_offers_the_existing_record(window, qtbot):
    page = _page(window)
    existing_uscc = window.store.scalar("SELECT uscc FROM enterprises ORDER BY rowid LIMIT 1")
    page.new_record()
    form = page.form
    _type(qtbot, form.editors["uscc"], existing_uscc)
    _type(qtbot, form.editors["name"], "另一家公司")
    district = form.editors["district_code"]
    district.setCurrentIndex(district.findText("鹿城区"))
    assert form.save() is False
    assert "已登记" in form.banner_message()
    assert form.banner_button.isVisibleTo(form)
    assert form.editors["name"].text() == "另一家公司"
    qtbot.mouseClick(form.banner_button, Qt.MouseButton.LeftButton)
    assert form.editors["uscc"].text() == existing_uscc
    assert form.editors["name"].text() != "另一家公司"


def test_delete_with_history_is_explained_and_archive_hides(window, qtbot, messages):
    page = _page(window)
    page.view.selectRow(0)
    form = page.form
    record_id = form.record_id
    assert record_id
    messages["answers"].append(True)
    form.delete()
    assert "归档" in form.banner_message()  # explained, not done
    assert _count(window, "SELECT count(*) FROM enterprises WHERE id = ?", record_id) == 1
    form.toggle_archived()
    assert page.model.total == 7
    page.archived_box.setChecked(True)
    assert page.model.total == 8


def test_related_visits_are_one_click_away(window, qtbot):
    page = _page(window)
    page.view.selectRow(0)
    button = page.form.related_buttons["visits"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    visits = window.pages["visits"]
    assert window.current_page_key() == "visits"
    assert visits.chip.isVisibleTo(visits)
    n = window.store.scalar(
        "SELECT count(*) FROM visits WHERE enterprise_id = ?", (page.form.record_id,)
    )
    assert visits.model.total == n > 0
    visits.clear_related()
    assert visits.model.total == 9
