"""跟进事项: every open follow-up item across all visits: due, overdue, flagged for the bureau.

Closing one asks who (the name is remembered) and records when (``close_follow_up``); a
closed item can be reopened. Overdue dates show in red.
"""

from __future__ import annotations

import html
from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ... import clock
from ...domain.choices import FOLLOW_UP_STATUS
from ...domain.problems import ValidationError
from ...domain.records import FollowUp
from ...domain.validation import field_label
from ...services import lookup, visit_log
from ...store.errors import StoreError
from ..dialogs.close_follow_up import CloseFollowUpDialog
from ..i18n import N_, current_language, pick, tr
from .record_page import RecordPage


class FollowUpsPage(RecordPage):
    key = "follow_ups"
    kind = "follow_ups"
    search_hint = N_("Item, owner or enterprise")
    detail_width = 360  # a summary: the table's many columns need the room

    def build_filters(self) -> None:
        lang = current_language()
        self.status_filter = self.add_combo_filter(
            "status",
            N_("Open and closed"),
            [(FOLLOW_UP_STATUS.label(c, lang), c) for c in FOLLOW_UP_STATUS.codes],
        )
        self.status_filter.setCurrentIndex(1)  # open items first: that is the work to do
        self.due_filter = self.add_combo_filter(
            "due",
            N_("Any due date"),
            [(tr("Overdue"), "overdue"), (tr("Due within 7 days"), "week")],
        )
        self.add_combo_filter(
            "needs_coordination", N_("Flagged or not"), [(tr("Needs bureau coordination"), 1)]
        )
        self.add_district_filter()

    def criteria(self) -> Any:
        c = super().criteria()
        due = c.filters.pop("due", None)
        today = clock.today()
        if due == "overdue":
            c.filters["overdue_on"] = today.isoformat()
        elif due == "week":
            c.filters["due_by"] = (today + timedelta(days=7)).isoformat()
        return c

    def new_button_text(self) -> str:
        return tr("Log a visit…")

    def new_record(self) -> None:
        self.window_.log_visit()

    def build_detail(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        box.setMinimumWidth(320)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary_counts = QLabel(box)
        self.summary_counts.setObjectName("followUpCounts")
        self.summary_counts.setWordWrap(True)
        layout.addWidget(self.summary_counts)
        self.detail_view = QTextBrowser(box)
        self.detail_view.setObjectName("followUpDetail")
        layout.addWidget(self.detail_view, 1)
        buttons = QHBoxLayout()
        self.close_button = QPushButton(tr("Close item…"), box)
        self.close_button.setObjectName("closeItemButton")
        self.close_button.clicked.connect(self.close_current)
        self.reopen_button = QPushButton(tr("Reopen"), box)
        self.reopen_button.clicked.connect(self.reopen_current)
        self.visit_button = QPushButton(tr("Open the visit"), box)
        self.visit_button.clicked.connect(self._open_visit)
        for b in (self.close_button, self.reopen_button, self.visit_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._item: FollowUp | None = None
        self._show_none()
        return box

    def store_changed(self) -> None:
        self._show_none()
        if self.store is None:
            self.summary_counts.clear()
            return
        s = lookup.follow_up_summary(self.store, clock.today())
        self.summary_counts.setText(
            tr(
                "Open: {open} · overdue: {overdue} · due within 7 days: {soon}"
                " · need bureau coordination: {flagged}"
            ).format(open=s.open, overdue=s.overdue, soon=s.due_soon, flagged=s.flagged)
        )

    def _show_none(self) -> None:
        self._item = None
        self.detail_view.setHtml(
            "<p style='color:#666'>"
            + html.escape(tr("Select an item to close or reopen it."))
            + "</p>"
        )
        for b in (self.close_button, self.reopen_button, self.visit_button):
            b.setEnabled(False)

    def show_record(self, record_id: str) -> None:
        if self.store is None:
            return
        item = lookup.load(self.store, FollowUp, record_id)
        assert isinstance(item, FollowUp)
        self._item = item
        lang = current_language()

        def label(name: str) -> str:
            zh, en = field_label(name, "follow_up")
            return html.escape(en if lang == "en" else zh)

        enterprise, visit_date = lookup.visit_heading(self.store, item.visit_id)
        rows = [
            ("enterprise_id", enterprise),
            ("visit_date", visit_date),
            ("description", item.description),
            ("owner", item.owner),
            ("due_date", item.due_date or ""),
            ("needs_coordination", tr("Yes") if item.needs_coordination else tr("No")),
            ("status", FOLLOW_UP_STATUS.label(item.status, lang)),
            ("closed_by", item.closed_by),
            ("resolution", item.resolution),
        ]
        if item.closed_at:
            rows.append(("closed_at", item.closed_at[:16].replace("T", " ") + " UTC"))
        parts = ["<table cellspacing='4'>"]
        for name, value in rows:
            head = html.escape(tr("Closed at")) if name == "closed_at" else label(name)
            text = html.escape(str(value or "—")).replace("\n", "<br>")
            parts.append(f"<tr><td style='color:#555' valign='top'>{head}</td><td>{text}</td></tr>")
        parts.append("</table>")
        self.detail_view.setHtml("".join(parts))
        self.close_button.setEnabled(item.status == "open")
        self.reopen_button.setEnabled(item.status == "closed")
        self.visit_button.setEnabled(True)

    def ask_close(self, description: str, closer: str) -> tuple[str, str] | None:
        """The who/resolution prompt (tests replace it)."""
        dialog = CloseFollowUpDialog(description, closer, self)
        if dialog.exec() != CloseFollowUpDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def close_current(self) -> None:
        if self._item is None or self.store is None:
            return
        answer = self.ask_close(self._item.description, self.window_.settings.closer_name)
        if answer is None:
            return
        closer, resolution = answer
        try:
            visit_log.close_follow_up(self.store, self._item.id, closer, resolution)
        except (ValidationError, StoreError) as exc:
            self._error(exc)
            return
        self.window_.settings.closer_name = closer
        self._after_change(self._item.id)

    def reopen_current(self) -> None:
        if self._item is None or self.store is None:
            return
        try:
            visit_log.reopen_follow_up(self.store, self._item.id)
        except StoreError as exc:
            self._error(exc)
            return
        self._after_change(self._item.id)

    def _error(self, exc: Exception) -> None:
        from ..dialogs.messages import show_error

        if isinstance(exc, ValidationError):
            text = "\n".join(p.message(current_language()) for p in exc.problems)
        else:
            text = pick(exc.zh, exc.en)  # type: ignore[attr-defined]
        show_error(self, tr("Follow-up items"), text)

    def _after_change(self, item_id: str) -> None:
        self.reload()
        self.show_record(item_id)
        self.window_.refresh_pages(except_page=self)

    def _open_visit(self) -> None:
        if self._item is not None:
            self.window_.open_record("visits", self._item.visit_id)
