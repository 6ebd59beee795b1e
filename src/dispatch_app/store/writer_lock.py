"""One writer per database: a lock file beside it saying who has it open, where and since when.

Why a lock file and not SQLite's own locks: SQLite locks a file only for the length of a
transaction, so two windows may both hold a database open and both write, each overwriting
the other's view; a lock held for the whole session (``locking_mode=EXCLUSIVE``) would also
shut out every reader, and on a shared Windows folder (SMB) SQLite's byte-range locks are
known to be unreliable. A file created with ``O_CREAT | O_EXCL`` is atomic on local disks and
on SMB shares alike, and it can say *who* has the database open, which is what the second user
needs to know. SQLite's locks still protect each transaction underneath.

``<name>.db.lock`` holds JSON: user, host, pid, since, heartbeat and a random token. The owner
rewrites ``heartbeat`` every minute from a daemon thread. A lock is stale, and may be cleared,
when its process is gone (same host, pid not running) or its heartbeat is older than
``STALE_AFTER`` and the file has not been rewritten for as long either (another PC that
crashed or lost the network; the file's time guards against a PC whose clock runs behind).
Clearing renames the stale file to a unique name first, so of two processes clearing at once
only one succeeds, and checks
that what it renamed is the lock it judged stale (else it puts it back). The owner checks its
token on every heartbeat: if the lock was taken over (a laptop asleep past ``STALE_AFTER``),
``lost`` is set and the store refuses further writes.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from .. import clock
from .errors import StoreError

if TYPE_CHECKING:
    from .database import Store

HEARTBEAT_SECONDS = 60.0
STALE_AFTER = timedelta(minutes=10)
# A lock file that cannot be read (empty: the program was killed between creating it and
# writing who holds it) is written in one go, so once it is this old nobody is still writing it.
UNREADABLE_STALE_AFTER = timedelta(seconds=30)


@dataclass(frozen=True)
class Holder:
    """Who holds a lock (as its file says)."""

    user: str
    host: str
    pid: int
    since: str
    heartbeat: str
    token: str = ""

    @classmethod
    def parse(cls, text: str) -> Holder | None:
        try:
            data = json.loads(text)
            return cls(
                str(data["user"]),
                str(data["host"]),
                int(data["pid"]),
                str(data["since"]),
                str(data.get("heartbeat") or data["since"]),
                str(data.get("token", "")),
            )
        except (ValueError, KeyError, TypeError):
            return None

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)

    def since_local(self) -> str:
        return _local(self.since)


def _local(stored: str) -> str:
    try:
        when = datetime.fromisoformat(stored.replace("Z", "+00:00"))
    except ValueError:
        return stored
    return when.astimezone(clock.LOCAL).strftime("%Y-%m-%d %H:%M")


class LockedByOther(StoreError):
    """Another instance has the database open for writing."""

    def __init__(self, path: Path | str, holder: Holder | None) -> None:
        if holder is None:
            who_zh, who_en = "另一个程序窗口", "another window of the program"
        else:
            who_zh = f"{holder.user}（电脑 {holder.host}，自 {holder.since_local()} 起）"
            who_en = f"{holder.user} on {holder.host} (since {holder.since_local()})"
        super().__init__(
            path,
            f"该数据库正由{who_zh}打开并编辑。为避免互相覆盖，同一时间只能有一处修改。"
            "可以以只读方式打开查看，或请对方关闭后再试。",
            f"This database is open for editing by {who_en}. Only one place may change it at "
            "a time, so that neither overwrites the other. Open it read-only to look, or ask "
            "them to close it and try again.",
        )
        self.holder = holder


class ReadOnlySession(StoreError):
    """A write attempted on a database opened read-only because someone else holds it."""

    def __init__(self, path: Path | str, holder: Holder | None, folder: bool = False) -> None:
        if folder:
            why_zh = "该文件夹无法写入（只读或无权限）。"
            why_en = "This folder cannot be written (read-only or no permission)."
        else:
            who = LockedByOther(path, holder)
            why_zh, why_en = who.zh.split("。")[0] + "。", who.en.split(". ")[0] + "."
        super().__init__(
            path,
            "数据库以只读方式打开，不能保存修改。" + why_zh,
            "The database is open read-only; changes cannot be saved. " + why_en,
        )


def lock_path(db_path: Path | str) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def _user() -> str:
    from .audit import default_actor

    return default_actor()


def _host() -> str:
    """This machine's name, as ``socket.gethostname()`` gives it (the same system call on
    POSIX; ``socket`` and what it pulls in are imported only on Windows, off start-up)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _token(nbytes: int) -> str:
    """Random hex, as ``uuid.uuid4().hex`` gave it (``uuid`` imports ``platform`` at start-up)."""
    return os.urandom(nbytes).hex()


