"""Schema migrations, registered in order; each runs in one transaction with its record.

Every migration ends by stamping ``PRAGMA user_version`` with its position in the list inside
the same transaction (the :func:`migration` wrapper does it), so the header always tells which
schema the file holds (and a newer file can be refused from its first 100 bytes, before SQLite
writes anything).
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from ..paths import resource

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

# "DSPA": marks a file as this program's database (PRAGMA application_id).
APPLICATION_ID = 0x44535041

# Registered in order. sqlite-utils' Migrations runs them; it is built only when a file needs
# upgrading, so opening an up-to-date database does not pay for importing sqlite-utils.
_REGISTERED: list[tuple[str, Callable[[Database], None]]] = []


def migration(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Register ``fn`` as the next migration; it is stamped with its position, not its name.

    The wrapper sets ``PRAGMA user_version`` to the migration's place in the list inside the
    same transaction, so a migration never writes its own number (two capabilities built side
    by side each append one and only the order of the list decides the numbers).
    """

    def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
        number = len(_REGISTERED) + 1

        def run(db: Database) -> None:
            fn(db)
            db.execute(f"PRAGMA user_version = {number}")

        run.__name__ = fn.__name__
        run.__doc__ = fn.__doc__
        _REGISTERED.append((name, run))
        return fn

    return register


def build_migrations() -> Migrations:
    from sqlite_utils.migrations import Migrations

    migrations = Migrations("dispatch_app")
    for name, fn in _REGISTERED:
        migrations(name=name)(fn)
    return migrations


# Columns every synced record carries: a UUID that survives merges and the times a merge orders by.
_SYNC = """
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL"""

