"""A record's history on its page: the 历史 button opens the changes, newest first."""

from __future__ import annotations

from guikit import type_text
from PySide6.QtCore import Qt

from dispatch_app.store import audit


def _lines(dialog) -> list[list[str]]:
    m = dialog.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_an_edit_in_the_form_shows_in_its_history(window, qtbot):
    audit.set_actor(window.store.conn, "陈协调")
    page = window.show_page("enterprises")
    page.view.selectRow(0)
    form = page.form
    old_name = form.editors["name"].text()
    form.editors["name"].clear()
    type_text(qtbot, form.editors["name"], "乐清市改名电气有限公司")
    form.validate()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.history_button.isEnabled()
    dialog = form.show_history()
    qtbot.addWidget(dialog)
    first = _lines(dialog)[0]  # newest first
    assert first[1:] == ["陈协调", "修改", "企业名称", old_name, "乐清市改名电气有限公司"]
    assert not dialog.empty.isVisible()
    dialog.grab().save(str(window.settings.folder / "history.png"))
    dialog.close()


def test_a_new_record_has_no_history_button(window):
    page = window.show_page("experts")
    page.new_record()
    assert not page.form.history_button.isEnabled()
