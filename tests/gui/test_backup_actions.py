"""File → Back up now / Restore…, the backup on closing, damaged files on open, Help → check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dispatch_app.backup import list_backups, make_backup, verify
from dispatch_app.backup.naming import beside


def _wait(qtbot, window, trigger):
    """Run ``trigger`` and wait until every task it started (and any already running) is done."""
    trigger()
    qtbot.waitUntil(
        lambda: not window.runner.busy() and not window.backups.runner.busy(), timeout=15_000
    )


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for page in (2, 3, 4):
        data[4096 * page] ^= 0xFF  # b-tree page type bytes: structure SQLite checks
    path.write_bytes(bytes(data))


def _setting(path, key):
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]
    finally:
        conn.close()


def test_back_up_now_from_the_file_menu(window, qtbot, messages, db_path):
    action = window.findChild(type(window.actions_["backup_now"]), "actionBackupNow")
    assert action.text() == "立即备份(&B)"
    _wait(qtbot, window, action.trigger)
    [backup] = list_backups(beside(db_path), db_path.stem)
    verify(backup.path)
    assert messages["infos"] and str(backup.path) in messages["infos"][-1][1]
    assert str(backup.path) in window.statusBar().currentMessage()


def test_restore_replaces_the_open_database_and_keeps_the_old_one(
    window, qtbot, messages, db_path, freeze
):
    freeze("2026-11-20T09:00:00+08:00")
    backup = make_backup(db_path)
    window.store.set_setting("marker", "after the backup")
    freeze("2026-11-20T09:10:00+08:00")
    messages["answers"].append(True)  # "Replace the database with this backup?"
    with qtbot.waitSignal(window.store_changed, timeout=15_000):
        window.backups.restore(backup, db_path)
    assert "替换" in messages["asked"][-1][1]
    assert window.current_store_path() == str(db_path)
    assert window.store.get_setting("marker") is None
    assert window.pages["enterprises"].model.total == 8
    tags = [b.tag for b in list_backups(beside(db_path), db_path.stem)]
    assert tags == ["before-restore", ""]
    kept = list_backups(beside(db_path), db_path.stem)[0].path
    assert _setting(kept, "marker") == "after the backup"
    assert "已恢复" in window.statusBar().currentMessage()


def test_restore_said_no_changes_nothing(window, qtbot, messages, db_path):
    backup = make_backup(db_path)
    window.store.set_setting("marker", "kept")
    messages["answers"].append(False)
    window.backups.restore(backup, db_path)
    assert window.store.get_setting("marker") == "kept"


def test_a_damaged_database_is_not_opened_and_its_backup_is_offered(
    window, qtbot, messages, tmp_path, freeze
):
    other = tmp_path / "other" / "district.db"
    other.parent.mkdir()
    import shutil

    shutil.copy(window.current_store_path(), other)
    freeze("2026-11-19T08:00:00+08:00")
    good = make_backup(other)
    _damage(other)
    damaged = other.read_bytes()
    before = window.current_store_path()
    messages["answers"].append(True)  # "Restore the newest good backup?"
    _wait(qtbot, window, lambda: window.open_database(other))  # the open fails
    qtbot.waitUntil(lambda: bool(messages["asked"]), timeout=15_000)
    title, text = messages["asked"][0]
    assert title == "数据库已损坏" and "不会写入" in text and good.name in text
    qtbot.waitUntil(lambda: window.current_store_path() == str(other), timeout=15_000)
    assert before != str(other)
    aside = [p for p in other.parent.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    verify(other)


def test_a_damaged_database_without_backup_is_left_as_it_was(window, qtbot, messages, tmp_path):
    other = tmp_path / "lonely.db"
    import shutil

    shutil.copy(window.current_store_path(), other)
    _damage(other)
    damaged = other.read_bytes()
    before = window.current_store_path()
    _wait(qtbot, window, lambda: window.open_database(other))
    qtbot.waitUntil(lambda: bool(messages["errors"]), timeout=15_000)
    title, text = messages["errors"][-1]
    assert title == "数据库已损坏" and "没有找到完好的备份" in text
    assert other.read_bytes() == damaged
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("lonely")) == [
        "lonely.db"
    ]
    assert window.current_store_path() == before


def test_closing_the_window_backs_up_a_changed_database(controller, qtbot, db_path, messages):
    w = controller.window
    with qtbot.waitSignal(w.store_changed, timeout=10_000):
        w.open_database(db_path)
    w.store.set_setting("marker", "closing")
    w.close()
    assert list_backups(beside(db_path), db_path.stem) == []  # closing does not wait for it
    w.backups.back_up_at_exit()  # what aboutToQuit runs
    [backup] = list_backups(beside(db_path), db_path.stem)
    assert _setting(backup.path, "marker") == "closing"


def test_timed_backup_only_when_due_and_changed(window, qtbot, db_path):
    window.store.set_setting("backup.interval_hours", "0.0001")
    window.backups.tick()
    qtbot.waitUntil(lambda: len(list_backups(beside(db_path), db_path.stem)) == 1, timeout=15_000)
    qtbot.waitUntil(
        lambda: not window.runner.busy() and not window.backups.runner.busy(), timeout=15_000
    )
    window.backups.tick()  # nothing changed since: no second copy
    assert not window.backups.runner.busy()
    window.store.set_setting("backup.interval_hours", "0")
    window.store.set_setting("marker", "x")
    window.backups.tick()  # 0: only on close
    assert not window.backups.runner.busy()


def test_full_integrity_check_from_the_help_menu(window, qtbot, messages):
    _wait(qtbot, window, window.actions_["full_check"].trigger)
    title, text = messages["infos"][-1]
    assert title == "完整性全面检查" and "ok" in text and "OK" in text


def test_broken_references_are_reported_after_the_first_paint(controller, qtbot, messages, db_path):
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute(
        "INSERT INTO team_members (id, created_at, updated_at, team_id, expert_id)"
        " VALUES ('tm-x', 'x', 'x', 'no-team', 'no-expert')"
    )
    conn.close()
    w = controller.window
    w.show()
    with qtbot.waitSignal(w.store_changed, timeout=10_000):
        w.open_database(db_path)
    qtbot.waitUntil(lambda: bool(messages["errors"]), timeout=15_000)
    title, text = messages["errors"][-1]
    assert title == "关于该数据库"
    assert "team_members" in text and "不存在" in text
    assert w.current_store_path() == str(db_path)  # a warning, the database stays open


def test_opening_another_database_backs_up_the_one_left_if_it_changed(
    window, qtbot, tmp_path, db_path
):
    import shutil

    other = tmp_path / "other.db"
    shutil.copy(db_path, other)
    window.store.set_setting("marker", "left behind")
    with qtbot.waitSignal(window.store_changed, timeout=10_000):
        window.open_database(other)
    qtbot.waitUntil(lambda: bool(list_backups(beside(db_path), db_path.stem)), timeout=15_000)
    [backup] = list_backups(beside(db_path), db_path.stem)
    assert _setting(backup.path, "marker") == "left behind"
    qtbot.waitUntil(
        lambda: not window.runner.busy() and not window.backups.runner.busy(), timeout=15_000
    )


def _damage_last_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) - 4096] ^= 0xFF  # the padding rows written last: no page reads them
    path.write_bytes(bytes(data))


def _padded_copy(source: str, target: Path) -> None:
    import shutil

    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    with conn:
        conn.executemany(
            "INSERT INTO settings VALUES (?, ?)", [(f"pad{i}", "x" * 300) for i in range(300)]
        )
    conn.close()


def test_damage_found_after_the_first_paint_gives_the_previous_database_back(
    window, qtbot, messages, tmp_path
):
    """The opening check waits for the first paint (start-up): a file whose damage the first
    page does not read opens, then the check finds it, nothing is written, and the window
    returns to the database it had open, with the damage told and no backup to offer."""
    other = tmp_path / "late.db"
    _padded_copy(window.current_store_path(), other)
    _damage_last_page(other)
    damaged = other.read_bytes()
    before = window.current_store_path()
    opened: list[str] = []
    window.store_changed.connect(lambda store: opened.append(str(store.path)))
    with qtbot.waitSignal(window.open_failed, timeout=15_000):
        window.open_database(other)
    assert opened == [str(other), before]  # shown first, then given up for the previous one
    qtbot.waitUntil(lambda: bool(messages["errors"]), timeout=15_000)
    title, text = messages["errors"][-1]
    assert title == "数据库已损坏" and "没有找到完好的备份" in text
    assert window.current_store_path() == before
    assert window.pages["home"].store is window.store
    assert other.read_bytes() == damaged


def test_damage_found_after_the_first_paint_with_nothing_before_leaves_no_database(
    qtbot, messages, tmp_path, settings
):
    from dispatch_app.gui.main_window import MainWindow

    seed = tmp_path / "seed.db"
    from dispatch_app.store import open_store

    open_store(seed, create=True).close()
    other = tmp_path / "first.db"
    _padded_copy(str(seed), other)
    _damage_last_page(other)
    damaged = other.read_bytes()
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.open_failed, timeout=15_000):
        w.open_database(other)
    qtbot.waitUntil(lambda: bool(messages["errors"]), timeout=15_000)
    assert w.store is None and w.current_store_path() is None
    assert w.db_label.text() == "未打开数据库"
    assert w.current_page().store is None  # the page on screen was built again, empty
    assert other.read_bytes() == damaged
