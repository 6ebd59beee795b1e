"""文件 menu: 新建数据库, 打开演示数据库, 最近打开 — driven through the menu actions."""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu

from dispatch_app.gui import actions


def _wait_opened(window, qtbot, path, timeout=20_000):
    qtbot.waitUntil(lambda: window.current_store_path() == str(path), timeout=timeout)
    qtbot.waitUntil(lambda: not window.tasks_running(), timeout=timeout)


def test_new_database_opens_empty(window, qtbot, tmp_path, monkeypatch, messages):
    target = tmp_path / "新建" / "鹿城区2026.db"
    target.parent.mkdir()
    offered = []

    def save_dialog(parent, title, start, filters):
        offered.append((title, start))
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    window.actions_["new_db"].trigger()
    _wait_opened(window, qtbot, target)
    assert offered and offered[0][0] == "新建数据库"
    assert target.exists()
    assert messages["errors"] == []
    assert window.windowTitle().startswith("鹿城区2026.db")
    for key in ("enterprises", "experts", "teams", "appointments", "visits", "cases"):
        page = window.show_page(key)
        assert page.model.total == 0, key
        assert page.model.rowCount() == 0, key
        assert page.count_label.text() == "共 0 条", key
    home = window.show_page("home")
    qtbot.waitUntil(lambda: home.figures is not None, timeout=10_000)
    assert home.due_model.rowCount() == home.recent_model.rowCount() == 0
    assert home.planned_model.rowCount() == 0
    assert home.visits_label.text() == "入企服务：0 / 10,000 家次"  # default targets written
    assert window.settings.recent_databases[0] == str(target)


def test_new_database_cancelled_keeps_the_open_one(window, monkeypatch):
    before = window.current_store_path()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    window.actions_["new_db"].trigger()
    assert not window.tasks_running()
    assert window.current_store_path() == before


def test_demo_database_is_generated_in_a_worker_then_opened(
    window, qtbot, tmp_path, monkeypatch, messages
):
    import dispatch_app.demo.generator as generator

    monkeypatch.setenv("DISPATCH_APP_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(actions, "DEMO_VISITS", 200)
    calls = []
    real = generator.generate_demo

    def recording(path, **kwargs):
        reports = []
        progress = kwargs.pop("progress")

        def report(done, total):
            reports.append((done, total))
            progress(done, total)

        calls.append({"thread": threading.current_thread(), "reports": reports, **kwargs})
        return real(path, progress=report, **kwargs)

    monkeypatch.setattr(generator, "generate_demo", recording)
    window.actions_["demo"].trigger()
    demo = tmp_path / "data" / "demo.db"
    _wait_opened(window, qtbot, demo)
    assert messages["errors"] == []
    assert len(calls) == 1
    assert calls[0]["thread"] is not threading.main_thread()
    assert calls[0]["visits"] == 200
    assert calls[0]["reports"], "the generator reported its progress"
    assert not list(demo.parent.glob("*.part"))  # written aside, then renamed
    visits = window.show_page("visits")
    visits.when_filter.setCurrentIndex(visits.when_filter.findText("全部日期"))
    assert visits.model.total == 200

    # Asked again, the demo that exists is opened, not written anew.
    other = tmp_path / "other.db"
    shutil.copy(demo, other)
    window.open_database(other)
    _wait_opened(window, qtbot, other)
    window.actions_["demo"].trigger()
    _wait_opened(window, qtbot, demo)
    assert len(calls) == 1


def _recent_menu(window) -> QMenu:
    menu = window.findChild(QMenu, "recentMenu")
    menu.aboutToShow.emit()  # what opening the submenu does
    return menu


def test_recent_databases_menu_reopens_a_file(window, qtbot, tmp_path, db_path):
    other = tmp_path / "瑞安市.db"
    shutil.copy(db_path, other)
    window.open_database(other)
    _wait_opened(window, qtbot, other)
    entries = [a.text() for a in _recent_menu(window).actions()]
    assert entries == [str(other), str(db_path)]  # the latest first
    _recent_menu(window).actions()[1].trigger()
    _wait_opened(window, qtbot, db_path)
    assert [a.text() for a in _recent_menu(window).actions()] == [str(db_path), str(other)]


def test_recent_entry_whose_file_is_gone_is_explained_and_dropped(
    window, qtbot, tmp_path, db_path, messages
):
    gone = tmp_path / "已删除.db"
    shutil.copy(db_path, gone)
    window.open_database(gone)
    _wait_opened(window, qtbot, gone)
    window.open_database(db_path)
    _wait_opened(window, qtbot, db_path)
    gone.unlink()
    entry = next(a for a in _recent_menu(window).actions() if a.text() == str(gone))
    entry.trigger()
    qtbot.waitUntil(lambda: bool(messages["errors"]), timeout=10_000)
    assert str(gone) in messages["errors"][0][1]
    assert window.current_store_path() == str(db_path)  # the open one stays open
    assert [a.text() for a in _recent_menu(window).actions()] == [str(db_path)]


@pytest.mark.usefixtures("messages")
def test_recent_menu_without_entries_says_so(controller):
    menu = _recent_menu(controller.window)
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [("（暂无）", False)]
