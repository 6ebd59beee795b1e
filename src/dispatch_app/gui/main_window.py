"""The main window composes: navigation, pages, menus, status bar. Pages do the work.

Public API for other parts of the GUI (the exchange dialogs use it):

- ``current_store_path()`` → the open database's path (or None)
- ``run_task(task)`` → run a :class:`~dispatch_app.gui.workers.Task` with progress and Cancel
- ``refresh_pages()`` → reload every page after data changed behind their back (an import)
- ``show_records(page_key, filters, description)`` → a record page showing the records behind
  a figure (the progress dashboard's drill-down)

Opening a database runs in a worker (a large file or a schema upgrade can take a while); a
database that cannot be opened is explained in a dialog and the previous one stays open.

Start-up order (measured by ``bench/bench_gui.py``): the database given at start starts opening
in the worker *before* the window builds its pages and menus, so that its result is usually
waiting when the event loop starts and the first paint already shows rows; work the first
paint does not need (the home page's aggregates, the import/export submenu) starts right after
it (``finish_start_up``).

Unsaved input in the forms and the visit dialog is kept in a drafts file (``drafts.py``);
closing the window or switching database asks Save / Discard / Cancel first (``unsaved.py``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from .. import clock
from ..store.errors import DatabaseMissing, StoreError
from . import unsaved
from .drafts import Drafts
from .i18n import current_language, tr
from .page_registry import PAGES, page_class, page_shortcut
from .settings import Settings
from .workers import Task, TaskRunner


class _Opening:
    """How the database opening in the worker ended (read by :meth:`wait_for_opening`)."""

    def __init__(self) -> None:
        self.finished = threading.Event()
        self.ok = False


def _check_pending(store: Any) -> bool:
    check = getattr(store, "deferred_check", None)
    return check is not None and not check.done


class _Pages(dict):
    """Pages are built when first needed: start-up builds only the page on screen."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._window = window

    def __missing__(self, key: str) -> Any:
        w = self._window
        page = page_class(key)(w)
        self[key] = page
        index = w.stack.indexOf(w._placeholders[key])
        w.stack.insertWidget(index, page)
        w.stack.removeWidget(w._placeholders[key])
        w._placeholders[key].deleteLater()
        page.rows_painted.connect(lambda k=key: w._on_page_painted(k))
        if w.store is not None:
            page.set_store(w.store)
            from . import read_only_notice

            read_only_notice.lock_page(page, hasattr(w.store, "read_only_holder"))
        return page


