"""One writer: a second instance is told who has the database and cannot write; stale locks
(a dead process, a silent heartbeat) are cleared; the lock goes with the store."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import timedelta

import pytest

from dispatch_app import clock
from dispatch_app.domain.records import Enterprise
from dispatch_app.services import registry
from dispatch_app.store import open_store, writer_lock
from dispatch_app.store.writer_lock import (
    Holder,
    LockedByOther,
    ReadOnlySession,
    lock_path,
    open_locked,
    open_read_only,
)
from support.world import enterprise_raw

HOLD = """
import sys, time
from dispatch_app.store import audit
from dispatch_app.store.writer_lock import open_locked
audit.set_default_actor("王协调")
store = open_locked(sys.argv[1])
print("held", flush=True)
sys.stdin.readline()
store.close()
"""


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "city.db"
    open_store(path, create=True).close()
    return path


def _holder_json(**kw) -> str:
    now = clock.now_iso()
    data = {"user": "王协调", "host": socket.gethostname(), "pid": os.getpid(), "since": now}
    data.update({"heartbeat": now, "token": "t0k3n", **kw})
    return json.dumps(data, ensure_ascii=False)


def test_a_second_instance_is_told_who_and_since_when_and_cannot_write(db) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert other.stdout.readline().strip() == "held"
        with pytest.raises(LockedByOther) as refused:
            open_locked(db)
        message = refused.value.message("zh")
        assert "王协调" in message and socket.gethostname() in message
        assert refused.value.holder.since_local()[:4] == str(clock.today().year)
        assert "since" in refused.value.message("en")
        before = db.read_bytes()
        with open_read_only(db, refused.value.holder) as store:
            assert store.scalar("SELECT count(*) FROM enterprises") == 0  # can look
            with pytest.raises(ReadOnlySession, match="只读"):
                registry.register(store, Enterprise, enterprise_raw(1))
        assert db.read_bytes() == before
    finally:
        other.communicate("\n", timeout=20)
    assert not lock_path(db).exists()  # released when the other closed
    with open_locked(db) as store:  # and now this one may write
        registry.register(store, Enterprise, enterprise_raw(1))


def test_the_lock_file_says_who_and_is_removed_on_close(db) -> None:
    store = open_locked(db)
    holder = Holder.parse(lock_path(db).read_text(encoding="utf-8"))
    assert holder is not None and holder.pid == os.getpid()
    assert holder.host == socket.gethostname() and holder.user
    store.close()
    assert not lock_path(db).exists()


def test_a_dead_process_lock_on_this_host_is_cleared(db) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        text=True,
        capture_output=True,
        check=True,
    )
    lock_path(db).write_text(_holder_json(pid=int(dead.stdout)), encoding="utf-8")
    with open_locked(db) as store:
        assert store.writer_lock.cleared_stale.pid == int(dead.stdout)
        registry.register(store, Enterprise, enterprise_raw(2))


def _age(path, minutes: float) -> None:
    """Set the file's modification time ``minutes`` back (a lock nobody rewrote since)."""
    import time

    then = time.time() - minutes * 60
    os.utime(path, (then, then))


def test_a_silent_heartbeat_from_another_pc_is_cleared(db) -> None:
    old = clock.to_stored(clock.now() - writer_lock.STALE_AFTER - timedelta(minutes=1))
    lock_path(db).write_text(
        _holder_json(host="OTHER-PC", pid=4242, since=old, heartbeat=old), encoding="utf-8"
    )
    _age(lock_path(db), 11)
    with open_locked(db) as store:
        assert store.writer_lock.cleared_stale.host == "OTHER-PC"


def test_an_old_heartbeat_in_a_freshly_written_file_is_respected(db) -> None:
    """The other PC's clock runs behind: its heartbeat looks old, but it just wrote the file."""
    old = clock.to_stored(clock.now() - writer_lock.STALE_AFTER - timedelta(minutes=5))
    lock_path(db).write_text(_holder_json(host="OTHER-PC", heartbeat=old), encoding="utf-8")
    with pytest.raises(LockedByOther):
        open_locked(db)


def test_a_live_lock_from_another_pc_is_respected(db) -> None:
    lock_path(db).write_text(_holder_json(host="OTHER-PC", pid=4242), encoding="utf-8")
    with pytest.raises(LockedByOther, match="OTHER-PC"):
        open_locked(db)
    assert "OTHER-PC" in lock_path(db).read_text(encoding="utf-8")  # left alone


