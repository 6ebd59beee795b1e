"""How a record form is laid out: title, draft banner, refusal banner, fields, links, buttons.

Kept apart from ``record_form`` (which is about values, validation and drafts) so each stays
short. :func:`build` sets the widgets as attributes of the form it is given; the form's methods
(``_on_edited``, ``save`` ...) are wired here, so it is called once from the form's constructor.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.validation import field_label
from ..draft_keeper import DraftBanner
from ..i18n import current_language, tr
from .fields import connect_edited, make_editor

ERROR_STYLE = "color: #b00020;"
BANNER_STYLE = (
    "QFrame#banner { background: #fdecea; border: 1px solid #f5c2c0; border-radius: 4px; }"
)


def build(form: Any) -> None:
    """Create the form's widgets (``form.editors``, ``form.errors``, buttons) and wire them."""
    outer = QVBoxLayout(form)
    outer.setContentsMargins(0, 0, 0, 0)
    form.title = QLabel(form)
    form.title.setProperty("data", True)
    form.title.setObjectName("formTitle")
    form.title.setStyleSheet("font-size: 15px; font-weight: bold;")
    outer.addWidget(form.title)
    form.draft_banner = DraftBanner(form)
    outer.addWidget(form.draft_banner)
    form.banner = QFrame(form)
    form.banner.setObjectName("banner")
    form.banner.setStyleSheet(BANNER_STYLE)
    bl = QHBoxLayout(form.banner)
    form.banner_text = QLabel(form.banner)
    form.banner_text.setProperty("data", True)
    form.banner_text.setWordWrap(True)
    form.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    form.banner_button = QPushButton(tr("Open the existing record"), form.banner)
    form.banner_button.clicked.connect(form._open_duplicate)
    bl.addWidget(form.banner_text, 1)
    bl.addWidget(form.banner_button)
    form.banner.hide()
    form._duplicate_id = ""
    outer.addWidget(form.banner)

    scroll = QScrollArea(form)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    body = QWidget(scroll)
    body_layout = QVBoxLayout(body)
    body_layout.setContentsMargins(0, 0, 4, 0)
    form.form_layout = QFormLayout()
    body_layout.addLayout(form.form_layout)
    body_layout.addStretch(1)
    form.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    lang = current_language()
    for spec in form.fields:
        zh, en = field_label(spec.name, form.domain_kind)
        text = (en if lang == "en" else zh) + (" *" if spec.required else "")
        editor = make_editor(spec, body)
        error = QLabel(body)
        error.setObjectName(f"error_{spec.name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(editor)
        box.addWidget(error)
        label = QLabel(text, body)
        label.setBuddy(editor)
        form.form_layout.addRow(label, box)
        form.editors[spec.name] = editor
        form.errors[spec.name] = error
        connect_edited(editor, lambda name=spec.name: form._on_edited(name))
    form.extra = form.build_extra(body)
    if form.extra is not None:
        form.form_layout.addRow(form.extra)
    scroll.setWidget(body)
    outer.addWidget(scroll, 1)

    form.related_bar = QHBoxLayout()
    form.related_buttons: dict[str, QPushButton] = {}
    for page, filter_name, text, count_key in form.related_links:
        b = QPushButton(tr(text), form)
        b.setFlat(True)
        b.setStyleSheet("text-align: left; color: #1a5fb4;")
        b.clicked.connect(
            lambda _c=False, p=page, f=filter_name: form.show_related.emit(
                p, f, form.record_id or ""
            )
        )
        b.setProperty("text_source", text)
        b.setProperty("count_key", count_key)
        form.related_bar.addWidget(b)
        form.related_buttons[count_key] = b
    form.related_bar.addStretch(1)
    outer.addLayout(form.related_bar)

    buttons = QHBoxLayout()
    form.save_button = QPushButton(tr("Save"), form)
    form.save_button.setObjectName("saveButton")
    form.save_button.setDefault(True)
    form.save_button.clicked.connect(form.save)
    form.revert_button = QPushButton(tr("Revert"), form)
    form.revert_button.clicked.connect(form.revert)
    form.archive_button = QPushButton(tr("Archive"), form)
    form.archive_button.clicked.connect(form.toggle_archived)
    form.archive_button.setVisible(form.can_archive)
    form.delete_button = QPushButton(tr("Delete"), form)
    form.delete_button.clicked.connect(form.delete)
    buttons.addWidget(form.save_button)
    buttons.addWidget(form.revert_button)
    form.history_button = QPushButton(tr("History…"), form)
    form.history_button.setObjectName("historyButton")
    form.history_button.setToolTip(tr("Who changed this record, when, and what (Ctrl+H)"))
    form.history_button.setShortcut("Ctrl+H")
    form.history_button.clicked.connect(form.show_history)
    buttons.addWidget(form.history_button)
    buttons.addStretch(1)
    buttons.addWidget(form.archive_button)
    buttons.addWidget(form.delete_button)
    outer.addLayout(buttons)
