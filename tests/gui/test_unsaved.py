"""Closing the window, switching database or language while a form holds unsaved input."""

from __future__ import annotations

import shutil

from guikit import type_text, wait_for_draft
from PySide6.QtCore import Qt

from dispatch_app.domain.uscc import make_uscc
from dispatch_app.gui.drafts import Drafts


def _start_new_enterprise(qtbot, window, uscc: str):
    page = window.show_page("enterprises")
    page.new_record()
    form = page.form
    type_text(qtbot, form.editors["uscc"], uscc)
    type_text(qtbot, form.editors["name"], "乐清市新光电器有限公司")
    district = form.editors["district_code"]
    district.setCurrentIndex(district.findText("乐清市"))
    return form


def _count(window, uscc: str) -> int:
    return window.store.scalar("SELECT count(*) FROM enterprises WHERE uscc = ?", (uscc,))


def test_close_with_unsaved_input_asks_and_cancel_keeps_the_window(window, qtbot, messages):
    form = _start_new_enterprise(qtbot, window, "91330382MA2ABCDE1X")
    messages["unsaved_answers"] = ["cancel"]
    window.close()
    assert len(messages["unsaved"]) == 1
    title, text = messages["unsaved"][0]
    assert title == "未保存的内容"
    assert "企业：新建企业" in text  # says where the input is
    assert window.isVisible()
    assert window.store is not None
    assert form.editors["name"].text() == "乐清市新光电器有限公司"
    wait_for_draft(qtbot, window, "enterprises", None)  # and it is still being kept

    messages["unsaved_answers"] = ["discard"]
    window.close()
    assert not window.isVisible()
    assert Drafts(window.settings.drafts_path).all() == []


def test_close_and_save_writes_the_record(window, qtbot, messages, db_path):
    uscc = make_uscc("9", "1", "330382", "0000099B")
    _start_new_enterprise(qtbot, window, uscc)
    store = window.store
    messages["unsaved_answers"] = ["save"]
    window.close()
    assert not window.isVisible()
    from dispatch_app.store import open_store

    with open_store(db_path) as s:
        assert s.scalar("SELECT count(*) FROM enterprises WHERE uscc = ?", (uscc,)) == 1
    assert store is not window.store


def test_close_and_save_with_an_invalid_field_stays_open(window, qtbot, messages):
    form = _start_new_enterprise(qtbot, window, "91330382MA2ABCDE1X")
    window.show_page("visits")
    messages["unsaved_answers"] = ["save"]
    window.close()
    assert window.isVisible()
    assert window.current_page_key() == "enterprises"  # where the problem is
    assert form.errors["uscc"].isVisibleTo(form)
    assert _count(window, "91330382MA2ABCDE1X") == 0


def test_switching_database_with_unsaved_input_asks_first(window, qtbot, messages, tmp_path):
    other = tmp_path / "other.db"
    shutil.copy(window.current_store_path(), other)
    before = window.current_store_path()
    _start_new_enterprise(qtbot, window, "91330382MA2ABCDE1X")
    messages["unsaved_answers"] = ["cancel"]
    window.open_database(other)
    assert len(messages["unsaved"]) == 1
    assert not window.tasks_running()
    assert window.current_store_path() == before

    messages["unsaved_answers"] = ["discard"]
    with qtbot.waitSignal(window.store_changed, timeout=10_000):
        window.open_database(other)
    assert window.current_store_path() == str(other)
    assert Drafts(window.settings.drafts_path).all() == []


def test_switching_language_keeps_the_input_and_offers_it_back(window, controller, qtbot, messages):
    page = window.show_page("enterprises")
    page.view.selectRow(2)
    record_id = page.form.record_id
    type_text(qtbot, page.form.editors["contact_name"], "李会计")
    type_text(qtbot, page.form.editors["tech_needs"], "阀门密封件寿命")
    typed = page.form.draft_values()

    new = controller.switch_language("en")  # at once: no pause for the debounce
    assert messages["unsaved"] == []  # nothing to decide: the input is kept
    form = new.pages["enterprises"].form
    assert new.current_page_key() == "enterprises"
    assert form.record_id == record_id  # the same record is open again...
    assert form.draft_banner.isVisibleTo(form)
    assert form.draft_banner.text.text().startswith("Unsaved input from")
    assert form.draft_banner.restore_button.text() == "Restore"
    qtbot.mouseClick(form.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    assert form.draft_values() == typed  # ...with what was typed, in the new language's window
    assert form.editors["contact_name"].text() == "李会计"


def test_switching_language_keeps_a_new_record_too(window, controller, qtbot, messages):
    _start_new_enterprise(qtbot, window, "91330382MA2ABCDE1X")
    window.show_page("experts")  # the form is not even on screen
    new = controller.switch_language("en")
    assert new.current_page_key() == "experts"
    form = new.show_page("enterprises").form
    assert form.record_id is None
    qtbot.mouseClick(form.draft_banner.restore_button, Qt.MouseButton.LeftButton)
    assert form.editors["name"].text() == "乐清市新光电器有限公司"
    assert form.editors["uscc"].text() == "91330382MA2ABCDE1X"


def test_the_settings_dialog_says_unsaved_input_is_kept(window):
    from PySide6.QtWidgets import QLabel

    from dispatch_app.gui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("尚未保存的内容会提示您恢复" in t for t in texts)
    assert not any("请先保存" in t for t in texts)
    dialog.deleteLater()
