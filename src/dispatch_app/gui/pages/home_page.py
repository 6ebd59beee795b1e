"""工作台: what needs doing today: follow-ups due or overdue, the latest completed visits, the
next planned ones, and the year's progress.

A fuller dashboard comes later; this page answers "am I on pace and what is late?" at a glance.

The three lists are queried on the UI thread (they are the rows the user looks for, ~5 ms on
100k visits); the progress figures and the follow-up counts (~40 ms of aggregates) are computed
by a worker on its own connection and filled in when they arrive (``details_loaded``). At
start-up that worker starts only after the first paint (``load_deferred``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...store.errors import StoreError
from ...store.listing import (
    due_criteria,
    planned_visits_criteria,
    recent_visits_criteria,
)
from ..column_widths import fit_columns, squeeze_columns
from ..i18n import pick, tr
from ..models.record_table import RecordTableModel
from ..table_view import TableView
from ..workers import Task, TaskRunner

if TYPE_CHECKING:
    from ...progress import Dashboard
    from ...services.lookup import FollowUpSummary

DUE_WITHIN_DAYS = 7
PLANNED_WITHIN_DAYS = 14


@dataclass(frozen=True)
class HomeFigures:
    due: FollowUpSummary
    progress: Dashboard


def home_figures(store: Any, today: date) -> HomeFigures:
    """The aggregates of the page (run in a worker, on the worker's own connection; the
    progress package and the record classes it needs are imported there, not at start-up)."""
    from ...progress import dashboard
    from ...services.lookup import due_summary

    return HomeFigures(
        due_summary(store, today, DUE_WITHIN_DAYS),
        dashboard(store, today.year, as_of=today, detail=False),
    )


class HomePage(QWidget):
    key = "home"
    rows_painted = Signal()
    details_loaded = Signal()  # the progress figures and follow-up counts arrived from the worker
    status_message = Signal(str)

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window_ = window
        self.store: Any = None
        self.today = clock.today()
        self.setObjectName("page_home")
        self._painted = False
        self._generation = 0  # of reloads: figures of an older one are dropped
        self._details_pending = False
        self._details_running = False  # the worker is computing the figures
        self.figures: HomeFigures | None = None  # the last figures shown (None while loading)
        self._runner = TaskRunner(self)  # quiet loads, apart from the window's user tasks
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("homeHeading")
        self.heading.setStyleSheet("font-size: 17px; font-weight: bold;")
        top.addWidget(self.heading, 1)
        log = QPushButton(tr("Log a visit…"), self)
        log.setObjectName("homeLogVisit")
        log.clicked.connect(lambda: self.window_.log_visit())
        top.addWidget(log)
        layout.addLayout(top)

        self.progress_box = QGroupBox(tr("Progress toward this year's targets"), self)
        grid = QGridLayout(self.progress_box)
        self.visits_label = QLabel(self.progress_box)
        self.visits_bar = QProgressBar(self.progress_box)
        self.visits_bar.setObjectName("visitsProgress")
        self.vp_label = QLabel(self.progress_box)
        self.vp_bar = QProgressBar(self.progress_box)
        self.vp_bar.setObjectName("appointmentsProgress")
        self.pace_label = QLabel(self.progress_box)
        self.pace_label.setStyleSheet("color: #555;")
        self.pace_label.setWordWrap(True)
        grid.addWidget(self.visits_label, 0, 0)
        grid.addWidget(self.visits_bar, 0, 1)
        grid.addWidget(self.vp_label, 1, 0)
        grid.addWidget(self.vp_bar, 1, 1)
        grid.addWidget(self.pace_label, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        layout.addWidget(self.progress_box)

        self.due_box = QGroupBox(self)
        due_layout = QVBoxLayout(self.due_box)
        self.due_model = RecordTableModel("follow_ups", self, page_size=50)
        # Every listed item is open: the status column would only repeat it.
        self.due_view = self._table(
            self.due_model, "dueTable", hide=("status",), stretch="description"
        )
        self.due_view.doubleClicked.connect(
            lambda i: self.window_.open_record("follow_ups", self.due_model.id_at(i.row()) or "")
        )
        due_layout.addWidget(self.due_view)
        all_items = QPushButton(tr("All follow-up items"), self.due_box)
        all_items.clicked.connect(lambda: self.window_.show_page("follow_ups"))
        due_layout.addWidget(all_items, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.due_box, 1)

        visits_row = QHBoxLayout()
        self.recent_box = QGroupBox(tr("Recent visits (completed)"), self)
        recent_layout = QVBoxLayout(self.recent_box)
        self.recent_model = RecordTableModel("visits", self, page_size=30, counted=False)
        self.recent_view = self._table(
            self.recent_model,
            "recentTable",
            hide=("district", "visit_type", "status"),
            stretch="problems",
        )
        recent_layout.addWidget(self.recent_view)
        visits_row.addWidget(self.recent_box, 3)

        self.planned_box = QGroupBox(self)
        self.planned_box.setObjectName("plannedBox")
        planned_layout = QVBoxLayout(self.planned_box)
        self.planned_model = RecordTableModel("visits", self, page_size=30)
        self.planned_view = self._table(
            self.planned_model,
            "plannedTable",
            hide=("district", "visit_type", "status", "problems"),
            stretch="team",
        )
        planned_layout.addWidget(self.planned_view)
        visits_row.addWidget(self.planned_box, 2)
        layout.addLayout(visits_row, 1)

        for model, view in (
            (self.recent_model, self.recent_view),
            (self.planned_model, self.planned_view),
        ):
            view.doubleClicked.connect(
                lambda i, m=model: self.window_.open_record("visits", m.id_at(i.row()) or "")
            )
        for view in (self.due_view, self.recent_view, self.planned_view):
            view.painted.connect(self._on_view_painted)

    def _table(
        self, model: RecordTableModel, name: str, hide: tuple[str, ...] = (), stretch: str = ""
    ) -> TableView:
        """A compact read-only list: ``hide`` columns it need not repeat, ``stretch`` one to
        take the width left (the others are fitted to their text, up to 200 px)."""
        view = TableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(not stretch)
        if stretch:
            header.setSectionResizeMode(model.column_of(stretch), QHeaderView.ResizeMode.Stretch)
        for key in hide:
            view.setColumnHidden(model.column_of(key), True)
        return view

    # -- data ------------------------------------------------------------------------------
    def set_store(self, store: Any) -> None:
        self.store = store
        self.reload()

    def reload(self) -> None:
        """The three lists now; the progress figures and counts from a worker."""
        today = self.today = clock.today()
        self._painted = False
        for view in (self.due_view, self.recent_view, self.planned_view):
            view.watch_paint()
        self.due_model.today = today.isoformat()
        self.due_model.load(self.store, due_criteria(today, DUE_WITHIN_DAYS))
        self.recent_model.load(self.store, recent_visits_criteria(today))
        self.planned_model.load(self.store, planned_visits_criteria(today, PLANNED_WITHIN_DAYS))
        for view in (self.due_view, self.recent_view, self.planned_view):
            fit_columns(view, maximum=200)
        self.heading.setText(tr("Today is {date}").format(date=today.isoformat()))
        self.due_box.setTitle(
            tr("Follow-ups due within {days} days or overdue: {n}").format(
                days=DUE_WITHIN_DAYS, n=self.due_model.total
            )
        )
        self.planned_box.setTitle(
            tr("Planned visits in the next {days} days: {n}").format(
                days=PLANNED_WITHIN_DAYS, n=self.planned_model.total
            )
        )
        self._generation += 1
        self.figures = None
        self._details_pending = self.store is not None
        if self.store is None:
            self._clear_details()
        elif self.window_.start_up_finished or not self.isVisible():
            self.load_deferred()

    def load_deferred(self) -> None:
        """Start computing the figures (at start-up the window calls this after the first
        paint, so that the rows are not kept waiting by the worker's imports and queries)."""
        if not self._details_pending or self.store is None:
            return
        self._details_pending = False
        self._details_running = True
        generation, today = self._generation, self.today

        def work(_ctx: Any) -> HomeFigures:
            return home_figures(_ctx.store, today)

        task = Task(
            tr("Loading the year's progress…"),
            work,
            db_path=str(self.store.path),
            on_done=lambda figures: self._show_details(generation, figures),
            on_error=lambda exc: self._details_failed(generation, exc),
        )
        self._runner.run(task, show_after_ms=None)

    def pending_work(self) -> bool:
        """True until the progress box and the counts are filled (screenshots wait for it)."""
        return self.store is not None and (self._details_pending or self._details_running)

    def _show_details(self, generation: int, figures: HomeFigures) -> None:
        if generation != self._generation:
            return  # a later reload's figures are on their way
        self._details_running = False
        self.figures = figures
        s, p = figures.due, figures.progress
        self.due_box.setTitle(
            tr(
                "Follow-ups due within {days} days or overdue: {n} (overdue {overdue}, "
                "due in the next {days} days {soon}; need bureau coordination {flagged})"
            ).format(
                days=DUE_WITHIN_DAYS,
                n=s.open,
                overdue=s.overdue,
                soon=s.due_soon,
                flagged=s.flagged,
            )
        )
        v_done, v_target = p.visits.done, p.visits.target
        a_done, a_target = p.appointments.done, p.appointments.target
        self.visits_label.setText(
            tr("Visits: {done:,} of {target:,}").format(done=v_done, target=v_target)
        )
        self.vp_label.setText(
            tr("Tech VPs: {done:,} of {target:,}").format(done=a_done, target=a_target)
        )
        for bar, done, target in (
            (self.visits_bar, v_done, v_target),
            (self.vp_bar, a_done, a_target),
        ):
            bar.setRange(0, max(target, 1))
            bar.setValue(min(done, max(target, 1)))
            bar.setFormat(f"{(done / target if target else 0):.0%}")
        self.pace_label.setText(
            tr(
                "{elapsed:.0%} of the year has passed: on pace would be {expected:,} visits; "
                "{planned:,} more are planned."
            ).format(
                elapsed=p.year_elapsed,
                expected=p.visits.expected_by_date,
                planned=p.visits.pipeline,
            )
        )
        self.details_loaded.emit()

    def _details_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._details_running = False
        self._clear_details()
        message = pick(exc.zh, exc.en) if isinstance(exc, StoreError) else str(exc)
        self.pace_label.setText(
            tr("The progress could not be loaded: {error}").format(error=message)
        )
        self.details_loaded.emit()

    def _clear_details(self) -> None:
        for label in (self.visits_label, self.vp_label, self.pace_label):
            label.clear()
        for bar in (self.visits_bar, self.vp_bar):
            bar.reset()

    def _on_view_painted(self) -> None:
        if not self._painted and self.store is not None:
            self._painted = True
            for view in (self.due_view, self.recent_view, self.planned_view):
                squeeze_columns(view)  # on screen now: a narrow window keeps every column
            QTimer.singleShot(0, self, self.rows_painted.emit)  # cancelled if self goes

    def focus_search(self) -> None:
        pass

    def new_record(self) -> None:
        self.window_.log_visit()

    def save_current(self) -> bool:
        return False
