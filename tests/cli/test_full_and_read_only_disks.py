"""A full disk or a read-only folder while exporting or saving a report PDF.

The user is told plainly (zh and en: what happened, which file, what to do); a file already at
the target path is left exactly as it was; no temporary file is left behind; never a traceback.
A full disk is simulated in-process: every file the writers open fails with ENOSPC after a few
kilobytes (or at fsync). A read-only folder is a real ``chmod`` where that means something (not
as root, who may write anywhere) and a simulated EROFS (a write-protected USB stick) always.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from dispatch_app.cli.main import main
from dispatch_app.demo import generate_demo

OLD = b"old export the coordinator still needs\r\n"
COMMANDS = {
    "export-csv": ["export", "visits", "--out", "{out}"],
    "export-gb18030": ["export", "enterprises", "--encoding", "gb18030", "--out", "{out}"],
    "export-xlsx": ["export", "experts", "--out", "{out}"],
    "report-pdf": ["report", "brief", "--year", "2026", "--as-of", "2026-06-30", "--out", "{out}"],
    "bundle-zip": ["bundle", "--force", "--out", "{out}"],
}
SUFFIX = {"export-xlsx": ".xlsx", "report-pdf": ".pdf", "bundle-zip": ".zip"}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("disk") / "district.db"
    generate_demo(path, seed=2, visits=400, as_of=date(2026, 6, 30))
    return path


class _FillingFile:
    """A file object that runs out of room after ``room`` bytes, as a full disk does."""

    def __init__(self, fh, room: int, at_sync: bool) -> None:
        self._fh = fh
        self._room = room
        self.at_sync = at_sync

    def write(self, data) -> int:
        if not self.at_sync and len(data) > self._room:
            self._fh.write(data[: self._room])
            self._room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return self._fh.write(data)

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._fh.close()


def _fill_disk(monkeypatch, folder: Path, *, at_sync: bool = False, room: int = 4096) -> None:
    """Every file opened for writing in ``folder`` fills up (Path.open and os.fdopen alike)."""
    real_open, real_fdopen, real_fsync = Path.open, os.fdopen, os.fsync
    filling: set[int] = set()

    def path_open(self, mode="r", *a, **kw):
        fh = real_open(self, mode, *a, **kw)
        if "w" in mode and Path(self).parent == folder:
            filling.add(fh.fileno())
            return _FillingFile(fh, room, at_sync)
        return fh

    def fdopen(fd, mode="r", *a, **kw):
        fh = real_fdopen(fd, mode, *a, **kw)
        if "w" in mode:
            filling.add(fd)
            return _FillingFile(fh, room, at_sync)
        return fh

    def fsync(fd):
        if at_sync and fd in filling:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    real_io_open = io.open

    def io_open(file, mode="r", *a, **kw):  # what zipfile uses
        fh = real_io_open(file, mode, *a, **kw)
        if "w" in mode and isinstance(file, (str, Path)) and Path(file).parent == folder:
            filling.add(fh.fileno())
            return _FillingFile(fh, room, at_sync)
        return fh

    monkeypatch.setattr(Path, "open", path_open)
    monkeypatch.setattr(os, "fdopen", fdopen)
    monkeypatch.setattr(io, "open", io_open)
    monkeypatch.setattr(os, "fsync", fsync)


def _run(db: Path, command: str, out: Path, capsys) -> tuple[int, str]:
    argv = [a.replace("{out}", str(out)) for a in COMMANDS[command]]
    code = main([*argv, "--db", str(db)])
    return code, capsys.readouterr().err


def _target(tmp_path: Path, command: str) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / f"monthly{SUFFIX.get(command, '.csv')}"
    out.write_bytes(OLD)
    return out


def _left_alone(out: Path) -> None:
    assert out.read_bytes() == OLD
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]  # no temporary file


@pytest.mark.parametrize("at_sync", [False, True], ids=["mid-write", "at-fsync"])
@pytest.mark.parametrize("command", COMMANDS)
def test_disk_full_says_so_and_keeps_the_old_file(
    tmp_path, db, command, at_sync, monkeypatch, capsys
):
    out = _target(tmp_path, command)
    _fill_disk(monkeypatch, out.parent, at_sync=at_sync)
    code, err = _run(db, command, out, capsys)
    monkeypatch.undo()
    assert code == 2, err
    assert "Traceback" not in err and "意外错误" not in err
    assert str(out) in err
    assert "磁盘空间不足" in err and "disk is full" in err.lower()
    _left_alone(out)


def _read_only_folder(monkeypatch, folder: Path) -> None:
    """What a write-protected stick gives: EROFS on creating a file there."""
    import tempfile

    def refusing(real):
        def make(*a, dir=None, **kw):
            if dir is not None and Path(dir) == folder:
                raise OSError(errno.EROFS, os.strerror(errno.EROFS))
            return real(*a, dir=dir, **kw)

        return make

    monkeypatch.setattr(tempfile, "mkstemp", refusing(tempfile.mkstemp))
    monkeypatch.setattr(tempfile, "mkdtemp", refusing(tempfile.mkdtemp))


@pytest.mark.parametrize("command", COMMANDS)
def test_read_only_medium_says_so_and_keeps_the_old_file(
    tmp_path, db, command, monkeypatch, capsys
):
    out = _target(tmp_path, command)
    _read_only_folder(monkeypatch, out.parent)
    code, err = _run(db, command, out, capsys)
    monkeypatch.undo()
    assert code == 2, err
    assert "Traceback" not in err and "意外错误" not in err
    assert str(out.parent) in err
    assert "只读" in err and "read-only" in err
    _left_alone(out)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores chmod")
@pytest.mark.parametrize("command", COMMANDS)
def test_read_only_folder_by_permissions(tmp_path, db, command, capsys):
    out = _target(tmp_path, command)
    out.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        code, err = _run(db, command, out, capsys)
    finally:
        out.parent.chmod(stat.S_IRWXU)
    assert code == 2, err
    assert "Traceback" not in err and "意外错误" not in err
    assert str(out.parent) in err
    _left_alone(out)


def test_the_window_gets_both_languages_too(tmp_path, db, monkeypatch):
    """The export dialog shows ExportFailed's zh/en: a full disk must arrive as one."""
    from dispatch_app.exchange.exporter import ExportOptions, export_kind
    from dispatch_app.exchange.writers import ExportFailed
    from dispatch_app.store import open_store

    out = _target(tmp_path, "export-csv")
    with open_store(db, readonly=True) as store:
        _fill_disk(monkeypatch, out.parent)
        with pytest.raises(ExportFailed) as info:
            export_kind(store, "visits", out, ExportOptions())
        monkeypatch.undo()
    assert "磁盘空间不足" in info.value.zh and "disk is full" in info.value.en
    _left_alone(out)


