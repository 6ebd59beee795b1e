"""Settings: interface language (applied at once) and the name used when closing follow-ups."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ..i18n import tr
from ..settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(tr("Settings"))
        self.setMinimumWidth(420)
        self.settings = settings
        self._initial_language = settings.language
        form = QFormLayout(self)
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("language")
        # Each language is named in itself, so either reader can find theirs.
        self.language_box.addItem("简体中文", "zh")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(max(self.language_box.findData(settings.language), 0))
        form.addRow(tr("Interface language"), self.language_box)
        note = QLabel(
            tr(
                "The window is rebuilt in the new language at once; the open database and page "
                "are kept, and any unsaved input is offered back for restoring."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        form.addRow(note)
        self.closer = QLineEdit(settings.closer_name, self)
        self.closer.setObjectName("closerName")
        self.closer.setPlaceholderText(tr("Your name"))
        self.closer.setToolTip(
            tr("Also named in each record's history; without it, the computer's user name.")
        )
        form.addRow(tr("Name for closing follow-ups"), self.closer)
        buttons = QDialogButtonBox(self)
        buttons.addButton(tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def language(self) -> str:
        return str(self.language_box.currentData())

    def language_changed(self) -> bool:
        return self.language() != self._initial_language

    def accept(self) -> None:
        self.settings.closer_name = self.closer.text()
        self.settings.language = self.language()
        super().accept()
