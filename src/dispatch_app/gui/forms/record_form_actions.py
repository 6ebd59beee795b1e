"""What a record form's buttons do: save, revert, archive, delete, and the refusal banner.

A mixin of :class:`..record_form.RecordForm` (kept apart so the form module stays about values
and validation). A refused save shows why in the banner and leaves every field as typed; a
duplicate offers to open the existing record.
"""

from __future__ import annotations

from typing import Any

from ...domain.problems import DuplicateRecord, HistoryProtected, ValidationError
from ...services import registry
from ...store.errors import StoreError
from ..i18n import current_language, pick, tr


class RecordFormActions:
    """Save / Revert / Archive / Delete for :class:`RecordForm` (uses its widgets and state)."""

    # Provided by RecordForm (declared for readers and type checkers).
    store: Any
    record_id: str | None
    archived: bool
    record_cls: Any
    saved: Any
    open_record: Any
    keeper: Any
    _touched: set[str]
    _problems: list[Any]
    _duplicate_id: str
    banner: Any
    banner_text: Any
    banner_button: Any
    fields: tuple[Any, ...]

    # -- actions -----------------------------------------------------------------------------
    def show_history(self) -> Any:
        """The record's audit trail in a dialog (opened, not run: the window stays usable)."""
        if self.store is None or self.record_id is None:
            return None
        from ..dialogs.history_dialog import HistoryDialog

        title = self.title.text()  # type: ignore[attr-defined]
        kind = self.domain_kind  # type: ignore[attr-defined]
        dialog = HistoryDialog(self.store, self.record_id, kind, title, self)  # type: ignore
        dialog.open()
        return dialog

    def save(self) -> bool:
        """Write the record; False (with the reason shown, input kept) when refused."""
        if self.store is None:
            return False
        self._touched = {spec.name for spec in self.fields}
        if self.validate():
            return False
        raw = self.clean_input(self.raw())
        try:
            record_id = self.write(raw)
        except DuplicateRecord as exc:
            self.show_banner(exc.problems[0].message(current_language()), exc.existing_id)
            return False
        except ValidationError as exc:
            self._problems = list(exc.problems)
            self.show_banner("\n".join(p.message(current_language()) for p in exc.problems))
            return False
        except (StoreError, HistoryProtected) as exc:
            self.show_banner(pick(exc.zh, exc.en))
            return False
        self.keeper.forget()  # (the draft of "new" or of this record)
        self.record_id = record_id
        self.hide_banner()
        self.saved.emit(record_id)
        self.load(record_id)
        return True

    def write(self, raw: dict[str, Any]) -> str:
        """Insert or update through the services; returns the record's id."""
        if self.record_id is None:
            return registry.register(self.store, self.record_cls, raw).id
        return registry.edit(self.store, self.record_cls, self.record_id, raw).id

    def revert(self) -> None:
        self.keeper.forget()
        if self.record_id is not None:
            self.load(self.record_id)
        else:
            self.new_record()

    def toggle_archived(self) -> None:
        if self.record_id is None or self.store is None:
            return
        try:
            registry.set_archived(self.store, self.record_cls, self.record_id, not self.archived)
        except StoreError as exc:
            self.show_banner(pick(exc.zh, exc.en))
            return
        self.saved.emit(self.record_id)
        self.load(self.record_id)

    def delete(self) -> None:
        if self.record_id is None or self.store is None:
            return
        from ..dialogs.messages import ask

        if not ask(self, tr("Delete"), tr("Delete this record? This cannot be undone.")):
            return
        try:
            registry.delete(self.store, self.record_cls, self.record_id)
        except HistoryProtected as exc:
            self.show_banner(pick(exc.zh, exc.en))
            return
        except StoreError as exc:
            self.show_banner(pick(exc.zh, exc.en))
            return
        deleted = self.record_id
        self.keeper.forget()
        self.new_record()
        self.saved.emit(deleted)

    # -- banner ------------------------------------------------------------------------------
    def show_banner(self, text: str, duplicate_id: str = "") -> None:
        self.banner_text.setText(text)
        self._duplicate_id = duplicate_id
        self.banner_button.setVisible(bool(duplicate_id))
        self.banner.show()

    def hide_banner(self) -> None:
        self.banner.hide()
        self._duplicate_id = ""

    def banner_message(self) -> str:
        return self.banner_text.text() if self.banner.isVisibleTo(self) else ""

    def _open_duplicate(self) -> None:
        if self._duplicate_id:
            self.open_record.emit(self._duplicate_id)
