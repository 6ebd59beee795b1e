"""How the visit dialog is laid out: one form, field by field, each with its message below.

Kept apart from ``visit_dialog`` (values, loading and saving). :func:`build` sets the widgets as
attributes of the dialog it is given and wires them to the dialog's ``_edited`` and save slots.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.choices import VISIT_STATUS, VISIT_TYPE
from ...domain.validation import field_label
from ...services import lookup
from ..draft_keeper import DraftBanner
from ..i18n import current_language, tr
from ..lookup_edit import LookupEdit
from .experts_picker import ExpertsPicker
from .follow_up_items_editor import ERROR_STYLE, FollowUpItemsEditor

_ERROR = ERROR_STYLE


def label(name: str, required: bool = False) -> str:
    """A visit field's label in the interface language (`` *`` when required)."""
    zh, en = field_label(name, "visit")
    return (en if current_language() == "en" else zh) + (" *" if required else "")


def build(dialog: Any) -> None:
    """Create the dialog's widgets (``dialog.errors``, ``texts``, buttons) and wire them."""
    layout = QVBoxLayout(dialog)
    dialog.draft_banner = DraftBanner(dialog)
    layout.addWidget(dialog.draft_banner)
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    dialog.errors: dict[str, QLabel] = {}

    def row(name: str, widget: QWidget | Any, required: bool = False) -> None:
        box = QVBoxLayout()
        box.setSpacing(2)
        if isinstance(widget, QWidget):
            box.addWidget(widget)
        else:
            box.addLayout(widget)
        err = QLabel(dialog)
        err.setObjectName(f"error_{name}")
        err.setStyleSheet(_ERROR)
        err.setWordWrap(True)
        err.hide()
        box.addWidget(err)
        dialog.errors[name] = err
        form.addRow(label(name, required), box)

    dialog.enterprise = LookupEdit(
        lambda text: lookup.enterprise_completions(dialog.store, text), dialog
    )
    dialog.enterprise.setObjectName("enterprise")
    dialog.enterprise.setPlaceholderText(tr("Type a name, USCC or pinyin initials"))
    dialog.enterprise.chosen.connect(lambda _i: dialog._edited("enterprise_id"))
    dialog.enterprise.textEdited.connect(lambda _t: dialog._edited("enterprise_id"))
    row("enterprise_id", dialog.enterprise, True)

    team_row = QHBoxLayout()
    dialog.team = QComboBox(dialog)
    dialog.team.setObjectName("team")
    dialog.team.addItem(tr("(no team)"), "")
    for o in lookup.team_options(dialog.store):
        dialog.team.addItem(f"{o.text}  {o.detail}".strip(), o.id)
    dialog.team.currentIndexChanged.connect(lambda _i: dialog._edited("team_id"))
    dialog.add_members = QPushButton(tr("Add the team's members"), dialog)
    dialog.add_members.clicked.connect(dialog._add_team_members)
    dialog.suggest_button = QPushButton(tr("Suggest…"), dialog)
    dialog.suggest_button.setObjectName("suggestButton")
    dialog.suggest_button.setToolTip(tr("Suggest teams and experts for this enterprise (Ctrl+M)"))
    dialog.suggest_button.clicked.connect(dialog.suggest)
    team_row.addWidget(dialog.team, 1)
    team_row.addWidget(dialog.add_members)
    team_row.addWidget(dialog.suggest_button)
    row("team_id", team_row)

    dialog.experts = ExpertsPicker(dialog.store, dialog)
    dialog.experts.changed.connect(lambda: dialog._edited("expert_ids"))
    row("expert_ids", dialog.experts)

    when = QHBoxLayout()
    dialog.visit_date = QLineEdit(dialog.today.isoformat(), dialog)
    dialog.visit_date.setObjectName("visitDate")
    dialog.visit_date.setMaximumWidth(140)
    dialog.visit_date.textEdited.connect(lambda _t: dialog._edited("visit_date"))
    dialog.visit_type = QComboBox(dialog)
    dialog.visit_type.setObjectName("visitType")
    for code in VISIT_TYPE.codes:
        dialog.visit_type.addItem(VISIT_TYPE.label(code, current_language()), code)
    dialog.visit_type.currentIndexChanged.connect(lambda _i: dialog._edited("visit_type"))
    dialog.status = QComboBox(dialog)
    dialog.status.setObjectName("status")
    for code in VISIT_STATUS.codes:
        dialog.status.addItem(VISIT_STATUS.label(code, current_language()), code)
    dialog.status.currentIndexChanged.connect(lambda _i: dialog._edited("status"))
    when.addWidget(dialog.visit_date)
    when.addWidget(QLabel(label("visit_type"), dialog))
    when.addWidget(dialog.visit_type, 1)
    when.addWidget(QLabel(label("status"), dialog))
    when.addWidget(dialog.status, 1)
    row("visit_date", when, True)

    dialog.texts: dict[str, QPlainTextEdit] = {}
    for name in ("problems", "advice"):
        edit = QPlainTextEdit(dialog)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(60)
        edit.textChanged.connect(lambda n=name: dialog._edited(n))
        dialog.texts[name] = edit
        row(name, edit)

    dialog.follow_ups = FollowUpItemsEditor(dialog)
    dialog.follow_ups.changed.connect(lambda: dialog._edited("follow_ups"))
    dialog.items = dialog.follow_ups.model  # what the user typed, row by row
    form.addRow(label("follow_up_text"), dialog.follow_ups)
    dialog.errors["follow_ups"] = dialog.follow_ups.error

    edit = QPlainTextEdit(dialog)
    edit.setObjectName("outcome")
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(50)
    edit.textChanged.connect(lambda: dialog._edited("outcome"))
    dialog.texts["outcome"] = edit
    row("outcome", edit)
    dialog.confirmed_by = QLineEdit(dialog)
    dialog.confirmed_by.setObjectName("confirmedBy")
    dialog.confirmed_by.textEdited.connect(lambda _t: dialog._edited("confirmed_by"))
    row("confirmed_by", dialog.confirmed_by)
    layout.addLayout(form)
    layout.addStretch(1)

    dialog.banner = QLabel(dialog)
    dialog.banner.setObjectName("banner")
    dialog.banner.setWordWrap(True)
    dialog.banner.hide()
    layout.addWidget(dialog.banner)
    buttons = QHBoxLayout()
    dialog.save_button = QPushButton(tr("Save"), dialog)
    dialog.save_button.setObjectName("saveButton")
    dialog.save_button.setDefault(True)
    dialog.save_button.clicked.connect(dialog.save_and_close)
    dialog.again_button = QPushButton(tr("Save and log another"), dialog)
    dialog.again_button.setObjectName("againButton")
    dialog.again_button.clicked.connect(dialog.save_and_continue)
    cancel = QPushButton(tr("Close"), dialog)
    cancel.clicked.connect(dialog.reject)
    dialog.history_button = QPushButton(tr("History…"), dialog)
    dialog.history_button.setObjectName("historyButton")
    dialog.history_button.setToolTip(tr("Who changed this record, when, and what (Ctrl+H)"))
    dialog.history_button.setShortcut("Ctrl+H")
    dialog.history_button.clicked.connect(dialog.show_history)
    dialog.history_button.setVisible(dialog.visit_id is not None)
    buttons.addWidget(dialog.history_button)
    buttons.addStretch(1)
    buttons.addWidget(dialog.save_button)
    buttons.addWidget(dialog.again_button)
    buttons.addWidget(cancel)
    layout.addLayout(buttons)
    QShortcut(QKeySequence.StandardKey.Save, dialog, activated=dialog.save_and_close)
    QShortcut(QKeySequence("Ctrl+Shift+S"), dialog, activated=dialog.save_and_continue)
    QShortcut(QKeySequence("Ctrl+M"), dialog, activated=dialog.suggest)
