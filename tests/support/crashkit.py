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


_BACKUP_CHILD = r"""
import sys
from dispatch_app.backup import make, make_backup
make.PAGES_PER_STEP = 16  # many small steps: kills land inside the copy as well as around it
print("ready", flush=True)
while True:
    make_backup(sys.argv[1], sys.argv[2], rotate_after=False)
"""


def kill_backups_at(db: Path, folder: Path, after_s: float) -> None:
    """Run back-to-back backups of ``db`` into ``folder`` in a child; SIGKILL it ``after_s``
    seconds after it is ready (so the kill can land in any phase: copy, fsync, verify, rename)."""
    import time

    proc = subprocess.Popen(
        [sys.executable, "-c", _BACKUP_CHILD, str(db), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        line = proc.stdout.readline()
        assert line.strip() == b"ready", proc.stderr.read().decode()
        time.sleep(after_s)
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode())
        proc.kill()
    finally:
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -9