def _pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (True when we cannot tell)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would send Ctrl+C on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return True


def read_holder(db_path: Path | str) -> Holder | None:
    try:
        return Holder.parse(lock_path(db_path).read_text(encoding="utf-8"))
    except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError):
        return None
    except OSError:
        return None


def is_stale(holder: Holder | None, lock_file: Path, now: datetime | None = None) -> bool:
    """Whether a lock may be cleared: its process is gone, or it has not beaten for too long."""
    now = now or clock.now()
    if holder is None:  # unreadable: stale once it is old enough not to be half-written
        try:
            age = time.time() - lock_file.stat().st_mtime
        except OSError:
            return True
        return age > UNREADABLE_STALE_AFTER.total_seconds()
    if holder.host == _host() and not _pid_alive(holder.pid):
        return True
    try:
        beat = datetime.fromisoformat(holder.heartbeat.replace("Z", "+00:00"))
    except ValueError:
        return True
    if now - beat <= STALE_AFTER:
        return False
    # The heartbeat is another PC's clock; the file's own time (set where it was written, on a
    # file server often the server's clock) must agree, so a PC whose clock runs behind does
    # not lose its lock to a neighbour.
    try:
        return time.time() - lock_file.stat().st_mtime > STALE_AFTER.total_seconds()
    except OSError:
        return True


class WriterLock:
    """A held lock; :meth:`release` (or closing the store that holds it) gives it up."""

    def __init__(self, db_path: Path, holder: Holder) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self.holder = holder
        self.lost = False
        self.cleared_stale: Holder | None = None  # the stale lock this one replaced, if any
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.refs = 1
        self.key = ""

    def start_heartbeat(self, interval: float = HEARTBEAT_SECONDS) -> None:
        def beat() -> None:
            while not self._stop.wait(interval):
                self.beat()

        self._thread = threading.Thread(target=beat, name="writer-lock-heartbeat", daemon=True)
        self._thread.start()

    def beat(self) -> None:
        """Refresh the heartbeat; notice when the lock is no longer ours."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:  # deleted by hand: take it again if nobody else has
            if not _create(self.path, self.holder):
                self._lose()
            return
        except (OSError, UnicodeDecodeError):
            return  # busy for a moment (a reader on a shared folder): next beat
        current = Holder.parse(text)
        if current is None:
            return
        if current.token != self.holder.token:
            self._lose()
            return
        self.holder = Holder(**{**self.holder.__dict__, "heartbeat": clock.now_iso()})
        with contextlib.suppress(OSError):
            _write_over(self.path, self.holder.to_json())

    def _lose(self) -> None:
        self.lost = True
        self._stop.set()
        from .. import logs

        logs.get("store").warning("writer lock of %s taken over elsewhere", self.db_path.name)

    def check(self) -> None:
        """Raise before a write if the lock was taken over meanwhile."""
        if self.lost:
            raise ReadOnlySession(self.db_path, read_holder(self.db_path))

    def release(self) -> None:
        with _HELD_GUARD:
            self.refs -= 1
            if self.refs > 0:
                return
            if _HELD.get(self.key) is self:
                del _HELD[self.key]
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)
        current = read_holder(self.db_path)
        if current is not None and current.token == self.holder.token:
            with contextlib.suppress(OSError):
                self.path.unlink()


def _write_over(path: Path, text: str) -> None:
    with path.open("r+", encoding="utf-8") as fh:
        fh.write(text)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def _create(path: Path, holder: Holder) -> bool:
    """Create the lock file atomically; False when it already exists."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(holder.to_json())
        fh.flush()
        os.fsync(fh.fileno())
    return True


