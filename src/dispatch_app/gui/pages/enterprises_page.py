"""企业: enterprises with district, industry, qualification and size filters."""

from __future__ import annotations

from ...domain.choices import ENTERPRISE_SIZE, INDUSTRIES, QUALIFICATIONS
from ..forms.enterprise_form import EnterpriseForm
from ..i18n import N_, current_language, tr
from .form_page import FormPage


class EnterprisesPage(FormPage):
    key = "enterprises"
    kind = "enterprises"
    form_cls = EnterpriseForm
    search_hint = N_("Name, USCC or pinyin (e.g. wzdx)")

    def build_filters(self) -> None:
        self.add_district_filter()
        self.add_combo_filter("industry", N_("All industries"), [(i, i) for i in INDUSTRIES])
        self.add_combo_filter(
            "qualification", N_("All qualifications"), [(q, q) for q in QUALIFICATIONS]
        )
        self.add_combo_filter(
            "size",
            N_("All sizes"),
            [(ENTERPRISE_SIZE.label(c, current_language()), c) for c in ENTERPRISE_SIZE.codes],
        )

    def new_button_text(self) -> str:
        return tr("New enterprise")
