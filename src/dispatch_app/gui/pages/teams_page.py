"""轻骑队: light-cavalry teams with their leaders and rosters."""

from __future__ import annotations

from ...domain.choices import INDUSTRIES
from ..forms.team_form import TeamForm
from ..i18n import N_, tr
from .form_page import FormPage


class TeamsPage(FormPage):
    key = "teams"
    kind = "teams"
    form_cls = TeamForm
    search_hint = N_("Team name or pinyin")

    def build_filters(self) -> None:
        self.add_district_filter()
        self.add_combo_filter("industry", N_("All industries"), [(i, i) for i in INDUSTRIES])
        self.expert_filter = self.add_expert_filter()

    def new_button_text(self) -> str:
        return tr("New team")
