"""Ctrl+H opens the history of the record on screen, also after other record pages (each
with its own Ctrl+H button) have been opened: the hidden pages' shortcuts must not make
the key ambiguous."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dispatch_app.gui.dialogs.history_dialog import HistoryDialog


def _history_dialogs() -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryDialog)]


def test_ctrl_h_opens_the_shown_records_history(window, qtbot) -> None:
    for key in ("experts", "teams", "cases", "enterprises"):
        page = window.show_page(key)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    page.view.selectRow(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    page.view.setFocus()
    before = set(map(id, _history_dialogs()))
    qtbot.keyClick(page.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: any(id(d) not in before and d.isVisible() for d in _history_dialogs()),
        timeout=3000,
    )
    dialog = next(d for d in _history_dialogs() if id(d) not in before)
    assert page.form.title.text() in dialog.windowTitle()
    dialog.close()
