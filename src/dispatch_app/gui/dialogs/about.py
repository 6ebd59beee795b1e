"""About and version: what this program is, which versions, where its data and licences are."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ... import __version__
from ...paths import user_data_dir
from ...store.schema import SCHEMA_VERSION
from ..i18n import tr


def version_text(db_path: str | None = None, *, with_data_folder: bool = True) -> str:
    """Versions for the Help menu's message (and the About dialog, which shows the folder in
    its own selectable line)."""
    lines = [
        tr("Program version: {v}").format(v=__version__),
        tr("Database schema version: {v}").format(v=SCHEMA_VERSION),
        f"Qt {qVersion()} · PySide6 {pyside_version}",
    ]
    if with_data_folder:
        lines.append(tr("Data folder: {path}").format(path=user_data_dir()))
    if db_path:
        lines.append(tr("Open database: {path}").format(path=db_path))
    return "\n".join(lines)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("About"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        title = QLabel(tr("Tech VP & Light-Cavalry Dispatch Desk"), self)
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(title)
        text = QLabel(self)
        text.setWordWrap(True)
        text.setText(
            "<p>"
            + html.escape(
                tr(
                    "For district coordinators of the Wenzhou Science and Technology Bureau: "
                    "dispatch tech vice-presidents and light-cavalry expert teams, log enterprise "
                    "visits and their follow-ups, and watch progress toward the year's targets "
                    "(10,000 visits, 500 tech vice-presidents)."
                )
            )
            + "</p><p>"
            + html.escape(version_text(with_data_folder=False)).replace("\n", "<br>")
            + "</p>"
        )
        layout.addWidget(text)
        folder = QHBoxLayout()
        folder.addWidget(QLabel(tr("Data folder:"), self))
        path = QLabel(str(user_data_dir()), self)
        path.setObjectName("dataFolder")
        path.setProperty("data", True)  # a machine path, not interface text
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.addWidget(path, 1)
        layout.addLayout(folder)
        font = QLabel(
            tr(
                "Chinese text is shown with WenQuanYi Micro Hei (Apache-2.0), "
                "shipped in resources/fonts with its licence."
            )
            + "\n"
            + tr(
                "Pinyin search keys come from a table made from pypinyin's dictionaries (MIT), "
                "shipped in resources/pinyin with its licence."
            ),
            self,
        )
        font.setWordWrap(True)
        layout.addWidget(font)
        buttons = QDialogButtonBox(self)
        buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
