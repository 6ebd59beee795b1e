"""Column widths that fit the first rows, measured with font metrics only.

``QTableView.resizeColumnsToContents`` asks the delegate for every cell's size hint (eight
data roles and a style calculation per cell): ~3 ms a table at start-up. Measuring the shown
text of the first rows directly gives the same widths for plain-text cells at a tenth of that.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

CELL_PADDING = 16  # the cell's margins and grid line
HEADER_PADDING = 28  # the header's margins and the sort indicator
SQUEEZE_FLOOR = 150  # codes, dates and short names stay whole; only long texts elide
STRETCH_RESERVE = 100  # what a squeeze leaves a stretched column (a team, a follow-up text)


def fit_columns(
    view: QTableView, *, sample_rows: int = 20, minimum: int = 60, maximum: int = 280
) -> None:
    """Size each visible column to its header and its first ``sample_rows`` rows (a stretched
    column takes what is left)."""
    model = view.model()
    if model is None:
        return
    header = view.horizontalHeader()
    cell_metrics = view.fontMetrics()
    header_metrics = header.fontMetrics()
    rows = min(model.rowCount(), sample_rows)
    fitted: dict[int, int] = {}
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue  # takes the width left over anyway
        title = model.headerData(column, Qt.Orientation.Horizontal)
        width = header_metrics.horizontalAdvance(str(title or "")) + HEADER_PADDING
        for row in range(rows):
            text = model.data(model.index(row, column))
            if text:
                width = max(width, cell_metrics.horizontalAdvance(str(text)) + CELL_PADDING)
        fitted[column] = min(max(width, minimum), maximum)
        header.resizeSection(column, fitted[column])
    # What the text wants, for ``squeeze_columns``: a stretched last section shows only what
    # is left of the width, not what it needs.
    view.fitted_widths = fitted  # type: ignore[attr-defined]


def squeeze_columns(view: QTableView) -> None:
    """Narrow the widest columns but the first (to one common cap, never below their header
    or ``SQUEEZE_FLOOR``) until every column fits the viewport: the last ones (a status) are
    then on screen, not behind a sideways scroll, and long texts elide instead."""
    model = view.model()
    header = view.horizontalHeader()
    available = _viewport_width(view, header)
    if model is None or available <= 0:
        return
    metrics = header.fontMetrics()
    fitted: dict[int, int] = getattr(view, "fitted_widths", {})
    widths: dict[int, int] = {}
    floors: dict[int, int] = {}
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            available -= STRETCH_RESERVE  # it takes what is left: leave it something to show
            continue
        title = model.headerData(column, Qt.Orientation.Horizontal)
        widths[column] = fitted.get(column, header.sectionSize(column))
        title_width = metrics.horizontalAdvance(str(title or "")) + HEADER_PADDING
        floors[column] = min(widths[column], max(title_width, SQUEEZE_FLOOR))
    if widths:  # the first column names the record (企业, 专家…): it stays whole
        first = min(widths)
        floors[first] = widths[first]
    for column, width in squeeze(widths, floors, available).items():
        if width != header.sectionSize(column):
            header.resizeSection(column, width)


def _viewport_width(view: QTableView, header: QHeaderView) -> int:
    """The viewport's width. A shown horizontal header is laid out to exactly that width
    (``QTableView::updateGeometries``), and asking it costs nothing; the first ``viewport()``
    from Python makes PySide6 discover that bare QWidget's C++ type by initialising every
    QWidget subclass it knows (~14 ms, in the first paint: see ``table_view.py``)."""
    if not header.isHidden():
        return header.width()
    return view.viewport().width()


def squeeze(widths: dict[int, int], floors: dict[int, int], available: int) -> dict[int, int]:
    """The widths lowered to the largest common cap whose sum fits ``available``; no column
    below its floor. Unchanged when they already fit."""
    if sum(widths.values()) <= available:
        return widths
    low, high = 0, max(widths.values())
    while low < high:
        cap = (low + high + 1) // 2
        if sum(max(min(w, cap), floors[c]) for c, w in widths.items()) <= available:
            low = cap
        else:
            high = cap - 1
    return {c: max(min(w, low), floors[c]) for c, w in widths.items()}
