"""Start-up: ``--quit-when-ready`` exits once rows are painted; bad databases exit 2."""

from __future__ import annotations

import os
import subprocess
import sys

from dispatch_app.gui.app import run


def test_run_quit_when_ready_returns_after_first_rows(qapp, db_path, messages):
    assert run(db=str(db_path), lang="zh", quit_when_ready=True) == 0


def test_run_quit_when_ready_with_a_bad_database_exits_2(qapp, tmp_path, messages, capsys):
    assert run(db=str(tmp_path / "nope.db"), quit_when_ready=True) == 2
    assert "does not exist" in capsys.readouterr().err


def test_command_line_quit_when_ready(db_path, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DISPATCH_APP_CONFIG": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-m", "dispatch_app.cli.main", "--db", str(db_path), "--quit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