def _clear_stale(path: Path, judged: Holder | None) -> bool:
    """Move a stale lock out of the way; False if someone else got there first."""
    aside = path.with_name(f"{path.name}.stale-{_token(4)}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return True  # already gone: try creating ours
    except OSError:
        return False
    moved = None
    with contextlib.suppress(OSError, UnicodeDecodeError):
        moved = Holder.parse(aside.read_text(encoding="utf-8"))
    if (moved and moved.token) != (judged and judged.token):
        # A fresh lock replaced the stale one between our look and the rename: put it back.
        with contextlib.suppress(OSError):
            os.rename(aside, path)
        return False
    with contextlib.suppress(OSError):
        aside.unlink()
    return True


# Locks this process holds, by lock file: a second store on the same file in this process (a
# worker's connection, reopening the open database) shares the lock instead of meeting itself.
_HELD: dict[str, WriterLock] = {}
_HELD_GUARD = threading.Lock()


def acquire(db_path: Path | str, *, heartbeat: bool = True) -> WriterLock:
    """Take the database's writer lock, clearing a stale one; LockedByOther when it is held."""
    db_path = Path(db_path)
    path = lock_path(db_path)
    key = os.path.normcase(os.path.abspath(path))
    with _HELD_GUARD:
        held = _HELD.get(key)
        if held is not None and not held.lost:
            held.refs += 1
            return held
        lock = _acquire(db_path, path, heartbeat)
        lock.key = key
        if not _HELD:
            atexit.register(release_all)
        _HELD[key] = lock
        return lock


def release_all() -> None:
    """Give up every lock this process holds (at exit: a window closed by quitting the event
    loop, a command that returned without closing its store). A killed process cannot do this:
    its lock is then stale and the next opening clears it."""
    with _HELD_GUARD:
        held = list(_HELD.values())
    for lock in held:
        lock.refs = 1
        lock.release()


def _acquire(db_path: Path, path: Path, heartbeat: bool) -> WriterLock:
    now = clock.now_iso()
    holder = Holder(_user(), _host(), os.getpid(), now, now, _token(16))
    cleared: Holder | None = None
    for _ in range(3):
        try:
            if _create(path, holder):
                lock = WriterLock(db_path, holder)
                lock.cleared_stale = cleared
                if heartbeat:
                    lock.start_heartbeat()
                return lock
        except FileNotFoundError:
            from .errors import DatabaseMissing

            raise DatabaseMissing(db_path) from None
        except PermissionError:
            from .errors import ReadOnlyLocation

            raise ReadOnlyLocation(db_path) from None
        current = read_holder(db_path)
        if not is_stale(current, path):
            raise LockedByOther(db_path, current)
        if _clear_stale(path, current):
            cleared = current
    raise LockedByOther(db_path, read_holder(db_path))


def open_locked(
    db_path: Path | str,
    *,
    create: bool = False,
    read_only_fallback: bool = False,
    verify: bool = True,
    defer_check: bool = False,
) -> Store:
    """Open a database for writing under its writer lock (the window, writing commands).

    LockedByOther (before anything is opened) when another instance has it. Where the folder
    cannot be written (a read-only share, a CD) no lock can be made: ReadOnlyLocation, or with
    ``read_only_fallback`` (the window) a read-only store that says why. ``verify``: every
    writer runs ``quick_check`` first, so a damaged file is never written to; ``defer_check``
    (the window) runs it before the first write instead (see ``open_store``)."""
    from .database import open_store
    from .errors import DatabaseMissing, NotADatabase, ReadOnlyLocation
    from .recovery import Notice

    db_path = Path(db_path)
    if not db_path.name or db_path.is_dir():  # "" is "." (a folder), as is "some/dir"
        raise NotADatabase(db_path)
    if not create and not db_path.exists():
        raise DatabaseMissing(db_path)
    try:
        lock = acquire(db_path)
    except ReadOnlyLocation:
        if not read_only_fallback or create:
            raise
        store = open_read_only(db_path, None, folder=True)
        store.notices.append(Notice("read_only_folder", READ_ONLY_FOLDER[0], READ_ONLY_FOLDER[1]))
        return store
    try:
        store = open_store(db_path, create=create, verify=verify, defer_check=defer_check)
    except BaseException:
        lock.release()
        raise
    store.writer_lock = lock
    store.write_guard = lock.check
    from .. import logs

    if lock.cleared_stale is not None:
        logs.get("store").info("cleared a stale writer lock of %s", db_path.name)
        stale = lock.cleared_stale
        store.notices.append(
            Notice(
                "stale_lock_cleared",
                f"上次由 {stale.user}（电脑 {stale.host}）打开时程序未正常退出，"
                "留下的占用标记已清除。",
                f"The program did not close normally when {stale.user} on {stale.host} last had "
                "this database open; the lock it left was cleared.",
            )
        )
    logs.get("store").info("opened %s for writing", db_path.name)
    return store


READ_ONLY_FOLDER = (
    "该文件夹无法写入（只读或无权限），数据库以只读方式打开：可以查看，不能保存修改。"
    "要修改，请把数据库复制到可写的文件夹。",
    "This folder cannot be written (read-only or no permission), so the database is open "
    "read-only: you can look but not save changes. To change it, copy it to a writable folder.",
)


def open_read_only(
    db_path: Path | str, holder: Holder | None = None, *, folder: bool = False
) -> Store:
    """Open a database someone else is editing (or in a read-only folder), to look only:
    every write is refused with the reason."""
    from .database import open_store

    store = open_store(db_path, readonly=True)
    holder = holder or (None if folder else read_holder(db_path))

    def refuse() -> None:
        raise ReadOnlySession(db_path, holder, folder)

    store.write_guard = refuse
    store.read_only_holder = holder  # type: ignore[attr-defined]
    from .. import logs

    logs.get("store").info("opened %s read-only (held elsewhere)", Path(db_path).name)
    return store
