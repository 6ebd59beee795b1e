"""Field editors for the record forms: one widget kind per value kind, one way to read/write.

Every editor gives and takes the *raw* text a user would type (the domain's ``clean_*``
functions parse it), so what the form validates is exactly what the service will save.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...domain.choices import Vocabulary
from ...services.lookup import Option
from ..i18n import current_language, tr
from ..lookup_edit import LookupEdit


@dataclass(frozen=True)
class FieldSpec:
    """One form row. ``kind``: line | text | date | bool | vocab | options | lookup."""

    name: str
    kind: str = "line"
    required: bool = False
    vocab: Vocabulary | None = None
    # options(store, form_values) -> choices, for combos whose list comes from the database
    options: Callable[[Any, dict[str, Any]], list[Option]] | None = None
    depends_on: str | None = None  # reload the options when this field changes
    # lookup(store, text) -> matches, for LookupEdit fields (enterprise, expert)
    lookup: Callable[[Any, str], list[Option]] | None = None
    placeholder: str = ""  # English source, translated when shown
    editable_choices: tuple[str, ...] = ()  # suggestions for an editable combo (industry)


def make_editor(spec: FieldSpec, parent: QWidget) -> QWidget:
    """The widget for a field (read with :func:`read_value`, written with :func:`write_value`)."""
    kind = spec.kind
    if kind == "text":
        w: QWidget = QPlainTextEdit(parent)
        w.setTabChangesFocus(True)
        w.setFixedHeight(64)
    elif kind == "bool":
        w = QCheckBox(parent)
    elif kind == "vocab":
        w = QComboBox(parent)
        w.addItem("", "")
        assert spec.vocab is not None
        for code in spec.vocab.codes:
            w.addItem(spec.vocab.label(code, current_language()), code)
    elif kind == "options":
        w = QComboBox(parent)
        w.addItem("", "")
    elif kind == "lookup":
        w = LookupEdit(parent=parent)
    elif spec.editable_choices:
        w = QComboBox(parent)
        w.setEditable(True)
        w.addItems(["", *spec.editable_choices])
    else:
        w = QLineEdit(parent)
    if spec.placeholder:
        if isinstance(w, QLineEdit | QPlainTextEdit):
            w.setPlaceholderText(tr(spec.placeholder))
        elif isinstance(w, QComboBox) and w.isEditable():
            w.lineEdit().setPlaceholderText(tr(spec.placeholder))
    w.setObjectName(f"field_{spec.name}")
    return w


def read_value(w: QWidget) -> Any:
    if isinstance(w, LookupEdit):
        return w.selected_id
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, QComboBox):
        if w.isEditable():
            return w.currentText()
        return w.currentData() or ""
    if isinstance(w, QLineEdit):
        return w.text()
    return None


def write_value(w: QWidget, value: Any, text: str = "") -> None:
    """Show ``value`` (for lookups ``text`` is the shown name)."""
    if isinstance(w, LookupEdit):
        w.set_selected(str(value or ""), text)
    elif isinstance(w, QPlainTextEdit):
        w.setPlainText("" if value is None else str(value))
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))
    elif isinstance(w, QComboBox):
        if w.isEditable():
            w.setCurrentText("" if value is None else str(value))
        else:
            i = w.findData("" if value is None else str(value))
            if i < 0 and value:
                w.addItem(str(value), str(value))  # an old value no longer offered
                i = w.count() - 1
            w.setCurrentIndex(max(i, 0))
    elif isinstance(w, QLineEdit):
        if isinstance(value, tuple | list):
            value = "、".join(str(v) for v in value)
        w.setText("" if value is None else str(value))
        w.setCursorPosition(0)  # a long address shows its beginning, not its end


def connect_edited(w: QWidget, slot: Callable[[], None]) -> None:
    if isinstance(w, LookupEdit):
        w.chosen.connect(lambda _id: slot())
        w.textEdited.connect(lambda _t: slot())
    elif isinstance(w, QPlainTextEdit):
        w.textChanged.connect(slot)
    elif isinstance(w, QCheckBox):
        w.toggled.connect(lambda _b: slot())
    elif isinstance(w, QComboBox):
        if w.isEditable():
            w.editTextChanged.connect(lambda _t: slot())
        else:
            w.currentIndexChanged.connect(lambda _i: slot())
    elif isinstance(w, QLineEdit):
        w.textEdited.connect(lambda _t: slot())


def fill_options(w: QComboBox, options: list[Option]) -> None:
    """Replace a combo's choices, keeping the current value when it is still offered."""
    current = w.currentData()
    w.blockSignals(True)
    w.clear()
    w.addItem("", "")
    for o in options:
        w.addItem(o.text, o.id)
    i = w.findData(current) if current else 0
    w.setCurrentIndex(max(i, 0))
    w.blockSignals(False)
