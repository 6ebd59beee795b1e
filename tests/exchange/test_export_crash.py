"""An export killed by SIGKILL at random moments: the file at the target path is the old one or
the whole new one, never half; the database is untouched; the next export succeeds.

Three trials by default, 20 with ``DISPATCH_SLOW_FULL=1`` (see tests/demo/test_scale.py).
"""

from __future__ import annotations

import hashlib
import os
import random
import sys

import pytest

from dispatch_app.store import open_store
from support.killer import cli, run_and_kill

from .test_import_crash import ROWS, SEED, _usccs, _write_csv

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]
TRIALS = 20 if os.environ.get("DISPATCH_SLOW_FULL") == "1" else 3
OLD = "统一社会信用代码,企业名称\r\n91330382MA2K001X51,上个月的导出\r\n".encode("utf-8-sig")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_killed_at_random_leaves_the_old_file_or_the_whole_new_one(tmp_path, fmt):
    db = tmp_path / "district.db"
    source = tmp_path / "enterprises.csv"
    _write_csv(
        source,
        ["统一社会信用代码", "企业名称", "所属区县"],
        [[u, f"温州第{i}号阀门有限公司", "乐清市"] for i, u in enumerate(_usccs(ROWS, SEED))],
    )
    open_store(db, create=True).close()
    made = cli("import", "enterprises", str(source), "--db", str(db))
    assert made.returncode == 0, made.stderr
    db_digest = hashlib.sha256(db.read_bytes()).hexdigest()
    reference = tmp_path / f"reference.{fmt}"

    def temp_file(folder):  # the writer's temporary file beside the target: writing
        return lambda: any(p.name.endswith(".tmp") for p in folder.iterdir())

    argv = ["export", "enterprises", "--out", str(reference), "--db", str(db)]
    timing = run_and_kill(argv, db, writing=temp_file(tmp_path))
    assert timing.returncode == 0, timing.stderr
    # (An XLSX is written in one go: its temporary file may live too briefly to be seen; the
    # "into the write" trials then run to the end, which is still a valid trial.)
    new = reference.read_bytes()

    rng = random.Random(SEED)
    seen = {"old": 0, "new": 0}
    for trial in range(TRIALS):
        folder = tmp_path / f"trial{trial}"
        folder.mkdir()
        out = folder / f"monthly.{fmt}"
        out.write_bytes(OLD)
        # Half spread over the run, half inside the write (up to a little past its end).
        if trial % 2:
            moment = {"into_write": rng.uniform(0, 1.2) * max(timing.write_seconds, 0.01)}
        else:
            moment = {"after": rng.uniform(0.3, 1.1) * timing.seconds}
        argv = ["export", "enterprises", "--out", str(out), "--db", str(db)]
        outcome = run_and_kill(argv, db, writing=temp_file(folder), **moment)
        where = f"trial {trial} (seed {SEED}, {moment})"
        assert outcome.returncode in (0, -9), f"{where}: {outcome.stderr}"
        got = out.read_bytes()
        assert got in (OLD, new), f"{where}: half a file at the target"
        seen["old" if got == OLD else "new"] += 1
        assert hashlib.sha256(db.read_bytes()).hexdigest() == db_digest, where
        again = cli(*argv)
        assert again.returncode == 0, f"{where}: {again.stderr}"
        assert out.read_bytes() == new, where
    print(f"export {fmt}: {TRIALS} trials, {seen}")
