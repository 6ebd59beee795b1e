"""The small editable list of follow-up items inside the visit dialog (not yet saved)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain.validation import field_label
from ..i18n import current_language

COLUMNS = ("description", "owner", "due_date", "needs_coordination")
_Index = QModelIndex | QPersistentModelIndex


def _blank() -> dict[str, Any]:
    return {"description": "", "owner": "", "due_date": "", "needs_coordination": False}


class FollowUpItemsModel(QAbstractTableModel):
    """Rows of raw follow-up values; the last row is always an empty one to type into."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = [_blank()]

    def items(self) -> list[dict[str, Any]]:
        """The rows a user filled in (the trailing empty row is not an item)."""
        return [r for r in self._rows if self._filled(r)]

    @staticmethod
    def _filled(row: dict[str, Any]) -> bool:
        return bool(
            str(row["description"]).strip()
            or str(row["owner"]).strip()
            or str(row["due_date"]).strip()
            or row["needs_coordination"]
        )

    def clear(self) -> None:
        self.set_items([])

    def set_items(self, items: list[dict[str, Any]]) -> None:
        """Show these rows as typed (a restored draft), plus the empty row to type into."""
        rows = []
        for item in items:
            row = _blank()
            for column in COLUMNS:
                value = item.get(column, row[column])
                row[column] = bool(value) if column == "needs_coordination" else str(value or "")
            rows.append(row)
        self.beginResetModel()
        self._rows = [r for r in rows if self._filled(r)] + [_blank()]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            zh, en = field_label(COLUMNS[section], "follow_up")
            return en if current_language() == "en" else zh
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] == "needs_coordination":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        column = COLUMNS[index.column()]
        value = self._rows[index.row()][column]
        if column == "needs_coordination":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return str(value)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return False
        column = COLUMNS[index.column()]
        if column == "needs_coordination":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            self._rows[index.row()][column] = checked
        elif role == Qt.ItemDataRole.EditRole:
            self._rows[index.row()][column] = "" if value is None else str(value)
        else:
            return False
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        self._keep_empty_last_row()
        return True

    def _keep_empty_last_row(self) -> None:
        if self._filled(self._rows[-1]):
            n = len(self._rows)
            self.beginInsertRows(QModelIndex(), n, n)
            self._rows.append(_blank())
            self.endInsertRows()

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or count <= 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        if not self._rows:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.append(_blank())
            self.endInsertRows()
        else:
            self._keep_empty_last_row()
        return True

    def row_numbers_of_items(self) -> list[int]:
        """Row (1-based, as shown) of each item returned by :meth:`items`."""
        return [i + 1 for i, r in enumerate(self._rows) if self._filled(r)]
