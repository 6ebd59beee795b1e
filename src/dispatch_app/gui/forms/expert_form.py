"""The expert form: who they are, where they work, what they know, whether they can be a VP."""

from __future__ import annotations

from typing import Any

from ...domain.records import Expert, Record
from ...domain.validation import clean_expert
from ...services import lookup
from ..i18n import N_, tr
from .coordinates import COORDINATE_FIELDS, default_datum, show_point
from .fields import FieldSpec
from .record_form import RecordForm


def _districts(store, values):
    return lookup.district_options(store)


class ExpertForm(RecordForm):
    record_cls = Expert
    cleaner = staticmethod(clean_expert)
    domain_kind = "expert"
    list_kind = "experts"
    fields = (
        FieldSpec("name", required=True),
        FieldSpec("institution", required=True),
        FieldSpec("title"),
        FieldSpec("specialties", required=True, placeholder=N_("Separate several with 、")),
        FieldSpec("phone"),
        FieldSpec("district_code", "options", options=_districts),
        FieldSpec("address"),
        *COORDINATE_FIELDS,
        FieldSpec("can_be_vp", "bool"),
    )
    related_links = (
        ("teams", "expert", N_("Teams"), "teams"),
        ("appointments", "expert", N_("Tech VPs"), "appointments"),
        ("visits", "expert", N_("Visits"), "visits"),
    )

    def defaults(self) -> dict[str, Any]:
        return default_datum()

    def after_load(self, record: Record) -> None:
        show_point(self, record)

    def new_title(self) -> str:
        return tr("New expert")
