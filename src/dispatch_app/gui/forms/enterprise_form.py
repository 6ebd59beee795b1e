"""The enterprise form: USCC, name, district/town, industry, qualifications, contact, needs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from ...domain.choices import ENTERPRISE_SIZE, INDUSTRIES
from ...domain.records import Enterprise, Record
from ...domain.validation import clean_enterprise
from ...services import lookup
from ..i18n import N_, tr
from .coordinates import COORDINATE_FIELDS, default_datum, show_point
from .fields import FieldSpec
from .record_form import RecordForm


def _districts(store, values):
    return lookup.district_options(store)


def _towns(store, values):
    return lookup.town_options(store, values.get("district_code") or "")


class EnterpriseForm(RecordForm):
    suggest_requested = Signal(str)  # "appointment" (推荐专家) or "visit" (推荐轻骑队)

    record_cls = Enterprise
    cleaner = staticmethod(clean_enterprise)
    domain_kind = "enterprise"
    list_kind = "enterprises"
    fields = (
        FieldSpec("uscc", required=True, placeholder=N_("18 characters, e.g. 91330382MA2XXXXXXX")),
        FieldSpec("name", required=True),
        FieldSpec("district_code", "options", required=True, options=_districts),
        FieldSpec("town_code", "options", options=_towns, depends_on="district_code"),
        FieldSpec("address"),
        *COORDINATE_FIELDS,
        FieldSpec("industry", editable_choices=tuple(INDUSTRIES)),
        FieldSpec("size", "vocab", vocab=ENTERPRISE_SIZE),
        FieldSpec("qualifications", placeholder=N_("Separate several with 、")),
        FieldSpec("contact_name"),
        FieldSpec("contact_phone"),
        FieldSpec("tech_needs", "text"),
    )
    related_links = (
        ("visits", "enterprise", N_("Visits"), "visits"),
        ("appointments", "enterprise", N_("Tech VPs"), "appointments"),
        ("cases", "enterprise", N_("Cases"), "cases"),
    )

    def __init__(self, parent=None) -> None:
        self.suggest_buttons: dict[str, QPushButton] = {}
        super().__init__(parent)
        row = QHBoxLayout()  # its own row: beside the related links it is cut off in English
        row.addStretch(1)
        outer = self.layout()
        at = next(i for i in range(outer.count()) if outer.itemAt(i).layout() is self.related_bar)
        outer.insertLayout(at, row)
        for purpose, text, name in (
            ("appointment", tr("Suggest experts…"), "suggestExperts"),
            ("visit", tr("Suggest teams…"), "suggestTeams"),
        ):
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.clicked.connect(lambda _c=False, p=purpose: self.suggest_requested.emit(p))
            b.setToolTip(
                tr("Ranked experts for a tech VP appointment (Ctrl+M)")
                if purpose == "appointment"
                else tr("Ranked teams and experts, and a proposed team, for a visit (Ctrl+Shift+M)")
            )
            row.addWidget(b)
            self.suggest_buttons[purpose] = b
        self._update_buttons()

    def _update_buttons(self) -> None:
        super()._update_buttons()
        for b in self.suggest_buttons.values():
            b.setEnabled(self.record_id is not None and self.store is not None)

    def defaults(self) -> dict[str, Any]:
        return default_datum()

    def after_load(self, record: Record) -> None:
        show_point(self, record)

    def new_title(self) -> str:
        return tr("New enterprise")
