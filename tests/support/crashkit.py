"""Leave a hot journal the way a power cut does: a child process dies by SIGKILL mid-write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_CHILD = r"""
import os, signal, sys
from dispatch_app.store import open_store
store = open_store(sys.argv[1])
store.conn.execute("PRAGMA cache_size = 5")  # spill dirty pages into the file early
store.conn.execute("BEGIN")
store.conn.executemany(
    "INSERT INTO settings (key, value) VALUES (?, ?)",
    [(f"crash-{i}", "x" * 400) for i in range(3000)],
)
os.kill(os.getpid(), signal.SIGKILL)
"""


def leave_hot_journal(path: Path) -> None:
    """Start a big write in a child and kill it before it commits."""
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
