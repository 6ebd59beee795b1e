"""Unsaved input of the record forms survives a crash and is offered back; save/discard drop it.

Driven through the enterprises page as a coordinator would: type, pause, the program dies,
start again, open the same form, answer the banner.
"""

from __future__ import annotations

import pytest
from guikit import crash_and_restart, type_text, wait_for_draft
from PySide6.QtCore import Qt

from dispatch_app.domain.uscc import make_uscc
from dispatch_app.gui.drafts import Drafts

BAD_USCC = "91330382MA2ABCDE1X"  # a typo: the check character is wrong


@pytest.fixture
def quick(monkeypatch):
    """Drafts written 0.2 s after the last key instead of 1 s (the tests wait for the file)."""
    monkeypatch.setattr("dispatch_app.gui.draft_keeper.DEBOUNCE_MS", 200)


def _type_new_enterprise(qtbot, form, uscc: str) -> dict:
    type_text(qtbot, form.editors["uscc"], uscc)
    type_text(qtbot, form.editors["name"], "乐清市新光电器有限公司")
    district = form.editors["district_code"]
    district.setCurrentIndex(district.findText("乐清市"))
    town = form.editors["town_code"]
    town.setCurrentIndex(1)
    type_text(qtbot, form.editors["industry"].lineEdit(), "智能电气")
    type_text(qtbot, form.editors["tech_needs"], "断路器寿命测试\n需要检测设备")
    return form.draft_values()


def _shown(form) -> dict:
    return form.draft_values()


def _drafts(window) -> Drafts:
    return Drafts(window.settings.drafts_path)


def test_typing_is_written_down_a_second_after_the_last_key(window, qtbot):
    page = window.show_page("enterprises")
    page.new_record()
    type_text(qtbot, page.form.editors["name"], "乐清市新光电器有限公司")
    path = window.current_store_path()
    assert _drafts(window).get(path, "enterprises", None) is None  # not on every key
    qtbot.wait(500)
    assert _drafts(window).get(path, "enterprises", None) is None  # still typing, maybe
    draft = wait_for_draft(qtbot, window, "enterprises", None)
    assert draft.values["name"] == "乐清市新光电器有限公司"


