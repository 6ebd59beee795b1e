"""Closing a follow-up item: who closed it (remembered) and how it was resolved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...domain.validation import field_label
from ..i18n import current_language, tr


def _label(name: str) -> str:
    zh, en = field_label(name, "follow_up")
    return en if current_language() == "en" else zh


class CloseFollowUpDialog(QDialog):
    """Asks who closes the item (defaults to the remembered name) and the resolution."""

    def __init__(self, description: str, closer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeFollowUpDialog")
        self.setWindowTitle(tr("Close follow-up item"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        item = QLabel(description, self)
        item.setProperty("data", True)
        item.setWordWrap(True)
        form.addRow(_label("description"), item)
        self.closer = QLineEdit(closer, self)
        self.closer.setObjectName("closer")
        form.addRow(_label("closed_by") + " *", self.closer)
        self.resolution = QPlainTextEdit(self)
        self.resolution.setObjectName("resolution")
        self.resolution.setFixedHeight(80)
        self.resolution.setTabChangesFocus(True)
        form.addRow(_label("resolution"), self.resolution)
        note = QLabel(tr("The date and time of closing are recorded automatically."), self)
        note.setStyleSheet("color: #666;")
        form.addRow(note)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(tr("Close item"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.closer.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.ok.setEnabled(bool(closer.strip()))
        (self.resolution if closer.strip() else self.closer).setFocus()

    def values(self) -> tuple[str, str]:
        return self.closer.text().strip(), self.resolution.toPlainText().strip()
