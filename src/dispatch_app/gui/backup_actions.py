"""Backups from the window: Back up now, Restore…, automatic copies, and what happens on open.

- **Back up now** / **Restore…** (File menu) run in a worker with the progress dialog.
- **Automatic**, each time only when the file changed since its newest backup (its
  modification time is later: every commit of any connection, the window's and the import
  workers', touches the file): the database left when another one is opened (in a worker); the
  one open when the program quits after its window closed (after the event loop, so closing
  never waits for the copy); and while it is open, at most every ``backup.interval_hours``
  (settings in the database, see ``backup/policy.py``).
- **On open**: the store runs ``quick_check`` before anything is written. A file whose schema
  is older is checked in the opening worker (its upgrade writes); a current one opens at once
  and is checked in a quiet worker right after the first paint (``open_store(defer_check=
  True)``: the check reads every page, the largest cost of opening the window), while every
  write waits for the verdict (``Store.atomic``). A damaged file is given up (the window goes
  back to the database it had open, or to none: ``MainWindow.store_checked``), the user is
  told and offered the newest good backup (restoring renames the damaged file aside
  unchanged). ``foreign_key_check`` follows in the same worker (0.15–1.4 s on 100k visits,
  measured: too slow to hold up every opening, and a dangling reference is not damage that
  writing would make worse).
- **Full integrity check** (Help menu): ``integrity_check`` through ``services.health``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

from .dialogs import messages
from .i18n import current_language, tr
from .workers import Task

TICK_MS = 5 * 60 * 1000  # how often the window asks "is a timed backup due?"


def _message(exc: BaseException) -> str:
    from ..store.errors import StoreError

    if isinstance(exc, StoreError):
        return exc.message(current_language())
    return f"{type(exc).__name__}: {exc}"


def changed_since_backup(db_path: Path) -> tuple[bool, float | None]:
    """(the file changed since its newest backup, that backup's age in hours or None)."""
    from ..backup import all_backups

    backups = [b for b in all_backups(db_path) if not b.tag]
    if not backups:
        return True, None
    try:
        newest = backups[0].path.stat().st_mtime
        changed = db_path.stat().st_mtime > newest
    except OSError:
        return True, None
    return changed, (time.time() - newest) / 3600


class BackupController(QObject):
    """Owns the timed backups and the checks after opening; one per main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.last_backup: Path | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self._unchecked: Any = None  # the store whose foreign keys are still to be checked
        self.closed_path: str | None = None
        # Quiet background work (the foreign-key check, timed backups) has its own runner, so
        # that it never counts as the user's task (``window.tasks_running()``).
        from .workers import TaskRunner

        self.runner = TaskRunner(window)
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.back_up_at_exit)
        window.store_changed.connect(self._store_opened)
        window.ready.connect(lambda: QTimer.singleShot(0, self, self._after_paint))

    # -- after opening --------------------------------------------------------------------
    def _store_opened(self, store: Any) -> None:
        """The foreign-key check waits for the first paint (it would compete with it for the
        CPU), or 3 s if no page paints."""
        self._unchecked = store
        QTimer.singleShot(3000, self, self._after_paint)
        left, self._open_path = getattr(self, "_open_path", None), str(store.path)
        if left is not None and left != self._open_path:
            self.back_up_quietly(left)  # the database just left, if it changed

    def back_up_quietly(self, path: str) -> None:
        """A backup in the background when ``path`` changed since its newest one."""
        if not changed_since_backup(Path(path))[0]:
            return

        def work(ctx: Any) -> Path:
            from ..backup import make_backup

            return make_backup(Path(path))

        def done(result: Path) -> None:
            self.last_backup = result
            self.window.statusBar().showMessage(tr("Backed up to {path}").format(path=result))

        def failed(exc: BaseException) -> None:
            self.window.statusBar().showMessage(tr("Backup failed") + ": " + _message(exc))

        self.runner.run(
            Task(tr("Backing up the database…"), work, on_done=done, on_error=failed),
            show_after_ms=None,
        )

    def _after_paint(self) -> None:
        store, self._unchecked = self._unchecked, None
        if store is not None and store is self.window.store:
            self.check_after_paint(store)

    def check_after_paint(self, store: Any) -> None:
        """The opening ``quick_check`` if it was deferred past the paint (a write meanwhile
        runs or waits for it: ``Store.atomic``), then the foreign keys, in a quiet worker."""
        path = Path(store.path)
        deferred = getattr(store, "deferred_check", None)

        def work(ctx: Any) -> Any:
            if deferred is not None:
                damage = deferred.run()
                if damage is not None:
                    return damage
            from ..store.integrity import foreign_key_problems

            return foreign_key_problems(path)

        def done(result: Any) -> None:
            if self.window.store is not store:
                return
            if isinstance(result, BaseException):
                # Damaged: nothing was written to it (every write waits for the check); the
                # window leaves it, the user is told and offered the newest good backup.
                self.window.store_checked(store, result)
                self.offer_restore(result)
                return
            if deferred is not None:
                self.window.store_checked(store, None)
            if result:
                tables = sorted({p["table"] for p in result})
                messages.show_error(
                    self.window,
                    tr("About this database"),
                    tr(
                        "{count} records refer to records that no longer exist (tables: "
                        "{tables}). Run Help → Full integrity check, or restore a backup."
                    ).format(count=len(result), tables=", ".join(tables)),
                )

        self.runner.run(
            Task(tr("Checking the database…"), work, on_done=done, on_error=lambda e: None),
            show_after_ms=None,
        )

    # -- making backups -------------------------------------------------------------------
    def back_up_now(self) -> None:
        path = self.window.current_store_path()
        if path is None:
            return

        def work(ctx: Any) -> Path:
            from ..backup import make_backup

            return make_backup(Path(path), progress=ctx.report)

        def done(result: Path) -> None:
            self.last_backup = result
            self.window.statusBar().showMessage(tr("Backed up to {path}").format(path=result))
            messages.show_info(
                self.window, tr("Back up now"), tr("Backed up to:\n{path}").format(path=result)
            )

        self.window.run_task(
            Task(
                tr("Backing up the database…"),
                work,
                on_done=done,
                on_error=lambda e: messages.show_error(
                    self.window, tr("Backup failed"), _message(e)
                ),
                cancellable=False,
            )
        )

    def interval_hours(self) -> float:
        from ..backup import BackupPolicy

        store = self.window.store
        return BackupPolicy.load(store.conn).interval_hours if store is not None else 0.0

    def tick(self) -> None:
        """A timed backup when one is due and the file changed (quietly, in a worker)."""
        path = self.window.current_store_path()
        hours = self.interval_hours()
        if path is None or hours <= 0:
            return
        changed, age = changed_since_backup(Path(path))
        if not changed or (age is not None and age < hours):
            return
        self.back_up_quietly(path)

    def on_close(self, path: str | None) -> None:
        """Remember the database the window closed with; it is backed up when the program
        quits (``aboutToQuit``), after the event loop, so closing never waits for it."""
        self.closed_path = path

    def back_up_at_exit(self) -> None:
        path, self.closed_path = self.closed_path, None
        if path is None:
            return
        try:
            changed, _age = changed_since_backup(Path(path))
            if not changed:
                return
            from ..backup import make_backup

            self.last_backup = make_backup(Path(path))
        except Exception as exc:  # the program is ending: say why there is no copy
            import sys

            print(tr("Backup failed") + ": " + _message(exc), file=sys.stderr)

    # -- restoring ------------------------------------------------------------------------
    def choose_and_restore(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..backup import all_backups
        from ..backup.naming import default_folder

        current = self.window.current_store_path()
        if current is None:
            return
        found = all_backups(Path(current))
        start = str(found[0].path.parent if found else default_folder(Path(current)))
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, tr("Restore from a backup"), start, tr("Backups (*.db);;All files (*)")
        )
        if chosen:
            self.restore(Path(chosen), Path(current))

    def restore(self, backup: Path, db_path: Path, *, confirm: bool = True) -> None:
        """Verify and restore ``backup`` over ``db_path`` in a worker, then open it again."""
        from . import unsaved

        if confirm and not messages.ask(
            self.window,
            tr("Restore from a backup"),
            tr(
                "Replace the database with this backup?\n{backup}\n\nThe current database is "
                "kept as a backup first."
            ).format(backup=backup),
        ):
            return
        if not unsaved.confirm(self.window, tr("Save the unsaved input before restoring?")):
            return
        if self.window.current_store_path() == str(db_path):
            self.window.take_store().close()  # the file is replaced: no connection may hold it

        def work(ctx: Any) -> Any:
            from ..backup import restore_backup

            return restore_backup(backup, db_path, progress=ctx.report)

        def done(result: Any) -> None:
            self.window.open_database(db_path)
            kept = str(result.kept) if result.kept is not None else "—"
            self.window.statusBar().showMessage(
                tr("Restored {backup}; the replaced database is kept as {kept}").format(
                    backup=backup.name, kept=kept
                )
            )

        def failed(exc: BaseException) -> None:
            messages.show_error(self.window, tr("Restore failed"), _message(exc))
            if db_path.exists():
                self.window.open_database(db_path)

        self.window.run_task(
            Task(
                tr("Restoring the backup…"), work, on_done=done, on_error=failed, cancellable=False
            )
        )

    def offer_restore(self, exc: Any) -> None:
        """A damaged database: say so, and offer its newest good backup (found in a worker)."""
        db_path = Path(exc.path)

        def work(ctx: Any) -> Any:
            from ..backup import newest_good_backup

            return newest_good_backup(db_path)

        def found(backup: Any) -> None:
            question = (
                _message(exc)
                + "\n\n"
                + tr("Restore the newest good backup, taken {taken}?\n{backup}").format(
                    taken=backup.taken.strftime("%Y-%m-%d %H:%M"), backup=backup.path
                )
            )
            if messages.ask(self.window, tr("The database is damaged"), question):
                self.restore(backup.path, db_path, confirm=False)

        def none(err: BaseException) -> None:
            messages.show_error(
                self.window,
                tr("The database is damaged"),
                _message(exc)
                + "\n\n"
                + tr("No good backup was found. The damaged file was not changed."),
            )

        self.window.run_task(
            Task(tr("Looking for a good backup…"), work, on_done=found, on_error=none)
        )

    # -- full check -----------------------------------------------------------------------
    def full_check(self) -> None:
        path = self.window.current_store_path()
        if path is None:
            return

        def work(ctx: Any) -> Any:
            from ..services.health import check
            from ..store import open_store

            with open_store(path, readonly=True) as store:
                return check(store)

        def done(report: Any) -> None:
            lines = [
                tr("Integrity: {result}").format(result="; ".join(report.integrity[:5])),
                tr("Broken references: {count}").format(count=len(report.foreign_key_errors)),
            ]
            if report.ok:
                messages.show_info(
                    self.window, tr("Full integrity check"), "\n".join(lines) + "\n\nOK"
                )
            else:
                messages.show_error(
                    self.window,
                    tr("Full integrity check"),
                    "\n".join(lines) + "\n\n" + tr("Problems found: restore a backup (File menu)."),
                )

        self.window.run_task(
            Task(
                tr("Checking the whole database…"),
                work,
                on_done=done,
                on_error=lambda e: messages.show_error(
                    self.window, tr("Full integrity check"), _message(e)
                ),
            )
        )


def add_menu_actions(window: Any, file_menu: Any, help_menu: Any, acts: dict) -> None:
    """File: Back up now, Restore…; Help: Full integrity check (one call from build_menus)."""
    from .actions import _action

    controller = getattr(window, "backups", None)
    if controller is None:
        return
    acts["backup_now"] = _action(
        window, tr("&Back up now"), controller.back_up_now, "Ctrl+Shift+B", "actionBackupNow"
    )
    acts["restore"] = _action(
        window, tr("&Restore from a backup…"), controller.choose_and_restore, None, "actionRestore"
    )
    acts["full_check"] = _action(
        window, tr("Full &integrity check"), controller.full_check, None, "actionFullCheck"
    )
    before = acts["quit"]
    file_menu.insertAction(before, acts["backup_now"])
    file_menu.insertAction(before, acts["restore"])
    file_menu.insertSeparator(before)
    help_menu.addAction(acts["full_check"])
