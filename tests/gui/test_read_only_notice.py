"""A read-only session says so in the status bar before the coordinator types anything, and
the menu's write actions (log a visit, new record, save) are off until a writable database
is open again."""

from __future__ import annotations

import json
import shutil

from PySide6.QtWidgets import QPushButton

from dispatch_app import clock
from dispatch_app.gui.read_only_notice import WRITE_ACTIONS
from dispatch_app.store.writer_lock import lock_path


def _open(window, qtbot, path):
    with qtbot.waitSignal(window.runner.finished, timeout=10_000):
        window.open_database(path)
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10_000)
    qtbot.waitUntil(lambda: window.current_store_path() == str(path), timeout=10_000)


def test_the_notice_names_the_holder_and_write_actions_are_off(
    window, qtbot, messages, tmp_path, db_path
):
    notice = window.read_only_label
    assert notice.isHidden()
    assert all(window.actions_[k].isEnabled() for k in WRITE_ACTIONS)

    other = tmp_path / "shared.db"
    shutil.copy(db_path, other)
    now = clock.now_iso()
    holder = {"user": "王协调", "host": "OFFICE-PC2", "pid": 4242, "since": now}
    lock_path(other).write_text(json.dumps({**holder, "heartbeat": now, "token": "x"}), "utf-8")
    messages["answers"].append(True)  # open it read-only
    _open(window, qtbot, other)
    assert not notice.isHidden()
    assert "只读" in notice.text() and "王协调" in notice.text()
    assert not any(window.actions_[k].isEnabled() for k in WRITE_ACTIONS)
    home_log = window.pages["home"].findChild(QPushButton, "homeLogVisit")
    assert not home_log.isEnabled()
    new_visit = window.show_page("visits").new_button  # a page built during the session
    assert not new_visit.isEnabled()

    lock_path(other).unlink()
    _open(window, qtbot, db_path)  # a writable database again
    assert notice.isHidden()
    assert all(window.actions_[k].isEnabled() for k in WRITE_ACTIONS)
    assert home_log.isEnabled() and new_visit.isEnabled()
