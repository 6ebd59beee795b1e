"""目标进度: the progress dashboard. Every figure comes from ``progress.dashboard()``, computed
in a worker on its own connection; the page only formats and draws it.

Big numbers are text (count, %, expected %, status word), with the forecast line under them;
the district ranking is a sortable table; the monthly trend and the breakdowns are small
QPainter charts (``gui/charts.py``: why not QtCharts is written there); the follow-ups by
district and the progress meeting's list can be exported. Every number clicks through to the
records behind it (``MainWindow.show_records`` with the figure's ``drill`` filters).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...domain.choices import CITY_SCOPE
from ...store.errors import StoreError
from ..charts import BarList, TrendChart, TrendData
from ..i18n import N_, current_language, pick, tr
from ..models.figure_table import FigureColumn, FigureTableModel
from ..table_view import TableView
from ..workers import Task, TaskRunner

STATUS_COLOURS = {"ahead": "#2e7d32", "on_track": "#1a5fb4", "behind": "#b00020"}
_STATUS_TEXT = {
    "ahead": N_("ahead"),
    "on_track": N_("on track"),
    "behind": N_("behind"),
    "no_target": N_("no target"),
}


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def status_text(status: str) -> str:
    return tr(_STATUS_TEXT.get(status, status))


class FigureCard(QFrame):
    """One big number as readable text; a click shows the records behind it."""

    clicked = Signal()

    def __init__(self, name: str, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(tr("Click to see the records behind this figure"))
        self.setStyleSheet(
            "FigureCard { background: #f7f9fc; border: 1px solid #d5dbe3; border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.title = QLabel(title, self)
        self.title.setStyleSheet("color: #555; border: none;")
        self.value = QLabel("…", self)
        self.value.setObjectName(f"{name}Value")
        self.value.setStyleSheet("font-size: 24px; font-weight: bold; border: none;")
        self.detail = QLabel(self)
        self.detail.setObjectName(f"{name}Detail")
        self.detail.setStyleSheet("border: none;")
        self.detail.setWordWrap(True)
        for w in (self.title, self.value, self.detail):
            layout.addWidget(w)

    def mouseReleaseEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)


def _pct(x: float) -> str:
    return f"{x:.1%}"


def _ranking_columns() -> list[FigureColumn]:
    def colour(r: Any) -> str | None:
        return STATUS_COLOURS.get(r.visits.status)

    return [
        FigureColumn("district", N_("District"), lambda r: r.name),
        FigureColumn("done", N_("Visits"), lambda r: r.visits.done, number=True),
        FigureColumn("target", N_("Target"), lambda r: r.visits.target, number=True),
        FigureColumn(
            "ratio",
            N_("Done %"),
            lambda r: r.visits.ratio,
            lambda r: _pct(r.visits.ratio),
            number=True,
        ),
        FigureColumn(
            "expected",
            N_("Expected"),
            lambda r: r.visits.expected_by_date,
            lambda r: f"{r.visits.expected_by_date:,}",
            number=True,
        ),
        FigureColumn("forecast", N_("Forecast"), lambda r: r.visits.forecast_year_end, number=True),
        FigureColumn(
            "status",
            N_("Status"),
            lambda r: ("behind", "on_track", "ahead", "no_target").index(r.visits.status),
            lambda r: status_text(r.visits.status),
            colour,
        ),
        FigureColumn("appointments", N_("Tech VPs"), lambda r: r.appointments.done, number=True),
        FigureColumn(
            "appointments_target", N_("VP target"), lambda r: r.appointments.target, number=True
        ),
        FigureColumn("enterprises", N_("Covered"), lambda r: r.enterprises, number=True),
    ]


def _follow_up_columns() -> list[FigureColumn]:
    return [
        FigureColumn("district", N_("District"), lambda r: r.name),
        FigureColumn("open", N_("Open"), lambda r: r.open, number=True),
        FigureColumn("overdue", N_("Overdue"), lambda r: r.overdue, number=True),
        FigureColumn(
            "flagged", N_("Needs coordination"), lambda r: r.needs_coordination, number=True
        ),
    ]


def _meeting_columns() -> list[FigureColumn]:
    return [
        FigureColumn("district", N_("District"), lambda m: m.district),
        FigureColumn(
            "due",
            N_("Due"),
            lambda m: m.due_date,
            colour=lambda m: "#b00020" if m.overdue else None,
        ),
        FigureColumn("enterprise", N_("Enterprise"), lambda m: m.enterprise),
        FigureColumn("description", N_("Follow-up"), lambda m: m.description),
        FigureColumn("owner", N_("Owner"), lambda m: m.owner),
    ]


class DashboardPage(QWidget):
    key = "dashboard"
    rows_painted = Signal()
    status_message = Signal(str)
    loaded = Signal()  # new figures are on screen

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window_ = window
        self.store: Any = None
        self.setObjectName("page_dashboard")
        self.data: Any = None  # the Dashboard on screen
        self._generation = 0
        self._loading = False
        self._runner = TaskRunner(self)
        self._refill = QTimer(self)  # data changed: one reload for a burst of changes
        self._refill.setSingleShot(True)
        self._refill.setInterval(150)
        self._refill.timeout.connect(self._start_load)
        self._build()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.heading = QLabel(tr("Progress toward the targets"), self)
        self.heading.setStyleSheet("font-size: 17px; font-weight: bold;")
        bar.addWidget(self.heading)
        bar.addSpacing(12)
        bar.addWidget(QLabel(tr("Year"), self))
        self.year_box = QComboBox(self)
        self.year_box.setObjectName("yearPicker")
        this_year = clock.today().year
        for y in range(this_year + 1, this_year - 5, -1):
            self.year_box.addItem(str(y), y)
        self.year_box.setCurrentIndex(1)
        self.year_box.currentIndexChanged.connect(lambda _i: self._start_load())
        bar.addWidget(self.year_box)
        bar.addWidget(QLabel(tr("Scope"), self))
        self.scope_box = QComboBox(self)
        self.scope_box.setObjectName("scopePicker")
        self.scope_box.setMinimumWidth(110)
        self.scope_box.currentIndexChanged.connect(lambda _i: self._start_load())
        bar.addWidget(self.scope_box)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("dashboardState")
        self.state_label.setStyleSheet("color: #666;")
        bar.addWidget(self.state_label, 1)
        self.targets_button = QPushButton(tr("Edit targets…"), self)
        self.targets_button.setObjectName("editTargets")
        self.targets_button.clicked.connect(self.edit_targets)
        bar.addWidget(self.targets_button)
        self.definitions_button = QPushButton(tr("Definitions…"), self)
        self.definitions_button.setObjectName("definitions")
        self.definitions_button.setToolTip(tr("What counts toward the targets (F1)"))
        self.definitions_button.clicked.connect(self.show_definitions)
        bar.addWidget(self.definitions_button)
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, self.show_definitions)
        outer.addLayout(bar)

        cards = QHBoxLayout()
        self.visits_card = FigureCard("visitsCard", tr("Enterprise visits"), self)
        self.vp_card = FigureCard("appointmentsCard", tr("Tech VPs appointed"), self)
        self.covered_card = FigureCard("coveredCard", tr("Enterprises covered"), self)
        self.visits_card.clicked.connect(lambda: self._drill_figure("visits"))
        self.vp_card.clicked.connect(lambda: self._drill_figure("appointments"))
        self.covered_card.clicked.connect(lambda: self._drill_figure("visits"))
        cards.addWidget(self.visits_card, 3)
        cards.addWidget(self.vp_card, 2)
        cards.addWidget(self.covered_card, 2)
        outer.addLayout(cards)
        self.forecast_label = QLabel(self)
        self.forecast_label.setObjectName("forecastLine")
        self.forecast_label.setWordWrap(True)
        self.forecast_label.setStyleSheet("font-size: 13px;")
        outer.addWidget(self.forecast_label)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Districts (double-click a figure to see its records)"), left), 1)
        export = QPushButton(tr("Export CSV…"), left)
        export.setObjectName("exportRanking")
        export.clicked.connect(lambda: self.export_ranking())
        row.addWidget(export)
        left_layout.addLayout(row)
        self.ranking = FigureTableModel(_ranking_columns(), self)
        self.ranking_view = self._table(self.ranking, "rankingTable", left)
        self.ranking_view.setSortingEnabled(True)
        self.ranking_view.doubleClicked.connect(self._drill_ranking)
        left_layout.addWidget(self.ranking_view)
        split.addWidget(left)

        self.tabs = QTabWidget(split)
        self.trend = TrendChart(self.tabs)
        self.trend.setObjectName("trendChart")
        self.trend.clicked.connect(self._drill_month)
        self.tabs.addTab(self.trend, tr("Monthly trend"))
        self.tabs.addTab(self._breakdowns(), tr("Breakdowns"))
        self.tabs.addTab(self._follow_ups(), tr("Follow-ups for the meeting"))
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 480])  # the ranking's ten columns whole on a 1366-pixel screen
        outer.addWidget(split, 1)

    def _table(self, model: FigureTableModel, name: str, parent: QWidget) -> TableView:
        view = TableView(parent)
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _breakdowns(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        box = QWidget(scroll)
        layout = QVBoxLayout(box)
        self.breakdowns: dict[str, BarList] = {}
        for key, title in (
            ("by_visit_type", tr("By visit type")),
            ("by_industry", tr("By industry")),
            ("by_qualification", tr("By qualification")),
        ):
            label = QLabel(f"<b>{title}</b>", box)
            layout.addWidget(label)
            chart = BarList(box)
            chart.setObjectName(f"chart_{key}")
            chart.clicked.connect(lambda row, k=key: self._drill_slice(k, row))
            layout.addWidget(chart)
            self.breakdowns[key] = chart
        layout.addStretch(1)
        scroll.setWidget(box)
        return scroll

    def _follow_ups(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        self.follow_model = FigureTableModel(_follow_up_columns(), self)
        self.follow_view = self._table(self.follow_model, "followUpsByDistrict", box)
        self.follow_view.setSortingEnabled(True)
        self.follow_view.doubleClicked.connect(self._drill_follow_ups)
        self.follow_view.setMaximumHeight(200)
        self.follow_view.horizontalHeader().setStretchLastSection(False)
        layout.addWidget(self.follow_view)
        row = QHBoxLayout()
        self.meeting_label = QLabel(box)
        row.addWidget(self.meeting_label, 1)
        export = QPushButton(tr("Export the list…"), box)
        export.setObjectName("exportMeeting")
        export.clicked.connect(lambda: self.export_meeting())
        row.addWidget(export)
        layout.addLayout(row)
        self.meeting_model = FigureTableModel(_meeting_columns(), self)
        self.meeting_view = self._table(self.meeting_model, "meetingTable", box)
        header = self.meeting_view.horizontalHeader()
        header.setStretchLastSection(False)
        # The pane is narrow: the follow-up text gets the most room, the rest scroll sideways.
        widths = {"district": 60, "due": 86, "enterprise": 130, "description": 240, "owner": 90}
        for key, width in widths.items():
            column = self.meeting_model.column_of(key)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

        self.meeting_view.doubleClicked.connect(self._open_meeting_item)
        layout.addWidget(self.meeting_view, 1)
        return box

    # -- data ------------------------------------------------------------------------------
    def set_store(self, store: Any) -> None:
        self.store = store
        self._fill_scopes()
        self.reload()

    def _fill_scopes(self) -> None:
        from ...services.lookup import district_options

        self.scope_box.blockSignals(True)
        self.scope_box.clear()
        self.scope_box.addItem(tr("This database's scope"), None)
        self.scope_box.addItem(tr("Whole city"), CITY_SCOPE)
        for o in district_options(self.store) if self.store is not None else []:
            self.scope_box.addItem(o.text, o.id)
        self.scope_box.blockSignals(False)

    def reload(self) -> None:
        """Data changed (or a new database): compute the figures again, off the UI thread."""
        if self.store is None:
            self._show_empty()
            return
        self._loading = True  # pending from now: the debounce timer, then the worker
        self._refill.start()

    def pending_work(self) -> bool:
        """True while figures are still on their way (screenshots wait for False)."""
        return self._loading or self._refill.isActive()

    def _start_load(self) -> None:
        if self.store is None:
            return
        self._refill.stop()
        self._generation += 1
        generation = self._generation
        year = self.year_box.currentData()
        scope = self.scope_box.currentData()
        today = clock.today()
        self._loading = True
        self.state_label.setText(tr("Computing…"))

        def work(ctx: Any) -> Any:
            from ...progress import dashboard

            return dashboard(ctx.store, year, as_of=today, scope=scope)

        self._runner.run(
            Task(
                tr("Computing the progress…"),
                work,
                db_path=str(self.store.path),
                on_done=lambda d: self._show(generation, d),
                on_error=lambda exc: self._failed(generation, exc),
            ),
            show_after_ms=None,
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        message = pick(exc.zh, exc.en) if isinstance(exc, StoreError) else str(exc)
        self.state_label.setText(
            tr("The progress could not be loaded: {error}").format(error=message)
        )
        self.loaded.emit()

    def _show_empty(self) -> None:
        self.data = None
        self._loading = False
        for card in (self.visits_card, self.vp_card, self.covered_card):
            card.value.setText("—")
            card.detail.clear()
        self.forecast_label.clear()
        for model in (self.ranking, self.follow_model, self.meeting_model):
            model.set_rows([])
        self.trend.set_data(None)

    def _show(self, generation: int, data: Any) -> None:
        if generation != self._generation:
            return  # a later choice's figures are on their way
        self.data = data
        lang = current_language()
        v, a = data.visits, data.appointments
        self.state_label.setText(
            tr("{scope}, as of {date}; {share} of the year's target expected ({curve})").format(
                scope=data.scope_name,
                date=data.as_of,
                share=_pct(data.expected_share),
                curve=tr("seasonal curve") if data.curve == "seasonal" else tr("linear pace"),
            )
        )
        self.visits_card.value.setText(
            tr("{done:,} of {target:,}").format(done=v.done, target=v.target)
        )
        self.visits_card.detail.setText(self._detail(v))
        self.vp_card.value.setText(
            tr("{done:,} of {target:,}").format(done=a.done, target=a.target)
        )
        self.vp_card.detail.setText(
            self._detail(a) + "<br>" + tr("{n} proposed (pipeline)").format(n=a.pipeline)
        )
        self.covered_card.value.setText(f"{data.enterprises:,}")
        self.covered_card.detail.setText(
            tr("distinct enterprises with a completed visit; {n:,} visits planned").format(
                n=v.pipeline
            )
        )
        if v.gap > 0:
            line = tr(
                "Forecast for 31 December: {forecast:,} visits at the last four weeks' pace "
                "({recent:,.0f} a week) — {gap:,} short; {needed:,.0f} a week are needed from now."
            )
        else:
            line = tr(
                "Forecast for 31 December: {forecast:,} visits at the last four weeks' pace "
                "({recent:,.0f} a week) — the target is reached."
            )
        self.forecast_label.setText(
            line.format(
                forecast=v.forecast_year_end,
                recent=v.per_week_recent,
                gap=v.gap,
                needed=v.per_week_needed,
            )
        )
        self.ranking.set_rows(data.districts)
        self.follow_model.set_rows(data.follow_ups)
        self.meeting_model.set_rows(data.meeting)
        self.meeting_label.setText(
            tr("Open items flagged for bureau coordination: {n:,} (showing {shown:,})").format(
                n=data.meeting_total, shown=len(data.meeting)
            )
        )
        t = data.trend
        self.trend.set_data(
            TrendData(
                labels=[_MONTHS[m.month - 1] if lang == "en" else f"{m.month}月" for m in t],
                done=[m.done for m in t],
                planned=[m.planned for m in t],
                cumulative=[m.cumulative for m in t],
                expected=[m.expected_cumulative for m in t],
                target=v.target,
                legend=(
                    tr("Visits per month"),
                    tr("Planned"),
                    tr("Cumulative"),
                    tr("Target line"),
                ),
            )
        )
        for key, chart in self.breakdowns.items():
            chart.set_rows(
                [
                    (s.label(lang), s.visits, f"{s.visits:,}", s.drill is not None)
                    for s in getattr(data, key)
                ]
            )
        self._loading = False
        self.loaded.emit()
        QTimer.singleShot(0, self, self.rows_painted.emit)  # cancelled if self goes

    def _detail(self, f: Any) -> str:
        colour = STATUS_COLOURS.get(f.status, "#555")
        return tr(
            "{ratio} done · expected by today {expected} · <b style='color:{colour}'>{status}</b>"
        ).format(
            ratio=_pct(f.ratio),
            expected=_pct(f.expected_ratio),
            colour=colour,
            status=status_text(f.status),
        )

    # -- drill-down ------------------------------------------------------------------------
    def _what(self, extra: str = "") -> str:
        d = self.data
        text = tr("From the dashboard: {scope} {year}").format(scope=d.scope_name, year=d.year)
        return f"{text} · {extra}" if extra else text

    def _drill_figure(self, which: str) -> None:
        if self.data is None:
            return
        figure = getattr(self.data, which)
        page = "appointments" if which == "appointments" else "visits"
        self.window_.show_records(page, dict(figure.drill), self._what())

    def _drill_ranking(self, index: Any) -> None:
        row = self.ranking.row_object(index.row())
        if row is None:
            return
        key = self.ranking.columns[index.column()].key
        if key.startswith("appointments"):
            self.window_.show_records(
                "appointments", dict(row.appointments.drill), self._what(row.name)
            )
        else:
            self.window_.show_records("visits", dict(row.visits.drill), self._what(row.name))

    def _drill_month(self, month: int) -> None:
        if self.data is None:
            return
        point = self.data.trend[month]
        self.window_.show_records("visits", dict(point.drill), self._what(point.label))

    def _drill_slice(self, key: str, row: int) -> None:
        if self.data is None:
            return
        s = getattr(self.data, key)[row]
        if s.drill is not None:
            self.window_.show_records(
                "visits", dict(s.drill), self._what(s.label(current_language()))
            )

    def _drill_follow_ups(self, index: Any) -> None:
        row = self.follow_model.row_object(index.row())
        if row is None or self.data is None:
            return
        filters: dict[str, Any] = {"status": "open", "district": row.adcode}
        key = self.follow_model.columns[index.column()].key
        if key == "flagged":
            filters["needs_coordination"] = 1
        elif key == "overdue":
            filters["overdue_on"] = self.data.as_of
        self.window_.show_records("follow_ups", filters, self._what(row.name))

    def _open_meeting_item(self, index: Any) -> None:
        item = self.meeting_model.row_object(index.row())
        if item is not None:
            self.window_.open_record("follow_ups", item.id)

    # -- export and targets ----------------------------------------------------------------
    def _ask_path(self, name: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Export CSV"), name, tr("CSV files (*.csv)")
        )
        return path

    def export_ranking(self, path: str | None = None) -> str | None:
        if self.data is None:
            return None
        path = path or self._ask_path(f"progress-{self.data.year}-{self.data.scope}.csv")
        if not path:
            return None
        from ...progress.export import write_ranking

        write_ranking(self.data, path, current_language())
        self.status_message.emit(tr("Written: {path}").format(path=path))
        return path

    def export_meeting(self, path: str | None = None) -> str | None:
        """The whole list (the page shows the first items), written in a worker."""
        if self.data is None or self.store is None:
            return None
        path = path or self._ask_path(f"meeting-{self.data.as_of}.csv")
        if not path:
            return None
        scope, as_of, lang = self.data.scope, clock.today(), current_language()

        def work(ctx: Any) -> int:
            from ...progress import meeting_list
            from ...progress.export import write_meeting

            return write_meeting(meeting_list(ctx.store, as_of=as_of, scope=scope), path, lang)

        self.window_.run_task(
            Task(
                tr("Exporting the list…"),
                work,
                db_path=str(self.store.path),
                on_done=lambda n: self.status_message.emit(
                    tr("Written: {path} ({n} rows)").format(path=path, n=n)
                ),
            )
        )
        return path

    def definitions(self) -> str:
        """The counting rules, from the one place the queries are built from."""
        from ...progress.definitions import definitions_text

        return definitions_text(current_language())

    def show_definitions(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, tr("Definitions"), self.definitions(), parent=self
        )
        box.setObjectName("definitionsBox")
        box.open()

    def edit_targets(self) -> None:
        if self.store is None:
            return
        from ..dialogs.targets_dialog import TargetsDialog

        dialog = TargetsDialog(self.store, self.year_box.currentData(), self)
        dialog.saved.connect(lambda: self.window_.refresh_pages())
        dialog.open()

    # -- the window's page protocol --------------------------------------------------------
    def focus_search(self) -> None:
        pass

    def new_record(self) -> None:
        self.window_.log_visit()

    def save_current(self) -> bool:
        return False
