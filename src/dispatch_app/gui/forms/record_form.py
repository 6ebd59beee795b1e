"""The detail/edit form beside a table: validates as the user types, never loses input.

Validation is the domain's: the form gathers the raw values, calls the record's ``clean_*``
and shows each problem's message (in the interface language) under its field. Save stays
disabled while any problem remains. A refused save (a duplicate USCC, a database error) shows
why in a banner and leaves every field as typed; a duplicate offers to open the existing record.

Layout is in ``record_form_layout``, what the buttons do in ``record_form_actions`` (a mixin).

Unsaved input is also written to the drafts file (``..draft_keeper``) a second after the last
edit, and when another record is about to be shown; opening the same record again offers it
back ("Unsaved input from … [Restore] [Discard]"). Saving, reverting or discarding drops it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ...domain.problems import FieldProblem, ValidationError
from ...domain.records import Record
from ...services import lookup
from ..draft_keeper import DraftKeeper
from ..drafts import Drafts
from ..i18n import current_language, tr
from ..lookup_edit import LookupEdit
from . import form_draft, record_form_layout
from .fields import FieldSpec, fill_options, read_value, write_value
from .record_form_actions import RecordFormActions
from .record_form_layout import BANNER_STYLE, ERROR_STYLE


class RecordForm(RecordFormActions, QWidget):
    """Subclasses set ``record_cls``, ``cleaner``, ``domain_kind``, ``fields`` and links."""

    saved = Signal(str)  # id of the record written
    open_record = Signal(str)  # id of an existing record to show (after a duplicate)
    show_related = Signal(str, str, str)  # page key, filter name, record id

    record_cls: type[Record]
    cleaner: Callable[..., Record]
    domain_kind: str  # "enterprise", "expert" ... for the domain's field labels
    list_kind: str  # listing kind / table name
    fields: tuple[FieldSpec, ...] = ()
    # (page key, filter name, button text, related_counts key)
    related_links: tuple[tuple[str, str, str, str], ...] = ()
    can_archive = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Any = None
        self.record_id: str | None = None
        self.archived = False
        self._loading = False
        self._touched: set[str] = set()
        self._problems: list[FieldProblem] = []
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._build()
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(120)
        self._validate_timer.timeout.connect(self.validate)
        self.keeper = DraftKeeper(
            self, self.list_kind, self.draft_values, self.restore_draft, self.draft_banner
        )
        self.new_record()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        record_form_layout.build(self)

    def build_extra(self, parent: QWidget) -> QWidget | None:
        """Room for a subclass's extra section (a team's roster)."""
        return None

    # -- data --------------------------------------------------------------------------------
    def set_drafts(self, drafts: Drafts | None) -> None:
        """Where unsaved input is kept (None: nowhere, e.g. a form shown on its own)."""
        self.keeper.drafts = drafts
        self.keeper.opened(self._db(), self.record_id)

    def _db(self) -> str | None:
        return str(self.store.path) if self.store is not None else None

    def set_store(self, store: Any) -> None:
        self.keeper.leave()
        self.store = store
        for spec in self.fields:
            w = self.editors[spec.name]
            if spec.kind == "lookup" and isinstance(w, LookupEdit) and spec.lookup:
                w.set_search(lambda text, f=spec.lookup: f(self.store, text) if self.store else [])
        self._reload_options()
        self.new_record()

    def _reload_options(self, only_dependents_of: str | None = None) -> None:
        if self.store is None:
            return
        values = self.raw()
        for spec in self.fields:
            if spec.options is None:
                continue
            if only_dependents_of is not None and spec.depends_on != only_dependents_of:
                continue
            w = self.editors[spec.name]
            assert isinstance(w, QComboBox)
            fill_options(w, spec.options(self.store, values))

    def raw(self) -> dict[str, Any]:
        return {spec.name: read_value(self.editors[spec.name]) for spec in self.fields}

    def new_record(self, defaults: dict[str, Any] | None = None) -> None:
        self.keeper.leave()
        self.record_id = None
        self.archived = False
        self.clear_extra()
        self._fill({}, defaults or self.defaults())
        self.title.setText(self.new_title())
        self.keeper.opened(self._db(), None)

    def clear_extra(self) -> None:
        """Empty a subclass's extra section for a new record (a team's roster)."""

    def defaults(self) -> dict[str, Any]:
        return {}

    def new_title(self) -> str:
        return tr("New record")

    def load(self, record_id: str) -> None:
        """Show a stored record for editing."""
        if self.store is None:
            return
        record = lookup.load(self.store, self.record_cls, record_id)
        self.keeper.leave()
        self.record_id = record_id
        self.archived = bool(getattr(record, "archived_at", None))
        values = {spec.name: getattr(record, spec.name, "") for spec in self.fields}
        self._fill(self.lookup_texts(record), values)
        self.title.setText(self.record_title(record))
        self.after_load(record)
        self._touched = {spec.name for spec in self.fields}
        self.validate()
        self.keeper.opened(self._db(), record_id)

    def lookup_texts(self, record: Record) -> dict[str, str]:
        """Shown names of the ids held by lookup fields."""
        return {}

    def record_title(self, record: Record) -> str:
        return str(getattr(record, "name", "") or getattr(record, "title", ""))

    def after_load(self, record: Record) -> None:
        pass

    def _fill(self, texts: dict[str, str], values: dict[str, Any]) -> None:
        self._loading = True
        try:
            for spec in self.fields:
                if spec.depends_on is None:
                    write_value(
                        self.editors[spec.name], values.get(spec.name), texts.get(spec.name, "")
                    )
            for spec in self.fields:
                if spec.depends_on is not None:
                    if self.store is not None and spec.options is not None:
                        w = self.editors[spec.name]
                        assert isinstance(w, QComboBox)
                        fill_options(w, spec.options(self.store, self.raw()))
                    write_value(self.editors[spec.name], values.get(spec.name))
        finally:
            self._loading = False
        self._touched = set()
        self.hide_banner()
        self.validate()
        self._update_buttons()

    # -- validation -------------------------------------------------------------------------
    def _on_edited(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        for spec in self.fields:
            if spec.depends_on == name:
                self._reload_options(only_dependents_of=name)
        self._validate_timer.start()  # Save re-validates at once when clicked before this fires
        self.keeper.edited()

    def problems(self) -> list[FieldProblem]:
        return list(self._problems)

    def validate(self) -> list[FieldProblem]:
        """Run the domain's checks now; show messages under touched fields."""
        self._validate_timer.stop()
        raw = self.raw()
        problems: list[FieldProblem] = []
        for spec in self.fields:
            w = self.editors[spec.name]
            if isinstance(w, LookupEdit) and w.text().strip() and not w.selected_id:
                problems.append(
                    FieldProblem(spec.name, "请从下拉列表中选择", "Choose an entry from the list")
                )
        try:
            self.cleaner(self.clean_input(raw))
        except ValidationError as exc:
            problems += [p for p in exc.problems if p.field not in {q.field for q in problems}]
        problems += self.extra_problems(raw)
        self._problems = problems
        by_field: dict[str, list[str]] = {}
        for p in problems:
            by_field.setdefault(p.field.split("[")[0], []).append(p.message(current_language()))
        for name, label in self.errors.items():
            messages = by_field.get(name, []) if name in self._touched else []
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
        self._update_buttons()
        return problems

    def clean_input(self, raw: dict[str, Any]) -> dict[str, Any]:
        return raw

    def extra_problems(self, raw: dict[str, Any]) -> list[FieldProblem]:
        return []

    def _update_buttons(self) -> None:
        ok = not self._problems and self.store is not None
        self.save_button.setEnabled(ok)
        existing = self.record_id is not None
        self.revert_button.setEnabled(True)
        self.archive_button.setEnabled(existing)
        self.archive_button.setText(tr("Restore") if self.archived else tr("Archive"))
        self.delete_button.setEnabled(existing)
        self.history_button.setEnabled(existing and self.store is not None)
        counts = (
            lookup.related_counts(self.store, self.list_kind, self.record_id)
            if existing and self.store is not None and not self.store.closed and self.related_links
            else {}
        )
        for key, b in self.related_buttons.items():
            b.setEnabled(existing)
            n = counts.get(key, 0)
            b.setText(tr(b.property("text_source")) + (f" ({n})" if existing else ""))

    # -- drafts ------------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.keeper.is_dirty()

    def draft_values(self) -> dict[str, Any]:
        return form_draft.values_of(self)

    def restore_draft(self, values: dict[str, Any]) -> None:
        form_draft.restore(self, values)

    def extra_draft(self) -> Any:
        """A subclass's extra section as JSON-able data (None: it has none)."""
        return None

    def restore_extra_draft(self, data: Any) -> None:
        pass


__all__ = ["BANNER_STYLE", "ERROR_STYLE", "RecordForm"]
