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
