"""The visit dialog's follow-up items: a small editable table (description, owner, due date,
"needs bureau coordination"), typed into like a spreadsheet; the last row is always empty and
ready for one more item. The rules live in the domain (``clean_follow_up``): the dialog checks
``model.items()`` and shows what is wrong in ``error``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..models.follow_up_items import FollowUpItemsModel

ERROR_STYLE = "color: #b00020;"
OWNER_SAMPLE = "刘婉晶（泰顺科技局）"  # the owner column fits this whole


class FollowUpItemsEditor(QWidget):
    changed = Signal()  # an item was typed into or removed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = FollowUpItemsModel(self)
        self.model.dataChanged.connect(lambda *_a: self.changed.emit())
        self.model.rowsRemoved.connect(lambda *_a: self.changed.emit())
        self.view = QTableView(self)
        self.view.setObjectName("followUps")
        self.view.setModel(self.model)
        self.view.setFixedHeight(120)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # An owner is often a name and a bureau (张琳（龙港科技局）): room to type it, not
        # only the header's three characters.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance(OWNER_SAMPLE) + 16)
        layout.addWidget(self.view)

        buttons = QHBoxLayout()
        hint = QLabel(tr("Type into the last row to add an item; due date like 2026-07-15."), self)
        hint.setStyleSheet("color: #666;")
        remove = QPushButton(tr("Remove item"), self)
        remove.clicked.connect(self.remove_selected)
        buttons.addWidget(hint, 1)
        buttons.addWidget(remove)
        layout.addLayout(buttons)

        self.existing = QLabel(self)  # "this visit already has N items" when editing one
        self.existing.hide()
        layout.addWidget(self.existing)
        self.error = QLabel(self)
        self.error.setObjectName("error_follow_ups")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()}, reverse=True)
        for r in rows:
            self.model.removeRows(r, 1)

    def show_existing(self, count: int) -> None:
        """Say that rows typed here are added to the ``count`` items the visit has."""
        self.existing.setText(
            tr("This visit already has {n} follow-up items; rows typed above are added.").format(
                n=count
            )
        )
        self.existing.setVisible(count > 0)
