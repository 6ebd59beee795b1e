"""规划: which enterprises need a visit, and a team's day in route order.

Left, the enterprises needing a visit (``planning.needs``) with their reasons, filtered by
district, industry and reason; several can be chosen and assigned to a team and a date
(``planning.assign``, all or nothing). Right, a team's day (``planning.day``): the stops in
the suggested route order from the team's base with km and estimated times, the totals, an
export of the schedule (CSV or A4 PDF, written in a worker) and the enterprises close to the
route (``planning.gap_closers``, "顺路可访") that one click adds to the day.

The visits have no stored order of their own: the day is always shown in route order, and
the entered order's kilometres are shown beside it when they are longer. Both lists are
computed in workers on their own connections; writes (a few planned visits) go through the
page's store on the UI thread, like every other page's saves.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...domain.problems import ValidationError
from ...planning.needs import REASONS
from ...store.errors import StoreError
from ..i18n import current_language, tr
from ..models.planning_tables import (
    PlanningTableModel,
    day_columns,
    gap_columns,
    need_columns,
)
from ..table_view import TableView
from ..workers import Task, TaskRunner
from . import planning_texts as texts

DEBOUNCE_MS = 150


def _refill(box: QComboBox, items: list[tuple[str, Any]]) -> None:
    """New choices for a combo box, keeping the one chosen when it is still offered."""
    keep = box.currentData()
    box.clear()
    for text, data in items:
        box.addItem(text, data)
    index = box.findData(keep) if keep is not None else -1
    box.setCurrentIndex(index if index >= 0 else (0 if items else -1))


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-size: 15px; font-weight: bold;")
    return label


class PlanningPage(QWidget):
    key = "planning"
    rows_painted = Signal()
    status_message = Signal(str)
    needs_loaded = Signal()
    day_loaded = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window_ = window
        self.store: Any = None
        self.setObjectName("page_planning")
        self.day: Any = None  # the TeamDay on screen
        self._runner = TaskRunner(self)
        self._needs_gen = self._day_gen = 0
        self._needs_loading = self._day_loading = self._choices_pending = False
        self._painted_once = False
        self._needs_timer = self._timer(self._load_needs)
        self._day_timer = self._timer(self._load_day)
        self._build()
        self._shortcuts()
        # What was written or planned shows in the window's status bar for a while.
        self.status_message.connect(lambda text: window.statusBar().showMessage(text, 10_000))

    def _timer(self, slot: Any) -> QTimer:
        t = QTimer(self)
        t.setSingleShot(True)
        t.setInterval(DEBOUNCE_MS)
        t.timeout.connect(slot)
        return t

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self._needs_panel())
        self.splitter.addWidget(self._day_panel())
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        outer.addWidget(self.splitter)

    def _table(self, model: PlanningTableModel, name: str, parent: QWidget) -> TableView:
        view = TableView(parent)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.setWordWrap(False)
        return view

    def _needs_panel(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(_heading(tr("Enterprises needing a visit"), box))
        filters = QHBoxLayout()
        self.district_box = QComboBox(box)
        self.district_box.setObjectName("planDistrict")
        self.industry_box = QComboBox(box)
        self.industry_box.setObjectName("planIndustry")
        self.reason_box = QComboBox(box)
        self.reason_box.setObjectName("planReason")
        self.reason_box.addItem(tr("Any reason"), None)
        lang = current_language()
        for code, (zh, en) in REASONS.items():
            self.reason_box.addItem(en if lang == "en" else zh, code)
        self.unplanned_box = QCheckBox(tr("Not yet planned"), box)
        self.unplanned_box.setObjectName("planUnplanned")
        self.unplanned_box.setToolTip(tr("Leave out enterprises that already have a planned visit"))
        self.unplanned_box.setChecked(True)
        for w in (self.district_box, self.industry_box, self.reason_box):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            w.currentIndexChanged.connect(self._needs_changed)
            filters.addWidget(w)
        # Wide enough for the Chinese reasons, at most 220 pixels (a long English one
        # elides; its list opens whole), so the page fits a 1024-pixel window.
        self.reason_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        metrics = self.reason_box.fontMetrics()
        longest = max(
            metrics.horizontalAdvance(self.reason_box.itemText(i))
            for i in range(self.reason_box.count())
        )
        self.reason_box.setMinimumWidth(min(longest + 40, 220))
        self.unplanned_box.toggled.connect(self._needs_changed)
        filters.addWidget(self.unplanned_box)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.needs_model = PlanningTableModel(need_columns(), box)
        self.needs_view = self._table(self.needs_model, "needsTable", box)
        self.needs_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # No column sorted at first: the list comes most reasons first, longest unvisited next.
        self.needs_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.needs_view.setSortingEnabled(True)
        for column, width in enumerate((200, 190, 64, 70, 84)):
            self.needs_view.setColumnWidth(column, width)
        self.needs_view.painted.connect(self._painted)
        self.needs_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.needs_view.doubleClicked.connect(self._open_need)
        layout.addWidget(self.needs_view, 1)
        row = QHBoxLayout()
        self.needs_label = QLabel("…", box)
        self.needs_label.setObjectName("needsCount")
        row.addWidget(self.needs_label, 1)
        self.assign_button = QPushButton(tr("Assign to a team…"), box)
        self.assign_button.setObjectName("assignButton")
        self.assign_button.setToolTip("Ctrl+Shift+A")
        self.assign_button.clicked.connect(lambda: self.assign_selected())
        row.addWidget(self.assign_button)
        layout.addLayout(row)
        return box

    def _day_panel(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(_heading(tr("A team's day"), box))
        pick_row = QHBoxLayout()
        pick_row.addWidget(QLabel(tr("Team"), box))
        self.team_box = QComboBox(box)
        self.team_box.setObjectName("planTeam")
        self.team_box.setMinimumWidth(160)  # with the date row, fits a 1024-pixel window
        self.team_box.currentIndexChanged.connect(self._day_changed)
        pick_row.addWidget(self.team_box, 1)
        pick_row.addWidget(QLabel(tr("Date"), box))
        self.prev_day = QPushButton("◀", box)
        self.prev_day.setToolTip(tr("Previous day (Alt+Left)"))
        self.prev_day.setFixedWidth(30)
        self.prev_day.clicked.connect(lambda: self.step_day(-1))
        self.date_box = QDateEdit(box)
        self.date_box.setObjectName("planDate")
        self.date_box.setCalendarPopup(True)
        self.date_box.setDisplayFormat("yyyy-MM-dd")
        self.date_box.setDate(QDate(clock.today()))
        self.date_box.dateChanged.connect(self._day_changed)
        self.next_day = QPushButton("▶", box)
        self.next_day.setToolTip(tr("Next day (Alt+Right)"))
        self.next_day.setFixedWidth(30)
        self.next_day.clicked.connect(lambda: self.step_day(1))
        for w in (self.prev_day, self.date_box, self.next_day):
            pick_row.addWidget(w)
        layout.addLayout(pick_row)
        self.summary_label = QLabel("…", box)
        self.summary_label.setObjectName("daySummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.day_model = PlanningTableModel(day_columns(), box)
        self.day_view = self._table(self.day_model, "dayTable", box)
        for column, width in enumerate((36, 52, 52, 190, 48)):
            self.day_view.setColumnWidth(column, width)
        header = self.day_view.horizontalHeader()  # the address takes what the note leaves
        header.setStretchLastSection(False)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.ResizeToContents)
        self.day_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.day_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.day_view.doubleClicked.connect(self._open_stop)
        layout.addWidget(self.day_view, 3)
        self.note_label = QLabel(box)
        self.note_label.setObjectName("dayNote")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #666;")
        layout.addWidget(self.note_label)
        buttons = QHBoxLayout()
        self.csv_button = QPushButton(tr("Export CSV…"), box)
        self.csv_button.setObjectName("exportDayCsv")
        self.csv_button.setToolTip("Ctrl+E")
        self.csv_button.clicked.connect(lambda: self.export_csv())
        self.pdf_button = QPushButton(tr("Export PDF…"), box)
        self.pdf_button.setObjectName("exportDayPdf")
        self.pdf_button.setToolTip("Ctrl+P")
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.cancel_button = QPushButton(tr("Take off the day…"), box)
        self.cancel_button.setObjectName("cancelStop")
        self.cancel_button.setToolTip(tr("Cancel the chosen planned visit (Del)"))
        self.cancel_button.clicked.connect(lambda: self.cancel_stop())
        self.map_button = QPushButton(tr("Show on the map"), box)
        self.map_button.setObjectName("showDayOnMap")
        self.map_button.setToolTip(tr("Draw this team's day on the Map page (Ctrl+Shift+G)"))
        self.map_button.clicked.connect(lambda: self.show_on_map())
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.map_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        layout.addWidget(_heading(tr("Close to the route"), box))
        self.gap_model = PlanningTableModel(gap_columns(), box)
        self.gap_view = self._table(self.gap_model, "gapTable", box)
        for column, width in enumerate((76, 220, 90)):
            self.gap_view.setColumnWidth(column, width)
        self.gap_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.gap_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.gap_view.doubleClicked.connect(lambda _i: self.add_gap_closer())
        layout.addWidget(self.gap_view, 2)
        gap_row = QHBoxLayout()
        self.gap_label = QLabel(box)
        self.gap_label.setObjectName("gapNote")
        self.gap_label.setStyleSheet("color: #666;")
        self.gap_label.setWordWrap(True)
        gap_row.addWidget(self.gap_label, 1)
        self.add_gap_button = QPushButton(tr("Add to the day"), box)
        self.add_gap_button.setObjectName("addGapCloser")
        self.add_gap_button.setToolTip("Ctrl+Shift+D")
        self.add_gap_button.clicked.connect(lambda: self.add_gap_closer())
        gap_row.addWidget(self.add_gap_button)
        layout.addLayout(gap_row)
        self._update_buttons()
        return box

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Ctrl+Shift+A", lambda: self.assign_selected()),
            ("Ctrl+E", lambda: self.export_csv()),
            ("Ctrl+P", lambda: self.export_pdf()),
            ("Ctrl+Shift+D", lambda: self.add_gap_closer()),
            ("Ctrl+Shift+G", lambda: self.show_on_map()),
            ("Alt+Left", lambda: self.step_day(-1)),
            ("Alt+Right", lambda: self.step_day(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        # Delete only where the stops are: in the pickers it edits the text.
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.day_view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.cancel_stop())

    # -- the store and the choices ----------------------------------------------------------
    def set_store(self, store: Any) -> None:
        self.store = store
        self.day = None
        for box in (self.district_box, self.industry_box, self.team_box):
            box.blockSignals(True)
            box.clear()  # another database: nothing chosen carries over
            box.blockSignals(False)
        if store is None:
            self._show_empty()
            return
        self._choices_pending = True
        QTimer.singleShot(0, self, self._fill_choices)

    def _fill_choices(self) -> None:
        """The filters' and pickers' choices (small queries), then both lists in workers."""
        self._choices_pending = False
        if self.store is None:
            return
        from ...services.lookup import district_options
        from ...store import planning_queries as q

        today = clock.today()
        widgets = (self.district_box, self.industry_box, self.team_box, self.date_box)
        for w in widgets:
            w.blockSignals(True)
        _refill(
            self.district_box,
            [(tr("All districts"), None), *((o.text, o.id) for o in district_options(self.store))],
        )
        _refill(
            self.industry_box,
            [(tr("All industries"), None), *((n, n) for n in q.industries(self.store))],
        )
        chosen = self.team_box.currentData()
        _refill(self.team_box, [(name, tid) for tid, name in q.team_names(self.store)])
        if chosen is None:
            soonest = q.next_planned_day(self.store, today)
            if soonest is not None:
                chosen = soonest[0]
                self.date_box.setDate(QDate(date.fromisoformat(soonest[1])))
            else:
                self.date_box.setDate(QDate(today + timedelta(days=1)))
        if chosen is not None and self.team_box.findData(chosen) >= 0:
            self.team_box.setCurrentIndex(self.team_box.findData(chosen))
        for w in widgets:
            w.blockSignals(False)
        self._load_needs()
        self._load_day()

    def reload(self) -> None:
        """Data changed elsewhere: both lists again (the choices keep what is chosen)."""
        if self.store is None:
            return
        self._choices_pending = True
        QTimer.singleShot(0, self, self._fill_choices)

    def pending_work(self) -> bool:
        """True while a list is still on its way (screenshots wait for False)."""
        return (
            self._choices_pending
            or self._needs_loading
            or self._day_loading
            or self._needs_timer.isActive()
            or self._day_timer.isActive()
        )

    def _show_empty(self) -> None:
        self.needs_model.set_rows([])
        self.day_model.set_rows([])
        self.gap_model.set_rows([])
        self.needs_label.setText("")
        self.summary_label.setText("")
        self.note_label.setText("")
        self.gap_label.setText("")
        self._update_buttons()

    def _painted(self) -> None:
        if not self._painted_once:
            self._painted_once = True
            self.rows_painted.emit()

    # -- the needs list ---------------------------------------------------------------------
    def _needs_changed(self, *_args: Any) -> None:
        if self.store is not None:
            self._needs_loading = True
            self._needs_timer.start()

    def _load_needs(self) -> None:
        if self.store is None:
            return
        self._needs_timer.stop()
        self._needs_gen += 1
        generation = self._needs_gen
        district = self.district_box.currentData()
        industry = self.industry_box.currentData()
        reason = self.reason_box.currentData()
        include_planned = not self.unplanned_box.isChecked()
        today = clock.today()
        self._needs_loading = True
        self.needs_label.setText(tr("Loading…"))

        def work(ctx: Any) -> list:
            from ...planning.needs import needing_visits

            needs = needing_visits(
                ctx.store,
                today,
                district=district,
                industry=industry,
                include_planned=include_planned,
            )
            return [n for n in needs if reason is None or reason in n.reasons]

        self._runner.run(
            Task(
                tr("Finding the enterprises that need a visit…"),
                work,
                db_path=str(self.store.path),
                on_done=lambda rows: self._show_needs(generation, rows),
                on_error=lambda exc: self._needs_failed(generation, exc),
            ),
            show_after_ms=None,
        )

    def _show_needs(self, generation: int, rows: list) -> None:
        if generation != self._needs_gen:
            return
        self.needs_view.watch_paint()
        self.needs_model.set_rows(rows)
        approx = sum(1 for n in rows if n.approximate)
        text = tr("{n:,} enterprises need a visit").format(n=len(rows))
        if approx:
            text += " · " + tr("{n:,} with an approximate position").format(n=approx)
        self.needs_label.setText(text)
        self._needs_loading = False
        self._update_buttons()
        self.needs_loaded.emit()
        if not rows:
            QTimer.singleShot(0, self, self._painted)

    def _needs_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._needs_gen:
            return
        self._needs_loading = False
        self.needs_label.setText(texts.load_failed(exc))
        self.needs_loaded.emit()
        QTimer.singleShot(0, self, self._painted)

    def selected_needs(self) -> list:
        rows = sorted({i.row() for i in self.needs_view.selectionModel().selectedRows()})
        return [self.needs_model.row_object(r) for r in rows]

    def _open_need(self, index: Any) -> None:
        need = self.needs_model.row_object(index.row())
        if need is not None:
            self.window_.open_record("enterprises", need.enterprise_id)

    # -- assigning ----------------------------------------------------------------------------
    def ask_assignment(self, count: int) -> tuple[str, date] | None:
        """The team-and-date prompt (tests replace it)."""
        from ...store import planning_queries as q
        from ..dialogs.assign_dialog import AssignDialog

        today = clock.today()
        dialog = AssignDialog(
            count,
            q.team_names(self.store),
            self.team_box.currentData(),
            self.date_box.date().toPython(),
            today,
            self,
        )
        if dialog.exec() != AssignDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def assign_selected(self) -> bool:
        needs = self.selected_needs()
        if self.store is None or not needs:
            return False
        answer = self.ask_assignment(len(needs))
        if answer is None:
            return False
        team_id, day = answer
        return self._assign([n.enterprise_id for n in needs], team_id, day)

    def _assign(self, enterprise_ids: list[str], team_id: str, day: date) -> bool:
        from ...planning.assign import assign

        try:
            visits = assign(self.store, enterprise_ids, team_id, day, today=clock.today())
        except (ValidationError, StoreError, LookupError) as exc:
            from ..dialogs.messages import show_error

            show_error(self, tr("Assign to a team"), texts.error_text(exc))
            return False
        self.status_message.emit(
            tr("{n} visits planned for {team} on {date}").format(
                n=len(visits), team=self._team_name(team_id), date=day
            )
        )
        self.team_box.blockSignals(True)
        self.team_box.setCurrentIndex(self.team_box.findData(team_id))
        self.team_box.blockSignals(False)
        self.date_box.blockSignals(True)
        self.date_box.setDate(QDate(day))
        self.date_box.blockSignals(False)
        self._load_needs()
        self._load_day()
        self.window_.refresh_pages(except_page=self)
        return True

    def _team_name(self, team_id: str) -> str:
        return self.team_box.itemText(self.team_box.findData(team_id))

    # -- the team's day -----------------------------------------------------------------------
    def step_day(self, days: int) -> None:
        self.date_box.setDate(self.date_box.date().addDays(days))

    def show_on_map(self) -> None:
        """The chosen team's day drawn on the Map page, in route order."""
        team_id = self.team_box.currentData()
        if team_id is None:
            return
        day = self.date_box.date().toPython()
        self.window_.show_page("map").show_team_day(team_id, day)

    def _day_changed(self, *_args: Any) -> None:
        if self.store is not None:
            self._day_loading = True
            self._day_timer.start()

    def _load_day(self) -> None:
        if self.store is None:
            return
        self._day_timer.stop()
        team_id = self.team_box.currentData()
        self._day_gen += 1
        generation = self._day_gen
        if team_id is None:
            self._day_loading = False
            self._show_day(generation, None)
            return
        day = self.date_box.date().toPython()
        today = clock.today()
        self._day_loading = True
        self.summary_label.setText(tr("Loading…"))

        def work(ctx: Any) -> tuple:
            from ...planning.day import plan_day
            from ...planning.gap_closers import gap_closers

            team_day = plan_day(ctx.store, team_id, day)
            return team_day, gap_closers(ctx.store, team_day, today)

        self._runner.run(
            Task(
                tr("Ordering the day…"),
                work,
                db_path=str(self.store.path),
                on_done=lambda result: self._show_day(generation, result),
                on_error=lambda exc: self._day_failed(generation, exc),
            ),
            show_after_ms=None,
        )

    def _show_day(self, generation: int, result: tuple | None) -> None:
        if generation != self._day_gen:
            return
        self._day_loading = False
        if result is None:
            self.day = None
            self.day_model.set_rows([])
            self.gap_model.set_rows([])
            self.summary_label.setText(tr("No team yet: add one on the Teams page."))
            self.note_label.clear()
            self.gap_label.clear()
            self._update_buttons()
            self.day_loaded.emit()
            return
        team_day, closers = result
        self.day = team_day
        self.day_model.set_rows(texts.day_rows(team_day, current_language()))
        self.gap_model.set_rows(closers)
        self.summary_label.setText(texts.summary_text(team_day))
        self.note_label.setText(texts.note_text(team_day))
        self.gap_label.setText(texts.gap_text(closers))
        self._update_buttons()
        self.day_loaded.emit()

    def _day_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._day_gen:
            return
        self._day_loading = False
        self.day = None
        self.day_model.set_rows([])
        self.gap_model.set_rows([])
        self.summary_label.setText(texts.load_failed(exc))
        self._update_buttons()
        self.day_loaded.emit()

    def _open_stop(self, index: Any) -> None:
        row = self.day_model.row_object(index.row())
        if row is not None and row.visit_id:
            self.window_.open_record("visits", row.visit_id)

    def _chosen_stop(self) -> Any:
        rows = self.day_view.selectionModel().selectedRows()
        row = self.day_model.row_object(rows[0].row()) if rows else None
        return row if row is not None and row.status == "planned" else None

    def cancel_stop(self) -> bool:
        """Take the chosen planned visit off the day: it stays on record as cancelled."""
        row = self._chosen_stop()
        if self.store is None or self.day is None or row is None:
            return False
        from ...services import visit_log
        from ..dialogs import messages

        day = self.day.day
        question = tr(
            "Cancel the planned visit to {name} on {date}? It stays in the visits list as "
            "cancelled."
        ).format(name=row.cells[3], date=day.isoformat())
        if not messages.ask(self, tr("Take off the day"), question):
            return False
        try:
            visit_log.edit_visit(
                self.store, row.visit_id, {"status": "cancelled"}, today=clock.today()
            )
        except (ValidationError, StoreError) as exc:
            messages.show_error(self, tr("Take off the day"), texts.error_text(exc))
            return False
        self.status_message.emit(
            tr("Cancelled: {name} on {date}").format(name=row.cells[3], date=day.isoformat())
        )
        self._load_needs()
        self._load_day()
        self.window_.refresh_pages(except_page=self)
        return True

    def add_gap_closer(self) -> bool:
        """Put the chosen gap-closer on the day on screen (it takes its place in the route)."""
        rows = self.gap_view.selectionModel().selectedRows()
        if self.store is None or self.day is None or not rows:
            return False
        closer = self.gap_model.row_object(rows[0].row())
        return self._assign([closer.need.enterprise_id], self.day.team_id, self.day.day)

    # -- export ---------------------------------------------------------------------------
    def _ask_path(self, suffix: str, file_filter: str) -> str:
        d = self.day
        name = f"{d.team_name}-{d.day.isoformat()}.{suffix}"
        title = tr("Export the schedule")
        path, _filter = QFileDialog.getSaveFileName(self, title, name, file_filter)
        return path

    def export_csv(self, path: str | None = None) -> str | None:
        if self.day is None or not self.day.stops:
            return None
        path = path or self._ask_path("csv", tr("CSV files (*.csv)"))
        if not path:
            return None
        from ...planning.schedule import write_schedule_csv

        return self._export(lambda d, p, lang: write_schedule_csv(d, Path(p), lang), path)

    def export_pdf(self, path: str | None = None) -> str | None:
        if self.day is None or not self.day.stops:
            return None
        path = path or self._ask_path("pdf", tr("PDF files (*.pdf)"))
        if not path:
            return None
        from ...planning.schedule_pdf import write_schedule_pdf

        return self._export(lambda d, p, lang: write_schedule_pdf(d, Path(p), lang), path)

    def _export(self, write: Any, path: str) -> str:
        day, lang = self.day, current_language()
        done = tr("Written: {path}").format(path=path)
        self.window_.run_task(
            Task(
                tr("Writing the schedule…"),
                lambda ctx: write(day, path, lang),
                on_done=lambda _r: self.status_message.emit(done),
                cancellable=False,
            )
        )
        return path

    # -- buttons and the window's page protocol ------------------------------------------
    def _update_buttons(self, *_args: Any) -> None:
        has_day = self.day is not None and bool(self.day.stops)
        self.assign_button.setEnabled(bool(self.needs_view.selectionModel().selectedRows()))
        self.csv_button.setEnabled(has_day)
        self.pdf_button.setEnabled(has_day)
        self.add_gap_button.setEnabled(
            self.day is not None and bool(self.gap_view.selectionModel().selectedRows())
        )
        self.cancel_button.setEnabled(self.day is not None and self._chosen_stop() is not None)

    def focus_search(self) -> None:
        self.district_box.setFocus()

    def new_record(self) -> None:
        self.window_.log_visit()

    def save_current(self) -> bool:
        return False
