"""A table model over one ``store.listing`` kind: counted once, rows fetched page by page.

The model holds the rows fetched so far (id first); the view asks for more as the user scrolls
(``canFetchMore``/``fetchMore``). Sorting and filtering are new SQL queries, never a proxy over
the fetched rows (a proxy over a partial model silently misses rows).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from ... import clock
from ...store import listing
from ...store.listing import Criteria
from ..i18n import current_language, tr
from .headers import header_text

IdRole = Qt.ItemDataRole.UserRole + 1
ArchivedRole = Qt.ItemDataRole.UserRole + 2
SortKeyRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
_GREY = QColor(128, 128, 128)
_RED = QColor(192, 32, 32)


class RecordTableModel(QAbstractTableModel):
    """Rows of one record kind; ``loaded`` fires after each (re)load with the match count."""

    loaded = Signal(int)

    def __init__(
        self,
        kind: str,
        parent: Any = None,
        *,
        page_size: int = listing.PAGE_SIZE,
        counted: bool = True,
    ):
        """``counted=False``: show only the first ``page_size`` rows and skip the count query
        (the home page's short lists of the latest and the next visits)."""
        super().__init__(parent)
        self.kind = kind
        self.spec = listing.spec(kind)
        self.page_size = page_size
        self.counted = counted
        self._store: Any = None
        self._criteria = Criteria()
        self._rows: list[tuple[Any, ...]] = []
        self._total = 0
        self._resetting = False
        self.today = clock.today().isoformat()

    # -- data source -----------------------------------------------------------------------
    def set_store(self, store: Any) -> None:
        self._store = store
        self.reload()

    def load(self, store: Any, criteria: Criteria) -> None:
        """Show ``criteria``'s rows of ``store`` (one query instead of two)."""
        self._store = store
        self._criteria = criteria
        self.reload()

    @property
    def criteria(self) -> Criteria:
        return self._criteria

    def set_criteria(self, criteria: Criteria) -> None:
        self._criteria = criteria
        self.reload()

    @property
    def total(self) -> int:
        return self._total

    def reload(self) -> None:
        """Count and fetch the first page again (after a search, a filter, a sort, a save)."""
        self.beginResetModel()
        if self._store is None:
            self._rows, self._total = [], 0
        elif not self.counted:
            self._rows = listing.fetch(self._store, self.kind, self._criteria, 0, self.page_size)
            self._total = len(self._rows)
        else:
            self._total = listing.count(self._store, self.kind, self._criteria)
            self._rows = listing.fetch(
                self._store, self.kind, self._criteria, 0, self.page_size, total=self._total
            )
        self._resetting = True
        try:
            self.endResetModel()
        finally:
            self._resetting = False
        self.loaded.emit(self._total)

    def column_of(self, key: str) -> int:
        """The column showing listing column ``key``."""
        return [c.key for c in self.spec.columns].index(key)

    def id_at(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        """Row of a fetched record, or -1."""
        for i, r in enumerate(self._rows):
            if r[0] == record_id:
                return i
        return -1

    # -- Qt model contract -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._store is None:
            return
        if self._resetting:
            # Asked from inside a modelReset handler: inserting rows while listeners are still
            # being told about the reset would interleave two changes; fetch right after.
            QTimer.singleShot(0, self, self._fetch_more_later)
            return
        start = len(self._rows)
        page = listing.fetch(
            self._store, self.kind, self._criteria, start, self.page_size, total=self._total
        )
        if not page:
            self._total = start  # the table shrank under us: stop asking
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def _fetch_more_later(self) -> None:
        if self.canFetchMore():
            self.fetchMore()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.spec.columns)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(self.kind, self.spec.columns[section].key)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = self.spec.columns[index.column()]
        value = row[index.column() + 2]  # id, archived, then the columns
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(col, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._display(col, value)
            return text if len(text) > 20 else None
        if role == IdRole:
            return row[0]
        if role == ArchivedRole:
            return bool(row[1])
        if role == SortKeyRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in ("number", "bool"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, col, value)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.spec.columns)):
            return
        self._criteria.sort_key = self.spec.columns[column].key
        self._criteria.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order currently sorted by (for the header's indicator)."""
        key = self._criteria.sort_key or self.spec.default_sort
        desc = self._criteria.descending
        if desc is None:
            desc = self.spec.default_descending
        column = [c.key for c in self.spec.columns].index(key)
        return column, (Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder)

    # -- presentation ----------------------------------------------------------------------
    @staticmethod
    def _display(col: listing.Column, value: Any) -> str:
        if value is None:
            return ""
        if col.vocab is not None:
            return col.vocab.label(str(value), current_language()) if value else ""
        if col.kind == "bool":
            return tr("Yes") if value else ""
        return str(value).replace("\n", " ")

    def _foreground(self, row: tuple[Any, ...], col: listing.Column, value: Any) -> Any:
        if row[1]:
            return _GREY
        if self.kind == "follow_ups" and col.key == "due_date" and value:
            status = row[2 + [c.key for c in self.spec.columns].index("status")]
            if status == "open" and str(value) < self.today:
                return _RED
        return None
