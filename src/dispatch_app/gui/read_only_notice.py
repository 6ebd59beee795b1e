"""The read-only session said where the coordinator looks, before any typing.

A database opened read-only (someone else is editing it, or the folder cannot be written)
used to say so only in the title and after a refused save; the status bar now says who holds
it and that changes cannot be saved, and the menu's write actions and the pages' 新建 /
登记入企服务 buttons are off.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton

from ..store.writer_lock import ReadOnlySession
from .i18n import current_language

WRITE_ACTIONS = ("log_visit", "new_record", "save")
WRITE_BUTTONS = ("newButton", "homeLogVisit")  # 新建… on record pages, 登记入企服务 on home


def update(window: Any) -> None:
    """Show or hide the notice and switch the write actions for ``window.store``."""
    label = getattr(window, "read_only_label", None)
    if label is None:
        label = QLabel(window)
        label.setObjectName("readOnlyNotice")
        label.setStyleSheet("QLabel { background: #fff4ce; color: #5c4400; padding: 1px 6px; }")
        # Permanent: a temporary status message (a page's "saved", a backup) must not hide it.
        window.statusBar().insertPermanentWidget(0, label, 1)
        window.read_only_label = label
    store = window.store
    read_only = store is not None and hasattr(store, "read_only_holder")
    if read_only:
        holder = store.read_only_holder
        why = ReadOnlySession(store.path, holder, folder=holder is None)
        label.setText(why.zh if current_language() == "zh" else why.en)
    label.setVisible(read_only)
    for key in WRITE_ACTIONS:
        action = getattr(window, "actions_", {}).get(key)
        if action is not None:
            action.setEnabled(not read_only)
    for page in list(getattr(window, "pages", {}).values()):
        lock_page(page, read_only)


def lock_page(page: Any, read_only: bool) -> None:
    """Turn a page's buttons that start a new record off (or on again)."""
    for name in WRITE_BUTTONS:
        for button in page.findChildren(QPushButton, name):
            button.setEnabled(not read_only)
