"""The 科技副总 appointment form: which expert, which enterprise, the term and its status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from ... import clock
from ...domain.choices import APPOINTMENT_STATUS
from ...domain.records import Appointment, Record
from ...domain.validation import clean_appointment
from ...services import appointments, lookup
from ..i18n import N_, tr
from .fields import FieldSpec
from .record_form import RecordForm


def _enterprises(store, text):
    return lookup.enterprise_completions(store, text)


def _experts(store, text):
    return lookup.expert_completions(store, text)


class AppointmentForm(RecordForm):
    record_cls = Appointment
    cleaner = staticmethod(clean_appointment)
    domain_kind = "appointment"
    list_kind = "appointments"
    can_archive = False
    fields = (
        FieldSpec(
            "expert_id",
            "lookup",
            required=True,
            lookup=_experts,
            placeholder=N_("Type a name or pinyin initials"),
        ),
        FieldSpec(
            "enterprise_id",
            "lookup",
            required=True,
            lookup=_enterprises,
            placeholder=N_("Type a name, USCC or pinyin initials"),
        ),
        FieldSpec("start_date", "date", required=True, placeholder=N_("e.g. 2026-03-05")),
        FieldSpec("end_date", "date", required=True, placeholder=N_("e.g. 2027-03-04")),
        FieldSpec("batch_year", required=True),
        FieldSpec("status", "vocab", vocab=APPOINTMENT_STATUS),
        FieldSpec("duties", "text"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.delete_button.hide()  # an appointment's history is its status, never deleted
        self.suggest_button = QPushButton(tr("Suggest experts…"), self)
        self.suggest_button.setObjectName("suggestExperts")
        self.suggest_button.setToolTip(
            tr("Rank experts for the chosen enterprise; one click fills the expert (Ctrl+M)")
        )
        self.suggest_button.clicked.connect(self.suggest)
        row = QHBoxLayout()
        row.addWidget(self.suggest_button)
        row.addStretch(1)
        self.form_layout.insertRow(2, "", row)  # under the expert and the enterprise
        shortcut = QShortcut(QKeySequence("Ctrl+M"), self, self.suggest)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def suggest(self) -> Any:
        """推荐专家 for the enterprise chosen in the form."""
        from ..dialogs.suggest_actions import suggest_in_appointment_form

        return suggest_in_appointment_form(self)

    def new_title(self) -> str:
        return tr("New tech VP appointment")

    def defaults(self) -> dict[str, Any]:
        return {"batch_year": clock.today().year, "status": "proposed"}

    def record_title(self, record: Record) -> str:
        expert = lookup.display_name(self.store, "experts", record.expert_id)  # type: ignore[attr-defined]
        ent = lookup.display_name(self.store, "enterprises", record.enterprise_id)  # type: ignore[attr-defined]
        return f"{expert} → {ent}"

    def lookup_texts(self, record: Record) -> dict[str, str]:
        return {
            "expert_id": lookup.display_name(self.store, "experts", record.expert_id),  # type: ignore[attr-defined]
            "enterprise_id": lookup.display_name(
                self.store,
                "enterprises",
                record.enterprise_id,  # type: ignore[attr-defined]
            ),
        }

    def write(self, raw: dict[str, Any]) -> str:
        if self.record_id is None:
            return appointments.appoint(self.store, raw).id
        return appointments.edit_appointment(self.store, self.record_id, raw).id
