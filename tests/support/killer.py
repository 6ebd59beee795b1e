"""Run the command line in a child process and SIGKILL it at a chosen moment (a power cut).

Two kinds of moment, both from a seeded random generator so a failing trial can be replayed:
``after`` seconds from the start (spread over the whole run: start-up, reading, checking,
writing), or ``into_write`` seconds after the write is seen to begin (the rollback journal
appears, which is when the database file itself starts to change; or what ``writing`` says).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import dispatch_app

_SRC = str(Path(dispatch_app.__file__).resolve().parent.parent)


def cli_env() -> dict[str, str]:
    """The child's environment: this tree's sources first, the test's clock and folders."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_SRC, env.get("PYTHONPATH", "")) if p)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``dispatch-app ARGV`` to the end."""
    return subprocess.run(
        [sys.executable, "-m", "dispatch_app.cli.main", *argv],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=300,
    )


@dataclass(frozen=True)
class Outcome:
    killed: bool  # False: the command finished before the moment came
    returncode: int
    journal_seen: bool  # the rollback journal existed when (or before) the kill came
    stderr: str
    seconds: float = 0.0  # from the start to the kill or the end
    write_seconds: float = 0.0  # how long the journal was seen (the write's length)


def run_and_kill(
    argv: list[str],
    db: Path,
    *,
    after: float | None = None,
    into_write: float | None = None,
    timeout: float = 120.0,
    writing: Callable[[], bool] | None = None,
) -> Outcome:
    """Start ``dispatch-app ARGV`` and SIGKILL it at the moment given (see the module doc).

    With neither moment the command runs to its end, which measures the run and its write.
    ``writing`` says when the write is under way (default: the database's journal exists).
    """
    journal = db.with_name(db.name + "-journal")
    writing = writing or journal.exists
    proc = subprocess.Popen(
        [sys.executable, "-m", "dispatch_app.cli.main", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=cli_env(),
    )
    started = time.monotonic()
    seen_at: float | None = None
    last_seen = 0.0
    deadline = started + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        now = time.monotonic()
        if writing():
            seen_at = now if seen_at is None else seen_at
            last_seen = now
        if after is not None and now - started >= after:
            break
        if into_write is not None and seen_at is not None and now - seen_at >= into_write:
            break
        time.sleep(0.0005)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    ended = time.monotonic()
    _, err = proc.communicate(timeout=30)
    return Outcome(
        killed,
        proc.returncode,
        seen_at is not None,
        err.decode(errors="replace"),
        seconds=ended - started,
        write_seconds=0.0 if seen_at is None else last_seen - seen_at,
    )
