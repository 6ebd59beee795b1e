"""推荐专家 / 推荐轻骑队: the ranked suggestions for one enterprise, each with its reasons.

One dialog for every place a coordinator picks people: the enterprises page (choosing creates
the appointment or the planned visit), the visit dialog (fills the team / experts) and the
appointment form (fills the expert). It only presents ``matching.match``, which runs in a
worker thread on its own connection; what choosing does is the caller's ``on_choose``.

Every row shows the explanation exactly as the core renders it ("专业匹配 0.82 (阀门, 流体控制)
· 距离 12.4 km · 在岗 1 家 · 近30天 3 次"); for a visit there are also the ranked teams and a
proposed team of 3–6 experts. An enterprise without needs text is labelled "仅按距离和负荷".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...matching.rank import APPOINTMENT, VISIT, Suggestion
from ..i18n import N_, current_language, pick, tr
from ..models.figure_table import FigureColumn, FigureTableModel
from ..workers import Task, TaskRunner

NO_NEEDS_STYLE = "color: #8a5300; background: #fff4e0; padding: 4px; border-radius: 3px;"
HEADING_STYLE = "color: #333; padding: 4px;"
ERROR_STYLE = "color: #b00020;"
# Tasks still running after their dialog went: kept alive until the worker is done with them.
_LIVE: set[Task] = set()


@dataclass(frozen=True)
class Choice:
    """What the coordinator picked: one expert, one team, or the proposed team."""

    kind: str  # "expert", "team" or "proposed"
    id: str  # the expert's or team's id ("" for the proposed team)
    name: str
    expert_ids: tuple[str, ...]
    expert_names: tuple[str, ...]
    on: date


def _line(s: Suggestion) -> str:
    return s.line_en if current_language() == "en" else s.line


def _columns(detail_title: str) -> list[FigureColumn]:
    return [
        FigureColumn("rank", "#", lambda s: s.rank, number=True),
        FigureColumn("name", N_("Name"), lambda s: s.name),
        FigureColumn("detail", detail_title, lambda s: s.detail),
        FigureColumn(
            "score", N_("Score"), lambda s: s.score, lambda s: f"{s.score:.2f}", number=True
        ),
        FigureColumn("why", N_("Why suggested"), _line),
    ]


def suggestions_model(detail_title: str, parent: Any = None) -> FigureTableModel:
    """The ranked list as a table model (rows are :class:`Suggestion` with a ``rank``)."""
    return FigureTableModel(_columns(detail_title), parent)


class SuggestionsDialog(QDialog):
    """``on_choose(choice)`` does what choosing means here; True closes the dialog."""

    ready = Signal()  # a ranking has been shown (or has failed)

    def __init__(
        self,
        store: Any,
        enterprise_id: str,
        purpose: str = APPOINTMENT,
        parent: QWidget | None = None,
        *,
        on: date | None = None,
        on_choose: Callable[[Choice], bool] | None = None,
        choose_text: str | None = None,
        date_editable: bool = True,
        top: int = 15,
        except_visit: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsDialog")
        self.store = store
        self.enterprise_id = enterprise_id
        self.purpose = purpose
        self.on = on or clock.today()
        self.on_choose = on_choose
        self.top = top
        self.except_visit = except_visit  # the visit being edited: not "busy" with itself
        self.result: Any = None
        self._generation = 0
        self._task: Task | None = None
        self._runner = TaskRunner(self)
        self.setWindowTitle(
            tr("Suggest experts") if purpose == APPOINTMENT else tr("Suggest teams")
        )
        self.resize(1080, 620)
        self._list_focused_once = False
        self._build(choose_text, date_editable)
        self.rerun()

    # -- layout ------------------------------------------------------------------------------
    def _table(self, model: FigureTableModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.doubleClicked.connect(lambda _i: self.choose_current())
        return view

    def _build(self, choose_text: str | None, date_editable: bool) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("suggestionsTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        top.addWidget(self.title, 1)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("suggestionsDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate(self.on.year, self.on.month, self.on.day))
        self.date_edit.setEnabled(date_editable)
        self.date_edit.dateChanged.connect(lambda _d: self._date_changed())
        date_label = QLabel(tr("Visit date") if self.purpose == VISIT else tr("Term starts"), self)
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        layout.addLayout(top)

        self.heading = QLabel(self)
        self.heading.setObjectName("suggestionsHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.status = QLabel(tr("Ranking…"), self)
        self.status.setObjectName("suggestionsStatus")
        layout.addWidget(self.status)

        self.expert_model = suggestions_model(N_("Institution"), self)
        self.expert_view = self._table(self.expert_model, "expertSuggestions")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("suggestionsTabs")
        self.tabs.addTab(self.expert_view, tr("Experts"))
        self.team_model = suggestions_model(N_("Members"), self)
        self.team_view = self._table(self.team_model, "teamSuggestions")
        if self.purpose == VISIT:
            self.tabs.addTab(self.team_view, tr("Teams"))
        else:
            self.team_view.hide()
        layout.addWidget(self.tabs, 1)

        self.proposed = QFrame(self)
        self.proposed.setObjectName("proposedTeam")
        self.proposed.setStyleSheet(
            "QFrame#proposedTeam { background: #eef5ee; border: 1px solid #c6dfc6; "
            "border-radius: 4px; }"
        )
        row = QHBoxLayout(self.proposed)
        self.proposed_label = QLabel(self.proposed)
        self.proposed_label.setObjectName("proposedTeamLabel")
        self.proposed_label.setWordWrap(True)
        self.proposed_button = QPushButton(tr("Use this team"), self.proposed)
        self.proposed_button.setObjectName("useProposedTeam")
        self.proposed_button.clicked.connect(self.choose_proposed)
        row.addWidget(self.proposed_label, 1)
        row.addWidget(self.proposed_button)
        self.proposed.hide()
        layout.addWidget(self.proposed)

        self.excluded = QLabel(self)
        self.excluded.setObjectName("suggestionsExcluded")
        self.excluded.setWordWrap(True)
        self.excluded.setStyleSheet("color: #666;")
        layout.addWidget(self.excluded)
        self.banner = QLabel(self)
        self.banner.setObjectName("suggestionsBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.hide()
        layout.addWidget(self.banner)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.choose_button = QPushButton(choose_text or tr("Choose"), self)
        self.choose_button.setObjectName("chooseButton")
        self.choose_button.setDefault(True)
        self.choose_button.setEnabled(False)
        self.choose_button.clicked.connect(self.choose_current)
        close = QPushButton(tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.choose_current)

    # -- ranking (worker thread) ---------------------------------------------------------------
    def _date_changed(self) -> None:
        d = self.date_edit.date()
        self.on = date(d.year(), d.month(), d.day())
        self.rerun()

    def pending_work(self) -> bool:
        """True while a ranking is still being computed (screenshots wait for it)."""
        return self._task is not None

    def rerun(self) -> None:
        """Rank again (on open, and when the date changes); an older ranking is dropped."""
        if self._task is not None:
            self._task.cancel()
        self._generation += 1
        generation = self._generation
        enterprise_id, purpose, on, top = self.enterprise_id, self.purpose, self.on, self.top
        except_visit = self.except_visit

        def work(ctx: Any) -> Any:
            from ...matching import match

            return match(
                ctx.store, enterprise_id, purpose, on=on, top=top, except_visit=except_visit
            )

        self.status.setText(tr("Ranking…"))
        self.status.setStyleSheet("")
        self.status.show()
        self.choose_button.setEnabled(False)

        def finished(then: Callable[[], None]) -> None:
            _LIVE.discard(task)
            then()

        task = Task(
            tr("Ranking…"),
            work,
            db_path=self.store.path,
            on_done=lambda r: finished(lambda: self._show(generation, r)),
            on_error=lambda e: finished(lambda: self._failed(generation, e)),
            on_cancel=lambda: finished(lambda: None),
        )
        _LIVE.add(task)
        self._task = task
        self._runner.run(task, show_after_ms=None)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._task = None
        from ...domain.problems import NotFound

        zh, en = getattr(exc, "zh", None), getattr(exc, "en", None)
        if isinstance(exc, NotFound):
            text = tr("this enterprise is no longer in the database (deleted elsewhere?)")
        else:
            text = pick(zh, en) if zh and en else str(exc)
        self.status.setText(tr("The suggestions could not be computed: {why}").format(why=text))
        self.status.setStyleSheet(ERROR_STYLE)
        self.ready.emit()

    def _show(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.result = result
        self.title.setText(result.target.name)
        self.heading.setText(pick(*result.label))
        self.heading.setStyleSheet(HEADING_STYLE if result.needs_used else NO_NEEDS_STYLE)
        for n, s in enumerate(result.experts, 1):
            s.rank = n
        for n, s in enumerate(result.teams, 1):
            s.rank = n
        self.expert_model.set_rows(result.experts)
        self.team_model.set_rows(result.teams)
        for view in (self.expert_view, self.team_view):
            view.resizeColumnsToContents()
            header = view.horizontalHeader()
            for col in range(view.model().columnCount() - 1):
                header.resizeSection(col, min(header.sectionSize(col), 240))
            if view.model().rowCount():
                view.selectRow(0)
        if self.purpose == VISIT:
            self.tabs.setTabText(1, tr("Teams ({n})").format(n=len(result.teams)))
        self.tabs.setTabText(0, tr("Experts ({n})").format(n=len(result.experts)))
        self._show_proposed(result)
        excluded = pick(*result.excluded_text())
        considered = tr("{n} considered").format(n=result.considered)
        self.excluded.setText(
            considered + (tr("; left out: {why}").format(why=excluded) if excluded else "")
        )
        if result.experts or result.teams:
            self.status.hide()
        else:
            self.status.setText(tr("No eligible expert or team."))
        self.choose_button.setEnabled(bool(result.experts or result.teams))
        # Arrows move through the list and Enter chooses; the date keeps the keyboard only
        # while the coordinator is changing it (on opening it merely came first in the chain).
        if not self._list_focused_once or not self.date_edit.hasFocus():
            self._list_focused_once = True
            self.current_view().setFocus()
        self.ready.emit()

    def _show_proposed(self, result: Any) -> None:
        team = result.proposed_team
        if self.purpose != VISIT:
            self.proposed.hide()
            return
        if team is None or not team.member_ids:
            self.proposed_label.setText(
                tr("No team proposed: the enterprise has no technical needs on record.")
                if not result.needs_used
                else tr("No team proposed: no eligible expert covers the needs.")
            )
            self.proposed_button.setEnabled(False)
        else:
            self.proposed_label.setText(
                tr("Proposed team ({n}): {names}").format(
                    n=len(team.member_ids), names="、".join(team.member_names)
                )
                + "\n"
                + pick(team.line, team.line_en)
            )
            self.proposed_button.setEnabled(True)
        self.proposed.show()

    # -- choosing ------------------------------------------------------------------------------
    def current_view(self) -> QTableView:
        return self.team_view if self.tabs.currentWidget() is self.team_view else self.expert_view

    def current_suggestion(self) -> Suggestion | None:
        view = self.current_view()
        index = view.currentIndex()
        model = view.model()
        assert isinstance(model, FigureTableModel)
        return model.row_object(index.row()) if index.isValid() else None

    def choose_current(self) -> None:
        s = self.current_suggestion()
        if s is None:
            return
        if s.kind == "team":
            ids = tuple(m for m, _ in s.members)
            names = tuple(n for _, n in s.members)
        else:
            ids, names = (s.id,), (s.name,)
        self._choose(Choice(s.kind, s.id, s.name, ids, names, self.on))

    def choose_proposed(self) -> None:
        team = self.result.proposed_team if self.result is not None else None
        if team is None or not team.member_ids:
            return
        names = tuple(team.member_names)
        self._choose(
            Choice("proposed", "", "、".join(names), tuple(team.member_ids), names, self.on)
        )

    def _choose(self, choice: Choice) -> None:
        self.chosen_choice = choice
        if self.on_choose is None or self.on_choose(choice):
            self.accept()

    def refuse(self, text: str) -> None:
        """Choosing failed (the service said no): say why and stay open."""
        self.banner.setText(text)
        self.banner.show()

    def done(self, r: int) -> None:
        if self._task is not None:
            self._task.cancel()
        super().done(r)
