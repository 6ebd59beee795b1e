"""工作台: what needs doing today: follow-ups due or overdue, recent visits, the year's progress.

A fuller dashboard comes later; this page answers "am I on pace and what is late?" at a glance.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import lookup
from ...services.progress import progress
from ...store.listing import Criteria, due_criteria
from ..i18n import tr
from ..models.record_table import RecordTableModel


class HomePage(QWidget):
    key = "home"
    rows_painted = Signal()
    status_message = Signal(str)

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window_ = window
        self.store: Any = None
        self.setObjectName("page_home")
        self._painted = False
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
        self.due_view = self._table(self.due_model, "dueTable")
        self.due_view.doubleClicked.connect(
            lambda i: self.window_.open_record("follow_ups", self.due_model.id_at(i.row()) or "")
        )
        due_layout.addWidget(self.due_view)
        all_items = QPushButton(tr("All follow-up items"), self.due_box)
        all_items.clicked.connect(lambda: self.window_.show_page("follow_ups"))
        due_layout.addWidget(all_items, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.due_box, 1)

        self.recent_box = QGroupBox(tr("Recent visits"), self)
        recent_layout = QVBoxLayout(self.recent_box)
        self.recent_model = RecordTableModel("visits", self, page_size=30)
        self.recent_view = self._table(self.recent_model, "recentTable")
        self.recent_view.doubleClicked.connect(
            lambda i: self.window_.open_record("visits", self.recent_model.id_at(i.row()) or "")
        )
        self.recent_view.viewport().installEventFilter(self)
        recent_layout.addWidget(self.recent_view)
        layout.addWidget(self.recent_box, 1)

    def _table(self, model: RecordTableModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setResizeContentsPrecision(20)
        return view

    def set_store(self, store: Any) -> None:
        self.store = store
        self.reload()

    def reload(self) -> None:
        today = date.today()
        self._painted = False
        self.due_model.today = today.isoformat()
        self.due_model.load(self.store, due_criteria(today))
        self.recent_model.load(self.store, Criteria())
        for view in (self.due_view, self.recent_view):
            if view.model().rowCount():
                view.resizeColumnsToContents()
                header = view.horizontalHeader()
                for i in range(view.model().columnCount()):
                    header.resizeSection(i, min(max(header.sectionSize(i), 60), 260))
        self.heading.setText(tr("Today is {date}").format(date=today.isoformat()))
        if self.store is None:
            self.due_box.setTitle(tr("Follow-ups due within 7 days or overdue"))
            return
        s = lookup.follow_up_summary(self.store, today)
        self.due_box.setTitle(
            tr(
                "Follow-ups due within 7 days or overdue: {n} (overdue {overdue}, "
                "need bureau coordination {flagged})"
            ).format(n=self.due_model.total, overdue=s.overdue, flagged=s.flagged)
        )
        p = progress(self.store, today.year, as_of=today)
        v_done, v_target = p.visits["done"], p.visits["target"]
        a_done, a_target = p.appointments["count"], p.appointments["target"]
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
            bar.setUpdatesEnabled(False)  # setValue() would repaint at once; a later update will do
            bar.setRange(0, max(target, 1))
            bar.setValue(min(done, max(target, 1)))
            bar.setFormat(f"{(done / target if target else 0):.0%}")
            bar.setUpdatesEnabled(True)
        expected = round(v_target * p.year_elapsed)
        self.pace_label.setText(
            tr(
                "{elapsed:.0%} of the year has passed: on pace would be {expected:,} visits; "
                "{planned:,} more are planned."
            ).format(elapsed=p.year_elapsed, expected=expected, planned=p.visits.get("planned", 0))
        )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted and self.store is not None:
            self._painted = True
            QTimer.singleShot(0, self.rows_painted.emit)
        return super().eventFilter(obj, event)

    def focus_search(self) -> None:
        pass

    def new_record(self) -> None:
        self.window_.log_visit()

    def save_current(self) -> bool:
        return False
