"""``dispatch-app screenshot``: render every page and the main dialogs to PNG files, offscreen.

Used to look at the window in both languages without a display (and for the README). The
settings go to a temporary folder so a screenshot run never changes the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 1366, 820
PAGE_WORK_TIMEOUT_MS = 20_000

# The "ready" protocol: a page may implement ``pending_work() -> bool``, True while its worker
# or timers are still filling it (the workbench's progress box, the dashboard's figures). A
# screenshot waits until every page built so far says False (or the timeout passes), so the
# pictures (and the user guide made from them) show what a user sees, on a busy machine too.


def pages_pending(window: Any) -> list[str]:
    """Keys of the built pages whose deferred work has not finished."""
    busy = []
    for key, page in list(window.pages.items()):
        pending = getattr(page, "pending_work", None)
        if pending is not None and pending():
            busy.append(key)
    return busy


def wait_for_pages(window: Any, timeout_ms: int = PAGE_WORK_TIMEOUT_MS) -> bool:
    """Run the event loop until no page has pending work; False on timeout (said on stderr)."""
    if _wait(lambda: not pages_pending(window), timeout_ms):
        return True
    print(
        f"screenshot: still loading after {timeout_ms} ms: {pages_pending(window)}", file=sys.stderr
    )
    return False


def _grab(widget: Any, path: Path) -> None:
    widget.grab().save(str(path))


def _wait(condition: Callable[[], bool], timeout_ms: int = 30_000) -> bool:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = QDeadlineTimer(timeout_ms)
    while not condition():
        if deadline.hasExpired():
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return True


def _settle(ms: int = 150) -> None:
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtWidgets import QApplication

    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        QApplication.processEvents()


def take_screenshots(
    db: str | os.PathLike[str], out: str | os.PathLike[str], lang: str = "zh"
) -> int:
    """Write ``NN-<page>-<lang>.png`` for each page and ``dialog-<name>-<lang>.png``; exit code."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import AppController
    from .settings import Settings

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(Path(tmp) / "dispatch-app.ini")
        settings.language = lang  # the settings dialog shows the language it is shot in
        controller = AppController(settings, lang)
        window = controller.window
        errors: list[Any] = []
        window.open_failed.connect(errors.append)
        from .dialogs import messages

        original_error, original_unsaved = messages.show_error, messages.ask_unsaved
        messages.show_error = lambda _p, title, text: print(f"{title}: {text}", file=sys.stderr)
        # What the screenshots type into forms is for the picture only: no question blocks.
        messages.ask_unsaved = lambda _p, _title, _text: "discard"
        try:
            window.resize(WIDTH, HEIGHT)
            window.show()
            window.open_database(db)
            if not _wait(lambda: window.store is not None or bool(errors)) or errors:
                return 2
            return _shoot_all(window, out_dir, lang, Path(tmp))
        finally:
            window.close()
            window.deleteLater()
            _settle(50)
            messages.show_error, messages.ask_unsaved = original_error, original_unsaved


def _shoot_all(window: Any, out_dir: Path, lang: str, scratch: Path) -> int:
    from .page_registry import PAGES

    written = []

    def shoot_dialog(dialog: Any, name: str) -> Path:
        _settle(200)
        path = out_dir / f"dialog-{name}-{lang}.png"
        dialog.grab().save(str(path))
        written.append(path)
        return path

    for i, (key, _title) in enumerate(PAGES, start=1):
        page = window.show_page(key)
        view = getattr(page, "view", None)
        if view is not None and page.model.rowCount() > 0:
            view.selectRow(0)
        prepare = getattr(page, "prepare_screenshot", None)
        if prepare is not None:
            prepare()  # a page empty until asked (Reports: it generates a document first)
        _settle()
        wait_for_pages(window)
        _settle(50)
        path = out_dir / f"{i:02d}-{key}-{lang}.png"
        _grab(window, path)
        written.append(path)

    # The enterprise form refusing a bad USCC: what validation as you type looks like.
    page = window.show_page("enterprises")
    page.new_record()
    uscc = page.form.editors["uscc"]
    uscc.setText("91330382MA2ABCDE1X")
    uscc.textEdited.emit(uscc.text())
    page.form.validate()
    _settle()
    path = out_dir / f"{len(PAGES) + 1:02d}-enterprise-invalid-{lang}.png"
    window.grab().save(str(path))
    written.append(path)

    for name, make in _dialogs(window).items():
        dialog = make()
        dialog.show()
        shoot_dialog(dialog, name)
        dialog.close()
        dialog.deleteLater()
    path = out_dir / f"menu-file-{lang}.png"
    _shoot_file_menu(window, path)
    written.append(path)
    try:
        from .exchange.screenshots import shoot_exchange
    except ImportError:  # a build without the exchange dialogs
        pass
    else:
        shoot_exchange(window, scratch, shoot_dialog, _wait)
    for p in written:
        print(p)
    return 0


def _dialogs(window: Any) -> dict[str, Callable[[], Any]]:
    from .dialogs.about import AboutDialog
    from .dialogs.close_follow_up import CloseFollowUpDialog
    from .dialogs.settings_dialog import SettingsDialog
    from .dialogs.visit_dialog import VisitDialog

    def visit() -> Any:
        dialog = VisitDialog(window.store, window)
        dialog.enterprise.setText("lq")
        dialog.enterprise.refresh_options()
        dialog.enterprise.choose(0)
        dialog.team.setCurrentIndex(min(1, dialog.team.count() - 1))
        dialog._add_team_members()
        dialog.texts["problems"].setPlainText("注塑工艺不稳定，次品率偏高")
        idx = dialog.items.index(0, 0)
        dialog.items.setData(idx, "对接检测设备供应商")
        dialog.items.setData(dialog.items.index(0, 1), "王建国")
        dialog.items.setData(dialog.items.index(0, 2), "2026-13-40")
        dialog.validate()
        dialog._touched.add("follow_ups")
        dialog.validate()
        return dialog

    def suggest_teams() -> Any:
        from .dialogs.suggestions_dialog import SuggestionsDialog

        page = window.show_page("enterprises")
        page.view.selectRow(0)
        dialog = SuggestionsDialog(window.store, page.current_id() or "", "visit", window)
        _wait(lambda: not dialog.pending_work())
        return dialog

    return {
        "visit": visit,
        "suggest-teams": suggest_teams,
        "close-follow-up": lambda: CloseFollowUpDialog("对接检测设备供应商", "张三", window),
        "settings": lambda: SettingsDialog(window.settings, window),
        "about": lambda: AboutDialog(window),
        "dispatch-settings": lambda: _dispatch_settings(window),
    }


def _dispatch_settings(window: Any) -> Any:
    from .dialogs.dispatch_settings_dialog import DispatchSettingsDialog

    return DispatchSettingsDialog(window.store, window)


def _shoot_file_menu(window: Any, path: Path) -> None:
    """The File menu opened: where the user guide shows Back up now and Restore."""
    menu = window.menuBar().actions()[0].menu()
    # Rendered without popping up: a popup grabs the keyboard, which offscreen Qt warns about.
    menu.ensurePolished()
    menu.resize(menu.sizeHint())
    menu.grab().save(str(path))
