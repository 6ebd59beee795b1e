"""Helpers for driving widgets in the GUI tests."""

from __future__ import annotations


def type_text(qtbot, widget, text: str, clear: bool = True) -> None:
    """Type like a user: ASCII by keys, Chinese as an input-method commit (as a real IME does;
    QTest can only press ASCII keys)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    if clear:
        qtbot.keyClick(widget, "a", modifier=Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def choose_enterprise(qtbot, dialog, typed: str) -> None:
    """Type into the visit dialog's enterprise field and pick the first completion.

    Offscreen, a completer pop-up cannot grab the keyboard, so the debounced refresh is run
    directly and the first option chosen, as a click on it would.
    """
    type_text(qtbot, dialog.enterprise, typed)
    dialog.enterprise.clearFocus()
    dialog.enterprise.refresh_options()
    assert dialog.enterprise.options(), f"no completion for {typed!r}"
    dialog.enterprise.choose(0)


def fill_item(dialog, row: int, description: str, owner: str, due: str, flag: bool) -> None:
    """Fill one row of the visit dialog's follow-up items table."""
    from PySide6.QtCore import Qt

    m = dialog.items
    m.setData(m.index(row, 0), description)
    m.setData(m.index(row, 1), owner)
    m.setData(m.index(row, 2), due)
    if flag:
        m.setData(m.index(row, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def wait_for_draft(qtbot, window, kind: str, record_id: str | None, timeout: int = 4000):
    """Wait (as a user pausing after typing would) until the form's draft is on disk."""
    from dispatch_app.gui.drafts import Drafts

    drafts = Drafts(window.settings.drafts_path)  # read from the file, as a new process would
    path = window.current_store_path()
    qtbot.waitUntil(lambda: drafts.get(path, kind, record_id) is not None, timeout=timeout)
    return drafts.get(path, kind, record_id)


def crash_and_restart(controller, qtbot, db_path):
    """The program dies: the window goes without closeEvent, no question, nothing saved. Then
    a fresh main window starts on the same settings folder and database, as after a restart."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from dispatch_app.gui.draft_keeper import DraftKeeper
    from dispatch_app.gui.main_window import MainWindow

    old = controller.window
    for keeper in old.findChildren(DraftKeeper):
        keeper._timer.stop()  # a dead process writes nothing more
    store = old.take_store()
    old.hide()
    old.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    store.close()  # (the operating system would close the file of a dead process)
    new = MainWindow(controller.settings, controller=controller)
    controller.window = new
    new.show()
    with qtbot.waitSignal(new.store_changed, timeout=10_000):
        new.open_database(db_path)
    qtbot.waitUntil(lambda: new.start_up_finished, timeout=10_000)
    return new
