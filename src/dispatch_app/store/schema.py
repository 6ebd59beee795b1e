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


# The progress summaries (0007): what the visits table adds up to, kept by triggers so that
# every path that writes visits (forms, imports, the writer thread, merges) keeps them.
# ``progress_days`` counts visits per (status, date, district, type); ``progress_enterprises``
# per (year, status, enterprise, district) with the first and last date. Neither applies any
# counting rule: ``progress/queries.py`` applies ``progress/definitions.py`` to them.
_VISIT_YEAR = "CAST(substr({0}.visit_date, 1, 4) AS INTEGER)"
_DAY_KEY = (
    "status = {0}.status AND visit_date = {0}.visit_date AND district_code = {0}.district_code"
    " AND visit_type = {0}.visit_type"
)
_ENT_KEY = (
    "year = " + _VISIT_YEAR + " AND status = {0}.status AND enterprise_id = {0}.enterprise_id"
    " AND district_code = {0}.district_code"
)


def _day_add(row: str) -> str:
    return (
        "INSERT INTO progress_days (status, visit_date, district_code, visit_type, n)"
        f" VALUES ({row}.status, {row}.visit_date, {row}.district_code, {row}.visit_type, 1)"
        " ON CONFLICT DO UPDATE SET n = n + 1;"
    )


def _day_remove(row: str) -> str:
    key = _DAY_KEY.format(row)
    return (
        f"DELETE FROM progress_days WHERE {key} AND n = 1;"
        f" UPDATE progress_days SET n = n - 1 WHERE {key};"
    )


def _ent_add(row: str) -> str:
    """One visit more; a new row takes the enterprise's industry and qualifications."""
    return (
        "INSERT INTO progress_enterprises (year, status, enterprise_id, district_code, n,"
        " first_date, last_date, industry, qualifications)"
        f" SELECT {_VISIT_YEAR.format(row)}, {row}.status, {row}.enterprise_id,"
        f" {row}.district_code, 1, {row}.visit_date, {row}.visit_date, e.industry,"
        f" e.qualifications FROM enterprises e WHERE e.id = {row}.enterprise_id"
        " ON CONFLICT DO UPDATE SET n = n + 1, first_date = min(first_date, excluded.first_date),"
        " last_date = max(last_date, excluded.last_date);"
    )


def _ent_remove(row: str) -> str:
    """One visit less; the first/last date looked up again only when it was that visit's."""
    key = _ENT_KEY.format(row)
    same = (
        f"FROM visits v WHERE v.status = {row}.status"
        f" AND v.enterprise_id = {row}.enterprise_id AND v.district_code = {row}.district_code"
        f" AND v.visit_date BETWEEN substr({row}.visit_date, 1, 4) || '-01-01'"
        f" AND substr({row}.visit_date, 1, 4) || '-12-31'"
    )
    return (
        f"DELETE FROM progress_enterprises WHERE {key} AND n = 1;"
        " UPDATE progress_enterprises SET n = n - 1,"
        f" first_date = CASE WHEN first_date = {row}.visit_date"
        f" THEN (SELECT min(v.visit_date) {same}) ELSE first_date END,"
        f" last_date = CASE WHEN last_date = {row}.visit_date"
        f" THEN (SELECT max(v.visit_date) {same}) ELSE last_date END"
        f" WHERE {key};"
    )


_DAY_COLUMNS = ("status", "visit_date", "district_code", "visit_type")
_ENT_COLUMNS = ("status", "visit_date", "district_code", "enterprise_id")


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)


PROGRESS_TRIGGERS = {
    "progress_visit_inserted": "AFTER INSERT ON visits BEGIN "
    + _day_add("new")
    + _ent_add("new")
    + " END",
    "progress_visit_deleted": "AFTER DELETE ON visits BEGIN "
    + _day_remove("old")
    + _ent_remove("old")
    + " END",
    "progress_visit_day_changed": f"AFTER UPDATE OF {', '.join(_DAY_COLUMNS)} ON visits"
    f" WHEN {_changed(_DAY_COLUMNS)} BEGIN " + _day_remove("old") + _day_add("new") + " END",
    "progress_visit_enterprise_changed": f"AFTER UPDATE OF {', '.join(_ENT_COLUMNS)} ON visits"
    f" WHEN {_changed(_ENT_COLUMNS)} BEGIN " + _ent_remove("old") + _ent_add("new") + " END",
    # A follow-up carries its visit's district (as the visit carries its enterprise's when
    # visited), so the open items are counted by district without a join.
    "progress_follow_up_inserted": "AFTER INSERT ON follow_ups BEGIN"
    " UPDATE follow_ups SET district_code = (SELECT district_code FROM visits"
    " WHERE id = new.visit_id) WHERE rowid = new.rowid; END",
    "progress_follow_up_moved": "AFTER UPDATE OF visit_id, district_code ON follow_ups"
    " WHEN new.district_code IS NOT (SELECT district_code FROM visits WHERE id = new.visit_id)"
    " BEGIN UPDATE follow_ups SET district_code = (SELECT district_code FROM visits"
    " WHERE id = new.visit_id) WHERE rowid = new.rowid; END",
    # The breakdowns by industry and qualification read them from the summary (looking up
    # 20k enterprises cost more than the rest of the dashboard).
    "progress_enterprise_kind_changed": "AFTER UPDATE OF industry, qualifications ON enterprises"
    " WHEN old.industry IS NOT new.industry OR old.qualifications IS NOT new.qualifications"
    " BEGIN UPDATE progress_enterprises SET industry = new.industry,"
    " qualifications = new.qualifications WHERE enterprise_id = new.id; END",
    "progress_visit_district_changed": "AFTER UPDATE OF district_code ON visits"
    " WHEN old.district_code IS NOT new.district_code"
    " BEGIN UPDATE follow_ups SET district_code = new.district_code"
    " WHERE visit_id = new.id; END",
}

