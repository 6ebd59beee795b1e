"""The window meets a database someone else is editing: it says who and since when, and opens
it read-only on request (the title says so, and a save is refused with the reason)."""

from __future__ import annotations

import json
import shutil

from dispatch_app import clock
from dispatch_app.store.writer_lock import lock_path


def _locked_copy(tmp_path, db_path):
    other = tmp_path / "shared.db"
    shutil.copy(db_path, other)
    now = clock.now_iso()
    holder = {"user": "王协调", "host": "OFFICE-PC2", "pid": 4242, "since": now}
    lock_path(other).write_text(json.dumps({**holder, "heartbeat": now, "token": "x"}), "utf-8")
    return other


def _open(window, qtbot, path):
    with qtbot.waitSignal(window.runner.finished, timeout=10_000):
        window.open_database(path)
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10_000)


def test_declining_keeps_the_current_database(window, qtbot, messages, tmp_path, db_path):
    before = window.current_store_path()
    other = _locked_copy(tmp_path, db_path)
    _open(window, qtbot, other)
    _title, text = messages["asked"][0]
    assert "王协调" in text and "OFFICE-PC2" in text and "只读" in text
    assert window.current_store_path() == before


def test_read_only_session_shows_and_refuses_saves(window, qtbot, messages, tmp_path, db_path):
    other = _locked_copy(tmp_path, db_path)
    before = other.read_bytes()
    messages["answers"].append(True)
    _open(window, qtbot, other)
    qtbot.waitUntil(lambda: window.current_store_path() == str(other), timeout=10_000)
    assert "只读" in window.windowTitle()
    page = window.show_page("enterprises")
    page.view.selectRow(0)
    form = page.form
    form.editors["name"].setText("只读时改名有限公司")
    form.validate()
    assert form.save() is False
    assert "只读" in form.banner_message()
    assert other.read_bytes() == before
    assert "OFFICE-PC2" in lock_path(other).read_text("utf-8")  # their lock left alone


def test_a_task_in_a_read_only_session_reads_and_cannot_write(window, qtbot, tmp_path, db_path):
    import pytest

    from dispatch_app.domain.records import Enterprise
    from dispatch_app.gui.workers import Task
    from dispatch_app.services import registry
    from dispatch_app.store.writer_lock import ReadOnlySession

    other = _locked_copy(tmp_path, db_path)
    got: dict = {}

    def work(ctx):
        got["count"] = ctx.store.scalar("SELECT count(*) FROM enterprises")
        with pytest.raises(ReadOnlySession):
            registry.set_archived(
                ctx.store, Enterprise, ctx.store.scalar("SELECT id FROM enterprises LIMIT 1"), True
            )
        got["refused"] = True

    before = other.read_bytes()
    with qtbot.waitSignal(window.runner.finished, timeout=10_000):
        window.run_task(Task("read", work, db_path=other, on_error=got.setdefault))
    assert got["count"] == 8 and got["refused"]
    assert other.read_bytes() == before
