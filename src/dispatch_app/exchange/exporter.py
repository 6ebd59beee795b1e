"""Exporting a record kind in the bureau's template: one SQL query per kind, rows as text.

The query does the work in SQLite (joins for names, codes → Chinese labels, the formula
guard of ``cells.neutralise`` as a CASE expression), so the rows go straight from the cursor
to the CSV writer without a Python loop per cell; a visits CSV goes further, each record
coming from SQLite as its finished CSV line (``csv_lines_query``). Row order is stable: by
the kind's natural key, then record id. Filters: ``district`` (the record's district;
appointments by their enterprise's), ``date_from``/``date_to`` (visits by 服务日期,
appointments by 开始日期, the other kinds by the date of their last update). Visits without
跟进事项 text export their follow-up items instead (see ``follow_ups``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from ..domain.choices import (
    APPOINTMENT_STATUS,
    ENTERPRISE_SIZE,
    VISIT_STATUS,
    VISIT_TYPE,
    Vocabulary,
)
from ..domain.phone import mask_phone
from ..store.database import Store
from .cells import TRIGGERS
from .columns import SPECS
from .follow_ups import TABLE as _FOLLOW_UPS
from .follow_ups import make_table as _make_follow_ups
from .writers import ExportFailed, check_encoding, write_csv, write_csv_lines, write_xlsx

FORMATS = ("csv", "xlsx")


@dataclass
class ExportOptions:
    format: str = "csv"
    encoding: str = "utf-8-sig"
    mask_personal: bool = False
    district: str | None = None  # adcode
    date_from: date | None = None
    date_to: date | None = None
    ids_table: str | None = None  # temp table (kind, id) restricting rows (bundles)


@dataclass
class ExportResult:
    kind: str
    path: Path
    rows: int


def _sql_text(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


_TRIGGER_LIST = ", ".join(
    {"\t": "char(9)", "\r": "char(13)"}.get(c, _sql_text(c)) for c in TRIGGERS
)
# A cheap pre-check on the first character: every trigger and the apostrophe lie outside
# this range, and so do few first characters of real text (Chinese starts at U+4E00). One
# range test per cell instead of an 11-way IN: 0.07 s less for 100k visits.
_LOW, _HIGH = 65, 65290
assert all(not _LOW <= ord(c) <= _HIGH for c in TRIGGERS + "'")


def g(expr: str) -> str:
    """SQL for ``neutralise(expr)`` (see cells.py for the scheme)."""
    return (
        f"CASE WHEN unicode({expr}) NOT BETWEEN {_LOW} AND {_HIGH}"
        f" AND substr(ltrim({expr}, ''''), 1, 1) IN ({_TRIGGER_LIST})"
        f" THEN '''' || {expr} ELSE {expr} END"
    )


def g_once(subquery: str) -> str:
    """``g`` of a subquery, evaluated once per row (``g`` names its argument three times)."""
    return f"(SELECT {g('n')} FROM (SELECT {subquery} AS n))"


# Experts as visits name them, computed once per export (see _expert_label).
_LABELS = "temp.dx_expert_labels"


# Each visit's 服务专家 cell, for an export of every visit: one pass over visit_experts and one
# keyed join beat a correlated subquery per visit (0.12 s + 0.2 s less for 100k visits). Keyed
# by the visit's rowid, the export's scan of visits (rowid order) meets its rows in key order,
# page after page: 0.03 s for 100k visits instead of 0.27 s for a look-up by visit id, for
# 0.1 s more to build. Rowids are stable only within one read transaction: see export_kind.
_VISIT_EXPERTS = "temp.dx_visit_experts"


def _make_labels(conn: sqlite3.Connection, *, per_visit: bool = False) -> None:
    conn.execute(f"DROP TABLE IF EXISTS {_LABELS}")
    conn.execute(f"CREATE TABLE {_LABELS} (id TEXT PRIMARY KEY, label TEXT) WITHOUT ROWID")
    conn.execute(f"INSERT INTO {_LABELS} SELECT x.id, {_expert_label('x')} FROM experts x")
    conn.execute(f"DROP TABLE IF EXISTS {_VISIT_EXPERTS}")
    if not per_visit:
        return
    conn.execute(f"CREATE TABLE {_VISIT_EXPERTS} (visit_rowid INTEGER PRIMARY KEY, label TEXT)")
    # The scan walks visit_experts' primary key (visit_id, expert_id) as the outer loop (CROSS
    # JOIN), so the labels come in expert-id order within a visit, as the correlated subquery
    # gives them, and the GROUP BY needs no sort; each visit's rowid comes from the id index.
    conn.execute(
        f"INSERT INTO {_VISIT_EXPERTS} SELECT vi.rowid, group_concat(x.label, '、')"
        f" FROM visit_experts ve CROSS JOIN {_LABELS} x ON x.id = ve.expert_id"
        " CROSS JOIN visits vi ON vi.id = ve.visit_id GROUP BY ve.visit_id ORDER BY 1"
    )


def _label(vocab: Vocabulary, expr: str) -> str:
    whens = " ".join(f"WHEN {_sql_text(c.code)} THEN {_sql_text(c.zh)}" for c in vocab.choices)
    return f"CASE {expr} {whens} ELSE {expr} END"


def _phone(expr: str, mask: bool) -> str:
    return g(f"dx_mask({expr})") if mask else g(expr)


def _real(expr: str) -> str:
    return f"dx_real({expr})"


def _given(alias: str, column: str) -> str:
    """A coordinate only when a person gave it: gazetteer centres are not exported as data."""
    return _real(
        f"CASE WHEN coalesce({alias}.coord_precision, 'exact') = 'exact' THEN {alias}.{column} END"
    )


def _expert_label(alias: str) -> str:
    """姓名, or 姓名（工作单位） when another expert has the same name."""
    return (
        f"CASE WHEN EXISTS (SELECT 1 FROM experts o WHERE o.name = {alias}.name AND o.id !="
        f" {alias}.id) THEN {alias}.name || '（' || {alias}.institution || '）'"
        f" ELSE {alias}.name END"
    )


_BOOL = "CASE WHEN {0} THEN '是' ELSE '否' END"


def _select(
    kind: str,
    mask: bool,
    *,
    whole: bool = False,
    by_date: bool = False,
    follow_ups: bool = False,
) -> tuple[list[str], str, str, str, str]:
    """(select expressions, FROM clause, district column, date column, ORDER BY).

    ``whole``: every record is exported (no filter); ``by_date``: a date range is filtered;
    ``follow_ups``: visits join their follow-up items (see follow_ups.py).
    """
    if kind == "enterprises":
        return (
            [
                "e.uscc",
                g("e.name"),
                "coalesce(d.name, e.district_code)",
                "t.name",
                g("e.address"),
                g("e.industry"),
                _label(ENTERPRISE_SIZE, "e.size"),
                g("e.qualifications"),
                g("e.contact_name"),
                _phone("e.contact_phone", mask),
                g("e.tech_needs"),
                _given("e", "lon"),
                _given("e", "lat"),
                "e.id",
                "e.updated_at",
                "e.district_code",
                "e.archived_at",
            ],
            "enterprises e LEFT JOIN districts d ON d.adcode = e.district_code"
            " LEFT JOIN towns t ON t.code = e.town_code",
            "e.district_code",
            "substr(e.updated_at, 1, 10)",
            "e.uscc, e.id",
        )
    if kind == "experts":
        teams = (
            "(SELECT group_concat(label, '、') FROM (SELECT t.name || CASE WHEN t.leader_id ="
            " x.id THEN '（队长）' ELSE '' END AS label FROM teams t WHERE t.leader_id = x.id"
            " OR t.id IN (SELECT team_id FROM team_members m WHERE m.expert_id = x.id"
            " AND m.left_on IS NULL) ORDER BY t.name, t.id))"
        )
        return (
            [
                g("x.name"),
                g("x.institution"),
                g("x.title"),
                g("x.specialties"),
                _phone("x.phone", mask),
                "d.name",
                g("x.address"),
                _given("x", "lon"),
                _given("x", "lat"),
                _BOOL.format("x.can_be_vp"),
                g_once(teams),
                "x.id",
                "x.updated_at",
                "x.district_code",
                "x.archived_at",
            ],
            "experts x LEFT JOIN districts d ON d.adcode = x.district_code",
            "x.district_code",
            "substr(x.updated_at, 1, 10)",
            "x.name, x.institution, x.id",
        )
    if kind == "teams":
        leader = "l.name || '（' || l.institution || '）'"
        return (
            [
                g("t.name"),
                "d.name",
                g("t.industry"),
                g(leader),
                "t.id",
                "t.updated_at",
                "t.district_code",
                "t.archived_at",
            ],
            "teams t LEFT JOIN districts d ON d.adcode = t.district_code"
            " LEFT JOIN experts l ON l.id = t.leader_id",
            "t.district_code",
            "substr(t.updated_at, 1, 10)",
            "t.name, t.id",
        )
    if kind == "appointments":
        return (
            [
                g("x.name"),
                g("x.institution"),
                "e.uscc",
                g("e.name"),
                "a.start_date",
                "a.end_date",
                "a.batch_year",
                _label(APPOINTMENT_STATUS, "a.status"),
                g("a.duties"),
                "a.id",
                "a.updated_at",
                "e.district_code",
            ],
            "appointments a JOIN experts x ON x.id = a.expert_id"
            " JOIN enterprises e ON e.id = a.enterprise_id",
            "e.district_code",
            "a.start_date",
            "a.start_date, e.uscc, x.name, x.institution, a.id",
        )
    if kind == "visits":
        experts = g_once(
            f"(SELECT group_concat(x.label, '、') FROM visit_experts ve"
            f" JOIN {_LABELS} x ON x.id = ve.expert_id WHERE ve.visit_id = v.id)"
        )
        source = (
            "visits v JOIN enterprises e ON e.id = v.enterprise_id"
            " LEFT JOIN teams t ON t.id = v.team_id"
        )
        if whole:
            experts = g("a.label")
            source += f" LEFT JOIN {_VISIT_EXPERTS} a ON a.visit_rowid = v.rowid"
        # Without a date range, a scan of the table and one sort beat walking visits_date
        # (a random row look-up per visit): the unary + keeps the planner off the index.
        order = "v.visit_date, v.id" if by_date else "+v.visit_date, v.id"
        follow_up, updated = "v.follow_up_text", "v.updated_at"
        if follow_ups:
            source += f" LEFT JOIN {_FOLLOW_UPS} fu ON fu.visit_id = v.id"
            follow_up = "coalesce(fu.text, v.follow_up_text)"
            updated = (
                "CASE WHEN fu.updated_at > v.updated_at THEN fu.updated_at ELSE v.updated_at END"
            )
        return (
            [
                "v.visit_date",
                "e.uscc",
                g("e.name"),
                g("t.name"),
                experts,
                _label(VISIT_TYPE, "v.visit_type"),
                g("v.problems"),
                g("v.advice"),
                g(follow_up),
                g("v.outcome"),
                _label(VISIT_STATUS, "v.status"),
                g("v.confirmed_by"),
                "v.id",
                updated,
                "v.district_code",
            ],
            source,
            "v.district_code",
            "v.visit_date",
            order,
        )
    if kind == "follow_ups":
        return (
            [
                "f.visit_id",
                "v.visit_date",
                g("e.name"),
                g("f.description"),
                g("f.owner"),
                "f.due_date",
                _BOOL.format("f.needs_coordination"),
                "f.closed_at",
                g("f.closed_by"),
                g("f.resolution"),
                "f.created_at",
                "f.id",
                "f.updated_at",
                "v.district_code",
            ],
            "follow_ups f JOIN visits v ON v.id = f.visit_id"
            " JOIN enterprises e ON e.id = v.enterprise_id",
            "v.district_code",
            "v.visit_date",
            # The visit's order, then the order the items were entered (the cell's order).
            "v.visit_date, f.visit_id, f.created_at, f.id",
        )
    if kind == "cases":
        return (
            [
                g("c.title"),
                "e.uscc",
                g("e.name"),
                "d.name",
                g("c.industry"),
                "c.year",
                g("c.background"),
                g("c.measures"),
                g("c.results"),
                _real("c.output_value_wan"),
                _real("c.cost_saved_wan"),
                "c.patents",
                "c.new_products",
                _BOOL.format("c.approved"),
                "c.approved_at",
                "c.appointment_id",
                "c.id",
                "c.updated_at",
                "c.district_code",
                "c.archived_at",
            ],
            "cases c JOIN enterprises e ON e.id = c.enterprise_id"
            " LEFT JOIN districts d ON d.adcode = c.district_code",
            "c.district_code",
            "substr(c.updated_at, 1, 10)",
            "c.year, c.title, c.id",
        )
    raise KeyError(kind)


def _real_text(value: object) -> object:
    return repr(float(value)) if isinstance(value, int | float) else value


def _register(conn: sqlite3.Connection) -> None:
    conn.create_function("dx_real", 1, _real_text, deterministic=True)
    conn.create_function("dx_mask", 1, lambda p: mask_phone(p or ""), deterministic=True)


def _query_parts(
    kind: str, options: ExportOptions, follow_ups: bool
) -> tuple[list[str], str, str, list[object], str]:
    """(select expressions, FROM clause, WHERE clause or "", parameters, ORDER BY)."""
    exprs, source, district_col, date_col, order = _select(
        kind,
        options.mask_personal,
        whole=_whole(options),
        by_date=_by_date(options),
        follow_ups=follow_ups,
    )
    alias = source.split()[1]
    where: list[str] = []
    params: list[object] = []
    if options.district:
        where.append(f"{district_col} = ?")
        params.append(options.district)
    if options.date_from:
        where.append(f"{date_col} >= ?")
        params.append(options.date_from.isoformat())
    if options.date_to:
        where.append(f"{date_col} <= ?")
        params.append(options.date_to.isoformat())
    if options.ids_table:
        where.append(f"{alias}.id IN (SELECT id FROM {options.ids_table} WHERE kind = ?)")
        params.append(kind)
    return exprs, source, " WHERE " + " AND ".join(where) if where else "", params, order


def export_query(
    store: Store, kind: str, options: ExportOptions, *, follow_ups: bool = False
) -> tuple[str, list[object]]:
    exprs, source, where, params, order = _query_parts(kind, options, follow_ups)
    return f"SELECT {', '.join(exprs)} FROM {source}{where} ORDER BY {order}", params


# CSV lines built in SQL, byte for byte what ``csv.writer(lineterminator="\r\n")`` writes of
# the row query's cells (QUOTE_MINIMAL: a cell holding a comma, a double quote, CR or LF is
# quoted, its quotes doubled; NULL is an empty cell), so that Python handles one string per
# record instead of 15 cells and the csv module's pass (``writers.write_csv_lines``).
#
# Almost no cell needs quotes, and testing each cell costs 4 scans and 4 function calls (as
# much as the csv module saved). So each record's cells are first joined as they are, with
# ``printf``, and the line is kept when a few C scans of it (GLOB with one literal after each
# ``*`` is a ``strcspn``) find no quote, CR or LF and no comma beyond the separators. printf
# stops a cell at a NUL character (the csv module writes it): the line's byte length must
# then equal the cells' lengths plus the separators. A record failing either test is built
# again, cell by cell, with length-aware functions only (``csv_text``).


def csv_text(expr: str) -> str:
    """SQL for the CSV text of one cell (text or NULL), NUL characters included."""
    return (
        f"CASE WHEN instr({expr}, ',') OR instr({expr}, '\"') OR instr({expr}, char(10))"
        f" OR instr({expr}, char(13)) THEN '\"' || replace({expr}, '\"', '\"\"') || '\"'"
        f" ELSE coalesce({expr}, '') END"
    )


def csv_lines_query(
    kind: str, options: ExportOptions, *, follow_ups: bool = False, as_bytes: bool = True
) -> tuple[str, list[object]]:
    """SQL of the CSV lines (CRLF included) of ``export_query``'s rows, in its order, and its
    parameters; with ``as_bytes`` each line comes as UTF-8 bytes (nothing to decode).

    The records' plain lines, byte lengths and sort keys come from a co-routine (``LIMIT -1
    OFFSET 0`` keeps SQLite from copying the line's expression into each test above it);
    the sort is last, so the sorter holds one text per record instead of 15 cells."""
    exprs, source, where, params, order = _query_parts(kind, options, follow_ups)
    alias = source.split()[1]
    keys = [term.strip().lstrip("+") for term in order.split(",")]
    n = len(exprs)
    plain = f"printf('{','.join(['%s'] * n)}', {', '.join(exprs)})"
    size = " + ".join(f"length(CAST(coalesce({e}, '') AS BLOB))" for e in exprs)
    sort = ", ".join(f"{k} AS k{j}" for j, k in enumerate(keys))
    records = (
        f"SELECT {plain} AS p, {size} AS size, {alias}.rowid AS r, {sort}"
        f" FROM {source}{where} LIMIT -1 OFFSET 0"
    )
    cells = " || ',' || ".join(csv_text(e) for e in exprs)
    careful = f"(SELECT {cells} || char(13, 10) FROM {source} WHERE {alias}.rowid = rec.r)"
    needs_care = (
        f"p GLOB '*\"*' OR p GLOB '*\r*' OR p GLOB '*\n*' OR p GLOB '{'*,' * n}*'"
        f" OR length(CAST(p AS BLOB)) <> size + {n - 1}"
    )
    line = f"CASE WHEN {needs_care} THEN {careful} ELSE p || char(13, 10) END"
    if as_bytes:
        line = f"CAST({line} AS BLOB)"
    by = ", ".join(f"k{j}" for j in range(len(keys)))
    return f"SELECT {line} FROM ({records}) rec ORDER BY {by}", params


def _by_date(options: ExportOptions) -> bool:
    return bool(options.date_from or options.date_to)


def _whole(options: ExportOptions) -> bool:
    return not (options.district or options.ids_table or _by_date(options))


# Kinds written through ``csv_lines_query`` as CSV: every cell of a visit is text (TEXT
# columns, labels, guards), which printf writes as the csv module does. Other kinds have
# integer and real cells (a real's text differs: SQLite's %.15g against Python's repr) and are
# small: they keep the rows and the csv module.
LINE_KINDS = frozenset({"visits"})


def _prepare(store: Store, kind: str, options: ExportOptions) -> bool:
    """Register the SQL functions and fill the temporary tables; returns ``follow_ups``."""
    _register(store.conn)
    if kind != "visits":
        return False
    _make_labels(store.conn, per_visit=_whole(options))
    return _make_follow_ups(store.conn)


def export_rows(
    store: Store, kind: str, options: ExportOptions
) -> tuple[list[str], sqlite3.Cursor]:
    """Headers and a cursor over the rows (each a tuple of text, numbers or None)."""
    follow_ups = _prepare(store, kind, options)
    sql, params = export_query(store, kind, options, follow_ups=follow_ups)
    cursor = store.conn.cursor()
    cursor.row_factory = None  # plain tuples: no Row objects per line
    cursor.execute(sql, params)
    return SPECS[kind].headers, cursor


def export_lines(
    store: Store, kind: str, options: ExportOptions
) -> tuple[list[str], sqlite3.Cursor]:
    """Headers and a cursor over the CSV lines (1-tuples: UTF-8 bytes when the file is UTF-8,
    else text), for a kind in ``LINE_KINDS``."""
    follow_ups = _prepare(store, kind, options)
    as_bytes = options.encoding == "utf-8-sig"
    sql, params = csv_lines_query(kind, options, follow_ups=follow_ups, as_bytes=as_bytes)
    cursor = store.conn.cursor()
    cursor.row_factory = None
    cursor.execute(sql, params)
    return SPECS[kind].headers, cursor


def export_kind(
    store: Store,
    kind: str,
    out: str | Path,
    options: ExportOptions | None = None,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write one kind to ``out`` (temporary file + rename)."""
    options = options or ExportOptions()
    if options.format not in FORMATS:
        raise ExportFailed(f"不支持的格式：{options.format}", f"Unknown format {options.format}")
    if kind != "visits":
        return _export(store, kind, Path(out), options, progress, cancelled)
    # One read transaction from the temporary tables to the last row: the visits' experts
    # table is keyed by rowid, and no other connection may commit (a VACUUM renumbers rowids,
    # an edit would make the table stale) until the file is written.
    store.conn.execute("SAVEPOINT dx_export")
    try:
        return _export(store, kind, Path(out), options, progress, cancelled)
    finally:
        store.conn.execute("RELEASE dx_export")


def _export(
    store: Store,
    kind: str,
    out: Path,
    options: ExportOptions,
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> ExportResult:
    write: Callable[..., int]
    if options.format == "csv" and kind in LINE_KINDS:
        check_encoding(options.encoding)
        headers, cursor = export_lines(store, kind, options)
        write = partial(write_csv_lines, encoding=options.encoding)
    else:
        headers, cursor = export_rows(store, kind, options)
        if options.format == "xlsx":
            write = partial(write_xlsx, sheet_title=SPECS[kind].zh)
        else:
            write = partial(write_csv, encoding=options.encoding)
    try:
        n = write(Path(out), headers, cursor, progress=progress, cancelled=cancelled)
    finally:
        cursor.close()
    return ExportResult(kind, Path(out), n)
