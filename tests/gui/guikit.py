"""Helpers for driving widgets in the GUI tests."""

from __future__ import annotations


def type_text(qtbot, widget, text: str, clear: bool = True) -> None:
    """Type like a user: ASCII by keys, Chinese as an input-method commit (as a real IME does;
    QTest can only press ASCII keys)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    if clear:
        qtbot.keyClick(widget, "a", modifier=Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
