"""The Save / Discard / Cancel question about unsaved input: a real QMessageBox, in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from dispatch_app.gui import i18n
from dispatch_app.gui.dialogs import messages


@pytest.mark.parametrize(
    ("pressed", "answer"),
    [
        (QMessageBox.StandardButton.Save, "save"),
        (QMessageBox.StandardButton.Discard, "discard"),
        (QMessageBox.StandardButton.Cancel, "cancel"),
    ],
)
def test_ask_unsaved_offers_save_discard_cancel(qapp, monkeypatch, pressed, answer):
    shown = []

    def exec_(box):  # the user reads the box and presses one button
        shown.append(
            {
                "buttons": {b.text() for b in box.buttons()},
                "default": box.defaultButton().text(),
                "escape": box.escapeButton().text(),
                "text": box.text(),
            }
        )
        return pressed

    i18n.install(qapp, "zh")
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert messages.ask_unsaved(None, "未保存的内容", "关闭前是否保存？") == answer
    assert shown[0]["text"] == "关闭前是否保存？"
    assert shown[0]["buttons"] == {"保存", "丢弃", "取消"}
    assert shown[0]["default"] == "保存"
    assert shown[0]["escape"] == "取消"  # Esc never throws input away
