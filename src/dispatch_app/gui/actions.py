"""Menus and keyboard shortcuts of the main window (文件 / 编辑 / 视图 / 帮助).

The import/export submenu belongs to the exchange dialogs: ``dispatch_app.gui.exchange.menu.
build_exchange_menu(menu, window)`` fills it when that module is present. It is filled after
the first page has painted (or when the submenu is first opened, if sooner): importing the
exchange package costs tens of milliseconds that the first paint does not need.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ..paths import user_data_dir
from .i18n import N_, tr
from .workers import Task

DB_FILTER_KEY = N_("Databases (*.db *.sqlite);;All files (*)")
DEMO_FILE = "demo.db"
DEMO_VISITS: int | None = None  # None: the city's real year, paced to today (~1 s to write)


def _action(window: Any, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if name:
        action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def build_menus(window: Any) -> dict[str, QAction]:
    from .page_registry import PAGES, page_shortcut

    bar = window.menuBar()
    acts: dict[str, QAction] = {}

    file_menu = bar.addMenu(tr("&File"))
    acts["new_db"] = _action(
        window, tr("&New database…"), lambda: new_database(window), None, "actionNewDb"
    )
    acts["open_db"] = _action(
        window,
        tr("&Open database…"),
        lambda: open_database(window),
        QKeySequence.StandardKey.Open,
        "actionOpenDb",
    )
    file_menu.addAction(acts["new_db"])
    file_menu.addAction(acts["open_db"])
    recent = file_menu.addMenu(tr("Recent databases"))
    recent.setObjectName("recentMenu")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    acts["demo"] = _action(
        window, tr("Open the &demo database"), lambda: open_demo(window), None, "actionDemo"
    )
    file_menu.addAction(acts["demo"])
    file_menu.addSeparator()
    exchange = file_menu.addMenu(tr("Import / Export"))
    exchange.setObjectName("exchangeMenu")
    exchange.aboutToShow.connect(lambda: fill_exchange_menu(window))
    file_menu.addSeparator()
    acts["quit"] = _action(window, tr("E&xit"), window.close, QKeySequence.StandardKey.Quit)
    file_menu.addAction(acts["quit"])

    edit_menu = bar.addMenu(tr("&Edit"))
    acts["log_visit"] = _action(
        window,
        tr("&Log a visit…"),
        window.log_visit,
        QKeySequence.StandardKey.New,
        "actionLogVisit",
    )
    acts["new_record"] = _action(
        window, tr("New &record on this page"), window.new_record, "Ctrl+Shift+N"
    )
    acts["save"] = _action(
        window, tr("&Save"), window.save_current, QKeySequence.StandardKey.Save, "actionSave"
    )
    acts["find"] = _action(
        window, tr("&Find"), window.focus_search, QKeySequence.StandardKey.Find, "actionFind"
    )
    acts["settings"] = _action(
        window, tr("Se&ttings…"), lambda: open_settings(window), None, "actionSettings"
    )
    acts["dispatch_settings"] = _action(
        window,
        tr("&Dispatch settings…"),
        lambda: open_dispatch_settings(window),
        None,
        "actionDispatchSettings",
    )
    for key in ("log_visit", "new_record", "save", "find"):
        edit_menu.addAction(acts[key])
    edit_menu.addSeparator()
    edit_menu.addAction(acts["settings"])
    edit_menu.addAction(acts["dispatch_settings"])

    view_menu = bar.addMenu(tr("&View"))
    for i, (key, title) in enumerate(PAGES):
        acts[f"page_{key}"] = _action(
            window, tr(title), lambda k=key: window.show_page(k), page_shortcut(i)
        )
        view_menu.addAction(acts[f"page_{key}"])
    view_menu.addSeparator()
    acts["refresh"] = _action(
        window, tr("&Refresh"), window.reload_all, QKeySequence.StandardKey.Refresh, "actionRefresh"
    )
    view_menu.addAction(acts["refresh"])

    help_menu = bar.addMenu(tr("&Help"))
    acts["about"] = _action(window, tr("&About"), lambda: show_about(window), None, "actionAbout")
    acts["version"] = _action(window, tr("&Version"), lambda: show_version(window))
    acts["data_folder"] = _action(
        window, tr("Open the &data folder"), lambda: open_data_folder(window)
    )
    for key in ("about", "version", "data_folder"):
        help_menu.addAction(acts[key])
    from .backup_actions import add_menu_actions

    add_menu_actions(window, file_menu, help_menu, acts)
    return acts


def fill_exchange_menu(window: Any) -> None:
    """Fill the import/export submenu once (disabled when the exchange dialogs are absent)."""
    menu = window.findChild(QMenu, "exchangeMenu")
    if menu is None or menu.property("filled"):
        return
    menu.setProperty("filled", True)
    try:
        from .exchange.menu import build_exchange_menu
    except ImportError:
        menu.setEnabled(False)
    else:
        build_exchange_menu(menu, window)


def _fill_recent(window: Any, menu: QMenu) -> None:
    menu.clear()
    paths = window.settings.recent_databases
    for path in paths:
        action = menu.addAction(path)
        action.triggered.connect(lambda _c=False, p=path: window.open_database(p))
    if not paths:
        none = menu.addAction(tr("(none yet)"))
        none.setEnabled(False)


def _start_dir(window: Any) -> str:
    current = window.current_store_path()
    return str(Path(current).parent) if current else str(Path.home())


def new_database(window: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(
        window,
        tr("New database"),
        str(Path(_start_dir(window)) / "dispatch.db"),
        tr(DB_FILTER_KEY),
    )
    if path:
        window.open_database(path, create=True)


def open_database(window: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(
        window, tr("Open database"), _start_dir(window), tr(DB_FILTER_KEY)
    )
    if path:
        window.open_database(path)


def demo_path() -> Path:
    return user_data_dir() / DEMO_FILE


def open_demo(window: Any) -> None:
    """Open the demo database, generating it first (in a worker, with progress) if needed."""
    path = demo_path()
    if path.exists():
        window.open_database(path)
        return

    def work(ctx: Any) -> str:
        from ..demo.generator import generate_demo

        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(path.name + ".part")
        part.unlink(missing_ok=True)
        try:
            generate_demo(part, seed=1, visits=DEMO_VISITS, progress=ctx.report, overwrite=True)
            ctx.check()
            part.replace(path)
        finally:
            part.unlink(missing_ok=True)
        return str(path)

    window.run_task(
        Task(tr("Generating the demo database…"), work, on_done=lambda p: window.open_database(p))
    )


def open_settings(window: Any) -> None:
    from .dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window)
    if dialog.exec() and dialog.language_changed() and window.controller is not None:
        window.controller.switch_language(dialog.language())


def open_dispatch_settings(window: Any) -> Any:
    """The open database's matching, route and geocoding settings (调度设置)."""
    if window.store is None:
        from .dialogs.messages import show_info

        show_info(window, tr("Dispatch settings"), tr("Open a database first."))
        return None
    from .dialogs.dispatch_settings_dialog import DispatchSettingsDialog

    dialog = DispatchSettingsDialog(window.store, window)
    dialog.saved.connect(lambda: window.refresh_pages())  # route times, suggestions, points
    dialog.open()
    return dialog


def show_about(window: Any) -> None:
    from .dialogs.about import AboutDialog

    AboutDialog(window).exec()


def show_version(window: Any) -> None:
    from .dialogs.about import version_text
    from .dialogs.messages import show_info

    show_info(window, tr("Version"), version_text(window.current_store_path()))


def open_data_folder(window: Any) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
