"""企业: enterprises with district, industry, qualification and size filters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

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

    def build_detail(self, parent: QWidget) -> QWidget:
        form = super().build_detail(parent)
        self.form.suggest_requested.connect(self.suggest)
        from ..dialogs.suggest_actions import SHORTCUT_EXPERTS, SHORTCUT_TEAMS

        for keys, purpose in ((SHORTCUT_EXPERTS, "appointment"), (SHORTCUT_TEAMS, "visit")):
            shortcut = QShortcut(QKeySequence(keys), self, lambda p=purpose: self.suggest(p))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return form

    def suggest(self, purpose: str) -> None:
        """推荐专家 / 推荐轻骑队 for the enterprise shown in the form."""
        enterprise_id = self.form.record_id
        if not enterprise_id or self.store is None:
            self.window_.statusBar().showMessage(tr("Select an enterprise first."), 5000)
            return
        from ..dialogs.suggest_actions import suggest_for_enterprise

        suggest_for_enterprise(self, enterprise_id, purpose)
