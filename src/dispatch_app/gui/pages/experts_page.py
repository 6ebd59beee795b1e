"""专家: the expert pool, filterable by district, team and eligibility as tech VP."""

from __future__ import annotations

from ..forms.expert_form import ExpertForm
from ..i18n import N_, tr
from .form_page import FormPage


class ExpertsPage(FormPage):
    key = "experts"
    kind = "experts"
    form_cls = ExpertForm
    search_hint = N_("Name, institution, specialty or pinyin")

    def build_filters(self) -> None:
        self.add_district_filter()
        self.team_filter = self.add_team_filter()
        self.add_combo_filter("can_be_vp", N_("Any role"), [(tr("Can be tech VP"), 1)])

    def new_button_text(self) -> str:
        return tr("New expert")
