"""The map's legend, drawn by the canvas in its top-left corner (so a screenshot carries it)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen


@dataclass(frozen=True)
class LegendEntry:
    text: str
    colour: str
    shape: str = "dot"  # dot | square | ring | line | dashed
    header: bool = False  # a heading line (no symbol)


def draw_legend(painter: QPainter, entries: list[LegendEntry], x: float = 10, y: float = 10):
    """A white box of symbol + text lines; returns its rectangle (clicks there are ignored)."""
    fm = QFontMetrics(painter.font())
    line = fm.height() + 3
    width = max((fm.horizontalAdvance(e.text) for e in entries), default=0) + 40
    rect = QRectF(x, y, width, line * len(entries) + 10)
    painter.save()
    painter.setPen(QPen(QColor("#c8ccd2"), 1))
    painter.setBrush(QColor(255, 255, 255, 225))
    painter.drawRoundedRect(rect, 5, 5)
    for i, e in enumerate(entries):
        cy = y + 5 + line * i + line / 2
        tx = x + 8 if e.header else x + 30
        if not e.header:
            _symbol(painter, e, QPointF(x + 16, cy))
        painter.setPen(QColor("#222222" if not e.header else "#555555"))
        painter.drawText(QRectF(tx, cy - line / 2, width, line), Qt.AlignmentFlag.AlignVCenter,
                         e.text)  # fmt: skip
    painter.restore()
    return rect


def _symbol(painter: QPainter, e: LegendEntry, c: QPointF) -> None:
    colour = QColor(e.colour)
    if e.shape in ("line", "dashed"):
        pen = QPen(colour, 2.5 if e.shape == "line" else 1.6)
        if e.shape == "dashed":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(c.x() - 9, c.y()), QPointF(c.x() + 9, c.y()))
        return
    painter.setPen(QPen(colour, 1.6) if e.shape == "ring" else Qt.PenStyle.NoPen)
    painter.setBrush(Qt.BrushStyle.NoBrush if e.shape == "ring" else colour)
    r = 4.0
    if e.shape == "square":
        painter.drawRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
    else:
        painter.drawEllipse(c, r, r)
