"""A record page whose detail pane is an edit form (enterprises, experts, teams, VPs, cases)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ..forms.record_form import RecordForm
from .record_page import RecordPage


class FormPage(RecordPage):
    form_cls: type[RecordForm]

    def build_detail(self, parent: QWidget) -> QWidget:
        self.form = self.form_cls(parent)
        self.form.setMinimumWidth(360)
        self.form.saved.connect(self._on_saved)
        self.form.open_record.connect(self.open_existing)
        self.form.show_related.connect(
            lambda page, name, rid: self.window_.show_related(page, name, rid)
        )
        self.form.set_drafts(getattr(self.window_, "drafts", None))
        return self.form

    def store_changed(self) -> None:
        if self.form.store is not self.store:
            self.form.set_store(self.store)

    def show_record(self, record_id: str) -> None:
        if record_id == self.form.record_id and self.form.has_unsaved_changes():
            return  # a refresh must not replace what is being typed into this very record
        self.form.load(record_id)

    def new_record(self) -> None:
        self.view.clearSelection()
        self.view.setCurrentIndex(self.model.index(-1, -1))
        self.form.new_record()
        first = next(iter(self.form.editors.values()), None)
        if first is not None:
            first.setFocus()

    def open_existing(self, record_id: str) -> None:
        """After a duplicate: find the existing record (clearing the search) and show it."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply()
        self.select_record(record_id)

    def _on_saved(self, record_id: str) -> None:
        self.model.reload()
        row = self.model.row_of(record_id)
        if row >= 0:
            self.view.blockSignals(True)
            self.view.selectRow(row)
            self.view.blockSignals(False)
        self.window_.refresh_pages(except_page=self)

    def save_current(self) -> bool:
        return self.form.save()

    def form_values(self) -> dict[str, Any]:
        return self.form.raw()
