"""地图: enterprises and experts on a map drawn by Qt (no internet tiles), coloured by district
or by whether they host an active 科技副总; the selected enterprise's suggested experts joined
by lines; a team's day drawn in visiting order from its base.

Everything slow runs in a worker on its own connection: the points (``layers.load_map_data``),
the suggestions (``matching.match`` for a visit) and the day (``planning.plan_day``). The page
only hands the results to the canvas (``gui/map/canvas.py``), which draws them in one batch.
A click selects a point, a double click (or Enter, or 打开记录) opens its record page.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...store.errors import StoreError
from ..i18n import N_, current_language, pick, tr
from ..lookup_edit import LookupEdit
from ..map.canvas import MapCanvas
from ..map.layers import CandidateLine, MapData, RouteOverlay, RouteStop
from ..workers import Task, TaskRunner

TOP_CANDIDATES = 5
MATCH_DELAY_MS = 120  # the selection rests this long before its suggestions are asked for
FIND_SCALE = 3000.0  # pixels per degree a found record is shown at (~4 km across the view)
_KIND_TEXT = {"enterprises": N_("Enterprise"), "experts": N_("Expert")}


def route_overlay(day: Any) -> RouteOverlay:
    """A planned day (``planning.day.TeamDay``) as what the canvas draws."""
    stops = [RouteStop(0, day.base.label or tr("Base"), day.base.lat, day.base.lon)]
    stops += [RouteStop(i, s.name, s.lat, s.lon, s.approximate) for i, s in enumerate(day.stops, 1)]
    return RouteOverlay(stops, closed=day.settings.return_to_base)


class MapPage(QWidget):
    key = "map"
    rows_painted = Signal()
    status_message = Signal(str)
    loaded = Signal()  # the points are on the canvas
    candidates_loaded = Signal()
    route_loaded = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window_ = window
        self.store: Any = None
        self.setObjectName("page_map")
        self.data: MapData | None = None
        self.route_day: Any = None  # the TeamDay drawn
        self._generation = 0
        self._candidates_for: str | None = None  # enterprise whose suggestions are on the way
        self._match_running: str | None = None  # the enterprise a worker is matching now
        self._match_timer = QTimer(self)
        self._match_timer.setSingleShot(True)
        self._match_timer.setInterval(MATCH_DELAY_MS)
        self._match_timer.timeout.connect(self._start_match)
        self._route_pending = False
        self._route_key: tuple[str, date] | None = None  # the day drawn or on its way
        self._loading = False
        self._painted_once = False
        self._runner = TaskRunner(self)
        self._build()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        heading = QLabel(tr("Map"), self)
        heading.setStyleSheet("font-size: 17px; font-weight: bold;")
        bar.addWidget(heading)
        bar.addSpacing(10)
        self.show_enterprises = QCheckBox(tr("Enterprises"), self)
        self.show_experts = QCheckBox(tr("Experts"), self)
        for name, box, kind in (
            ("showEnterprises", self.show_enterprises, "enterprises"),
            ("showExperts", self.show_experts, "experts"),
        ):
            box.setObjectName(name)
            box.setChecked(True)
            box.toggled.connect(lambda on, k=kind: self.canvas.set_kind_visible(k, on))
            bar.addWidget(box)
        bar.addWidget(QLabel(tr("Colour by"), self))
        self.colour_box = QComboBox(self)
        self.colour_box.setObjectName("colourBy")
        self.colour_box.addItem(tr("District"), "district")
        self.colour_box.addItem(tr("Tech VP or not"), "status")
        self.colour_box.currentIndexChanged.connect(
            lambda _i: self.canvas.set_colour_mode(self.colour_box.currentData())
        )
        bar.addWidget(self.colour_box)
        bar.addSpacing(8)
        self.zoom_out_button = self._tool("−", tr("Zoom out (−)"), "zoomOut")
        self.zoom_in_button = self._tool("+", tr("Zoom in (+)"), "zoomIn")
        self.fit_button = self._tool(tr("Whole map"), tr("Show every point (0)"), "zoomFit")
        for b in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(b)
        self.find_edit = LookupEdit(self._find_options, self)
        self.find_edit.setObjectName("mapFind")
        self.find_edit.setPlaceholderText(tr("Find an enterprise or expert (Ctrl+F)"))
        self.find_edit.setMinimumWidth(230)
        self.find_edit.chosen.connect(self._on_found)
        self.find_edit.returnPressed.connect(self.find_edit.choose_single)
        bar.addWidget(self.find_edit)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("mapState")
        self.state_label.setStyleSheet("color: #666;")
        # Long counts wrap rather than widen the window past a 1024-pixel screen.
        self.state_label.setWordWrap(True)
        self.state_label.setMinimumWidth(120)
        bar.addWidget(self.state_label, 1)
        outer.addLayout(bar)

        route_bar = QHBoxLayout()
        route_bar.addWidget(QLabel(tr("Team"), self))
        self.team_box = QComboBox(self)
        self.team_box.setObjectName("routeTeam")
        self.team_box.setMinimumWidth(200)
        # A long team name is cut with … instead of setting the page's width.
        self.team_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.team_box.setMinimumContentsLength(12)
        route_bar.addWidget(self.team_box)
        route_bar.addWidget(QLabel(tr("Date"), self))
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("routeDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = clock.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        route_bar.addWidget(self.date_edit)
        self.route_button = QPushButton(tr("Show the day's route"), self)
        self.route_button.setObjectName("showRoute")
        self.route_button.clicked.connect(lambda: self.show_route())
        route_bar.addWidget(self.route_button)
        self.next_day_button = QPushButton(tr("Next day with visits"), self)
        self.next_day_button.setObjectName("nextRouteDay")
        self.next_day_button.clicked.connect(self.next_day)
        route_bar.addWidget(self.next_day_button)
        self.clear_route_button = QPushButton(tr("Clear the route"), self)
        self.clear_route_button.setObjectName("clearRoute")
        self.clear_route_button.clicked.connect(self.clear_route)
        route_bar.addWidget(self.clear_route_button)
        self.route_label = QLabel(self)
        self.route_label.setObjectName("routeSummary")
        route_bar.addWidget(self.route_label, 1)
        outer.addLayout(route_bar)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.canvas = MapCanvas(split)
        self.canvas.selected.connect(self._on_selected)
        self.canvas.activated.connect(self.open_record)
        self.canvas.painted.connect(self._on_canvas_painted)
        self.zoom_out_button.clicked.connect(self.canvas.zoom_out)
        self.zoom_in_button.clicked.connect(self.canvas.zoom_in)
        self.fit_button.clicked.connect(self.canvas.fit)
        split.addWidget(self.canvas)
        split.addWidget(self._side_panel(split))
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 300])
        outer.addWidget(split, 1)
        open_key = QShortcut(QKeySequence("Ctrl+Return"), self)
        open_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        open_key.activated.connect(self.open_selected)

    def _tool(self, text: str, tip: str, name: str) -> QToolButton:
        b = QToolButton(self)
        b.setObjectName(name)
        b.setText(text)
        b.setToolTip(tip)
        b.setMinimumWidth(28)
        return b

    def _side_panel(self, parent: QWidget) -> QWidget:
        scroll = QScrollArea(parent)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(240)
        box = QWidget(scroll)
        layout = QVBoxLayout(box)
        self.selected_label = QLabel(tr("Click a point to select it."), box)
        self.selected_label.setObjectName("mapSelected")
        self.selected_label.setWordWrap(True)
        layout.addWidget(self.selected_label)
        self.open_button = QPushButton(tr("Open record"), box)
        self.open_button.setObjectName("openRecord")
        self.open_button.setToolTip(tr("Open the selected record (double-click, Enter)"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        self.zoom_selection_button = QPushButton(tr("Zoom to the selection"), box)
        self.zoom_selection_button.setObjectName("zoomSelection")
        self.zoom_selection_button.setToolTip(tr("Show the selected point with its suggestions"))
        self.zoom_selection_button.setEnabled(False)
        self.zoom_selection_button.clicked.connect(lambda: self.canvas.zoom_to_selection())
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.zoom_selection_button)
        layout.addLayout(row)
        self.candidates_label = QLabel(box)
        self.candidates_label.setObjectName("mapCandidates")
        self.candidates_label.setWordWrap(True)
        self.candidates_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.candidates_label)
        self.stops_label = QLabel(box)
        self.stops_label.setObjectName("routeStops")
        self.stops_label.setWordWrap(True)
        self.stops_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.stops_label)
        layout.addStretch(1)
        scroll.setWidget(box)
        return scroll

    # -- data ------------------------------------------------------------------------------
    def set_store(self, store: Any) -> None:
        self.store = store
        self._fill_teams()
        self.clear_route()
        self.reload()

    def _fill_teams(self) -> None:
        from ...store.planning_queries import team_names

        self.team_box.clear()
        for team_id, name in team_names(self.store) if self.store is not None else []:
            self.team_box.addItem(name, team_id)

    def reload(self) -> None:
        """Data changed (or a new database): load the points again, off the UI thread."""
        self._generation += 1
        if self.store is None:
            self.data = None
            self.canvas.set_data(None)
            self._on_selected("", "")
            self._loading = False
            return
        generation = self._generation
        self._loading = True
        self.state_label.setText(tr("Loading the points…"))

        def work(ctx: Any) -> MapData:
            from ..map.layers import load_map_data

            return load_map_data(ctx.store)

        self._runner.run(
            Task(
                tr("Loading the map…"),
                work,
                db_path=str(self.store.path),
                on_done=lambda d: self._show(generation, d),
                on_error=lambda exc: self._failed(generation, exc),
            ),
            show_after_ms=None,
        )

    def pending_work(self) -> bool:
        """True while points, suggestions or a route are on their way (screenshots wait)."""
        return (
            self._loading
            or self._candidates_for is not None
            or self._match_running is not None
            or self._route_pending
        )

    def _show(self, generation: int, data: MapData) -> None:
        if generation != self._generation:
            return
        keep = self.canvas.selected_record()
        self.data = data
        self._loading = False
        self.canvas.set_data(data)  # (drops the selection without a signal)
        self._on_selected("", "")
        if keep is not None:
            self.canvas.select_id(*keep)  # asks for its suggestions again
        if self.route_day is not None and self._route_key:
            self.show_route(*self._route_key)  # visits may have changed: order it again
        n_ent = len(data.layers["enterprises"])
        n_exp = len(data.layers["experts"])
        approx = sum(data.layers["enterprises"].approximate)
        text = tr("{e:,} enterprises, {x:,} experts; {a:,} at their district centre").format(
            e=n_ent, x=n_exp, a=approx
        )
        if data.skipped:
            text += tr("; {n} records have no position").format(n=data.skipped)
        self.state_label.setText(text)
        self.loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        message = pick(exc.zh, exc.en) if isinstance(exc, StoreError) else str(exc)
        self.state_label.setText(tr("The map could not be loaded: {error}").format(error=message))
        self.loaded.emit()
        if not self._painted_once:  # the page is on screen all the same (an empty map)
            self._painted_once = True
            QTimer.singleShot(0, self, self.rows_painted.emit)

    def _on_canvas_painted(self) -> None:
        if not self._painted_once and (self.data is not None or self.store is None):
            self._painted_once = True
            QTimer.singleShot(0, self, self.rows_painted.emit)  # cancelled if self goes

    # -- selection -------------------------------------------------------------------------
    def _on_selected(self, kind: str, record_id: str) -> None:
        self.candidates_label.clear()
        self._candidates_for = None
        if not record_id:
            self.selected_label.setText(tr("Click a point to select it."))
            self.open_button.setEnabled(False)
            self.zoom_selection_button.setEnabled(False)
            return
        layer = self.data.layers[kind]  # type: ignore[union-attr]
        i = layer.index_of(record_id)
        where = tr("approximate: district centre") if layer.approximate[i] else ""
        self.selected_label.setText(
            f"<b>{layer.names[i]}</b><br>{tr(_KIND_TEXT[kind])}" + (f" · {where}" if where else "")
        )
        self.open_button.setEnabled(True)
        self.zoom_selection_button.setEnabled(True)
        if kind == "enterprises":
            self._load_candidates(record_id)

    def _load_candidates(self, enterprise_id: str) -> None:
        """Suggestions for the selected enterprise, once the selection rests (clicking along
        a row of points runs one match, not one per click)."""
        self._candidates_for = enterprise_id
        self.candidates_label.setText(tr("Finding suggested experts…"))
        self._match_timer.start()

    def _start_match(self) -> None:
        enterprise_id = self._candidates_for
        if enterprise_id is None or self._match_running is not None or self.store is None:
            return  # nothing wanted, or one at a time: the one running starts the next
        self._match_running = enterprise_id
        on = clock.today()

        def work(ctx: Any) -> Any:
            from ...matching.rank import VISIT
            from ...matching.service import match

            return match(ctx.store, enterprise_id, VISIT, on=on, top=TOP_CANDIDATES,
                         with_team=False)  # fmt: skip

        self._runner.run(
            Task(
                tr("Finding suggested experts…"),
                work,
                db_path=str(self.store.path),
                on_done=lambda r: self._match_done(enterprise_id, r, None),
                on_error=lambda exc: self._match_done(enterprise_id, None, exc),
            ),
            show_after_ms=None,
        )

    def _match_done(self, enterprise_id: str, result: Any, exc: BaseException | None) -> None:
        self._match_running = None
        if enterprise_id != self._candidates_for:
            self._start_match()  # another point was selected meanwhile (or none)
            return
        self._candidates_for = None
        if exc is not None:
            message = pick(exc.zh, exc.en) if hasattr(exc, "zh") else str(exc)
            self.candidates_label.setText(tr("No suggestions: {error}").format(error=message))
        else:
            self._show_candidates(result)
        self.candidates_loaded.emit()

    def _show_candidates(self, result: Any) -> None:
        experts = self.data.layers["experts"] if self.data else None
        en = current_language() == "en"
        lines, items = [], []
        for rank, s in enumerate(result.experts[:TOP_CANDIDATES], 1):
            text = s.line_en if en else s.line
            items.append(f"<li><b>{s.name}</b> {s.detail}<br><small>{text}</small></li>")
            i = experts.index_of(s.id) if experts is not None else -1
            if i >= 0:
                lines.append(
                    CandidateLine(rank, s.id, s.name, experts.lats[i], experts.lons[i], text)
                )
        self.canvas.set_candidates(lines)
        head = pick(*result.label)
        if items:
            body = "<ol style='margin-left:-20px'>" + "".join(items) + "</ol>"
        else:
            body = tr("No expert can be suggested (limits in the matching settings).")
        self.candidates_label.setText(
            f"<b>{tr('Suggested experts')}</b><br><small>{head}</small>{body}"
        )

    def open_selected(self) -> None:
        record = self.canvas.selected_record()
        if record is not None:
            self.open_record(*record)

    def open_record(self, kind: str, record_id: str) -> None:
        """The record's own page, showing it (as the dashboard's figures open theirs)."""
        self.window_.open_record(kind, record_id)

    # -- route -----------------------------------------------------------------------------
    def chosen_day(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def show_route(self, team_id: str | None = None, day: date | None = None) -> None:
        """Order and draw a team's day (by default the chosen team and date)."""
        team_id = team_id or self.team_box.currentData()
        if self.store is None or not team_id:
            return
        day = day or self.chosen_day()
        self._route_pending = True
        self.route_label.setText(tr("Ordering the day…"))

        def work(ctx: Any) -> Any:
            from ...planning.day import plan_day

            return plan_day(ctx.store, team_id, day)

        key = (team_id, day)
        self._route_key = key
        self._runner.run(
            Task(
                tr("Ordering the day…"),
                work,
                db_path=str(self.store.path),
                on_done=lambda d: self._show_route(key, d),
                on_error=lambda exc: self._route_failed(key, exc),
            ),
            show_after_ms=None,
        )

    def _show_route(self, key: tuple, day: Any) -> None:
        if key != self._route_key:
            return
        self._route_pending = False
        self.route_day = day
        if not day.stops:
            self.canvas.set_route(None)
            self.route_label.setText(
                tr("{team} has no visits on {day}.").format(team=day.team_name, day=day.day)
            )
            self.stops_label.clear()
            self.route_loaded.emit()
            return
        overlay = route_overlay(day)
        self.canvas.set_route(overlay)
        self.canvas.fit_points([s.lat for s in overlay.stops], [s.lon for s in overlay.stops])
        r = day.route
        self.route_label.setText(
            tr("{n} stops · {km:.1f} km · about {h:.1f} h (entered order {entered:.1f} km)").format(
                n=len(day.stops), km=r.km, h=r.minutes / 60, entered=day.entered_km
            )
        )
        rows = [f"{tr('Base')}: {day.base.label}"]
        rows += [
            f"{i}. {s.name}" + (f" <small>({tr('approximate')})</small>" if s.approximate else "")
            for i, s in enumerate(day.stops, 1)
        ]
        self.stops_label.setText(
            f"<b>{tr('Route of {team} on {day}').format(team=day.team_name, day=day.day)}</b>"
            "<br>" + "<br>".join(rows)
        )
        self.route_loaded.emit()

    def _route_failed(self, key: tuple, exc: BaseException) -> None:
        if key != self._route_key:
            return
        self._route_pending = False
        message = pick(exc.zh, exc.en) if hasattr(exc, "zh") else str(exc)
        self.route_label.setText(tr("No route: {error}").format(error=message))
        self.route_loaded.emit()

    def show_team_day(self, team_id: str, day: date) -> None:
        """Draw a team's day from elsewhere (e.g. the Planning page): picker set, route drawn."""
        i = self.team_box.findData(team_id)
        if i >= 0:
            self.team_box.setCurrentIndex(i)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.show_route(team_id, day)

    def next_day(self) -> None:
        """Jump to the team's next day with visits and draw it."""
        from ...store.map_queries import next_team_day

        team_id = self.team_box.currentData()
        if self.store is None or not team_id:
            return
        found = next_team_day(self.store, team_id, self.chosen_day())
        if found is None:
            self.route_label.setText(tr("No later visits for this team."))
            return
        self.date_edit.setDate(QDate(found.year, found.month, found.day))
        self.show_route()

    def clear_route(self) -> None:
        self._route_key = None
        self._route_pending = False
        self.route_day = None
        self.canvas.set_route(None)
        self.route_label.clear()
        self.stops_label.clear()

    # -- find ------------------------------------------------------------------------------
    def _find_options(self, text: str) -> list[Any]:
        """Enterprises, then experts, matching the typed name, USCC or pinyin."""
        from ...services.lookup import Option, enterprise_completions, expert_completions

        if self.store is None:
            return []
        found = [Option(f"enterprises:{o.id}", o.text, o.detail)
                 for o in enterprise_completions(self.store, text, 12)]  # fmt: skip
        found += [
            Option(f"experts:{o.id}", o.text, f"{tr('Expert')} · {o.detail}".rstrip(" ·"))
            for o in expert_completions(self.store, text, 8)
        ]
        return found

    def _on_found(self, key: str) -> None:
        """Select what was found and bring it into view (zoomed in when the map was wide)."""
        if not key or self.data is None:
            return
        kind, record_id = key.split(":", 1)
        if not self.canvas.visible.get(kind):
            (self.show_enterprises if kind == "enterprises" else self.show_experts).setChecked(True)
        if self.canvas.select_id(kind, record_id):
            layer = self.data.layers[kind]
            i = layer.index_of(record_id)
            self.canvas.center_on(layer.lats[i], layer.lons[i])
            if self.canvas.viewport.scale < FIND_SCALE:
                self.canvas.zoom_by(FIND_SCALE / self.canvas.viewport.scale)
            self.canvas.setFocus()
        else:
            self.selected_label.setText(tr("This record has no position on the map."))

    # -- the window's shortcuts ------------------------------------------------------------
    def focus_search(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def new_record(self) -> None:
        pass

    def save_current(self) -> bool:
        return False
