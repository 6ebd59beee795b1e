"""What the map draws over its points: the grid, district centres and names, suggestion lines,
a day's route, the selection and the scale bar. Plain painting functions over a ``Viewport``;
the canvas decides when (``canvas.py``)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen

from ..i18n import tr
from .layers import DISTRICT_COLOURS, CandidateLine, DistrictLabel, RouteOverlay
from .projection import Viewport

ROUTE_COLOUR = "#c62828"
CANDIDATE_COLOUR = "#1a5fb4"
NAMES_FROM_SCALE = 1600.0  # pixels per degree: suggested experts' names from this zoom on


def paint_grid(p: QPainter, v: Viewport) -> None:
    """Faint parallels and meridians (0.1° or 0.5° apart by zoom) for orientation."""
    step = 0.5 if v.scale < 600 else 0.1 if v.scale < 6000 else 0.01
    lat0, lon0 = v.to_geo(0, v.height)
    lat1, lon1 = v.to_geo(v.width, 0)
    p.setPen(QPen(QColor("#e2ded5"), 1))
    lat = math.floor(lat0 / step) * step
    while lat <= lat1:
        y = v.to_screen(lat, lon0)[1]
        p.drawLine(QPointF(0, y), QPointF(v.width, y))
        lat += step
    lon = math.floor(lon0 / step) * step
    while lon <= lon1:
        x = v.to_screen(lat0, lon)[0]
        p.drawLine(QPointF(x, 0), QPointF(x, v.height))
        lon += step


def district_label(name: str, approximate: int) -> str:
    """A district centre's name, with how many records stand there for want of a point."""
    if not approximate:
        return name
    return tr("{name} · {n} at the centre").format(name=name, n=approximate)


def paint_districts(
    p: QPainter,
    v: Viewport,
    districts: list[DistrictLabel],
    colour_mode: str,
    labels: bool,
    approximate: dict[str, int] | None = None,
) -> None:
    """District centres: a small cross where the centre is (none where approximate records
    stand: their hollow dot marks it), or (``labels``) the name in a light box just above it
    (boundaries are not shipped), with how many records stand at the centre."""
    font = QFont(p.font())
    font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setBold(True)
    p.save()
    p.setFont(font)
    fm = QFontMetrics(font)
    for d in districts:
        x, y = v.to_screen(d.lat, d.lon)
        by_district = colour_mode == "district"
        colour = QColor(DISTRICT_COLOURS.get(d.code, "#555555") if by_district else "#555555")
        if not labels:
            if (approximate or {}).get(d.code):
                continue  # the hollow dot there marks the centre; a cross would hide it
            p.setPen(QPen(colour.darker(120), 2))
            p.drawLine(QPointF(x - 6, y), QPointF(x + 6, y))
            p.drawLine(QPointF(x, y - 6), QPointF(x, y + 6))
            continue
        text = district_label(d.name, (approximate or {}).get(d.code, 0))
        tw = fm.horizontalAdvance(text)
        box = QRectF(x - tw / 2 - 4, y - 8 - fm.height(), tw + 8, fm.height() + 2)
        p.setPen(QPen(colour, 1))
        p.setBrush(QColor(255, 255, 255, 205))
        p.drawRoundedRect(box, 3, 3)
        p.setPen(colour.darker(150))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    p.restore()


def paint_candidates(
    p: QPainter, v: Viewport, origin: tuple[float, float], candidates: list[CandidateLine]
) -> None:
    """Dashed lines from the selected point to its suggested experts, ranked badges."""
    ox, oy = v.to_screen(*origin)
    pen = QPen(QColor(CANDIDATE_COLOUR), 1.6, Qt.PenStyle.DashLine)
    named = v.scale >= NAMES_FROM_SCALE
    for c in candidates:
        x, y = v.to_screen(c.lat, c.lon)
        p.setPen(pen)
        p.drawLine(QPointF(ox, oy), QPointF(x, y))
        badge(p, QPointF(x, y), str(c.rank), QColor(CANDIDATE_COLOUR), square=True)
        if named:  # at the city's scale the names would pile up: the side list has them
            halo_text(p, QPointF(x + 11, y + 4), c.name, QColor("#0d3b7a"))


