"""A small read-only table of computed rows (the dashboard's ranking, follow-ups by district,
the meeting list), sortable by any column in Python: these tables hold a dozen to a few
hundred rows that are already in memory, so there is nothing to fetch lazily."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ..i18n import tr

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


@dataclass(frozen=True)
class FigureColumn:
    key: str
    title: str  # English source, shown through tr()
    value: Callable[[Any], Any]  # the raw value (sorting, export)
    text: Callable[[Any], str] | None = None  # how it is shown (default: the value)
    colour: Callable[[Any], str | None] | None = None  # a foreground colour name, or None
    number: bool = False  # right-aligned


class FigureTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[FigureColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def row_object(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return tr(self.columns[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        obj = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col.text is not None:
                return col.text(obj)
            value = col.value(obj)
            return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value
        if role == Qt.ItemDataRole.UserRole:
            return col.value(obj)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col.colour is not None:
            name = col.colour(obj)
            return QColor(name) if name else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        value = self.columns[column].value

        def key(obj: Any) -> tuple:
            v = value(obj)
            return (v is None, v if v is not None else 0)

        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
