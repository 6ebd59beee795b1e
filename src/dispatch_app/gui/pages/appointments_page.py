"""科技副总: appointments of experts to enterprises, by status, batch year and district."""

from __future__ import annotations

from ... import clock
from ...domain.choices import APPOINTMENT_STATUS
from ..forms.appointment_form import AppointmentForm
from ..i18n import N_, current_language, tr
from .form_page import FormPage


class AppointmentsPage(FormPage):
    key = "appointments"
    kind = "appointments"
    form_cls = AppointmentForm
    search_hint = N_("Expert or enterprise, name or pinyin")

    def build_filters(self) -> None:
        self.add_district_filter()
        self.add_combo_filter(
            "status",
            N_("All statuses"),
            [
                (APPOINTMENT_STATUS.label(c, current_language()), c)
                for c in APPOINTMENT_STATUS.codes
            ],
        )
        this_year = clock.today().year
        self.add_combo_filter(
            "batch_year",
            N_("All batches"),
            [(str(y), y) for y in range(this_year + 1, this_year - 5, -1)],
        )
        self.expert_filter = self.add_expert_filter()

    def new_button_text(self) -> str:
        return tr("New appointment")
