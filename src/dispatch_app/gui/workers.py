"""Slow work off the UI thread, with a progress dialog and Cancel; results come back by signal.

A :class:`Task` wraps a plain function ``fn(ctx)``. It runs on Qt's global thread pool; the
function reports with ``ctx.report(done, total)`` and calls ``ctx.check()`` now and then, which
raises :class:`Cancelled` once the user pressed Cancel. With ``db_path`` the task opens its
*own* connection (``ctx.store``) and closes it afterwards: SQLite connections are not shared
between the UI thread and a worker. No widget is touched from the worker: the callbacks
``on_done(result)`` / ``on_error(exc)`` / ``on_cancel()`` run on the UI thread.

Use from anywhere in the window (the exchange dialogs do)::

    window.run_task(Task(tr("Exporting…"), export_fn, db_path=window.current_store_path(),
                         on_done=show_summary))
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from .i18n import tr


class Cancelled(Exception):
    """Raised inside a task by ``ctx.check()`` after the user pressed Cancel."""


class TaskContext:
    """What a task's function sees: progress reporting, cancellation, its own store."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self.store: Any = None

    @property
    def cancelled(self) -> bool:
        return self._task._cancel.is_set()

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()

    def report(self, done: int, total: int) -> None:
        """Progress (``total`` 0 means unknown); also a cancellation point."""
        self._task.signals.progress.emit(int(done), int(total))
        self.check()


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task(QRunnable):
    def __init__(
        self,
        title: str,
        fn: Callable[[TaskContext], Any],
        *,
        db_path: str | Path | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        cancellable: bool = True,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its result has been delivered
        self.title = title
        self.fn = fn
        self.db_path = db_path
        self.on_done = on_done
        self.on_error = on_error
        self.on_cancel = on_cancel
        self.cancellable = cancellable
        self.signals = _Signals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:  # worker thread
        ctx = TaskContext(self)
        try:
            if self.db_path is not None:
                from ..store.writer_lock import LockedByOther, open_locked, open_read_only

                # Shares the window's writer lock; while another instance holds it (a
                # read-only session) the task may read, and any write it tries is refused.
                try:
                    ctx.store = open_locked(self.db_path)
                except LockedByOther as exc:
                    ctx.store = open_read_only(self.db_path, exc.holder)
            try:
                result = self.fn(ctx)
            finally:
                if ctx.store is not None:
                    ctx.store.close()
            if self._cancel.is_set():
                raise Cancelled()
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # delivered to the UI thread, shown there
            if not hasattr(exc, "zh"):  # not a refusal the user can act on: keep the details
                from .. import logs

                logs.get("gui").error("task %r failed", self.title, exc_info=exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs tasks with a window-modal progress dialog; lives on the UI thread.

    The dialog is made only when a task is still running after ``show_after_ms``: most tasks
    (opening an up-to-date database takes a millisecond) finish before anyone could see it,
    and building one costs start-up time for nothing.
    """

    finished = Signal()

    def __init__(self, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._parent = parent_widget
        # key -> [task, dialog or None, last progress (done, total)]
        self._running: dict[int, list[Any]] = {}

    def busy(self) -> bool:
        return bool(self._running)

    def run(self, task: Task, *, show_after_ms: int | None = 300) -> None:
        """Start ``task``; its progress dialog appears after ``show_after_ms`` (never: None,
        for quiet background loads such as the home page's figures)."""
        key = id(task)
        self._running[key] = [task, None, (0, 0)]
        task.signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        task.signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        task.signals.cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        task.signals.setProperty("task_key", key)
        if show_after_ms is not None:
            QTimer.singleShot(show_after_ms, self, lambda: self._show_dialog(key))
        QThreadPool.globalInstance().start(task)

    def _show_dialog(self, key: int) -> None:
        entry = self._running.get(key)
        if entry is None or entry[1] is not None:
            return
        task, _none, (done, total) = entry
        dialog = QProgressDialog(task.title, tr("Cancel"), 0, max(total, 0), self._parent)
        dialog.setWindowTitle(tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not task.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(task.cancel)
        entry[1] = dialog
        dialog.setValue(min(done, total) if total else 0)
        dialog.show()

    def dialog_of(self, task: Task) -> QProgressDialog | None:
        """The progress dialog shown for a running task (None before it appears)."""
        entry = self._running.get(id(task))
        return entry[1] if entry is not None else None

    def _take(self) -> Task | None:
        sender = self.sender()
        key = sender.property("task_key") if sender is not None else None
        entry = self._running.pop(key, None)
        if entry is None:
            return None
        task, dialog, _progress = entry
        if dialog is not None:
            dialog.canceled.disconnect(task.cancel)
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
        return task

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        sender = self.sender()
        entry = self._running.get(sender.property("task_key")) if sender else None
        if entry is None:
            return
        entry[2] = (done, total)
        dialog = entry[1]
        if dialog is None:
            return
        if dialog.maximum() != total:
            dialog.setMaximum(max(total, 0))
        if total:
            dialog.setValue(min(done, total))

    @Slot(object)
    def _on_done(self, result: object) -> None:
        task = self._take()
        if task is not None and task.on_done is not None:
            task.on_done(result)
        self.finished.emit()

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        task = self._take()
        if task is not None:
            if task.on_error is not None:
                task.on_error(exc)  # type: ignore[arg-type]
            else:
                from .dialogs.messages import show_error

                show_error(self._parent, task.title, str(exc))
        self.finished.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        task = self._take()
        if task is not None and task.on_cancel is not None:
            task.on_cancel()
        self.finished.emit()