# Rebuilding the summaries from the visits (the migration's backfill; a repair).
PROGRESS_BACKFILL = (
    "DELETE FROM progress_days",
    "INSERT INTO progress_days (status, visit_date, district_code, visit_type, n)"
    " SELECT status, visit_date, district_code, visit_type, count(*) FROM visits"
    " GROUP BY 1, 2, 3, 4",
    "DELETE FROM progress_enterprises",
    "INSERT INTO progress_enterprises (year, status, enterprise_id, district_code, n,"
    " first_date, last_date, industry, qualifications)"
    " SELECT x.*, e.industry, e.qualifications FROM"
    " (SELECT CAST(substr(visit_date, 1, 4) AS INTEGER), status, enterprise_id, district_code,"
    " count(*), min(visit_date), max(visit_date) FROM visits GROUP BY 1, 2, 3, 4) x"
    " JOIN enterprises e ON e.id = x.enterprise_id",
    "UPDATE follow_ups SET district_code = (SELECT district_code FROM visits"
    " WHERE id = follow_ups.visit_id)",
)


@migration("0007_progress_summary")
def m0007_progress_summary(db: Database) -> None:
    """Summaries of the visits for the progress dashboard, kept by triggers (measured in
    ``bench/bench_progress.py``: the dashboard's distinct-enterprise figures and follow-up
    counts no longer scan 100k visits).

    ``progress_days``: visits per (status, date, district, type), every status.
    ``progress_enterprises``: visits per (year, status, enterprise, district), with the first
    and last date and the enterprise's industry and qualifications.
    ``follow_ups.district_code``: the visit's district, kept by triggers (not part of the
    FollowUp record: forms and the exchange do not carry it).
    """
    db.execute(
        """CREATE TABLE progress_days (
            status TEXT NOT NULL,
            visit_date TEXT NOT NULL,
            district_code TEXT NOT NULL,
            visit_type TEXT NOT NULL,
            n INTEGER NOT NULL CHECK (n > 0),
            PRIMARY KEY (status, visit_date, district_code, visit_type)
        ) WITHOUT ROWID"""
    )
    db.execute(
        """CREATE TABLE progress_enterprises (
            year INTEGER NOT NULL,
            status TEXT NOT NULL,
            enterprise_id TEXT NOT NULL,
            district_code TEXT NOT NULL,
            n INTEGER NOT NULL CHECK (n > 0),
            first_date TEXT NOT NULL,
            last_date TEXT NOT NULL,
            industry TEXT NOT NULL,
            qualifications TEXT NOT NULL,
            PRIMARY KEY (year, status, enterprise_id, district_code)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX progress_enterprises_of ON progress_enterprises(enterprise_id)")
    db.execute("ALTER TABLE follow_ups ADD COLUMN district_code TEXT")
    for statement in PROGRESS_BACKFILL:
        db.execute(statement)
    for name, body in PROGRESS_TRIGGERS.items():
        db.execute(f"CREATE TRIGGER {name} {body}")
    db.execute(
        "CREATE INDEX follow_ups_progress"
        " ON follow_ups(status, district_code, needs_coordination, due_date)"
    )


@migration("0008_audit_origin")
def m0008_audit_origin(db: Database) -> None:
    """Where a merged audit entry came from (district and its row id), so merging a bundle
    with its audit file twice adds each entry once (``exchange/bundle_audit.py``)."""
    db.execute("ALTER TABLE audit_log ADD COLUMN origin TEXT")
    db.execute("CREATE UNIQUE INDEX audit_log_origin ON audit_log(origin) WHERE origin IS NOT NULL")


SCHEMA_VERSION = len(_REGISTERED)
