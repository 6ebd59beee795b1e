"""Message boxes in one place, so tests can replace them (a modal box would block a test)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ..i18n import tr


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(tr("OK"))
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.button(QMessageBox.StandardButton.Ok).setText(tr("OK"))
    box.exec()


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes/no question; True for yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(tr("Yes"))
    box.button(QMessageBox.StandardButton.No).setText(tr("No"))
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_unsaved(parent: QWidget | None, title: str, text: str) -> str:
    """Save / Discard / Cancel for unsaved input: "save", "discard" or "cancel" (Esc)."""
    buttons = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, buttons, parent)
    box.button(QMessageBox.StandardButton.Save).setText(tr("Save"))
    box.button(QMessageBox.StandardButton.Discard).setText(tr("Discard"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"
