"""Start-up: the application object, font, language, settings, and the main window.

``run(db=None, lang=None, quit_when_ready=False)``: with no ``db`` the last database from the
settings is opened, or (first start) the demo database is offered. ``quit_when_ready`` exits 0
as soon as the first page has painted its first rows (start-up is measured with it; the work
the window defers until after that paint is skipped) and 2 if the database cannot be opened.

Switching the interface language rebuilds the main window at once (every string is set when a
widget is made, so a fresh window is the simplest way to be sure none is missed); the open
database and the current page are handed over, and unsaved input goes through the drafts file:
the rebuilt window opens the same records again and offers it back.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from . import i18n
from .fonts import apply_app_font
from .qt_messages import quiet_offscreen_noise
from .settings import Settings

READY_TIMEOUT_MS = 120_000
# How long the shown window waits, before its first paint, for the database it opens: opening
# an up-to-date file takes 15-60 ms here, so the first paint can show the rows instead of an
# empty page painted a second time; a slower open (an upgrade) paints the window at once.
OPENING_WAIT_MS = 200


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("dispatch-app")
        app.setOrganizationName("dispatch-app")
        apply_app_font(app)
        _set_window_icon(app)
    assert isinstance(app, QApplication)
    quiet_offscreen_noise(app)
    return app


def _set_window_icon(app: QApplication) -> None:
    """The program's icon on every window and the task bar (resources/icons/README.md)."""
    from PySide6.QtGui import QIcon

    from ..paths import resources_dir

    icon = resources_dir() / "icons" / "dispatch-app.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


class AppController:
    """Owns the settings and the current main window; rebuilds it on a language switch."""

    def __init__(self, settings: Settings, lang: str, db: str | None = None) -> None:
        self.app = ensure_app()
        self.settings = settings
        from ..store import audit

        audit.set_default_actor(settings.closer_name)  # who the audit trail names
        i18n.install(self.app, lang)
        self.window = self._new_window(db)

    def _new_window(self, db: str | None = None) -> Any:
        """A main window; ``db`` starts opening at once, while the window is being built."""
        from .main_window import MainWindow

        return MainWindow(self.settings, controller=self, open_path=db)

    def switch_language(self, lang: str) -> Any:
        """Rebuild the window in ``lang`` now, keeping the open database and page."""
        old = self.window
        self.settings.language = lang
        page = old.current_page_key()
        from .unsaved import keep_as_drafts, reopen_drafts

        reopen = keep_as_drafts(old)
        old.settings.window_geometry = old.saveGeometry()
        old._handing_over = True
        store = old.take_store()
        i18n.install(self.app, lang)
        new = self._new_window()
        self.window = new
        new.show_page(page)
        if store is not None:
            new.adopt_store(store)
            reopen_drafts(new, reopen)
            new.show_page(page)
        if old.isVisible():
            new.show()
        old.close()
        old.deleteLater()
        return new


def run(db: str | None = None, lang: str | None = None, quit_when_ready: bool = False) -> int:
    settings = Settings()
    path = db or settings.last_database
    if not path and quit_when_ready:
        print("no database given / 未指定数据库", file=sys.stderr)
        return 2
    from .. import logs

    # Before the database starts opening (it logs that): the file is set up after the paint.
    logs.setup_at_first_record()
    controller = AppController(settings, lang or settings.language, db=path)
    window = controller.window
    app = controller.app
    exit_code = {"value": 0}

    if quit_when_ready:

        def ready() -> None:
            # Quitting now: what start-up defers past the first paint is not needed.
            window.start_up_finished = True
            app.exit(0)

        def failed(exc: object) -> None:
            print(getattr(exc, "en", str(exc)), file=sys.stderr)
            exit_code["value"] = 2
            app.exit(2)

        window.ready.connect(ready)
        window.open_failed.connect(failed)
        QTimer.singleShot(READY_TIMEOUT_MS, lambda: app.exit(1))
        # No modal box may block an unattended run: errors go to stderr instead.
        from .dialogs import messages

        messages.show_error = lambda _p, title, text: print(f"{title}: {text}", file=sys.stderr)
        messages.ask = lambda _p, title, text: print(f"{title}: {text}", file=sys.stderr) or False

    from .crash_dialog import install as install_crash_handler

    install_crash_handler(lambda: controller.window)  # logged, shown, data kept safe
    # The log file, and the records that waited for it, once the rows are painted.
    window.ready.connect(lambda: QTimer.singleShot(0, window, logs.setup))
    window.show()  # painted by the event loop: after the wait below
    window.wait_for_opening(OPENING_WAIT_MS)  # the first paint with rows, if the file is quick
    if not path:
        QTimer.singleShot(0, lambda: _offer_demo(controller))
    code = app.exec()
    return exit_code["value"] or code


def _offer_demo(controller: AppController) -> None:
    from .actions import open_demo
    from .dialogs.messages import ask
    from .i18n import tr

    window = controller.window
    if ask(
        window,
        tr("Welcome"),
        tr(
            "No database is open yet. Open the demo database to look around? "
            "(You can create your own with File → New database.)"
        ),
    ):
        open_demo(window)
