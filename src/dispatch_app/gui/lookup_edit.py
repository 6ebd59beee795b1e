"""A line edit that picks a record by typing: name, USCC or pinyin, matched in SQL.

The completer shows whatever the search function returns (``UnfilteredPopupCompletion``):
Qt's own prefix matching would hide ``wzdx`` → 温州大学. Typing is debounced (150 ms) so a fast
typist does not run a query per key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ..services.lookup import Option

SearchFn = Callable[[str], list[Option]]


class LookupEdit(QLineEdit):
    """Holds the id of the chosen record; ``chosen`` fires with it (or "" when cleared)."""

    chosen = Signal(str)

    def __init__(self, search: SearchFn | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._options: list[Option] = []
        self._id = ""
        self._text_of_id = ""
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        self._completer.activated.connect(self._on_activated_text)
        self.setCompleter(None)  # the popup is driven by hand, after our own query
        self._completer.setWidget(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_options)
        self.textEdited.connect(self._on_edited)
        self.setClearButtonEnabled(True)

    def set_search(self, search: SearchFn | None) -> None:
        self._search = search

    @property
    def selected_id(self) -> str:
        return self._id

    def set_selected(self, record_id: str, text: str) -> None:
        """Show an already chosen record (loading a form)."""
        self._id, self._text_of_id = record_id or "", text or ""
        self.setText(self._text_of_id)

    def clear_selection(self) -> None:
        self.set_selected("", "")

    def options(self) -> list[Option]:
        return list(self._options)

    def _on_edited(self, text: str) -> None:
        if self._id and text != self._text_of_id:
            self._id = ""
            self.chosen.emit("")
        self._timer.start()

    def refresh_options(self) -> None:
        """Run the search for the current text now (tests call this instead of waiting)."""
        self._timer.stop()
        text = self.text().strip()
        self._options = self._search(text) if (self._search and text) else []
        self._model.setStringList(
            [f"{o.text}  ({o.detail})" if o.detail else o.text for o in self._options]
        )
        if self._options and self.hasFocus():
            self._completer.complete()
        elif not self._options:
            self._completer.popup().hide()

    def choose(self, row: int) -> None:
        """Take option ``row`` of the last search (as clicking it in the popup does)."""
        if 0 <= row < len(self._options):
            option = self._options[row]
            self._id, self._text_of_id = option.id, option.text
            self.setText(option.text)
            self.chosen.emit(option.id)

    def choose_single(self) -> bool:
        """Take the one record the typed text matches (Enter without opening the list);
        False, and nothing changes, when it matches none or several."""
        if self._id or not self._search or not self.text().strip():
            return False
        self._timer.stop()
        options = self._search(self.text().strip())
        if len(options) != 1:
            return False
        self._options = options
        self._completer.popup().hide()
        self.choose(0)
        return True

    def _on_activated_text(self, text: str) -> None:
        labels = self._model.stringList()
        if text in labels:
            self.choose(labels.index(text))
