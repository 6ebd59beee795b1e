"""Logging a visit: the most frequent task, so it is one dialog that keyboard users fly through.

Enterprise by typing (name, USCC or pinyin initials), team and/or experts, date (today),
type, problems, advice, follow-up items (owner, due date, "needs bureau coordination"),
outcome, status. "Save and log another" keeps team, experts, date and type for the next
enterprise of the same outing. A planned visit opened with ``complete=True`` becomes completed
(``services.visit_log.complete_planned``). Validation is the domain's, live, under each field.

What is typed (follow-up items and chosen experts included) is kept in the drafts file a second
after the last edit; opening the dialog for the same visit (or a new one) again offers it back.
Closing with unsaved input asks Save / Discard / Cancel.

Layout is in ``visit_dialog_layout``, the checks (plain values in, problems out) in
``visit_checks``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from ... import clock
from ...domain.problems import FieldProblem, NotFound, ValidationError
from ...domain.records import Visit
from ...services import lookup, visit_log
from ...store.errors import StoreError
from ..draft_keeper import DraftKeeper
from ..drafts import Drafts
from ..i18n import current_language, pick, tr
from . import visit_checks, visit_dialog_layout, visit_draft
from .follow_up_items_editor import ERROR_STYLE

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
        return visit_dialog_layout.label(name, required)

    def _build(self) -> None:
        visit_dialog_layout.build(self)

    def _add_team_members(self) -> None:
        self.experts.add_team(self.team.currentData() or "")

    def suggest(self) -> Any:
        """推荐轻骑队 / 推荐专家 for the chosen enterprise and day; one click fills them in."""
        from .suggest_actions import suggest_in_visit_dialog

        return suggest_in_visit_dialog(self)

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
        problems = visit_checks.problems_of(
            self.raw(),
            self.enterprise.text(),
            zip(self.items.row_numbers_of_items(), self.items.items(), strict=True),
            self.today,
        )
        self._problems = problems
        by_field = visit_checks.messages_by_field(problems, current_language())
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

    def show_history(self) -> Any:
        """The visit's audit trail (who changed it, when, what), over this dialog."""
        if self.store is None or self.visit_id is None:
            return None
        from .history_dialog import HistoryDialog

        dialog = HistoryDialog(self.store, self.visit_id, "visit", self.windowTitle(), self)
        dialog.open()
        return dialog

    def _show_refusal(self, problems: list[FieldProblem]) -> None:
        """The service refused: every reason in the banner, and under its field when known."""
        lang = current_language()
        for name, messages in visit_checks.messages_by_field(problems, lang).items():
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
