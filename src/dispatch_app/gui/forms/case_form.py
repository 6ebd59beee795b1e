"""The typical-case form: the story (background, measures, results) and its figures."""

from __future__ import annotations

from typing import Any

from ... import clock
from ...domain.records import Case, Record
from ...domain.validation import clean_case
from ...services import lookup
from ..i18n import tr
from .fields import FieldSpec
from .record_form import RecordForm


def _districts(store, values):
    return lookup.district_options(store)


def _enterprises(store, text):
    return lookup.enterprise_completions(store, text)


class CaseForm(RecordForm):
    record_cls = Case
    cleaner = staticmethod(clean_case)
    domain_kind = "case"
    list_kind = "cases"
    fields = (
        FieldSpec("title", required=True),
        FieldSpec("enterprise_id", "lookup", required=True, lookup=_enterprises),
        FieldSpec("district_code", "options", options=_districts),
        FieldSpec("industry"),
        FieldSpec("year", required=True),
        FieldSpec("background", "text"),
        FieldSpec("measures", "text"),
        FieldSpec("results", "text"),
        FieldSpec("output_value_wan"),
        FieldSpec("cost_saved_wan"),
        FieldSpec("patents"),
        FieldSpec("new_products"),
        FieldSpec("approved", "bool"),
    )

    def new_title(self) -> str:
        return tr("New case")

    def defaults(self) -> dict[str, Any]:
        return {"year": clock.today().year}

    def clean_input(self, raw: dict[str, Any]) -> dict[str, Any]:
        """A case belongs to its enterprise's district unless another is chosen."""
        if not raw.get("district_code") and raw.get("enterprise_id") and self.store is not None:
            raw = {
                **raw,
                "district_code": lookup.enterprise_district(self.store, raw["enterprise_id"]),
            }
        return raw

    def lookup_texts(self, record: Record) -> dict[str, str]:
        ent = getattr(record, "enterprise_id", "")
        return {"enterprise_id": lookup.display_name(self.store, "enterprises", ent)}
