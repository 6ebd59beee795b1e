"""The visit dialog's experts: typed in by name or pinyin, or taken from the chosen team.

A small list of chips (one per expert, each once) with a line to add one and a button to
remove the selected ones; the dialog reads ``expert_ids()`` and hears ``changed``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import lookup
from ..i18n import tr
from ..lookup_edit import LookupEdit


class ExpertsPicker(QWidget):
    changed = Signal()  # an expert was added or removed

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit = LookupEdit(lambda text: lookup.expert_completions(self.store, text), self)
        self.edit.setObjectName("expertEdit")
        self.edit.setPlaceholderText(tr("Add an expert: type a name or pinyin"))
        self.edit.chosen.connect(self._chosen)
        remove = QPushButton(tr("Remove selected"), self)
        remove.clicked.connect(self.remove_selected)
        row.addWidget(self.edit, 1)
        row.addWidget(remove)
        self.list = QListWidget(self)
        self.list.setObjectName("experts")
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setFixedHeight(52)
        layout.addLayout(row)
        layout.addWidget(self.list)

    def expert_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def entries(self) -> list[list[str]]:
        """[expert id, shown name] per expert, in order (what a draft keeps)."""
        return [
            [self.list.item(i).data(Qt.ItemDataRole.UserRole), self.list.item(i).text()]
            for i in range(self.list.count())
        ]

    def set_entries(self, entries: list[Any]) -> None:
        self.list.clear()
        for expert_id, name in entries:
            self.add(str(expert_id), str(name))
        self.changed.emit()

    def count(self) -> int:
        return self.list.count()

    def add(self, expert_id: str, name: str) -> bool:
        """Add one expert (an expert already listed is not added twice)."""
        if not expert_id or expert_id in self.expert_ids():
            return False
        item = QListWidgetItem(name, self.list)
        item.setData(Qt.ItemDataRole.UserRole, expert_id)
        self.changed.emit()
        return True

    def add_team(self, team_id: str) -> None:
        """Add every member of a team (the leader first)."""
        if team_id:
            for o in lookup.team_members(self.store, team_id):
                self.add(o.id, o.text)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def _chosen(self, expert_id: str) -> None:
        if expert_id:
            self.add(expert_id, self.edit.text())
            self.edit.clear_selection()