def paint_route(p: QPainter, v: Viewport, route: RouteOverlay) -> None:
    """The day in order: legs with arrows, numbered stops, the base's flag, the way back."""
    pts = [QPointF(*v.to_screen(s.lat, s.lon)) for s in route.stops]
    path = QPainterPath(pts[0])
    for q in pts[1:]:
        path.lineTo(q)
    p.setPen(QPen(QColor(ROUTE_COLOUR), 2.6))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    if route.closed and len(pts) > 1:
        p.setPen(QPen(QColor(ROUTE_COLOUR), 1.6, Qt.PenStyle.DotLine))
        p.drawLine(pts[-1], pts[0])
    for i in range(1, len(pts)):
        arrow(p, pts[i - 1], pts[i])
    # Stops at one place (two visits to one enterprise, a stop at the base) share a badge.
    places: dict[tuple[float, float], list[int]] = {}
    for i, s in enumerate(route.stops[1:], 1):
        places.setdefault((round(s.lat, 6), round(s.lon, 6)), []).append(i)
    base = pts[0]
    p.setPen(QPen(QColor(ROUTE_COLOUR), 2))
    p.drawLine(base, QPointF(base.x(), base.y() + 16))  # below: a district's name is above
    p.setBrush(QColor(ROUTE_COLOUR))
    p.drawEllipse(base, 3, 3)
    badge(p, QPointF(base.x(), base.y() + 24), tr("Base"), QColor(ROUTE_COLOUR), square=True)
    for numbers in places.values():
        stop = route.stops[numbers[0]]
        label = ",".join(str(route.stops[n].number) for n in numbers)
        badge(p, pts[numbers[0]], label, QColor(ROUTE_COLOUR), hollow=stop.approximate)


def paint_selection(p: QPainter, v: Viewport, lat: float, lon: float, name: str) -> None:
    """A ring round the selected point and its name beside it."""
    x, y = v.to_screen(lat, lon)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor("white"), 5))
    p.drawEllipse(QPointF(x, y), 9, 9)
    p.setPen(QPen(QColor("#111111"), 2.2))
    p.drawEllipse(QPointF(x, y), 9, 9)
    label_box(p, QPointF(x + 13, y - 12), name)


def paint_scale_bar(p: QPainter, v: Viewport) -> None:
    """A round length (1, 2 or 5 × 10ⁿ km) about 120 pixels long, bottom left."""
    km_px = v.km_per_pixel()
    target = km_px * 120
    nice = 10 ** math.floor(math.log10(target))
    for m in (5, 2, 1):
        if nice * m <= target:
            nice *= m
            break
    length = nice / km_px
    x0, y0 = 14.0, v.height - 18.0
    p.setPen(QPen(QColor("#333333"), 2))
    p.drawLine(QPointF(x0, y0), QPointF(x0 + length, y0))
    p.drawLine(QPointF(x0, y0 - 4), QPointF(x0, y0))
    p.drawLine(QPointF(x0 + length, y0 - 4), QPointF(x0 + length, y0))
    text = f"{nice:g} km"
    halo_text(p, QPointF(x0 + length + 6, y0 + 4), text, QColor("#333333"))


def halo_text(p: QPainter, at: QPointF, text: str, colour: QColor) -> None:
    """Text with a white outline, readable over points and lines."""
    path = QPainterPath()
    path.addText(at, p.font(), text)
    p.save()
    p.setPen(QPen(QColor(255, 255, 255, 230), 3.5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawPath(path)
    p.restore()


def label_box(p: QPainter, at: QPointF, text: str) -> None:
    fm = QFontMetrics(p.font())
    rect = QRectF(at.x(), at.y() - fm.ascent(), fm.horizontalAdvance(text) + 12, fm.height() + 6)
    p.save()
    p.setPen(QPen(QColor("#333333"), 1))
    p.setBrush(QColor(255, 255, 240, 240))
    p.drawRoundedRect(rect, 4, 4)
    p.setPen(QColor("#111111"))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    p.restore()


def badge(p: QPainter, c: QPointF, text: str, colour: QColor, *, square: bool = False,
           hollow: bool = False) -> None:  # fmt: skip
    """A numbered marker: white fill, coloured edge (dashed when the position is approximate)."""
    fm = QFontMetrics(p.font())
    r = max(9.0, fm.horizontalAdvance(text) / 2 + 4)
    p.save()
    pen = QPen(colour, 2)
    if hollow:
        pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(QColor("white"))
    rect = QRectF(c.x() - r, c.y() - 9, 2 * r, 18)
    if square:
        p.drawRoundedRect(rect, 3, 3)
    else:
        p.drawEllipse(rect)
    p.setPen(colour.darker(130))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    p.restore()


def arrow(p: QPainter, a: QPointF, b: QPointF) -> None:
    """A small arrowhead at the middle of a leg: the direction of travel."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy)
    if length < 30:
        return
    ux, uy = dx / length, dy / length
    m = QPointF(a.x() + dx / 2, a.y() + dy / 2)
    left = QPointF(m.x() - 8 * ux + 4.5 * uy, m.y() - 8 * uy - 4.5 * ux)
    right = QPointF(m.x() - 8 * ux - 4.5 * uy, m.y() - 8 * uy + 4.5 * ux)
    path = QPainterPath(m)
    path.lineTo(left)
    path.lineTo(right)
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(ROUTE_COLOUR))
    p.drawPath(path)