def _new_rows(db: Path, kind: str) -> tuple[list[str], list[list[str]]]:
    """3,000 rows the database does not hold yet (so the import must write)."""
    import random

    from dispatch_app.domain.uscc import random_uscc
    from dispatch_app.store import open_store

    if kind == "enterprises":
        rng = random.Random(7)
        codes = sorted({random_uscc(rng, "330302") for _ in range(3000)})
        return ["统一社会信用代码", "企业名称", "所属区县"], [
            [c, f"鹿城第{i}号电气有限公司", "鹿城区"] for i, c in enumerate(codes)
        ]
    with open_store(db, readonly=True) as store:
        usccs = [r[0] for r in store.query("SELECT uscc FROM enterprises ORDER BY uscc")]
        team = store.scalar("SELECT name FROM teams ORDER BY name LIMIT 1")
    header = ["服务日期", "统一社会信用代码", "服务队伍", "服务类型", "状态"]
    return header, [
        [f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", usccs[i % len(usccs)], team, "回访", "已完成"]
        for i in range(3000)
    ]


@pytest.mark.parametrize("kind", ["enterprises", "visits"])
def test_import_on_a_full_disk_says_so_and_changes_nothing(tmp_path, db, kind, monkeypatch, capsys):
    """SQLite's own "database or disk is full" (its page limit stands in for the disk)."""
    import csv
    import hashlib
    import shutil

    from dispatch_app.store import database

    copy = tmp_path / "copy.db"
    shutil.copyfile(db, copy)
    source = tmp_path / f"{kind}.csv"
    header, rows = _new_rows(db, kind)
    with source.open("w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh).writerows([header, *rows])
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    real = database._connect

    def nearly_full(path, *, readonly):
        conn = real(path, readonly=readonly)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 3}")
        return conn

    monkeypatch.setattr(database, "_connect", nearly_full)
    code = main(["import", kind, str(source), "--db", str(copy)])
    err = capsys.readouterr().err
    monkeypatch.undo()
    assert code == 2, err
    assert "Traceback" not in err and "磁盘空间不足" in err and "disk is full" in err
    assert str(copy) in err
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
    assert main(["import", kind, str(source), "--db", str(copy)]) == 0  # room again: it works


@pytest.mark.parametrize("command", ["export-csv", "export-xlsx", "report-pdf"])
def test_a_killed_write_leaves_no_half_file_for_long(tmp_path, db, command, capsys):
    """A power cut mid-export leaves a hidden temporary file (personal data, half of it); the
    next write to that target removes such a file once it is clearly abandoned, not a live one."""
    import time

    from dispatch_app.exchange.writers import ABANDONED_AFTER

    out = _target(tmp_path, command)
    hidden = (
        f".{out.stem}-k1ll3d.pdf.part" if command == "report-pdf" else f".{out.name}.k1ll3d.tmp"
    )
    abandoned = out.parent / hidden
    abandoned.write_bytes(b"13812345678 half of an export")
    old = time.time() - ABANDONED_AFTER - 60
    os.utime(abandoned, (old, old))
    live = out.parent / hidden.replace("k1ll3d", "wr1t1ng")
    live.write_bytes(b"another export being written now")
    other = out.parent / ".someone-else.csv.x.tmp"
    other.write_bytes(b"not ours")
    os.utime(other, (old, old))
    code, err = _run(db, command, out, capsys)
    assert code == 0, err
    assert not abandoned.exists()
    assert live.exists() and other.exists()
