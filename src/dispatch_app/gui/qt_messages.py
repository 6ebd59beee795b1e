"""Qt's own warnings: drop the offscreen platform's noise, keep everything else on stderr.

Without a display (``dispatch-app screenshot``, the start-up benchmark) Qt's offscreen plugin
says "This plugin does not support propagateSizeHints()" once for every window it shows. It is
not a problem of ours and it would hide the messages that are: only that exact text is dropped.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler

NOISE = frozenset({"This plugin does not support propagateSizeHints()"})

_installed = False


def _handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in NOISE:
        return
    sys.stderr.write(qFormatLogMessage(mode, context, message) + "\n")
    sys.stderr.flush()


def quiet_offscreen_noise(app: Any) -> bool:
    """Install the filter when ``app`` runs on the offscreen platform; True if installed.

    On a real display nothing changes (Qt's default handler stays). A handler installed by
    someone else (pytest-qt's log capture) is left alone as well.
    """
    global _installed
    if _installed or app.platformName() != "offscreen":
        return _installed
    previous = qInstallMessageHandler(_handler)
    if previous is not None:  # not Qt's default: give it back
        qInstallMessageHandler(previous)
        return False
    _installed = True
    return True
