"""典型案例: typical cases, by year, district and whether approved for print."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from ... import clock
from ..forms.case_form import CaseForm
from ..i18n import N_, tr
from .form_page import FormPage


class CasesPage(FormPage):
    key = "cases"
    kind = "cases"
    form_cls = CaseForm
    search_hint = N_("Title or enterprise (name or pinyin)")

    def build_filters(self) -> None:
        self.add_district_filter()
        this_year = clock.today().year
        self.add_combo_filter(
            "year", N_("All years"), [(str(y), y) for y in range(this_year, this_year - 6, -1)]
        )
        self.add_combo_filter(
            "approved", N_("Approved or not"), [(tr("Approved"), 1), (tr("Not approved"), 0)]
        )

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        # 打印此案例: the case shown, as a booklet section, on the Reports page.
        self.print_button = QPushButton(tr("Print this case"), self)
        self.print_button.setObjectName("printCase")
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(self.print_current)
        self.filter_bar.addWidget(self.print_button)
        shortcut = QShortcut(QKeySequence("Ctrl+P"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.print_current)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_print())
        self._update_print()

    def _update_print(self) -> None:
        self.print_button.setEnabled(self.current_id() is not None)

    def print_current(self) -> None:
        case_id = self.current_id()
        if case_id:
            self.window_.show_page("reports").preset("cases", [case_id])

    def new_button_text(self) -> str:
        return tr("New case")