class MainWindow(QMainWindow):
    ready = Signal()  # the current page painted its first rows after a database opened
    store_changed = Signal(object)
    open_failed = Signal(object)  # the StoreError shown to the user

    def __init__(
        self, settings: Settings, controller: Any = None, open_path: str | Path | None = None
    ) -> None:
        super().__init__()
        self.settings = settings
        self.drafts = Drafts(settings.drafts_path)
        self.controller = controller
        self.store: Any = None
        self.runner = TaskRunner(self)
        self._waiting_ready = False
        self._opening: _Opening | None = None
        # The database open before the current one, kept (not closed) until the current one's
        # deferred quick_check has passed, so that a damaged file can give way to it.
        self._kept_open: Any = None
        self.start_up_finished = False
        if open_path:
            self.open_database(open_path)  # runs while the rest of the window is built
        self.setObjectName("mainWindow")
        self.setWindowTitle(tr("Tech VP & Light-Cavalry Dispatch Desk"))
        self.resize(1280, 800)

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget(central)
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150 if current_language() == "en" else 120)
        # outline: 0 drops the dotted focus box inside the selected item (the selection colour
        # already shows where the keyboard is; arrow keys and Ctrl+1..8 work as before).
        self.nav.setStyleSheet(
            "QListWidget { font-size: 14px; border: none; background: #f3f5f8; outline: 0; }"
            "QListWidget::item { padding: 9px 12px; }"
            "QListWidget::item:selected { background: #1a5fb4; color: white; }"
        )
        self.stack = QStackedWidget(central)
        self._placeholders: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        self.pages = _Pages(self)
        for i, (key, title) in enumerate(PAGES):
            placeholder = QWidget(self.stack)
            self._placeholders[key] = placeholder
            self.stack.addWidget(placeholder)
            item = QListWidgetItem(tr(title), self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(page_shortcut(i) or "")
        self.nav.currentRowChanged.connect(self._on_nav)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel(self)
        self.db_label.setProperty("data", True)
        self.statusBar().addPermanentWidget(self.db_label)
        from .actions import build_menus
        from .backup_actions import BackupController

        self.backups = BackupController(self)
        self.actions_ = build_menus(self)
        geometry = settings.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.show_page(settings.last_page if settings.last_page in dict(PAGES) else "home")
        self._update_title()

    # -- public API ------------------------------------------------------------------------
    def current_store_path(self) -> str | None:
        return str(self.store.path) if self.store is not None else None

    def run_task(self, task: Task) -> None:
        self.runner.run(task)

    def tasks_running(self) -> bool:
        return self.runner.busy()

    def refresh_pages(self, except_page: Any = None) -> None:
        """Reload the page on screen now and the others when next shown."""
        current = self.current_page_key()
        for key, page in list(self.pages.items()):
            if page is except_page:
                continue
            if key == current:
                page.reload()
            else:
                self._stale.add(key)

    # -- pages -----------------------------------------------------------------------------
    def current_page_key(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else "home"

    def current_page(self) -> Any:
        return self.pages[self.current_page_key()]

    def show_page(self, key: str) -> Any:
        keys = [k for k, _ in PAGES]
        self.nav.setCurrentRow(keys.index(key))
        return self.pages[key]

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row][0]
        page = self.pages[key]
        if page.store is not self.store:
            page.set_store(self.store)
        elif key in self._stale:
            page.reload()
        self._stale.discard(key)
        self.stack.setCurrentWidget(page)
        self.settings.last_page = key

    def show_related(self, page_key: str, filter_name: str, record_id: str) -> None:
        if not record_id:
            return
        page = self.show_page(page_key)
        page.show_related(filter_name, record_id)

    def show_records(self, page_key: str, filters: dict[str, Any], description: str) -> Any:
        page = self.show_page(page_key)
        page.show_filtered(filters, description)
        return page

    def open_record(self, page_key: str, record_id: str) -> None:
        if not record_id:
            return
        page = self.show_page(page_key)
        page.select_record(record_id)

    def log_visit(self, visit_id: str | None = None, complete: bool = False) -> Any:
        """Open the visit dialog (new, edit, or complete a planned visit)."""
        if self.store is None:
            return None
        from .dialogs.visit_dialog import VisitDialog

        dialog = VisitDialog(self.store, self, visit_id=visit_id, complete=complete)
        dialog.saved.connect(lambda _id: self.refresh_pages())
        dialog.open()
        return dialog

    # -- databases -------------------------------------------------------------------------
    def open_database(self, path: str | Path, *, create: bool = False) -> None:
        """Open (or create) a database in a worker; on failure keep the current one."""
        path = str(Path(path).expanduser())
        if not unsaved.confirm(self, tr("Save the unsaved input before opening another database?")):
            return

        opening = self._opening = _Opening()

        def work(ctx: Any) -> Any:
            from ..store.writer_lock import open_locked

            try:
                # One writer: LockedByOther if taken; a read-only folder opens read-only.
                # verify: quick_check before any write; deferred past the first paint when
                # the schema is current (backup_actions runs it then), else before opening.
                store = open_locked(
                    path, create=create, read_only_fallback=True, verify=True, defer_check=True
                )
                if create:
                    from ..services.targets import ensure_default_targets

                    ensure_default_targets(store, clock.today().year)
            except BaseException:
                opening.finished.set()
                raise
            opening.ok = True
            opening.finished.set()
            return store

        title = tr("Creating the database…") if create else tr("Opening the database…")
        self.run_task(
            Task(
                title, work, on_done=self.adopt_store, on_error=self._open_failed, cancellable=False
            )
        )

    def wait_for_opening(self, timeout_ms: int) -> bool:
        """Right after the window is shown, before the event loop first paints it: give the
        database opening in the worker up to ``timeout_ms`` to finish and take its store now,
        so that the first paint already shows the rows — one paint instead of an empty page
        painted, then painted again with rows.

        False (nothing changes) when it is still running or it failed: the window paints at
        once and the rows, or the error over the window, follow from the event loop as before.
        """
        opening = self._opening
        if opening is None or not opening.finished.wait(timeout_ms / 1000) or not opening.ok:
            return False
        # The task has returned its store: its "done" signal is posted (or about to be) to
        # the runner on this thread; deliver it now instead of from the event loop.
        QThreadPool.globalInstance().waitForDone(timeout_ms)
        QCoreApplication.sendPostedEvents(self.runner)
        return self.store is not None

    def _open_failed(self, exc: BaseException) -> None:
        from ..store.integrity import DatabaseDamaged
        from ..store.writer_lock import LockedByOther
        from .dialogs.messages import show_error

        if isinstance(exc, LockedByOther):
            self.offer_read_only(exc)
            return
        if isinstance(exc, DatabaseDamaged):
            self.open_failed.emit(exc)
            self.backups.offer_restore(exc)  # told, kept aside untouched, backup offered
            return
        if isinstance(exc, StoreError):
            show_error(self, tr("Cannot open the database"), exc.message(current_language()))
            self.open_failed.emit(exc)
            # A file that is gone leaves the recent list (a locked one may open next time).
            if isinstance(exc, DatabaseMissing) or self.store is None:
                self.settings.remove_recent(str(exc.path))
            return
        show_error(self, tr("Cannot open the database"), f"{type(exc).__name__}: {exc}")
        self.open_failed.emit(exc)

    def offer_read_only(self, exc: Any) -> None:
        """Someone else is editing the file: say who and since when, offer to look only."""
        from .dialogs.messages import ask

        text = exc.message(current_language()) + "\n\n" + tr("Open it read-only?")
        if not ask(self, tr("The database is in use"), text):
            self.open_failed.emit(exc)
            return

        def work(ctx: Any) -> Any:
            from ..store.writer_lock import open_read_only

            return open_read_only(exc.path, exc.holder)

        self.run_task(
            Task(
                tr("Opening the database…"),
                work,
                on_done=self.adopt_store,
                on_error=self._open_failed,
                cancellable=False,
            )
        )

    def adopt_store(self, store: Any) -> None:
        """Make ``store`` the open database (closing the previous one) and load every page.

        A store whose opening ``quick_check`` was deferred past the first paint
        (``Store.deferred_check``) keeps the previous database open until the check has
        passed (:meth:`store_checked`); should the first page's reads already meet damage, the
        check runs at once.
        """
        import sqlite3

        old, self.store = self.store, store
        if old is not None and old is not store:
            if _check_pending(store):
                self._close_kept()
                self._kept_open = old
            else:
                old.close()
        self.settings.add_recent(str(store.path))
        self._waiting_ready = True
        self._stale.clear()
        current = self.current_page_key()
        try:
            self.pages[current].set_store(store)  # the others load when first shown
        except sqlite3.DatabaseError:
            damage = store.deferred_check.run() if _check_pending(store) else None
            if damage is None:
                raise
            self.store_checked(store, damage)
            self.backups.offer_restore(damage)
            return
        self._update_title()
        self.store_changed.emit(store)
        notices = list(getattr(store, "notices", ()))
        if notices:
            QTimer.singleShot(0, self, lambda: self._show_notices(notices))

    def store_checked(self, store: Any, damage: BaseException | None) -> None:
        """The deferred opening check of ``store`` is over. Passed: the database kept open
        behind it is closed. Damaged: ``store`` is closed (nothing was written to it: every
        write waits for the check) and the window goes back to the database open before it,
        or to none; ``open_failed`` tells as a failed opening would."""
        if damage is None:
            self._close_kept()
            return
        kept, self._kept_open = self._kept_open, None
        if self.store is store:
            self.store = None
            self._unload_pages()
        store.close()
        if kept is not None and self.store is None:
            self.adopt_store(kept)
        elif kept is not None:
            kept.close()
        self._update_title()
        self.open_failed.emit(damage)

    def _close_kept(self) -> None:
        kept, self._kept_open = self._kept_open, None
        if kept is not None and kept is not self.store:
            kept.close()

    def _unload_pages(self) -> None:
        """Put every built page back to its placeholder (they held the store just closed);
        the page on screen is built again, empty, at once."""
        current = self.current_page_key()
        for key, page in list(self.pages.items()):
            placeholder = QWidget(self.stack)
            self._placeholders[key] = placeholder
            self.stack.insertWidget(self.stack.indexOf(page), placeholder)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.stack.setCurrentWidget(self.pages[current])

    def _show_notices(self, notices: list[Any]) -> None:
        """What the store found on opening (an interrupted write undone), once, after the paint."""
        from .dialogs.messages import show_info

        lang = current_language()
        show_info(self, tr("About this database"), "\n\n".join(n.message(lang) for n in notices))

    def take_store(self) -> Any:
        """Hand the open store to a new window (language switch) without closing it."""
        store, self.store = self.store, None
        return store

    def _on_page_painted(self, key: str) -> None:
        if self._waiting_ready and key == self.current_page_key() and self.store is not None:
            self._waiting_ready = False
            self.ready.emit()
            QTimer.singleShot(0, self, self.finish_start_up)

    def finish_start_up(self) -> None:
        """What the first paint could do without: done once, right after it (the pages' slow
        figures, the import/export submenu)."""
        if self.start_up_finished:
            return
        self.start_up_finished = True
        for page in list(self.pages.values()):
            deferred = getattr(page, "load_deferred", None)
            if deferred is not None:
                deferred()
        from .actions import fill_exchange_menu

        fill_exchange_menu(self)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.start_up_finished:  # no database to paint (first start): do it soon anyway
            QTimer.singleShot(1000, self, self.finish_start_up)

    def _update_title(self) -> None:
        base = tr("Tech VP & Light-Cavalry Dispatch Desk")
        if self.store is None:
            self.setWindowTitle(base)
            self.db_label.setText(tr("No database open"))
        else:
            # Opened to look only while someone else edits it (store.writer_lock).
            read_only = tr(" (read-only)") if hasattr(self.store, "read_only_holder") else ""
            self.setWindowTitle(f"{Path(self.store.path).name}{read_only} — {base}")
            self.db_label.setText(str(self.store.path) + read_only)
        from . import read_only_notice

        read_only_notice.update(self)

    # -- shortcuts' targets ----------------------------------------------------------------
    def focus_search(self) -> None:
        self.current_page().focus_search()

    def new_record(self) -> None:
        self.current_page().new_record()

    def save_current(self) -> None:
        self.current_page().save_current()

    def reload_all(self) -> None:
        if self.store is not None:
            self.refresh_pages()

    def closeEvent(self, event: Any) -> None:
        handing_over = getattr(self, "_handing_over", False)
        if not handing_over and not unsaved.confirm(
            self, tr("Save the unsaved input before closing?")
        ):
            event.ignore()
            return
        self.settings.window_geometry = QByteArray(self.saveGeometry())
        self.settings.last_page = self.current_page_key()
        self.settings.sync()
        if self.store is not None and not handing_over:
            path = self.current_store_path()
            self.store.close()
            self.store = None
            self.backups.on_close(path)
        super().closeEvent(event)

    def page_widget(self, key: str) -> QWidget:
        return self.pages[key]
