"""典型案例: typical cases, by year, district and whether approved for print."""

from __future__ import annotations

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

    def new_button_text(self) -> str:
        return tr("New case")
