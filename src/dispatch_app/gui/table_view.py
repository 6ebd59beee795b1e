"""The record tables' view: a QTableView that says when it has painted its rows.

Pages report "rows painted" (``--quit-when-ready`` and the start-up benchmark wait for it).
Watching the viewport with an event filter would need ``viewport()`` from Python, and the first
such call makes PySide6 discover the C++ type of that bare QWidget by initialising every
QWidget subclass it knows (~70 enum classes, 8 ms at start-up); overriding ``paintEvent``
needs no such look-up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTableView


class TableView(QTableView):
    painted = Signal()  # once after each ``watch_paint()``, when the rows are on screen

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._watching = False

    def watch_paint(self) -> None:
        """Emit ``painted`` after the next paint of the rows."""
        self._watching = True

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self._watching:
            self._watching = False
            self.painted.emit()
