"""Qt's offscreen noise is dropped; every other Qt warning still reaches stderr."""

from __future__ import annotations

import os
import subprocess
import sys


def test_other_qt_warnings_stay_visible():
    code = (
        "from PySide6.QtCore import qWarning\n"
        "from dispatch_app.gui.app import ensure_app\n"
        "ensure_app()\n"
        "qWarning('This plugin does not support propagateSizeHints()')\n"
        "qWarning('QFont: a real problem')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["QFont: a real problem"]
