"""An unexpected error in the window: logged, shown with "复制详情 / Copy details", data kept safe.

``install(app_controller)`` replaces ``sys.excepthook`` (PySide calls it for an exception that
escapes a slot, and the program goes on) and ``threading.excepthook``. The hook

* writes the traceback to the log file (``dispatch_app.logs``: no personal data);
* keeps the data safe: a transaction still open on the window's store is rolled back, so
  nothing is left half-written (a write that failed inside ``store.atomic()`` was already
  undone by it);
* shows a dialog saying so, with the details (redacted too) and a button that copies them
  for support. One dialog at a time: errors arriving while it is shown are only logged.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, logs
from .i18n import tr


def details_text(exc_type: type[BaseException], exc: BaseException, tb: Any) -> str:
    import platform  # only when there is an error to describe: not at start-up

    lines = traceback.format_exception(exc_type, exc, tb)
    head = (
        f"dispatch-app {__version__} · Python {platform.python_version()} · {platform.platform()}"
    )
    return logs.redact(head + "\n\n" + "".join(lines))


class CrashDialog(QDialog):
    def __init__(self, details: str, log_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Unexpected error"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        text = tr(
            "The program met an unexpected error. Your data is safe: a change that was being "
            "saved was undone, not half-written. You can go on working; if it happens again, "
            "send the details to support."
        )
        if log_path:
            text += "\n" + tr("The details are also in the log file:") + f" {log_path}"
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(tr("Copy details"), self)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(tr("Copied"))


class CrashHandler:
    """The installed hook; ``current`` is the dialog being shown (tests look at it)."""

    def __init__(self, window: Callable[[], Any]) -> None:
        self.window = window
        self.current: CrashDialog | None = None
        self.previous = sys.excepthook

    def keep_data_safe(self) -> None:
        store = getattr(self.window(), "store", None)
        try:
            if store is not None and store.roll_back_open_transaction():
                logs.get("gui").warning("rolled back a transaction left open by the error")
        except Exception:  # the connection itself may be what broke
            logs.get("gui").exception("could not roll back after the error")

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        where = logs.setup()
        logs.get("gui").error("unexpected error", exc_info=(exc_type, exc, tb))
        self.keep_data_safe()
        if self.current is not None and self.current.isVisible():
            return
        window = self.window()
        parent = window if isinstance(window, QWidget) else None
        self.current = CrashDialog(details_text(exc_type, exc, tb), str(where or ""), parent)
        self.current.open()

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        """Other threads: logged only (their work reports its own errors to the window)."""
        logs.setup()
        logs.get("thread").error(
            "unexpected error in thread %s",
            getattr(args.thread, "name", "?"),
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )


def install(window: Callable[[], Any]) -> CrashHandler:
    handler = CrashHandler(window)
    sys.excepthook = handler
    threading.excepthook = handler.thread_hook
    return handler
