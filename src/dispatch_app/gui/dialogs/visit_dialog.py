"""Logging a visit: the most frequent task, so it is one dialog that keyboard users fly through.

Enterprise by typing (name, USCC or pinyin initials), team and/or experts, date (today),
type, problems, advice, follow-up items (owner, due date, "needs bureau coordination"),
outcome, status. "Save and log another" keeps team, experts, date and type for the next
enterprise of the same outing. A planned visit opened with ``complete=True`` becomes completed
(``services.visit_log.complete_planned``). Validation is the domain's, live, under each field.

What is typed (follow-up items and chosen experts included) is kept in the drafts file a second
after the last edit; opening the dialog for the same visit (or a new one) again offers it back.
Closing with unsaved input asks Save / Discard / Cancel.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...domain.choices import VISIT_STATUS, VISIT_TYPE
from ...domain.problems import FieldProblem, NotFound, ValidationError
from ...domain.records import Visit
from ...domain.validation import clean_follow_up, clean_visit, field_label
from ...services import lookup, visit_log
from ...store.errors import StoreError
from ..draft_keeper import DraftBanner, DraftKeeper
from ..drafts import Drafts
from ..i18n import current_language, pick, tr
from ..lookup_edit import LookupEdit
from . import visit_draft
from .experts_picker import ExpertsPicker
from .follow_up_items_editor import ERROR_STYLE, FollowUpItemsEditor

_ERROR = ERROR_STYLE
_FIELDS = (
    "enterprise_id",
    "team_id",
    "expert_ids",
    "visit_date",
    "visit_type",
    "status",
    "problems",
    "advice",
    "follow_ups",
    "outcome",
    "confirmed_by",
)


class VisitDialog(QDialog):
    saved = Signal(str)  # visit id

    def __init__(
        self,
        store: Any,
        parent: QWidget | None = None,
        *,
        visit_id: str | None = None,
        complete: bool = False,
        enterprise_id: str | None = None,
        today: date | None = None,
        drafts: Drafts | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.visit_id = visit_id
        self.complete = complete
        self.today = today or clock.today()
        self.saved_count = 0
        self._touched: set[str] = set()
        self._problems: list[FieldProblem] = []
        self.setObjectName("visitDialog")
        self.setModal(True)
        self.resize(760, 720)
        self._build()
        self.keeper = DraftKeeper(
            self, "visits", self.draft_values, self.restore_draft, self.draft_banner
        )
        self.keeper.drafts = drafts if drafts is not None else getattr(parent, "drafts", None)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.validate)
        if visit_id:
            self._load(visit_id)
        else:
            self.setWindowTitle(tr("Log a visit"))
            if enterprise_id:
                self.enterprise.set_selected(
                    enterprise_id, lookup.display_name(store, "enterprises", enterprise_id)
                )
        self.validate()
        self.keeper.opened(str(store.path) if store is not None else None, visit_id)

    # -- layout ----------------------------------------------------------------------------
    def _label(self, name: str, required: bool = False) -> str:
        zh, en = field_label(name, "visit")
        return (en if current_language() == "en" else zh) + (" *" if required else "")

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.draft_banner = DraftBanner(self)
        layout.addWidget(self.draft_banner)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}

        def row(name: str, widget: QWidget | Any, required: bool = False) -> None:
            box = QVBoxLayout()
            box.setSpacing(2)
            if isinstance(widget, QWidget):
                box.addWidget(widget)
            else:
                box.addLayout(widget)
            err = QLabel(self)
            err.setObjectName(f"error_{name}")
            err.setStyleSheet(_ERROR)
            err.setWordWrap(True)
            err.hide()
            box.addWidget(err)
            self.errors[name] = err
            form.addRow(self._label(name, required), box)

        self.enterprise = LookupEdit(
            lambda text: lookup.enterprise_completions(self.store, text), self
        )
        self.enterprise.setObjectName("enterprise")
        self.enterprise.setPlaceholderText(tr("Type a name, USCC or pinyin initials"))
        self.enterprise.chosen.connect(lambda _i: self._edited("enterprise_id"))
        self.enterprise.textEdited.connect(lambda _t: self._edited("enterprise_id"))
        row("enterprise_id", self.enterprise, True)

        team_row = QHBoxLayout()
        self.team = QComboBox(self)
        self.team.setObjectName("team")
        self.team.addItem(tr("(no team)"), "")
        for o in lookup.team_options(self.store):
            self.team.addItem(f"{o.text}  {o.detail}".strip(), o.id)
        self.team.currentIndexChanged.connect(lambda _i: self._edited("team_id"))
        self.add_members = QPushButton(tr("Add the team's members"), self)
        self.add_members.clicked.connect(self._add_team_members)
        team_row.addWidget(self.team, 1)
        team_row.addWidget(self.add_members)
        row("team_id", team_row)

        self.experts = ExpertsPicker(self.store, self)
        self.experts.changed.connect(lambda: self._edited("expert_ids"))
        row("expert_ids", self.experts)

        when = QHBoxLayout()
        self.visit_date = QLineEdit(self.today.isoformat(), self)
        self.visit_date.setObjectName("visitDate")
        self.visit_date.setMaximumWidth(140)
        self.visit_date.textEdited.connect(lambda _t: self._edited("visit_date"))
        self.visit_type = QComboBox(self)
        self.visit_type.setObjectName("visitType")
        for code in VISIT_TYPE.codes:
            self.visit_type.addItem(VISIT_TYPE.label(code, current_language()), code)
        self.visit_type.currentIndexChanged.connect(lambda _i: self._edited("visit_type"))
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        for code in VISIT_STATUS.codes:
            self.status.addItem(VISIT_STATUS.label(code, current_language()), code)
        self.status.currentIndexChanged.connect(lambda _i: self._edited("status"))
        when.addWidget(self.visit_date)
        when.addWidget(QLabel(self._label("visit_type"), self))
        when.addWidget(self.visit_type, 1)
        when.addWidget(QLabel(self._label("status"), self))
        when.addWidget(self.status, 1)
        row("visit_date", when, True)

        self.texts: dict[str, QPlainTextEdit] = {}
        for name in ("problems", "advice"):
            edit = QPlainTextEdit(self)
            edit.setObjectName(name)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(60)
            edit.textChanged.connect(lambda n=name: self._edited(n))
            self.texts[name] = edit
            row(name, edit)

        self.follow_ups = FollowUpItemsEditor(self)
        self.follow_ups.changed.connect(lambda: self._edited("follow_ups"))
        self.items = self.follow_ups.model  # what the user typed, row by row
        form.addRow(self._label("follow_up_text"), self.follow_ups)
        self.errors["follow_ups"] = self.follow_ups.error

        edit = QPlainTextEdit(self)
        edit.setObjectName("outcome")
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(50)
        edit.textChanged.connect(lambda: self._edited("outcome"))
        self.texts["outcome"] = edit
        row("outcome", edit)
        self.confirmed_by = QLineEdit(self)
        self.confirmed_by.setObjectName("confirmedBy")
        self.confirmed_by.textEdited.connect(lambda _t: self._edited("confirmed_by"))
        row("confirmed_by", self.confirmed_by)
        layout.addLayout(form)
        layout.addStretch(1)

        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_and_close)
        self.again_button = QPushButton(tr("Save and log another"), self)
        self.again_button.setObjectName("againButton")
        self.again_button.clicked.connect(self.save_and_continue)
        cancel = QPushButton(tr("Close"), self)
        cancel.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.again_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_and_close)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, activated=self.save_and_continue)

    def _add_team_members(self) -> None:
        self.experts.add_team(self.team.currentData() or "")

    # -- values and validation -------------------------------------------------------------
    def raw(self) -> dict[str, Any]:
        return {
            "enterprise_id": self.enterprise.selected_id,
            "team_id": self.team.currentData() or "",
            "expert_ids": tuple(self.experts.expert_ids()),
            "visit_date": self.visit_date.text(),
            "visit_type": self.visit_type.currentData(),
            "status": self.status.currentData(),
            "problems": self.texts["problems"].toPlainText(),
            "advice": self.texts["advice"].toPlainText(),
            "outcome": self.texts["outcome"].toPlainText(),
            "confirmed_by": self.confirmed_by.text(),
        }

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        self._timer.start()  # Save re-validates at once when clicked before the timer fires
        keeper = getattr(self, "keeper", None)
        if keeper is not None:
            keeper.edited()

    def validate(self) -> list[FieldProblem]:
        self._timer.stop()
        problems: list[FieldProblem] = []
        if self.enterprise.text().strip() and not self.enterprise.selected_id:
            problems.append(
                FieldProblem(
                    "enterprise_id",
                    "企业：请从下拉列表中选择",
                    "Enterprise: choose an entry from the list",
                )
            )
        try:
            clean_visit(self.raw(), today=self.today)
        except ValidationError as exc:
            seen = {p.field for p in problems}
            problems += [p for p in exc.problems if p.field not in seen]
        for number, raw in zip(self.items.row_numbers_of_items(), self.items.items(), strict=True):
            try:
                clean_follow_up(raw)
            except ValidationError as exc:
                problems += [
                    FieldProblem("follow_ups", f"第 {number} 条：{p.zh}", f"Item {number}: {p.en}")
                    for p in exc.problems
                ]
        self._problems = problems
        by_field: dict[str, list[str]] = {}
        for p in problems:
            by_field.setdefault(p.field, []).append(p.message(current_language()))
        for name, label in self.errors.items():
            shown = by_field.get(name, []) if name in self._touched else []
            label.setText("\n".join(shown))
            label.setVisible(bool(shown))
        ok = not problems
        self.save_button.setEnabled(ok)
        self.again_button.setEnabled(ok and not self.visit_id)
        return problems

    # -- loading and saving ----------------------------------------------------------------
    def _load(self, visit_id: str) -> None:
        visit = lookup.load(self.store, Visit, visit_id)
        assert isinstance(visit, Visit)
        self.setWindowTitle(tr("Complete a planned visit") if self.complete else tr("Edit visit"))
        self.enterprise.set_selected(
            visit.enterprise_id, lookup.display_name(self.store, "enterprises", visit.enterprise_id)
        )
        self.team.setCurrentIndex(max(self.team.findData(visit.team_id or ""), 0))
        for o in lookup.experts_by_id(self.store, visit.expert_ids):
            self.experts.add(o.id, o.text)
        day = visit.visit_date
        if self.complete and day > self.today.isoformat():
            day = self.today.isoformat()
        self.visit_date.setText(day)
        self.visit_type.setCurrentIndex(max(self.visit_type.findData(visit.visit_type), 0))
        status = "completed" if self.complete else visit.status
        self.status.setCurrentIndex(max(self.status.findData(status), 0))
        for name in ("problems", "advice", "outcome"):
            self.texts[name].setPlainText(getattr(visit, name))
        self.confirmed_by.setText(visit.confirmed_by)
        self.follow_ups.show_existing(len(lookup.follow_ups_of_visit(self.store, visit_id)))
        self._touched = set(_FIELDS)

    def save(self) -> str | None:
        """Write the visit (and its new follow-ups); None with reasons shown when refused."""
        self._touched = set(_FIELDS)
        if self.validate():
            return None
        raw, items = self.raw(), self.items.items()
        try:
            if self.visit_id is None:
                visit = visit_log.log_visit(self.store, raw, items, today=self.today)
            elif self.complete:
                visit = visit_log.complete_planned(
                    self.store, self.visit_id, raw, items, today=self.today
                )
            else:
                visit = visit_log.edit_visit(
                    self.store, self.visit_id, raw, items, today=self.today
                )
        except ValidationError as exc:
            self._show_refusal(exc.problems)
            return None
        except NotFound:
            self._show_banner(
                tr(
                    "This visit no longer exists (perhaps deleted in another window). "
                    "Nothing was saved; what you typed is still here."
                )
            )
            return None
        except StoreError as exc:
            self._show_banner(pick(exc.zh, exc.en))
            return None
        self.saved_count += 1
        self.keeper.forget()
        self.saved.emit(visit.id)
        return visit.id

    def _show_refusal(self, problems: list[FieldProblem]) -> None:
        """The service refused: every reason in the banner, and under its field when known."""
        lang = current_language()
        by_field: dict[str, list[str]] = {}
        for p in problems:
            name = "follow_ups" if p.field.startswith("follow_ups[") else p.field
            by_field.setdefault(name, []).append(p.message(lang))
        for name, messages in by_field.items():
            if name in self.errors:
                self.errors[name].setText("\n".join(messages))
                self.errors[name].show()
        self._show_banner("\n".join(p.message(lang) for p in problems))

    def _show_banner(self, text: str, ok: bool = False) -> None:
        self.banner.setStyleSheet("color: #1d6b2c;" if ok else _ERROR)
        self.banner.setText(text)
        self.banner.show()

    def save_and_close(self) -> None:
        if self.save() is not None:
            self.accept()

    def save_and_continue(self) -> None:
        """Save, then clear what differs per enterprise; keep team, experts, date and type."""
        if self.visit_id is not None:
            return
        name = self.enterprise.text()
        if self.save() is None:
            return
        self.enterprise.clear_selection()
        for edit in self.texts.values():
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.confirmed_by.clear()
        self.items.clear()
        self._touched = set()
        self.validate()
        self.keeper.rebase()  # what is kept for the next enterprise is not "unsaved"
        self._show_banner(tr("Saved: {name}. Log the next enterprise.").format(name=name), ok=True)
        self.enterprise.setFocus()

    # -- unsaved input -----------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.keeper.is_dirty()

    def draft_values(self) -> dict[str, Any]:
        return visit_draft.values_of(self)

    def restore_draft(self, values: dict[str, Any]) -> None:
        visit_draft.restore(self, values)
        baseline = self.keeper.baseline
        self._touched = {n for n in _FIELDS if values.get(n) != baseline.get(n)}
        self.validate()

    def reject(self) -> None:
        """Close (Esc, the window's ✕): unsaved input is saved, thrown away, or kept open."""
        if self.has_unsaved_changes():
            from . import messages

            answer = messages.ask_unsaved(
                self, tr("Unsaved input"), tr("This visit has not been saved. Save it now?")
            )
            if answer == "cancel":
                return
            if answer == "save":
                self.save_and_close()
                return
            self.keeper.forget()
        super().reject()