def test_a_new_enterprise_typed_before_a_crash_is_restored_exactly(
    controller, window, qtbot, db_path, quick
):
    page = window.show_page("enterprises")
    page.new_record()
    typed = _type_new_enterprise(qtbot, page.form, BAD_USCC)
    assert typed["town_code"]  # a township was chosen
    wait_for_draft(qtbot, window, "enterprises", None)

    window = crash_and_restart(controller, qtbot, db_path)
    form = window.show_page("enterprises").form
    assert form.draft_banner.isVisibleTo(form)
    assert "发现未保存的内容" in form.draft_banner.text.text()
    assert form.editors["name"].text() == ""  # nothing is filled in until asked
    qtbot.mouseClick(form.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    assert not form.draft_banner.isVisibleTo(form)
    assert _shown(form) == typed
    assert form.editors["uscc"].text() == BAD_USCC  # invalid values too, as typed
    assert form.errors["uscc"].isVisibleTo(form)  # ...with their message, as usual
    assert "统一社会信用代码" in form.errors["uscc"].text()
    assert not form.save_button.isEnabled()


def test_saving_the_restored_input_drops_the_draft(controller, window, qtbot, db_path, quick):
    page = window.show_page("enterprises")
    page.new_record()
    uscc = make_uscc("9", "1", "330382", "0000099B")
    _type_new_enterprise(qtbot, page.form, uscc)
    wait_for_draft(qtbot, window, "enterprises", None)
    window = crash_and_restart(controller, qtbot, db_path)
    page = window.show_page("enterprises")
    qtbot.mouseClick(page.form.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    page.form.validate()
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    assert window.store.scalar("SELECT count(*) FROM enterprises WHERE uscc = ?", (uscc,)) == 1
    assert _drafts(window).all() == []
    qtbot.wait(400)  # no late debounced write brings it back
    assert _drafts(window).all() == []
    page.new_record()
    assert not page.form.draft_banner.isVisibleTo(page.form)


def test_discard_drops_the_draft_for_good(controller, window, qtbot, db_path, quick):
    page = window.show_page("enterprises")
    page.new_record()
    _type_new_enterprise(qtbot, page.form, BAD_USCC)
    wait_for_draft(qtbot, window, "enterprises", None)
    window = crash_and_restart(controller, qtbot, db_path)
    form = window.show_page("enterprises").form
    qtbot.mouseClick(form.draft_banner.discard_button, Qt.MouseButton.LeftButton)
    assert not form.draft_banner.isVisibleTo(form)
    assert form.editors["name"].text() == ""
    assert _drafts(window).all() == []
    window = crash_and_restart(controller, qtbot, db_path)
    form = window.show_page("enterprises").form
    assert not form.draft_banner.isVisibleTo(form)


def test_picking_another_row_keeps_the_edit_of_the_first(window, qtbot):
    page = window.show_page("enterprises")
    page.view.selectRow(0)
    first = page.form.record_id
    type_text(qtbot, page.form.editors["contact_name"], "李会计")
    page.view.selectRow(1)  # at once, before the debounce: the edit is written down anyway
    assert page.form.record_id != first
    assert _drafts(window).get(window.current_store_path(), "enterprises", first) is not None
    assert not page.form.draft_banner.isVisibleTo(page.form)  # the second row has no draft
    page.view.selectRow(0)
    assert page.form.draft_banner.isVisibleTo(page.form)
    assert page.form.editors["contact_name"].text() == "张经理"  # the stored value, until asked
    qtbot.mouseClick(page.form.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    assert page.form.editors["contact_name"].text() == "李会计"
    assert page.form.has_unsaved_changes()


def test_revert_throws_the_edit_and_its_draft_away(window, qtbot, quick):
    page = window.show_page("enterprises")
    page.view.selectRow(0)
    record_id = page.form.record_id
    type_text(qtbot, page.form.editors["contact_name"], "李会计")
    wait_for_draft(qtbot, window, "enterprises", record_id)
    qtbot.mouseClick(page.form.revert_button, Qt.MouseButton.LeftButton)
    assert page.form.editors["contact_name"].text() == "张经理"
    assert not page.form.has_unsaved_changes()
    assert _drafts(window).all() == []


def test_typing_a_value_back_is_not_unsaved(window, qtbot, quick):
    page = window.show_page("enterprises")
    page.view.selectRow(0)
    record_id = page.form.record_id
    type_text(qtbot, page.form.editors["contact_name"], "李会计")
    wait_for_draft(qtbot, window, "enterprises", record_id)
    type_text(qtbot, page.form.editors["contact_name"], "张经理")
    assert not page.form.has_unsaved_changes()
    path = window.current_store_path()
    qtbot.waitUntil(
        lambda: _drafts(window).get(path, "enterprises", record_id) is None, timeout=3000
    )


def test_a_team_roster_is_part_of_its_draft(controller, window, qtbot, db_path, quick):
    page = window.show_page("teams")
    page.new_record()
    form = page.form
    type_text(qtbot, form.editors["name"], "瑞安汽摩配轻骑队")
    type_text(qtbot, form.member_edit, "wjg")  # 王建国 by pinyin initials
    form.member_edit.clearFocus()  # (offscreen, a completer popup cannot grab the keyboard)
    form.member_edit.refresh_options()
    form.member_edit.choose(0)
    assert form.member_ids()
    typed = form.draft_values()
    wait_for_draft(qtbot, window, "teams", None)
    window = crash_and_restart(controller, qtbot, db_path)
    form = window.show_page("teams").form
    qtbot.mouseClick(form.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    assert form.draft_values() == typed
    assert form.members.item(0).text() == "王建国"
