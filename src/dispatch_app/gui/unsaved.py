"""The main window's unsaved input: ask before it goes, keep it across a language switch.

An *editor* is a record form (one per page) or an open visit dialog; each answers
``has_unsaved_changes()`` and owns a ``keeper`` (``draft_keeper.DraftKeeper``). Closing the
window or switching database asks once for all of them: Save / Discard / Cancel. A language
switch asks nothing: the input is written to the drafts file and the rebuilt window opens the
same records again, so each offers its draft back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from .i18n import tr


def _forms(window: Any) -> list[tuple[str, Any]]:
    pages = getattr(window, "pages", None) or {}
    return [
        (key, page.form)
        for key, page in list(pages.items())
        if hasattr(page, "form") and page.form.has_unsaved_changes()
    ]


def _dialogs(window: Any) -> list[Any]:
    return [
        d
        for d in window.findChildren(QDialog)
        if d.isVisible() and hasattr(d, "has_unsaved_changes") and d.has_unsaved_changes()
    ]


def _where(window: Any) -> list[str]:
    from .page_registry import PAGES

    titles = dict(PAGES)
    shown = [f"{tr(titles[key])}：{form.title.text()}" for key, form in _forms(window)]
    return shown + [d.windowTitle() for d in _dialogs(window)]


def confirm(window: Any, question: str) -> bool:
    """Ask what to do with unsaved input (if any); False when the user cancels or a save fails."""
    where = _where(window)
    if not where:
        return True
    from .dialogs import messages

    text = question + "\n\n" + "\n".join(f"• {w}" for w in where)
    answer = messages.ask_unsaved(window, tr("Unsaved input"), text)
    if answer == "cancel":
        return False
    if answer == "save":
        for dialog in _dialogs(window):
            if dialog.save() is None:
                return False  # the dialog shows why; it stays open
            dialog.accept()
        for key, form in _forms(window):
            if not form.save():
                window.show_page(key)  # the fields say what is wrong
                return False
        return True
    for dialog in _dialogs(window):
        dialog.keeper.forget()
        dialog.reject()
    for _key, form in _forms(window):
        form.revert()  # (drops its draft)
    return True


def keep_as_drafts(window: Any) -> dict[str, str | None]:
    """Write every unsaved input down now; page key → record id (None: a new record) to reopen."""
    for dialog in _dialogs(window):
        dialog.keeper.flush()
    reopen: dict[str, str | None] = {}
    for key, form in _forms(window):
        form.keeper.flush()
        reopen[key] = form.record_id
    return reopen


def reopen_drafts(window: Any, reopen: dict[str, str | None]) -> None:
    """Show the records that had unsaved input again: each form offers its draft back."""
    if window.store is None:
        return
    for key, record_id in reopen.items():
        page = window.pages[key]
        if record_id:
            page.select_record(record_id)
        else:
            page.new_record()