_INITIAL = [
    """CREATE TABLE districts (
        adcode TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        center_lat REAL,
        center_lon REAL,
        datum TEXT NOT NULL DEFAULT 'GCJ-02'
    )""",
    """CREATE TABLE towns (
        code TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        district_code TEXT NOT NULL REFERENCES districts(adcode)
    )""",
    "CREATE INDEX towns_district ON towns(district_code)",
    """CREATE TABLE legacy_codes (
        old_code TEXT PRIMARY KEY NOT NULL,
        old_name TEXT NOT NULL,
        new_code TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    )""",
    f"""CREATE TABLE enterprises ({_SYNC},
        uscc TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        name_pinyin TEXT NOT NULL DEFAULT '',
        name_initials TEXT NOT NULL DEFAULT '',
        district_code TEXT NOT NULL REFERENCES districts(adcode),
        town_code TEXT REFERENCES towns(code),
        address TEXT NOT NULL DEFAULT '',
        industry TEXT NOT NULL DEFAULT '',
        size TEXT NOT NULL DEFAULT '',
        qualifications TEXT NOT NULL DEFAULT '',
        contact_name TEXT NOT NULL DEFAULT '',
        contact_phone TEXT NOT NULL DEFAULT '',
        tech_needs TEXT NOT NULL DEFAULT '',
        lat REAL,
        lon REAL,
        archived_at TEXT
    )""",
    "CREATE INDEX enterprises_district ON enterprises(district_code, industry)",
    "CREATE INDEX enterprises_name ON enterprises(name)",
    f"""CREATE TABLE experts ({_SYNC},
        name TEXT NOT NULL,
        name_pinyin TEXT NOT NULL DEFAULT '',
        name_initials TEXT NOT NULL DEFAULT '',
        institution TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        specialties TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        district_code TEXT REFERENCES districts(adcode),
        address TEXT NOT NULL DEFAULT '',
        lat REAL,
        lon REAL,
        can_be_vp INTEGER NOT NULL DEFAULT 0 CHECK (can_be_vp IN (0, 1)),
        archived_at TEXT,
        UNIQUE (name, institution)
    )""",
    f"""CREATE TABLE teams ({_SYNC},
        name TEXT NOT NULL UNIQUE,
        name_pinyin TEXT NOT NULL DEFAULT '',
        name_initials TEXT NOT NULL DEFAULT '',
        leader_id TEXT REFERENCES experts(id),
        district_code TEXT REFERENCES districts(adcode),
        industry TEXT NOT NULL DEFAULT '',
        archived_at TEXT
    )""",
    f"""CREATE TABLE team_members ({_SYNC},
        team_id TEXT NOT NULL REFERENCES teams(id),
        expert_id TEXT NOT NULL REFERENCES experts(id),
        role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('leader', 'member')),
        joined_on TEXT,
        left_on TEXT,
        UNIQUE (team_id, expert_id)
    )""",
    "CREATE INDEX team_members_expert ON team_members(expert_id)",
    f"""CREATE TABLE appointments ({_SYNC},
        expert_id TEXT NOT NULL REFERENCES experts(id),
        enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        batch_year INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN
            ('proposed', 'active', 'completed', 'ended_early', 'withdrawn')),
        duties TEXT NOT NULL DEFAULT '',
        CHECK (end_date > start_date)
    )""",
    "CREATE INDEX appointments_expert ON appointments(expert_id)",
    "CREATE INDEX appointments_enterprise ON appointments(enterprise_id)",
    "CREATE INDEX appointments_batch ON appointments(batch_year, status, enterprise_id)",
    f"""CREATE TABLE visits ({_SYNC},
        enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
        team_id TEXT REFERENCES teams(id),
        visit_date TEXT NOT NULL,
        visit_type TEXT NOT NULL CHECK (visit_type IN
            ('diagnosis', 'matchmaking', 'policy', 'revisit', 'other')),
        problems TEXT NOT NULL DEFAULT '',
        advice TEXT NOT NULL DEFAULT '',
        follow_up_text TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('completed', 'planned', 'cancelled')),
        confirmed_by TEXT NOT NULL DEFAULT '',
        district_code TEXT NOT NULL REFERENCES districts(adcode)
    )""",
    # Covering index for progress (yearly completed visits by district): see facts on GROUP BY.
    # (Replaced by visits_progress_cover in 0005_progress_indexes.)
    "CREATE INDEX visits_progress ON visits(status, visit_date, district_code)",
    "CREATE INDEX visits_enterprise ON visits(enterprise_id, visit_date)",
    "CREATE INDEX visits_team ON visits(team_id, visit_date)",
    "CREATE INDEX visits_date ON visits(visit_date)",
    """CREATE TABLE visit_experts (
        visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        expert_id TEXT NOT NULL REFERENCES experts(id),
        PRIMARY KEY (visit_id, expert_id)
    )""",
    "CREATE INDEX visit_experts_expert ON visit_experts(expert_id, visit_id)",
    f"""CREATE TABLE follow_ups ({_SYNC},
        visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        description TEXT NOT NULL,
        owner TEXT NOT NULL DEFAULT '',
        due_date TEXT,
        needs_coordination INTEGER NOT NULL DEFAULT 0 CHECK (needs_coordination IN (0, 1)),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        closed_at TEXT,
        closed_by TEXT NOT NULL DEFAULT '',
        resolution TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX follow_ups_open ON follow_ups(status, due_date)",
    "CREATE INDEX follow_ups_visit ON follow_ups(visit_id)",
    f"""CREATE TABLE cases ({_SYNC},
        title TEXT NOT NULL,
        enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
        appointment_id TEXT REFERENCES appointments(id),
        district_code TEXT NOT NULL REFERENCES districts(adcode),
        industry TEXT NOT NULL DEFAULT '',
        year INTEGER NOT NULL,
        background TEXT NOT NULL DEFAULT '',
        measures TEXT NOT NULL DEFAULT '',
        results TEXT NOT NULL DEFAULT '',
        output_value_wan REAL,
        cost_saved_wan REAL,
        patents INTEGER,
        new_products INTEGER,
        approved INTEGER NOT NULL DEFAULT 0 CHECK (approved IN (0, 1)),
        approved_at TEXT,
        archived_at TEXT
    )""",
    "CREATE INDEX cases_enterprise ON cases(enterprise_id)",
    f"""CREATE TABLE targets ({_SYNC},
        year INTEGER NOT NULL,
        scope TEXT NOT NULL,
        visits_target INTEGER NOT NULL CHECK (visits_target >= 0),
        appointments_target INTEGER NOT NULL CHECK (appointments_target >= 0),
        UNIQUE (year, scope)
    )""",
    # Per-database facts (the district a database belongs to, the demo's as-of date...).
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    )""",
]


