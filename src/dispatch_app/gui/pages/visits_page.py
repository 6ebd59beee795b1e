"""入企服务: every visit, filterable by status, type, district, team, expert and date; logged in a
dialog.

The detail pane is a read-only summary (a visit is edited in the same dialog it was logged in),
with "complete this planned visit" and the visit's follow-up items one click away.

The page opens on the visits dated up to today, latest first: that is what a coordinator looks
for (what was done lately), and planned visits weeks ahead would otherwise fill the top rows.
The first filter shows it ("截至今天") and offers "今天以后" and "全部日期" beside it; the
from/to date boxes narrow whichever is chosen.
"""

from __future__ import annotations

import html
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import clock
from ...domain.choices import FOLLOW_UP_STATUS, VISIT_STATUS, VISIT_TYPE
from ...services import lookup
from ..i18n import N_, current_language, tr
from .record_page import RecordPage


class VisitsPage(RecordPage):
    key = "visits"
    kind = "visits"
    search_hint = N_("Enterprise or team: name, USCC or pinyin")
    detail_width = 360  # a summary: the table's many columns need the room

    def build_filters(self) -> None:
        lang = current_language()
        self.when_filter = self.add_combo_filter(
            "when",
            N_("All dates"),
            [(tr("Up to today"), "past"), (tr("After today"), "future")],
        )
        self.when_filter.setCurrentIndex(1)  # what was done lately first (see the docstring)
        fm = self.when_filter.fontMetrics()
        widest = max(fm.horizontalAdvance(self.when_filter.itemText(i)) for i in range(3))
        self.when_filter.setMinimumWidth(min(widest + 36, self.when_filter.maximumWidth()))
        self.add_district_filter()
        status = self.add_combo_filter(
            "status",
            N_("All statuses"),
            [(VISIT_STATUS.label(c, lang), c) for c in VISIT_STATUS.codes],
        )
        status.currentIndexChanged.connect(self._status_changed)
        self.add_combo_filter(
            "visit_type",
            N_("All types"),
            [(VISIT_TYPE.label(c, lang), c) for c in VISIT_TYPE.codes],
        )
        self.team_filter = self.add_team_filter()
        self.start_second_filter_row()  # who and when: the finer filters
        self.expert_filter = self.add_expert_filter()
        self.add_date_filter("date_from", N_("From date"))
        self.add_date_filter("date_to", N_("To date"))

    def criteria(self) -> Any:
        """The "when" choice becomes a date bound, combined with a typed from/to date."""
        c = super().criteria()
        when = c.filters.pop("when", None)
        today = clock.today()
        if when == "past":
            bound = today.isoformat()
            c.filters["date_to"] = min(c.filters.get("date_to", bound), bound)
        elif when == "future":
            bound = (today + timedelta(days=1)).isoformat()
            c.filters["date_from"] = max(c.filters.get("date_from", bound), bound)
        return c

    def _when(self) -> str | None:
        return self.when_filter.currentData()

    def _set_when(self, value: str | None) -> None:
        """Choose a "when" entry without running the query twice (the caller applies)."""
        self.when_filter.blockSignals(True)
        self.when_filter.setCurrentIndex(max(self.when_filter.findData(value), 0))
        self.when_filter.blockSignals(False)

    def _status_changed(self) -> None:
        """Asking for 计划中 means "show me the plans": most are after today, so a "截至今天"
        left from the default would hide them (the choice stays visible and can be set back)."""
        if self.filters["status"].currentData() == "planned" and self._when() == "past":
            self._set_when(None)
            self.apply()

    def select_record(self, record_id: str) -> None:
        """A visit opened from elsewhere (the home page's plans): show its side of today."""
        when = self._when()
        if when is not None and self.store is not None and self.model.row_of(record_id) < 0:
            from ...domain.records import Visit

            visit = lookup.load(self.store, Visit, record_id)
            side = "future" if str(visit.visit_date) > clock.today().isoformat() else "past"
            if side != when:
                self._set_when(side)
                self.apply()
        super().select_record(record_id)

    def show_related(self, filter_name: str, record_id: str) -> None:
        """Every visit of one enterprise/team/expert, as many as its link counted."""
        self._set_when(None)
        super().show_related(filter_name, record_id)

    def new_button_text(self) -> str:
        return tr("Log a visit…")

    def build_detail(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        box.setMinimumWidth(340)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QTextBrowser(box)
        self.summary.setObjectName("visitSummary")
        self.summary.setOpenLinks(False)
        layout.addWidget(self.summary, 1)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(tr("Edit…"), box)
        self.edit_button.clicked.connect(lambda: self.open_dialog(complete=False))
        self.complete_button = QPushButton(tr("Record as completed…"), box)
        self.complete_button.setObjectName("completeButton")
        self.complete_button.clicked.connect(lambda: self.open_dialog(complete=True))
        self.items_button = QPushButton(tr("Its follow-ups"), box)
        self.items_button.clicked.connect(
            lambda: self.window_.show_related("follow_ups", "visit", self._shown or "")
        )
        for b in (self.edit_button, self.complete_button, self.items_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # 打印此服务记录: the selected visits (Ctrl/Shift+click selects several) as sheets.
        self.print_button = QPushButton(tr("Print this visit"), box)
        self.print_button.setObjectName("printVisits")
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(self.print_selected)
        layout.addWidget(self.print_button)
        shortcut = QShortcut(QKeySequence("Ctrl+P"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.print_selected)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_print())
        self._shown: str | None = None
        self._show_empty()
        return box

    def store_changed(self) -> None:
        self._show_empty()

    def _show_empty(self) -> None:
        self._shown = None
        self.summary.setHtml(
            "<p style='color:#666'>"
            + html.escape(tr("Select a visit to see what was found and agreed."))
            + "</p>"
        )
        for b in (self.edit_button, self.complete_button, self.items_button):
            b.setEnabled(False)
        self._update_print()

    def show_record(self, record_id: str) -> None:
        if self.store is None:
            return
        from ...domain.records import Visit  # the record classes: not needed for the first paint
        from ...domain.validation import field_label

        visit = lookup.load(self.store, Visit, record_id)
        assert isinstance(visit, Visit)
        self._shown = record_id
        lang = current_language()

        def label(name: str) -> str:
            zh, en = field_label(name, "visit")
            return html.escape(en if lang == "en" else zh)

        ent = lookup.display_name(self.store, "enterprises", visit.enterprise_id)
        team = lookup.display_name(self.store, "teams", visit.team_id) if visit.team_id else ""
        experts = "、".join(o.text for o in lookup.experts_by_id(self.store, visit.expert_ids))
        rows = [
            (label("visit_date"), visit.visit_date),
            (label("visit_type"), VISIT_TYPE.label(visit.visit_type, lang)),
            (label("status"), VISIT_STATUS.label(visit.status, lang)),
            (label("team_id"), team),
            (label("expert_ids"), experts),
            (label("problems"), visit.problems),
            (label("advice"), visit.advice),
            (label("outcome"), visit.outcome),
            (label("confirmed_by"), visit.confirmed_by),
        ]
        parts = [f"<h3>{html.escape(ent)}</h3><table cellspacing='4'>"]
        for name, value in rows:
            text = html.escape(str(value or "—")).replace("\n", "<br>")
            parts.append(f"<tr><td style='color:#555' valign='top'>{name}</td><td>{text}</td></tr>")
        parts.append("</table>")
        items = lookup.follow_ups_of_visit(self.store, record_id)
        if items:
            parts.append(f"<h4>{label('follow_up_text')}</h4><ul>")
            for it in items:
                flag = " ⚑" if it["needs_coordination"] else ""
                due = f" · {it['due_date']}" if it["due_date"] else ""
                owner = f" · {it['owner']}" if it["owner"] else ""
                status = FOLLOW_UP_STATUS.label(it["status"], lang)
                parts.append(
                    f"<li>{html.escape(it['description'])}{html.escape(owner + due)}"
                    f" ({html.escape(status)}){flag}</li>"
                )
            parts.append("</ul>")
        self.summary.setHtml("".join(parts))
        self.edit_button.setEnabled(True)
        self.complete_button.setEnabled(visit.status == "planned")
        self.items_button.setEnabled(bool(items))

    def selected_ids(self) -> list[str]:
        """The selected visits in table order (the one shown when none is selected)."""
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        ids = [i for i in (self.model.id_at(r) for r in rows) if i]
        return ids or ([self._shown] if self._shown else [])

    def _update_print(self) -> None:
        n = len(self.selected_ids())
        self.print_button.setEnabled(n > 0)
        self.print_button.setText(
            tr("Print the {n} selected visits").format(n=n) if n > 1 else tr("Print this visit")
        )

    def print_selected(self) -> None:
        """The selected visits' summary sheets, one a page, on the Reports page."""
        ids = self.selected_ids()
        if ids:
            self.window_.show_page("reports").preset("visits", ids)

    def new_record(self) -> None:
        self.window_.log_visit()

    def open_dialog(self, complete: bool) -> None:
        if self._shown:
            self.window_.log_visit(visit_id=self._shown, complete=complete)

    def visit_shown(self) -> str | None:
        return self._shown

    def detail_text(self) -> str:
        return self.summary.toPlainText()
