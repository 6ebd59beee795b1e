"""The gateway: migrations from empty, re-opening, and refusals that leave files untouched."""

from __future__ import annotations

import sqlite3
import struct

import pytest

from dispatch_app.store import open_store
from dispatch_app.store.errors import (
    DatabaseMissing,
    ForeignDatabase,
    NewerSchema,
    NotADatabase,
)
from dispatch_app.store.schema import APPLICATION_ID, SCHEMA_VERSION


def test_create_from_empty_applies_every_migration(tmp_path):
    path = tmp_path / "new.db"
    with open_store(path, create=True) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.scalar("PRAGMA application_id") == APPLICATION_ID
        assert store.scalar("PRAGMA foreign_keys") == 1
        assert store.scalar("PRAGMA journal_mode") == "delete"
        assert store.scalar("PRAGMA synchronous") == 2  # FULL
        assert store.scalar("SELECT count(*) FROM districts") == 12
        assert store.scalar("SELECT count(*) FROM towns") == 191
        assert store.scalar("SELECT name FROM districts WHERE adcode = '330383'") == "龙港市"
        applied = store.query("SELECT name FROM _sqlite_migrations ORDER BY id")
        assert len(applied) == SCHEMA_VERSION


def test_reopen_changes_nothing(tmp_path):
    path = tmp_path / "again.db"
    open_store(path, create=True).close()
    before = path.read_bytes()
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    assert path.read_bytes() == before


def test_missing_file_is_refused_without_create(tmp_path):
    path = tmp_path / "nope.db"
    with pytest.raises(DatabaseMissing):
        open_store(path)
    assert not path.exists()


def _stamp(path, *, user_version=None, application_id=None):
    data = bytearray(path.read_bytes())
    if user_version is not None:
        data[60:64] = struct.pack(">I", user_version)
    if application_id is not None:
        data[68:72] = struct.pack(">I", application_id)
    path.write_bytes(bytes(data))


def test_newer_version_is_refused_byte_identical(tmp_path):
    path = tmp_path / "future.db"
    open_store(path, create=True).close()
    _stamp(path, user_version=SCHEMA_VERSION + 1)
    before = path.read_bytes()
    with pytest.raises(NewerSchema) as info:
        open_store(path)
    assert "更新版本" in info.value.zh
    assert path.read_bytes() == before
    with pytest.raises(NewerSchema):
        open_store(path, readonly=True)
    assert path.read_bytes() == before


def test_foreign_sqlite_file_is_refused_byte_identical(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.execute("INSERT INTO notes VALUES ('hello')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabase):
        open_store(path)
    assert path.read_bytes() == before


def test_other_application_id_is_refused(tmp_path):
    path = tmp_path / "app.db"
    open_store(path, create=True).close()
    _stamp(path, application_id=0x12345678)
    before = path.read_bytes()
    with pytest.raises(ForeignDatabase):
        open_store(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04 not really a spreadsheet" * 10, "统一社会信用代码,企业名称\n".encode(), b"x"],
)
def test_non_database_is_refused_byte_identical(tmp_path, content):
    path = tmp_path / "list.db"
    path.write_bytes(content)
    with pytest.raises(NotADatabase):
        open_store(path, create=True)
    assert path.read_bytes() == content


def test_empty_file_becomes_a_database(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with open_store(path, create=True) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_atomic_rolls_back_everything(store):
    from dispatch_app.domain.records import Target
    from dispatch_app.store import repository

    with pytest.raises(sqlite3.IntegrityError), store.atomic():
        repository.insert(
            store, Target(year=2026, scope="330302", visits_target=1, appointments_target=1)
        )
        repository.insert(
            store, Target(year=2026, scope="330302", visits_target=2, appointments_target=2)
        )
    assert store.scalar("SELECT count(*) FROM targets") == 0


def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError), store.atomic():
        store.conn.execute(
            "INSERT INTO towns (code, name, district_code) VALUES ('1', 'x', '999999')"
        )


def test_readonly_open_writes_nothing(tmp_path):
    path = tmp_path / "ro.db"
    open_store(path, create=True).close()
    before = path.read_bytes()
    with open_store(path, readonly=True) as store:
        assert store.scalar("SELECT count(*) FROM districts") == 12
        with pytest.raises(sqlite3.OperationalError):
            store.conn.execute("DELETE FROM towns")
    assert path.read_bytes() == before


def test_older_database_is_upgraded_in_place_keeping_its_data(tmp_path):
    """A file from the first release (schema 1) opens, gains later migrations, keeps rows."""
    from sqlite_utils import Database

    from dispatch_app.store.schema import _REGISTERED, build_migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db = Database(conn, execute_plugins=False)
    build_migrations().apply(db, stop_before="0002_pinyin_sort_indexes")
    conn.execute(
        "INSERT INTO targets (id, created_at, updated_at, year, scope, visits_target,"
        " appointments_target) VALUES ('t1', 'x', 'x', 2025, '330300', 9000, 450)"
    )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()

    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        names = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "enterprises_pinyin" in names
        assert store.scalar("SELECT visits_target FROM targets WHERE id = 't1'") == 9000
        applied = [r[0] for r in store.query("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert applied[:2] == ["0001_initial", "0002_pinyin_sort_indexes"]
        # ...and every later one, in the registered order (each branch appends its own).
        assert applied == [name for name, _fn in _REGISTERED]
        assert "visits_progress_cover" in names and "visits_progress" not in names


def test_failed_upgrade_closes_the_file_and_keeps_the_old_schema(tmp_path, monkeypatch):
    """A migration that fails leaves the file as it was and no connection open."""
    from sqlite_utils import Database

    from dispatch_app.store import database
    from dispatch_app.store.schema import build_migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    build_migrations().apply(
        Database(conn, execute_plugins=False), stop_before="0002_pinyin_sort_indexes"
    )
    conn.close()

    opened = []
    real_connect = database._connect

    def spying_connect(*args, **kwargs):
        opened.append(real_connect(*args, **kwargs))
        return opened[-1]

    class Broken:
        def apply(self, db):
            with db.atomic():
                db.execute("CREATE INDEX half_done ON enterprises(name)")
                raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(database, "_connect", spying_connect)
    monkeypatch.setattr(database, "build_migrations", lambda: Broken())
    with pytest.raises(sqlite3.OperationalError):
        open_store(path)
    with pytest.raises(sqlite3.ProgrammingError):  # closed
        opened[0].execute("SELECT 1")
    monkeypatch.undo()
    with open_store(path, readonly=True) as store:
        assert store.schema_version == 1
        names = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "half_done" not in names
