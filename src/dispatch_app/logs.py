"""The program's log: a rotating file in the platform's log folder, with no personal data.

Where: ``DISPATCH_APP_LOGS`` (a folder), else ``<DISPATCH_APP_DATA>/logs`` when that is set
(tests), else the platform's per-user log folder (platformdirs: ``%LOCALAPPDATA%\\dispatch-app\\
Logs`` on Windows). 1 MiB a file, five old files kept: enough to send to support, never a
disk filler. The file is opened at the first record, so start-up pays nothing.

No personal data: every record passes through :func:`redact` after formatting (message and
traceback alike), which hides mobile and landline numbers and ID numbers; the program itself
logs counts, kinds and file names, never field values.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
from pathlib import Path

LOGGER = "dispatch_app"
FILE_NAME = "dispatch-app.log"
MAX_BYTES = 1 << 20
BACKUPS = 5

# ID numbers (18 characters, last may be X) and phone numbers, wherever they appear in a line.
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)")


def redact(text: str) -> str:
    """The text with ID numbers and phone numbers replaced by placeholders."""
    text = _ID_NUMBER.sub("[身份证号]", text)
    text = _MOBILE.sub("[电话]", text)
    return _LANDLINE.sub("[电话]", text)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_dir() -> Path:
    override = os.environ.get("DISPATCH_APP_LOGS")
    if override:
        return Path(override)
    data = os.environ.get("DISPATCH_APP_DATA")
    if data:
        return Path(data) / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir("dispatch-app", appauthor=False))


def log_file() -> Path:
    return log_dir() / FILE_NAME


_installed: logging.Handler | None = None


def setup() -> Path | None:
    """Send the program's log records to the rotating file (once; later calls follow the
    environment to a new folder, as tests do). None when the folder cannot be made."""
    global _installed
    target = log_file()
    logger = logging.getLogger(LOGGER)
    waiting: list[logging.LogRecord] = []
    for stand_in in [h for h in logger.handlers if isinstance(h, _SetUpAtFirstRecord)]:
        logger.removeHandler(stand_in)  # replaced by the file: its records go there below
        waiting += stand_in.waiting
    if _installed is not None:
        if Path(getattr(_installed, "baseFilename", "")) == target.resolve():
            for record in waiting:
                _installed.handle(record)
            return target
        logger.removeHandler(_installed)
        _installed.close()
        _installed = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    # logging.handlers pulls in pickle, queue and socket: imported here, off start-up.
    from logging.handlers import RotatingFileHandler

    handler = RotatingFileHandler(
        target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    _installed = handler
    for record in waiting:
        handler.handle(record)
    return target


def get(name: str = "") -> logging.Logger:
    return logging.getLogger(f"{LOGGER}.{name}" if name else LOGGER)


class _SetUpAtFirstRecord(logging.Handler):
    """Stands in for the file handler at start-up. A warning or an error sets the file up at
    once and goes to it; information ("opened demo.db for writing") waits in memory until
    :func:`setup` runs — after the first paint, at exit, at the first warning, or when
    ``LIMIT`` records wait — so start-up neither finds the folder nor imports anything for it."""

    LIMIT = 200

    def __init__(self) -> None:
        super().__init__()
        self.waiting: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.waiting.append(record)
        if record.levelno >= logging.WARNING or len(self.waiting) >= self.LIMIT:
            setup()


def setup_at_first_record() -> None:
    """What :func:`setup` does, deferred (see :class:`_SetUpAtFirstRecord`): the window's
    start-up calls this first and :func:`setup` once its rows are painted."""
    logger = logging.getLogger(LOGGER)
    if _installed is None and not any(isinstance(h, _SetUpAtFirstRecord) for h in logger.handlers):
        logger.addHandler(_SetUpAtFirstRecord())
        logger.setLevel(logging.INFO)
        atexit.register(_set_up_if_waiting)


def _set_up_if_waiting() -> None:
    """At exit: records still waiting go to the file."""
    logger = logging.getLogger(LOGGER)
    if any(isinstance(h, _SetUpAtFirstRecord) and h.waiting for h in logger.handlers):
        setup()
