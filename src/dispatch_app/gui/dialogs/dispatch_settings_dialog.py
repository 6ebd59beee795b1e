"""调度设置 / Dispatch settings: the matching policy, the route estimate and online geocoding.

What each setting means, its range and its checks come from the core
(``services.dispatch_settings``): the dialog shows one editor per setting with its one-line
explanation under it, checks as the user types (the message in the interface language under
the field) and saves through ``dispatch_settings.save`` -- every value or none. "Restore
defaults" fills the fields with the defaults; nothing is stored until Save.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.problems import FieldProblem, ValidationError
from ...services import dispatch_settings as ds
from ...store.errors import StoreError
from ..forms.record_form_layout import BANNER_STYLE, ERROR_STYLE
from ..i18n import N_, current_language, pick, tr

HELP_STYLE = "color: #666;"
# Values checked together (weights not all 0, team min ≤ max, a provider and what it needs).
_JOINED = (
    {"match.weight_relevance", "match.weight_distance", "match.weight_load"},
    {"match.team_min", "match.team_max"},
    {"geo.geocoder", "geo.baidu_key", "geo.user_agent", "geo.min_interval_s"},
)
PROVIDER_TEXT = {
    "off": N_("Off (work offline)"),
    "baidu": N_("Baidu Maps (needs a key)"),
    "nominatim": N_("Nominatim (OpenStreetMap)"),
}


class DispatchSettingsDialog(QDialog):
    """Edits the dispatch settings of the open database (``store``)."""

    saved = Signal()

    def __init__(
        self,
        store: Any,
        parent: QWidget | None = None,
        *,
        geocoder_factory: Callable[[Any], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("dispatchSettingsDialog")
        self.setWindowTitle(tr("Dispatch settings"))
        self.setMinimumWidth(560)
        self.resize(720, 640)
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._tab_of: dict[str, int] = {}
        self._touched: set[str] = set()
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dispatchSettingsTabs")
        layout.addWidget(self.tabs)
        self.forms: dict[str, QFormLayout] = {}
        for group, (zh, en) in ds.GROUP_LABELS.items():
            scroll = QScrollArea(self.tabs)  # a small screen still reaches every field
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            page = QWidget(scroll)
            form = QFormLayout(page)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            scroll.setWidget(page)
            self.forms[group] = form
            self.tabs.addTab(scroll, pick(zh, en))
        for spec in ds.SPECS:
            self._add_row(spec)
        from .dispatch_settings_geocoding import GeocodingSection

        self.geocoding = GeocodingSection(self, self.forms["geo"], geocoder_factory)
        self.banner = QLabel(self)
        self.banner.setObjectName("dispatchSettingsBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)
        buttons = QDialogButtonBox(self)
        self.defaults_button = QPushButton(tr("Restore defaults"), self)
        self.defaults_button.setObjectName("restoreDefaults")
        self.defaults_button.setToolTip(tr("Fill in every default; nothing is stored until Save"))
        self.defaults_button.clicked.connect(self.restore_defaults)
        buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.save_button = buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveDispatchSettings")
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_values(ds.load(store))
        self._touched = set()

    # -- building ---------------------------------------------------------------------------
    def _add_row(self, spec: ds.Spec) -> None:
        form = self.forms[spec.group]
        holder = QWidget(form.parentWidget())
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(1)
        editor = self._editor(spec, holder)
        editor.setObjectName(spec.key)
        column.addWidget(editor)
        hint = pick(spec.help_zh, spec.help_en)
        if spec.low is not None:
            hint += "  " + tr("(range {low} – {high})").format(
                low=_number_text(spec.low), high=_number_text(spec.high)
            )
        help_label = QLabel(hint, holder)
        help_label.setStyleSheet(HELP_STYLE)
        help_label.setWordWrap(True)
        column.addWidget(help_label)
        error = QLabel(holder)
        error.setObjectName(f"error:{spec.key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        form.addRow(pick(spec.label_zh, spec.label_en), holder)
        self.editors[spec.key] = editor
        self.errors[spec.key] = error
        self._tab_of[spec.key] = list(ds.GROUP_LABELS).index(spec.group)

    def _editor(self, spec: ds.Spec, parent: QWidget) -> QWidget:
        if spec.kind == "bool":
            box = QCheckBox(parent)
            box.toggled.connect(lambda _on, k=spec.key: self._edited(k))
            return box
        if spec.kind == "choice":
            combo = QComboBox(parent)
            for code in spec.choices:
                combo.addItem(tr(PROVIDER_TEXT.get(code, code)), code)
            combo.currentIndexChanged.connect(lambda _i, k=spec.key: self._edited(k))
            return combo
        edit = QLineEdit(parent)
        if spec.secret:
            edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        if spec.kind == "time":
            edit.setPlaceholderText("08:30")
        edit.textEdited.connect(lambda _t, k=spec.key: self._edited(k))
        return edit

    # -- values -----------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        out = {}
        for key, w in self.editors.items():
            if isinstance(w, QCheckBox):
                out[key] = "1" if w.isChecked() else "0"
            elif isinstance(w, QComboBox):
                out[key] = str(w.currentData())
            else:
                assert isinstance(w, QLineEdit)
                out[key] = w.text().strip()
        return out

    def set_values(self, values: dict[str, str]) -> None:
        for key, text in values.items():
            w = self.editors.get(key)
            if isinstance(w, QCheckBox):
                w.setChecked(text == "1")
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(w.findData(text), 0))
            elif isinstance(w, QLineEdit):
                w.setText(text)
        self.validate()

    def set_value(self, key: str, text: str) -> None:
        """Type ``text`` into one field as a user would (tests, and the geocoding section)."""
        self.set_values({key: text})
        self._edited(key)

    def restore_defaults(self) -> None:
        self.set_values(ds.defaults())
        self._touched = set(self.editors)
        self.validate()

    # -- checks and save -----------------------------------------------------------------------
    def _edited(self, key: str) -> None:
        self._touched.add(key)
        for group in _JOINED:  # a rule joining values shows its message under any of them
            if key in group:
                self._touched |= group
        self.validate()

    def problems(self) -> list[FieldProblem]:
        try:
            ds.parse(self.values())
        except ValidationError as exc:
            return list(exc.problems)
        return []

    def validate(self, *, show_all: bool = False) -> list[FieldProblem]:
        problems = self.problems()
        by_key: dict[str, list[str]] = {}
        for p in problems:
            by_key.setdefault(p.field, []).append(p.message(current_language()))
        for key, label in self.errors.items():
            shown = by_key.get(key, []) if (show_all or key in self._touched) else []
            label.setText("\n".join(shown))
            label.setVisible(bool(shown))
        if hasattr(self, "geocoding"):
            self.geocoding.update_state(self.values(), problems)
        return problems

    def save(self) -> bool:
        """Store every value (or, with any problem, none: the messages show under the fields)."""
        problems = self.validate(show_all=True)
        if problems:
            self.tabs.setCurrentIndex(self._tab_of.get(problems[0].field, 0))
            self.banner.setText(tr("Nothing was saved: correct the fields marked in red."))
            self.banner.show()
            return False
        try:
            ds.save(self.store, self.values())
        except ValidationError as exc:  # (the same checks: only if the core added one)
            self.banner.setText("\n".join(p.message(current_language()) for p in exc.problems))
            self.banner.show()
            return False
        except StoreError as exc:
            self.banner.setText(pick(exc.zh, exc.en))
            self.banner.show()
            return False
        self.banner.hide()
        self.saved.emit()
        self.accept()
        return True

    def reject(self) -> None:
        if self.geocoding.task is not None:  # closing stops a run (what it found is kept)
            self.geocoding.task.cancel()
        super().reject()

    def save_quietly(self) -> bool:
        """Store the values without closing (before a geocoding run uses them)."""
        if self.validate(show_all=True):
            return False
        try:
            ds.save(self.store, self.values())
        except (ValidationError, StoreError) as exc:
            text = (
                "\n".join(p.message(current_language()) for p in exc.problems)
                if isinstance(exc, ValidationError)
                else pick(exc.zh, exc.en)
            )
            self.banner.setText(text)
            self.banner.show()
            return False
        self.saved.emit()
        return True


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)