def _read_reference(name: str) -> list[dict[str, str]]:
    with resource("reference", name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@migration("0001_initial")
def m0001_initial(db: Database) -> None:
    for statement in _INITIAL:
        db.execute(statement)
    conn = db.conn
    conn.executemany(
        "INSERT INTO districts (adcode, name, kind, center_lat, center_lon, datum)"
        " VALUES (:adcode, :name, :kind, :center_lat, :center_lon, :datum)",
        _read_reference("wenzhou_districts.csv"),
    )
    conn.executemany(
        "INSERT INTO towns (code, name, district_code) VALUES (:code, :name, :district_code)",
        _read_reference("wenzhou_towns.csv"),
    )
    conn.executemany(
        "INSERT INTO legacy_codes (old_code, old_name, new_code, note)"
        " VALUES (:old_code, :old_name, :new_code, :note)",
        _read_reference("wenzhou_legacy_codes.csv"),
    )
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


@migration("0002_pinyin_sort_indexes")
def m0002_pinyin_sort_indexes(db: Database) -> None:
    """Lists sort names by pinyin: index it so a sort by enterprise or expert walks an index."""
    db.execute("CREATE INDEX enterprises_pinyin ON enterprises(name_pinyin)")
    db.execute("CREATE INDEX experts_pinyin ON experts(name_pinyin)")


@migration("0003_geo_coordinates")
def m0003_geo_coordinates(db: Database) -> None:
    """Coordinates carry their precision, datum and source; a cache for optional geocoding.

    Existing points are kept as given (``exact``); records without one get a town or district
    centre from the offline gazetteer (see ``dispatch_app.geo``).
    """
    from ..geo.migrate import backfill_coordinates

    for table in ("enterprises", "experts"):
        db.execute(
            f"ALTER TABLE {table} ADD COLUMN coord_precision TEXT"
            " CHECK (coord_precision IN ('exact', 'town', 'district'))"
        )
        db.execute(f"ALTER TABLE {table} ADD COLUMN coord_datum TEXT")
        db.execute(f"ALTER TABLE {table} ADD COLUMN coord_source TEXT")
    db.execute(
        """CREATE TABLE geocode_cache (
            provider TEXT NOT NULL,
            query TEXT NOT NULL,
            lat REAL,
            lon REAL,
            datum TEXT NOT NULL DEFAULT 'GCJ-02',
            fetched_at TEXT NOT NULL,
            PRIMARY KEY (provider, query)
        )"""
    )
    backfill_coordinates(db.conn)


@migration("0004_planning_team_base")
def m0004_planning_team_base(db: Database) -> None:
    """Planning: where a team starts its day, and when an enterprise's needs text last changed.

    ``teams.base_*``: a recorded base (an institute, a bureau office); without one a day starts
    at the team's district centre. The columns are not part of the Team record (forms and the
    exchange do not carry them); ``store.planning_queries`` reads and writes them.

    Two covering indexes make the needs list one pass over index entries.

    ``enterprises.needs_updated_at``: kept by triggers, so every path that writes the needs
    (form, import, merge) stamps it without knowing about planning: "new needs" are needs
    edited after the enterprise's last visit. Existing rows start from their ``updated_at``
    when they have needs text (the best evidence the file holds).
    """
    db.execute("ALTER TABLE teams ADD COLUMN base_lat REAL")
    db.execute("ALTER TABLE teams ADD COLUMN base_lon REAL")
    db.execute("ALTER TABLE teams ADD COLUMN base_label TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE enterprises ADD COLUMN needs_updated_at TEXT")
    # Covering indexes for the needs list: last completed visit per enterprise, open items.
    db.execute("CREATE INDEX visits_enterprise_done ON visits(status, enterprise_id, visit_date)")
    db.execute("CREATE INDEX follow_ups_open_visit ON follow_ups(status, visit_id)")
    db.execute("UPDATE enterprises SET needs_updated_at = updated_at WHERE tech_needs <> ''")
    db.execute(
        """CREATE TRIGGER enterprises_needs_inserted AFTER INSERT ON enterprises
        WHEN new.tech_needs <> '' AND new.needs_updated_at IS NULL
        BEGIN
            UPDATE enterprises SET needs_updated_at = new.updated_at WHERE rowid = new.rowid;
        END"""
    )
    db.execute(
        """CREATE TRIGGER enterprises_needs_changed AFTER UPDATE OF tech_needs ON enterprises
        WHEN new.tech_needs IS NOT old.tech_needs
        BEGIN
            UPDATE enterprises SET needs_updated_at = CASE WHEN new.tech_needs = '' THEN NULL
                ELSE new.updated_at END WHERE rowid = new.rowid;
        END"""
    )


@migration("0005_progress_indexes")
def m0005_progress_indexes(db: Database) -> None:
    """The progress dashboard reads visits by (status, date) and groups them by district,
    enterprise and type: one index holding all five columns answers every such query without
    touching the table (it replaces ``visits_progress``, its prefix). Measured in
    ``bench/bench_progress.py``."""
    db.execute("DROP INDEX IF EXISTS visits_progress")
    db.execute(
        "CREATE INDEX visits_progress_cover"
        " ON visits(status, visit_date, district_code, enterprise_id, visit_type)"
    )


@migration("0006_audit_log")
def m0006_audit_log(db: Database) -> None:
    """The audit trail (see ``store/audit.py``): one row per created, changed, archived or
    deleted record, and one summary row per import or merge. ``before``/``after`` hold the
    changed fields as JSON objects (the whole record on create and delete)."""
    db.execute(
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN
                ('create', 'update', 'archive', 'delete', 'import', 'merge')),
            table_name TEXT NOT NULL,
            record_id TEXT,
            before TEXT,
            after TEXT
        )"""
    )
    db.execute("CREATE INDEX audit_log_record ON audit_log(record_id, id)")


@migration("0007_audit_origin")
def m0007_audit_origin(db: Database) -> None:
    """Where a merged audit entry came from (district and its row id), so merging a bundle
    with its audit file twice adds each entry once (``exchange/bundle_audit.py``)."""
    db.execute("ALTER TABLE audit_log ADD COLUMN origin TEXT")
    db.execute("CREATE UNIQUE INDEX audit_log_origin ON audit_log(origin) WHERE origin IS NOT NULL")


SCHEMA_VERSION = len(_REGISTERED)
