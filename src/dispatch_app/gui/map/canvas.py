"""The map itself: a QWidget that paints every point in one batch per colour with QPainter.

Why not QGraphicsScene: one item per enterprise is 20k Python-wrapped objects to build and to
hit-test; here a paint projects the points in one pass over plain lists (``Viewport.project``)
and copies a small pre-drawn dot per point (round for enterprises, square for experts, one per
colour) into one pixmap of the points layer. Approximate positions (no coordinates of their
own: the district centre) are drawn hollow. A drag moves that pixmap; it is drawn anew when
the drag ends or the view changes otherwise (``_points_image``).

Interaction: wheel / + / − / buttons zoom (around the cursor for the wheel); dragging or the
arrow keys pan; a click selects the nearest point (``selected``), a double click or Enter opens
it (``activated``). The page owns the data and the overlays and hands them in.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..i18n import current_language, tr
from . import overlays
from .layers import (
    DISTRICT_COLOURS,
    STATUS_COLOURS,
    CandidateLine,
    MapData,
    PointLayer,
    RouteOverlay,
    colour_for,
)
from .legend import LegendEntry, draw_legend
from .overlays import CANDIDATE_COLOUR, ROUTE_COLOUR
from .projection import ZOOM_STEP, Viewport

BACKGROUND = "#f3f1ec"
HIT_RADIUS = 9.0  # pixels: how near a click must be to a point to select it
DRAG_MARGIN = 0.25  # the points' pixmap reaches this share of the view beyond each edge
VEIL_ALPHA = 120  # how much the points fade behind a route or suggestion lines


class MapCanvas(QWidget):
    selected = Signal(str, str)  # kind, id ("" and "" when the selection is cleared)
    activated = Signal(str, str)  # kind, id: open its record
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.viewport = Viewport()
        self.data: MapData | None = None
        self.colour_mode = "district"  # or "status"
        self.visible = {"enterprises": True, "experts": True}
        self.selection: tuple[str, int] | None = None  # (kind, index in its layer)
        self.candidates: list[CandidateLine] = []
        self.route: RouteOverlay | None = None
        self.drawn_points = 0  # points inside the view at the last paint
        self._screen: dict[str, tuple[list[float], list[float]]] = {}
        self._screen_key: tuple | None = None
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._dragging = False
        self._auto_fit = True  # until the user zooms or pans, a resize shows every point again
        self._legend_rect = QRectF()
        self._cache: QPixmap | None = None  # the points layer (see _points_image)
        self._cache_key: tuple | None = None
        self._cache_centre = (0.0, 0.0)
        self._data_version = 0
        self._approximate_counts: dict[str, int] = {}
        self._stamps: dict[tuple, QPixmap] = {}  # pre-drawn dots by kind, colour, size

    # -- what is shown ---------------------------------------------------------------------
    def set_data(self, data: MapData | None) -> None:
        """New points (a reload after a change keeps the view the user zoomed to)."""
        first = self.data is None
        self.data = data
        self._data_version += 1
        self.drawn_points = 0
        self.selection = None
        self.candidates = []
        self._screen_key = None
        self._approximate_counts = data.approximate_by_district() if data is not None else {}
        if first or self._auto_fit:
            self.fit()
        else:
            self.update()

    def fit(self) -> None:
        """Show every point (or Wenzhou's box when there are none)."""
        self._sync_size()
        box = self.data.bounds() if self.data is not None else None
        if box is None:
            from ...domain.geography import LAT_MAX, LAT_MIN, LON_MAX, LON_MIN

            box = (LAT_MIN, LAT_MAX, LON_MIN, LON_MAX)
        self.viewport.fit(*box)
        self._auto_fit = True
        self.update()

    def set_colour_mode(self, mode: str) -> None:
        self.colour_mode = mode
        self.update()

    def set_kind_visible(self, kind: str, on: bool) -> None:
        self.visible[kind] = on
        if not on and self.selection and self.selection[0] == kind:
            self.select(None)
        self.update()

    def set_candidates(self, lines: list[CandidateLine]) -> None:
        self.candidates = lines
        self.update()

    def set_route(self, route: RouteOverlay | None) -> None:
        self.route = route
        self.update()

    def layer(self, kind: str) -> PointLayer | None:
        return self.data.layers.get(kind) if self.data is not None else None

    def selected_record(self) -> tuple[str, str] | None:
        if self.selection is None or self.data is None:
            return None
        kind, i = self.selection
        return kind, self.data.layers[kind].ids[i]

    def select(self, target: tuple[str, int] | None) -> None:
        """Select a point (or clear the selection with None) and say so."""
        if target == self.selection:
            return
        self.selection = target
        self.candidates = []
        self.update()
        record = self.selected_record()
        self.selected.emit(*(record or ("", "")))

    def select_id(self, kind: str, record_id: str) -> bool:
        layer = self.layer(kind)
        i = layer.index_of(record_id) if layer is not None else -1
        if i < 0:
            return False
        self.select((kind, i))
        return True

    # -- zoom and pan ----------------------------------------------------------------------
    def zoom_to_selection(self) -> None:
        """Show the selected point with its suggested experts (or its neighbourhood)."""
        if self.selection is None or self.data is None:
            return
        layer = self.data.layers[self.selection[0]]
        lats = [layer.lats[self.selection[1]], *(c.lat for c in self.candidates)]
        lons = [layer.lons[self.selection[1]], *(c.lon for c in self.candidates)]
        self.fit_points(lats, lons)

    def fit_points(self, lats: list[float], lons: list[float], pad: float = 0.02) -> None:
        """Show these points whole (``pad`` degrees, about 2 km, around a lone one)."""
        if not lats:
            return
        self._sync_size()
        self.viewport.fit(min(lats) - pad, max(lats) + pad, min(lons) - pad, max(lons) + pad)
        self._auto_fit = False
        self.update()

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        self._sync_size()
        self._auto_fit = False
        self.viewport.zoom(factor, at.x() if at else None, at.y() if at else None)
        self.update()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def pan_by(self, dx: float, dy: float) -> None:
        self._auto_fit = False
        self.viewport.pan(dx, dy)
        self.update()

    def center_on(self, lat: float, lon: float) -> None:
        self._auto_fit = False
        self.viewport.lat, self.viewport.lon = lat, lon
        self.update()

    # -- geometry --------------------------------------------------------------------------
    def _sync_size(self) -> None:
        self.viewport.width, self.viewport.height = max(self.width(), 1), max(self.height(), 1)

    def _projected(self, kind: str) -> tuple[list[float], list[float]]:
        """Screen positions of a layer's points for the current view (cached until it moves)."""
        v = self.viewport
        key = (v.lat, v.lon, v.scale, v.width, v.height, self._data_version)
        if key != self._screen_key:
            self._screen = {}
            self._screen_key = key
        if kind not in self._screen:
            layer = self.data.layers[kind] if self.data is not None else PointLayer(kind)
            self._screen[kind] = v.project(layer.lats, layer.lons)
        return self._screen[kind]

    def screen_pos(self, kind: str, record_id: str) -> QPointF | None:
        """Where a record's point is on screen now (tests click there)."""
        layer = self.layer(kind)
        i = layer.index_of(record_id) if layer is not None else -1
        if i < 0:
            return None
        self._sync_size()
        xs, ys = self._projected(kind)
        return QPointF(xs[i], ys[i])

    def point_at(self, pos: QPointF, radius: float = HIT_RADIUS) -> tuple[str, int] | None:
        """The nearest visible point within ``radius`` pixels (experts win a tie: drawn on top)."""
        if self.data is None or self._legend_rect.contains(pos):
            return None
        self._sync_size()
        best: tuple[str, int] | None = None
        best_d = radius * radius
        px, py = pos.x(), pos.y()
        for kind in ("experts", "enterprises"):
            if not self.visible.get(kind) or kind not in self.data.layers:
                continue
            xs, ys = self._projected(kind)
            for i, x in enumerate(xs):
                dx = x - px
                if -radius <= dx <= radius:
                    d = dx * dx + (ys[i] - py) ** 2
                    if d < best_d:
                        best, best_d = (kind, i), d
        return best

    def point_size(self) -> float:
        """Dots grow a little as one zooms in (5 px for the whole city, up to 10)."""
        return max(5.0, min(10.0, 5.0 + math.log2(max(self.viewport.scale / 400.0, 1.0))))

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, _event: Any) -> None:
        self._sync_size()
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(BACKGROUND))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_grid(p)
        self._paint_districts(p, labels=False)  # crosses under the points (approximate ones
        if self.data is not None:  # stand exactly there), names over them
            image, at = self._points_image()
            p.drawPixmap(at, image)
            if self.route is not None or self.candidates:
                p.fillRect(self.rect(), QColor(255, 255, 255, VEIL_ALPHA))  # overlays stand out
        self._paint_districts(p, labels=True)
        self._paint_candidates(p)
        self._paint_route(p)
        self._paint_selection(p)
        self._paint_scale_bar(p)
        self._legend_rect = draw_legend(p, self.legend_entries())
        p.end()
        self.painted.emit()

    def _points_image(self) -> tuple[QPixmap, QPointF]:
        """The points, drawn into a pixmap a margin larger than the view, and where it goes.

        A drag moves the pixmap (a blit: well under a millisecond) instead of drawing 20k
        points again (~60 ms for 20k antialiased round dots, see bench/bench_map.py); anything
        else that moves the view, and the end of the drag, draws it anew."""
        v = self.viewport
        key = (v.scale, v.width, v.height, self.colour_mode, tuple(self.visible.items()),
               self._data_version, self.devicePixelRatioF())  # fmt: skip
        mx, my = round(v.width * DRAG_MARGIN), round(v.height * DRAG_MARGIN)
        if self._cache is not None and key == self._cache_key:
            x, y = v.to_screen(*self._cache_centre)
            dx, dy = x - v.width / 2, y - v.height / 2
            if self._dragging or (dx, dy) == (0, 0):
                return self._cache, QPointF(dx - mx, dy - my)
        dpr = self.devicePixelRatioF()
        image = QPixmap(round((v.width + 2 * mx) * dpr), round((v.height + 2 * my) * dpr))
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.GlobalColor.transparent)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.translate(mx, my)
        self.drawn_points = 0
        for kind in ("enterprises", "experts"):
            if self.visible.get(kind) and kind in self.data.layers:  # type: ignore[union-attr]
                self.drawn_points += self._paint_layer(p, kind, mx, my)
        p.end()
        self._cache, self._cache_key, self._cache_centre = image, key, (v.lat, v.lon)
        return image, QPointF(-mx, -my)

    def _paint_layer(self, p: QPainter, kind: str, mx: float = 0, my: float = 0) -> int:
        """Every point within (mx, my) pixels of the view, each a copy of its colour's small
        pre-drawn dot (a pixmap blit per point: ~4x faster than antialiased wide-pen
        ``drawPoints``, measured in bench/README.md); returns how many lie in the view."""
        layer = self.data.layers[kind]  # type: ignore[union-attr]
        xs, ys = self._projected(kind)
        w, h = self.width(), self.height()
        x0, y0, x1, y1 = -mx - 10, -my - 10, w + mx + 10, h + my + 10
        keys = layer.colour_keys(self.colour_mode)
        approx = layer.approximate
        size = self.point_size() + (1.5 if kind == "experts" else 0.0)
        stamps: dict[tuple[Any, bool], QPixmap] = {}
        half = (math.ceil(size) + 3) / 2 - 0.5  # +0.5 rounds in int() below
        draw = p.drawPixmap
        n = 0
        for i, x in enumerate(xs):
            y = ys[i]
            if x0 <= x <= x1 and y0 <= y <= y1:
                k = (keys[i], approx[i])
                stamp = stamps.get(k)
                if stamp is None:
                    stamp = stamps[k] = self._stamp(kind, colour_for(self.colour_mode, k[0]),
                                                    k[1], size)  # fmt: skip
                draw(int(x - half), int(y - half), stamp)
                if 0 <= x <= w and 0 <= y <= h:
                    n += 1
        return n

    def _stamp(self, kind: str, colour: str, hollow: bool, size: float) -> QPixmap:
        """One dot (enterprise: round; expert: square), hollow for an approximate position."""
        key = (kind, colour, hollow, size, self.devicePixelRatioF())
        stamp = self._stamps.get(key)
        if stamp is not None:
            return stamp
        d = math.ceil(size) + 3
        dpr = self.devicePixelRatioF()
        stamp = QPixmap(round(d * dpr), round(d * dpr))
        stamp.setDevicePixelRatio(dpr)
        stamp.fill(Qt.GlobalColor.transparent)
        q = QPainter(stamp)
        q.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        q.setPen(Qt.PenStyle.NoPen)
        centre = QPointF(d / 2, d / 2)
        for fill, side in ((colour, size), *((("white", max(size - 3.2, 1.5)),) if hollow else ())):
            q.setBrush(QColor(fill))
            if kind == "experts":
                q.drawRect(QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side))
            else:
                q.drawEllipse(centre, side / 2, side / 2)
        q.end()
        self._stamps[key] = stamp
        return stamp

    def _paint_grid(self, p: QPainter) -> None:
        overlays.paint_grid(p, self.viewport)

    def _paint_districts(self, p: QPainter, labels: bool) -> None:
        if self.data is not None:
            counts = self._approximate_counts
            overlays.paint_districts(
                p, self.viewport, self.data.districts, self.colour_mode, labels, counts
            )

    def _selected_point(self) -> tuple[float, float, str] | None:
        if self.selection is None or self.data is None:
            return None
        layer = self.data.layers[self.selection[0]]
        i = self.selection[1]
        return layer.lats[i], layer.lons[i], layer.names[i]

    def _paint_candidates(self, p: QPainter) -> None:
        origin = self._selected_point()
        if self.candidates and origin is not None:
            overlays.paint_candidates(p, self.viewport, origin[:2], self.candidates)

    def _paint_route(self, p: QPainter) -> None:
        if self.route is not None and self.route.stops:
            overlays.paint_route(p, self.viewport, self.route)

    def _paint_selection(self, p: QPainter) -> None:
        point = self._selected_point()
        if point is not None:
            overlays.paint_selection(p, self.viewport, *point)

    def _paint_scale_bar(self, p: QPainter) -> None:
        overlays.paint_scale_bar(p, self.viewport)

    def legend_entries(self) -> list[LegendEntry]:
        e: list[LegendEntry] = [
            LegendEntry(tr("Enterprise"), "#555555", "dot"),
            LegendEntry(tr("Expert"), "#555555", "square"),
            LegendEntry(tr("Approximate (district centre)"), "#555555", "ring"),
        ]
        if self.colour_mode == "district":
            e.append(LegendEntry(tr("Colour: district"), "", header=True))
            names = {d.code: d.name for d in self.data.districts} if self.data else {}
            e += [
                LegendEntry(names[c], DISTRICT_COLOURS[c]) for c in DISTRICT_COLOURS if c in names
            ]
        else:
            e.append(LegendEntry(tr("Colour: tech VP"), "", header=True))
            e.append(
                LegendEntry(tr("Has an active tech VP (expert: serving)"), STATUS_COLOURS[True])
            )
            e.append(
                LegendEntry(tr("No active tech VP (expert: not serving)"), STATUS_COLOURS[False])
            )
        if self.candidates:
            e.append(LegendEntry(tr("Suggested expert"), CANDIDATE_COLOUR, "dashed"))
        if self.route is not None:
            e.append(LegendEntry(tr("Team's day route"), ROUTE_COLOUR, "line"))
        return e

    # -- input -----------------------------------------------------------------------------
    def mousePressEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self._last = event.position()
            self._dragging = False
        super().mousePressEvent(event)

    def event(self, event: Any) -> bool:
        """A pause over a point shows its name (Qt's tooltip event: no tracking of every move)."""
        if event.type() == QEvent.Type.ToolTip:
            hit = self.point_at(QPointF(event.pos()))
            if hit is None:
                QToolTip.hideText()
                event.ignore()
            else:
                layer = self.data.layers[hit[0]]  # type: ignore[union-attr]
                kind = tr("Enterprise") if hit[0] == "enterprises" else tr("Expert")
                text = f"{layer.names[hit[1]]}（{kind}）" if current_language() == "zh" else (
                    f"{layer.names[hit[1]]} ({kind})")  # fmt: skip
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: Any) -> None:
        if self._press is None or self._last is None:
            return
        pos = event.position()
        if not self._dragging and (pos - self._press).manhattanLength() > 4:
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._dragging:
            delta = pos - self._last
            self._last = pos
            self.pan_by(delta.x(), delta.y())

    def mouseReleaseEvent(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        if not self._dragging:
            self.select(self.point_at(event.position()))
        was_dragging = self._dragging
        self._press = self._last = None
        self._dragging = False
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if was_dragging:
            self.update()  # draw the points anew: the margin of the moved pixmap may show

    def mouseDoubleClickEvent(self, event: Any) -> None:
        hit = self.point_at(event.position())
        if hit is not None:
            self.select(hit)
            record = self.selected_record()
            if record is not None:
                self.activated.emit(*record)

    def wheelEvent(self, event: Any) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps, event.position())
        event.accept()

    def keyPressEvent(self, event: Any) -> None:
        key = event.key()
        step_x, step_y = self.width() / 8, self.height() / 8
        pans = {
            Qt.Key.Key_Left: (step_x, 0),
            Qt.Key.Key_Right: (-step_x, 0),
            Qt.Key.Key_Up: (0, step_y),
            Qt.Key.Key_Down: (0, -step_y),
        }
        if key in pans:
            self.pan_by(*pans[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.fit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            record = self.selected_record()
            if record is not None:
                self.activated.emit(*record)
        elif key == Qt.Key.Key_Escape:
            self.select(None)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()
        else:
            self._sync_size()
