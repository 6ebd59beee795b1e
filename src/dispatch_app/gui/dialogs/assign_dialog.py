"""分配给轻骑队: which team and which day the chosen enterprises are planned for."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel

from ..i18n import tr


class AssignDialog(QDialog):
    """Team and date for planned visits; opens on the team and day the page shows."""

    def __init__(
        self,
        count: int,
        teams: list[tuple[str, str]],
        team_id: str | None,
        day: date,
        earliest: date,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(tr("Assign to a team"))
        self.setMinimumWidth(380)
        form = QFormLayout(self)
        form.addRow(QLabel(tr("Plan visits to {n} enterprises.").format(n=count), self))
        self.team = QComboBox(self)
        self.team.setObjectName("assignTeam")
        for tid, name in teams:
            self.team.addItem(name, tid)
        if team_id is not None and self.team.findData(team_id) >= 0:
            self.team.setCurrentIndex(self.team.findData(team_id))
        form.addRow(tr("Team"), self.team)
        self.date = QDateEdit(QDate(max(day, earliest)), self)
        self.date.setObjectName("assignDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(QDate(earliest))
        form.addRow(tr("Date"), self.date)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(tr("Assign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(self.team.count() > 0)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, date]:
        return self.team.currentData(), self.date.date().toPython()
