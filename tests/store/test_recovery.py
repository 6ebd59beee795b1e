"""A write cut off by a crash is undone on the next open, read-only commands included."""

from __future__ import annotations

import sqlite3

import pytest

from dispatch_app.cli.main import main
from dispatch_app.store import open_store, recovery
from dispatch_app.store.errors import HotJournalReadOnly
from support.crashkit import leave_hot_journal


@pytest.fixture
def crashed(tmp_path):
    path = tmp_path / "crashed.db"
    open_store(path, create=True).close()
    leave_hot_journal(path)
    assert recovery.has_hot_journal(path)
    return path


def _settings_count(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM settings").fetchone()[0]
    finally:
        conn.close()


def test_readonly_open_rolls_back_and_says_so(crashed):
    with open_store(crashed, readonly=True) as store:
        assert [n.code for n in store.notices] == ["rolled_back"]
        assert store.scalar("SELECT count(*) FROM settings WHERE key LIKE 'crash-%'") == 0
        assert store.query("PRAGMA integrity_check")[0][0] == "ok"
    assert not recovery.has_hot_journal(crashed)
    with open_store(crashed, readonly=True) as store:
        assert store.notices == []  # told once, when it happened


def test_readwrite_open_also_says_so(crashed):
    with open_store(crashed) as store:
        assert [n.code for n in store.notices] == ["rolled_back"]


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["progress"],
        ["export", "enterprises", "--out", "{out}"],
    ],
)
def test_readonly_commands_undo_and_do_not_blame_the_folder(crashed, argv, capsys, tmp_path):
    args = [a.replace("{out}", str(tmp_path / "e.csv")) for a in argv]
    code = main([*args, "--db", str(crashed)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "已撤销" in err and "interrupted write" in err
    assert "cannot be written" not in err
    assert _settings_count(crashed) == 0


def test_read_only_folder_asks_for_a_writable_copy(crashed, monkeypatch):
    before = crashed.read_bytes()
    journal = recovery.journal_path(crashed)
    journal_before = journal.read_bytes()
    real_connect = sqlite3.connect

    def read_only_connect(target, *a, **kw):  # what a read-only folder gives (root ignores chmod)
        return real_connect(f"file:{target}?mode=ro", *a, uri=True, **kw)

    monkeypatch.setattr(recovery.sqlite3, "connect", read_only_connect)
    with pytest.raises(HotJournalReadOnly) as info:
        open_store(crashed, readonly=True)
    assert "-journal" in info.value.zh and "writable" in info.value.en
    assert crashed.read_bytes() == before
    assert journal.read_bytes() == journal_before


def test_a_journal_that_is_not_hot_is_left_alone(tmp_path):
    path = tmp_path / "x.db"
    open_store(path, create=True).close()
    journal = recovery.journal_path(path)
    journal.write_bytes(b"\0" * 512)  # a zeroed header: SQLite does not call it hot
    with open_store(path, readonly=True) as store:
        assert store.notices == []
