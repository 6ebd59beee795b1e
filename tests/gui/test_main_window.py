"""The main window: opening databases (and refusing bad ones), navigation, remembered state."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtGui import QKeySequence

from dispatch_app.gui.page_registry import PAGES


def _open_and_wait(window, qtbot, path):
    with qtbot.waitSignal(window.runner.finished, timeout=10_000):
        window.open_database(path)


@pytest.mark.parametrize("kind", ["missing", "not_a_database", "foreign", "newer"])
def test_a_database_that_cannot_be_opened_keeps_the_previous_one(
    window, qtbot, messages, tmp_path, kind
):
    before = window.current_store_path()
    bad = tmp_path / f"{kind}.db"
    if kind == "not_a_database":
        bad.write_text("名称,代码\n温州,330300\n", encoding="utf-8")
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE other (x)")
        conn.commit()
        conn.close()
    elif kind == "newer":
        import shutil

        shutil.copy(before, bad)
        conn = sqlite3.connect(bad)
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()
    _open_and_wait(window, qtbot, bad)
    assert len(messages["errors"]) == 1
    title, text = messages["errors"][0]
    assert title == "无法打开数据库"
    assert str(bad) in text
    assert window.current_store_path() == before
    assert window.pages["enterprises"].model.total == 8  # the previous database still works
    if kind != "missing":
        assert bad.exists()


def test_opening_another_database_switches_and_is_remembered(window, qtbot, tmp_path, db_path):
    import shutil

    other = tmp_path / "other.db"
    shutil.copy(db_path, other)
    _open_and_wait(window, qtbot, other)
    assert window.current_store_path() == str(other)
    assert window.settings.last_database == str(other)
    assert window.settings.recent_databases[:2] == [str(other), str(db_path)]


def test_every_page_has_a_shortcut_and_f5_refreshes(window):
    seen = set()
    for i, (key, _t) in enumerate(PAGES, start=1):
        action = window.actions_[f"page_{key}"]
        expected = f"Ctrl+{i}" if i < 10 else ("Ctrl+0" if i == 10 else f"Ctrl+Alt+{i - 10}")
        assert action.shortcut() == QKeySequence(expected)
        assert not action.shortcut().isEmpty() and action.shortcut() not in seen
        seen.add(action.shortcut())
        action.trigger()
        assert window.current_page_key() == key
    assert window.actions_["refresh"].shortcut() == QKeySequence("F5")
    assert window.actions_["log_visit"].shortcut() == QKeySequence("Ctrl+N")
    assert window.actions_["find"].shortcut() == QKeySequence("Ctrl+F")
    assert window.actions_["save"].shortcut() == QKeySequence("Ctrl+S")
    window.actions_["page_enterprises"].trigger()
    window.store.conn.execute("UPDATE enterprises SET name = '改名了' WHERE rowid = 1")
    window.actions_["refresh"].trigger()
    names = [window.pages["enterprises"].model.index(r, 0).data() for r in range(8)]
    assert "改名了" in names


def test_ctrl_f_focuses_the_search_of_the_current_page(window, qtbot):
    window.activateWindow()
    window.show_page("experts")
    window.actions_["find"].trigger()
    assert (
        window.pages["experts"].search.hasFocus()
        or qtbot.waitUntil(window.pages["experts"].search.hasFocus, timeout=1000) is None
    )


def test_window_state_is_remembered(controller, settings, qtbot, db_path):
    window = controller.window
    window.show()
    window.show_page("cases")
    window.close()
    assert settings.last_page == "cases"
    assert settings.window_geometry is not None
    from dispatch_app.gui.settings import Settings

    again = Settings(settings.path)
    assert again.last_page == "cases"


def test_exchange_menu_hook_is_present(window):
    menu = window.findChild(__import__("PySide6.QtWidgets").QtWidgets.QMenu, "exchangeMenu")
    assert menu is not None


def test_public_api_for_other_dialogs(window, qtbot):
    from dispatch_app.gui.workers import Task

    results = []

    def work(ctx):
        ctx.report(1, 2)
        return ctx.store.scalar("SELECT count(*) FROM visits")  # its own connection

    with qtbot.waitSignal(window.runner.finished, timeout=10_000):
        window.run_task(
            Task("…", work, db_path=window.current_store_path(), on_done=results.append)
        )
    assert results == [9]
    window.refresh_pages()


def test_a_cancelled_task_reports_cancel(window, qtbot):
    import threading

    from dispatch_app.gui.workers import Task

    started = threading.Event()
    outcome = []

    def work(ctx):
        started.set()
        while True:
            ctx.report(0, 0)

    task = Task("…", work, on_done=outcome.append, on_cancel=lambda: outcome.append("cancel"))
    with qtbot.waitSignal(window.runner.finished, timeout=10_000):
        window.run_task(task)
        started.wait(5)
        task.cancel()
    assert outcome == ["cancel"]


def _selected_item_colours(window, qtbot) -> tuple[set[int], object]:
    """Colours in the selected navigation item, away from its text (left half, middle band)."""
    nav = window.nav
    window.activateWindow()
    nav.setFocus()
    qtbot.waitUntil(nav.hasFocus, timeout=1000)
    rect = nav.visualItemRect(nav.currentItem())
    image = nav.grab(rect).toImage()
    text_top, text_bottom = image.height() // 2 - 8, image.height() // 2 + 8
    colours = {
        image.pixel(x, y)
        for y in range(image.height())
        for x in range(image.width())
        if not (text_top <= y <= text_bottom and x < image.width() // 2)
    }
    return colours, image


def test_navigation_draws_no_focus_box_and_keeps_the_keyboard(window, qtbot):
    from PySide6.QtCore import Qt

    window.show_page("teams")
    colours, _image = _selected_item_colours(window, qtbot)
    assert len(colours) == 1  # the plain selection colour, no dotted box around 轻骑队
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # arrow keys still move through the pages
    assert window.current_page_key() == "appointments"
    window.actions_["page_visits"].trigger()  # and so does Ctrl+6
    assert window.current_page_key() == "visits"


def test_the_first_paint_waits_briefly_for_the_opening_database(
    qapp, settings, messages, db_path, qtbot
):
    """Shown, not yet painted: the store is taken from the worker at once, so the first paint
    has the home page's rows (no empty page painted first)."""
    from dispatch_app.gui.main_window import MainWindow

    w = MainWindow(settings, open_path=db_path)
    qtbot.addWidget(w)
    w.show()
    assert w.wait_for_opening(10_000) is True
    assert w.store is not None and str(w.store.path) == str(db_path)
    home = w.pages["home"]
    assert home.store is w.store and home.recent_model.rowCount() > 0
    with qtbot.waitSignal(w.ready, timeout=10_000):
        pass  # the first paint, with those rows, says so
    assert messages["errors"] == []


def test_a_failing_opening_is_not_taken_before_the_paint(qapp, settings, messages, tmp_path, qtbot):
    from dispatch_app.gui.main_window import MainWindow

    w = MainWindow(settings, open_path=tmp_path / "missing.db")
    qtbot.addWidget(w)
    w.show()
    assert w.wait_for_opening(10_000) is False
    assert w.store is None and messages["errors"] == []  # not shown before the window paints
    with qtbot.waitSignal(w.open_failed, timeout=10_000):
        pass  # the event loop delivers it, over the painted window, as before
    assert messages["errors"] and w.store is None


def test_waiting_without_an_opening_returns_at_once(controller):
    assert controller.window.wait_for_opening(10_000) is False
