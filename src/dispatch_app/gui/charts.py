"""Two small charts painted with QPainter: the monthly trend and horizontal bars.

Why not QtCharts: it lives in PySide6-Addons, a 175 MB wheel that adds ~417 MB to the
install (the program ships PySide6-Essentials only), and importing it plus a first chart
costs 25-45 ms more at first show than painting our own (measured, see the commit). The
charts draw the core's plain data (``progress.model.MonthPoint`` / ``Slice``), which the
printed brief draws with reportlab from the same function.

Both charts are clickable: ``clicked(index)`` names the bar (month 0..11, or the slice).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#4a7fc1")
BAR_LATER = QColor("#c9d6ea")  # planned visits (the pipeline)
LINE = QColor("#d9822b")
TARGET = QColor("#2e7d32")
GRID = QColor("#e2e5ea")
TEXT = QColor("#333333")


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value``."""
    if value <= 0:
        return 1.0
    step = 10 ** (len(str(int(value))) - 1)
    for m in (1, 2, 2.5, 5, 10):
        if m * step >= value:
            return m * step
    return 10 * step


@dataclass(frozen=True)
class TrendData:
    labels: Sequence[str]  # 12 month labels
    done: Sequence[int]
    planned: Sequence[int]
    cumulative: Sequence[int | None]
    expected: Sequence[float]
    target: int
    legend: tuple[str, str, str, str]  # done, planned, cumulative, target line


class TrendChart(QWidget):
    """Visits per month (bars, left axis) with the cumulative count and the target line
    (right axis)."""

    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: TrendData | None = None
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_data(self, data: TrendData | None) -> None:
        self.data = data
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 300)

    def _plot(self) -> QRectF:
        fm = QFontMetrics(self.font())
        side = fm.horizontalAdvance("00,000") + 10
        return QRectF(side, fm.height() * 2 + 8, self.width() - 2 * side, self.height() - 60)

    def column_at(self, x: float) -> int:
        plot = self._plot()
        if not plot.left() <= x <= plot.right():
            return -1
        return min(int((x - plot.left()) / (plot.width() / 12)), 11)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        column = self.column_at(event.position().x())
        if column >= 0 and self.data is not None:
            self.clicked.emit(column)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = self.data
        if d is None:
            return
        fm = QFontMetrics(self.font())
        plot = self._plot()
        left_max = _nice_max(
            max([*d.done, *(a + b for a, b in zip(d.done, d.planned, strict=True))])
        )
        cums = [c for c in d.cumulative if c is not None]
        right_max = _nice_max(max([d.target, *cums, *d.expected, 1]))
        # grid and axes
        for i in range(5):
            y = plot.bottom() - plot.height() * i / 4
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(TEXT)
            lt = f"{left_max * i / 4:,.0f}"
            rt = f"{right_max * i / 4:,.0f}"
            p.drawText(QPointF(plot.left() - fm.horizontalAdvance(lt) - 6, y + fm.ascent() / 2), lt)
            p.drawText(QPointF(plot.right() + 6, y + fm.ascent() / 2), rt)
        col = plot.width() / 12
        for i in range(12):
            x = plot.left() + col * i
            h_done = plot.height() * d.done[i] / left_max
            h_plan = plot.height() * d.planned[i] / left_max
            bar = QRectF(x + col * 0.2, plot.bottom() - h_done, col * 0.6, h_done)
            p.fillRect(bar, BAR)
            if h_plan:
                p.fillRect(QRectF(bar.left(), bar.top() - h_plan, bar.width(), h_plan), BAR_LATER)
            p.setPen(TEXT)
            label = d.labels[i]
            p.drawText(
                QPointF(x + (col - fm.horizontalAdvance(label)) / 2, plot.bottom() + fm.height()),
                label,
            )

        def y_of(v: float) -> float:
            return plot.bottom() - plot.height() * v / right_max

        def centre(i: int) -> float:
            return plot.left() + col * (i + 0.5)

        dash = QPen(TARGET, 2, Qt.PenStyle.DashLine)
        p.setPen(dash)
        for i in range(11):
            p.drawLine(
                QPointF(centre(i), y_of(d.expected[i])),
                QPointF(centre(i + 1), y_of(d.expected[i + 1])),
            )
        p.setPen(QPen(LINE, 2.5))
        shown = [(i, c) for i, c in enumerate(d.cumulative) if c is not None]
        for (i, a), (j, b) in pairwise(shown):
            p.drawLine(QPointF(centre(i), y_of(a)), QPointF(centre(j), y_of(b)))
        for i, c in shown:
            p.drawEllipse(QPointF(centre(i), y_of(c)), 3, 3)
        # legend
        x = plot.left()
        y = fm.height()
        for colour, text, kind in zip(
            (BAR, BAR_LATER, LINE, TARGET), d.legend, ("box", "box", "line", "dash"), strict=True
        ):
            if kind == "box":
                p.fillRect(QRectF(x, y - fm.ascent() + 2, 12, 10), colour)
            else:
                style = Qt.PenStyle.DashLine if kind == "dash" else Qt.PenStyle.SolidLine
                p.setPen(QPen(colour, 2, style))
                p.drawLine(QPointF(x, y - 3), QPointF(x + 14, y - 3))
            p.setPen(TEXT)
            p.drawText(QPointF(x + 18, y), text)
            x += 18 + fm.horizontalAdvance(text) + 16


class BarList(QWidget):
    """Horizontal bars, one per row: label, bar, value text. ``clicked(row)`` for rows that
    can be shown as records."""

    clicked = Signal(int)
    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, str, bool]] = []  # label, value, value text, clickable
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMouseTracking(True)

    def set_rows(self, rows: Sequence[tuple[str, int, str, bool]]) -> None:
        self.rows = list(rows)
        self.updateGeometry()
        self.setMinimumHeight(self.ROW * max(len(self.rows), 1) + 4)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, self.ROW * max(len(self.rows), 1) + 4)

    def row_at(self, y: float) -> int:
        row = int((y - 2) // self.ROW)
        return row if 0 <= row < len(self.rows) else -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        if row >= 0 and self.rows[row][3]:
            self.clicked.emit(row)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        clickable = row >= 0 and self.rows[row][3]
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.rows:
            return
        p = QPainter(self)
        fm = QFontMetrics(self.font())
        label_w = min(max(fm.horizontalAdvance(r[0]) for r in self.rows) + 10, self.width() // 3)
        value_w = max(fm.horizontalAdvance(r[2]) for r in self.rows) + 10
        top = max(r[1] for r in self.rows) or 1
        span = max(self.width() - label_w - value_w - 4, 10)
        for i, (label, value, text, clickable) in enumerate(self.rows):
            y = 2 + i * self.ROW
            p.setPen(TEXT)
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 10)
            p.drawText(
                QRectF(0, y, label_w - 6, self.ROW),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
            w = span * value / top
            p.fillRect(QRectF(label_w, y + 4, w, self.ROW - 8), BAR if clickable else BAR_LATER)
            p.drawText(
                QRectF(label_w + w + 4, y, value_w, self.ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