def test_a_lock_taken_over_stops_writes(db) -> None:
    store = open_locked(db)
    try:
        lock_path(db).write_text(_holder_json(host="OTHER-PC", token="theirs"), encoding="utf-8")
        store.writer_lock.beat()
        assert store.writer_lock.lost
        with pytest.raises(ReadOnlySession):
            registry.register(store, Enterprise, enterprise_raw(3))
    finally:
        store.close()
    assert "theirs" in lock_path(db).read_text(encoding="utf-8")  # not ours to remove


def test_a_second_store_in_the_same_process_shares_the_lock(db) -> None:
    first = open_locked(db)
    second = open_locked(db)  # a worker's connection, or reopening the same file
    first.close()
    assert lock_path(db).exists()
    registry.register(second, Enterprise, enterprise_raw(4))
    second.close()
    assert not lock_path(db).exists()


def test_the_heartbeat_refreshes_the_file(db) -> None:
    with open_locked(db) as store:
        lock = store.writer_lock
        lock.holder = Holder(**{**lock.holder.__dict__, "heartbeat": "2000-01-01T00:00:00Z"})
        lock.beat()
        beat = Holder.parse(lock_path(db).read_text(encoding="utf-8")).heartbeat
        assert beat > "2026"


def test_a_writing_command_refuses_while_another_holds_it(db, tmp_path, capsys) -> None:
    from dispatch_app.cli.main import main

    lock_path(db).write_text(_holder_json(host="OTHER-PC"), encoding="utf-8")
    csv = tmp_path / "e.csv"
    csv.write_text("统一社会信用代码,企业名称,所在区县\n", encoding="utf-8-sig")
    assert main(["import", "enterprises", str(csv), "--db", str(db)]) == 2
    assert "OTHER-PC" in capsys.readouterr().err


def test_clearing_a_stale_lock_is_told(db) -> None:
    old = clock.to_stored(clock.now() - writer_lock.STALE_AFTER - timedelta(minutes=1))
    lock_path(db).write_text(
        _holder_json(host="OTHER-PC", since=old, heartbeat=old), encoding="utf-8"
    )
    _age(lock_path(db), 11)
    with open_locked(db) as store:
        assert [n.code for n in store.notices] == ["stale_lock_cleared"]
        assert "OTHER-PC" in store.notices[0].zh


def test_a_read_only_folder_opens_read_only_in_the_window(db, monkeypatch) -> None:
    from dispatch_app.store.errors import ReadOnlyLocation

    def refuse(path, **kw):
        raise ReadOnlyLocation(path)

    monkeypatch.setattr(writer_lock, "acquire", refuse)
    with pytest.raises(ReadOnlyLocation):
        open_locked(db)  # a writing command: the plain reason
    with open_locked(db, read_only_fallback=True) as store:
        assert [n.code for n in store.notices] == ["read_only_folder"]
        with pytest.raises(ReadOnlySession, match="文件夹无法写入"):
            registry.register(store, Enterprise, enterprise_raw(5))


def test_a_killed_holders_lock_is_cleared_on_the_next_open(db) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert other.stdout.readline().strip() == "held"
    other.kill()  # SIGKILL: no chance to remove its lock
    other.wait(timeout=20)
    assert lock_path(db).exists()
    with open_locked(db) as store:
        assert store.writer_lock.cleared_stale.pid == other.pid
        registry.register(store, Enterprise, enterprise_raw(6))
    assert not lock_path(db).exists()


def test_a_process_that_exits_without_closing_leaves_no_lock(db) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    code = (
        "import sys\n"
        "from dispatch_app.store.writer_lock import open_locked\n"
        "open_locked(sys.argv[1])"  # and exit without closing
    )
    subprocess.run([sys.executable, "-c", code, str(db)], env=env, check=True, timeout=30)
    assert not lock_path(db).exists()


def test_a_lock_deleted_by_hand_is_taken_again(db) -> None:
    with open_locked(db) as store:
        lock_path(db).unlink()
        store.writer_lock.beat()
        assert not store.writer_lock.lost and lock_path(db).exists()
        registry.register(store, Enterprise, enterprise_raw(7))


def test_an_empty_lock_left_by_a_kill_is_cleared_after_half_a_minute(db) -> None:
    # Killed between creating the lock file and writing who holds it: nobody holds it.
    lock_path(db).write_text("", encoding="utf-8")
    with pytest.raises(writer_lock.LockedByOther):  # just made: may still be being written
        open_locked(db)
    _age(lock_path(db), 1)
    with open_locked(db) as store:
        registry.register(store, Enterprise, enterprise_raw(3))
    assert not lock_path(db).exists()
