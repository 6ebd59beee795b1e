"""The SQL planning needs: teams and their bases, a team's day, enterprises that need a visit,
and enterprises near a route. Plain rows out; ``dispatch_app.planning`` gives them meaning.

Every value travels as a parameter. The needs query aggregates the visits once per enterprise
(one pass over the covering index ``visits_enterprise_done``, see bench/results.md) rather than a
correlated look-up per enterprise.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from .database import Store


def team_by_name(store: Store, name: str) -> sqlite3.Row | None:
    """A team by its exact name (surrounding spaces ignored), archived ones included."""
    return store.conn.execute(
        "SELECT t.id, t.name, t.district_code, t.base_lat, t.base_lon, t.base_label,"
        " t.archived_at, d.name AS district_name, d.center_lat, d.center_lon"
        " FROM teams t LEFT JOIN districts d ON d.adcode = t.district_code"
        " WHERE t.name = ?",
        (name.strip(),),
    ).fetchone()


def team_by_id(store: Store, team_id: str) -> sqlite3.Row | None:
    return store.conn.execute(
        "SELECT t.id, t.name, t.district_code, t.base_lat, t.base_lon, t.base_label,"
        " t.archived_at, d.name AS district_name, d.center_lat, d.center_lon"
        " FROM teams t LEFT JOIN districts d ON d.adcode = t.district_code"
        " WHERE t.id = ?",
        (team_id,),
    ).fetchone()


def team_names(store: Store) -> list[tuple[str, str]]:
    """(id, name) of the teams not archived, by pinyin: the planning page's choice."""
    rows = store.conn.execute(
        "SELECT id, name FROM teams WHERE archived_at IS NULL ORDER BY name_pinyin, name"
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def set_team_base(store: Store, team_id: str, lat: float | None, lon: float | None, label: str):
    """Record (or clear, with None) where a team starts its day. Call inside ``atomic()``."""
    store.conn.execute(
        "UPDATE teams SET base_lat = ?, base_lon = ?, base_label = ? WHERE id = ?",
        (lat, lon, label, team_id),
    )


def district_centres(store: Store) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT adcode, name, center_lat, center_lon FROM districts ORDER BY adcode"
    ).fetchall()


_STOP_COLUMNS = (
    "v.id AS visit_id, v.status, v.visit_type, e.id AS enterprise_id, e.name, e.uscc,"
    " e.address, e.contact_name, e.contact_phone, e.tech_needs, e.district_code,"
    " d.name AS district_name, e.lat, e.lon, e.coord_precision, d.center_lat, d.center_lon"
)


def day_stops(store: Store, team_id: str, day: date) -> list[sqlite3.Row]:
    """The team's visits on ``day`` that are not cancelled, in the order they were entered."""
    return store.conn.execute(
        f"SELECT {_STOP_COLUMNS} FROM visits v JOIN enterprises e ON e.id = v.enterprise_id"
        " JOIN districts d ON d.adcode = e.district_code"
        " WHERE v.team_id = ? AND v.visit_date = ? AND v.status <> 'cancelled'"
        " ORDER BY v.created_at, v.rowid",
        (team_id, day.isoformat()),
    ).fetchall()


def enterprises_by_id(store: Store, ids: list[str]) -> list[sqlite3.Row]:
    """Name, district and coordinates of the given enterprises (order of ``ids``)."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = store.conn.execute(
        "SELECT e.id, e.name, e.uscc, e.archived_at, e.district_code, e.lat, e.lon,"
        " d.center_lat, d.center_lon FROM enterprises e"
        f" JOIN districts d ON d.adcode = e.district_code WHERE e.id IN ({marks})",
        ids,
    ).fetchall()
    by_id = {r["id"]: r for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def needs_rows(
    store: Store,
    *,
    today: date,
    year_start: date,
    quarter_start: date,
    district_code: str | None = None,
    industry: str | None = None,
    include_planned: bool = True,
    box: tuple[float, float, float, float] | None = None,
) -> list[sqlite3.Row]:
    """Enterprises (not archived) with at least one reason for a visit, each reason a 0/1 column.

    ``never_this_year``: no completed visit from ``year_start`` to ``today``;
    ``open_items``: open follow-up items of its visits; ``new_needs``: needs text changed after
    the day of its last completed visit; ``vp_no_visit``: an active 科技副总 appointment and no
    completed visit since ``quarter_start``. ``next_planned``: its next planned visit (from
    today), which ``include_planned=False`` uses to leave it out. ``box`` (lat_min, lat_max,
    lon_min, lon_max) keeps only enterprises with coordinates inside it (gap-closers).
    """
    params: dict[str, Any] = {
        "today": today.isoformat(),
        "year_start": year_start.isoformat(),
        "quarter_start": quarter_start.isoformat(),
    }
    where = ["e.archived_at IS NULL"]
    if district_code:
        where.append("e.district_code = :district")
        params["district"] = district_code
    if industry:
        where.append("e.industry = :industry")
        params["industry"] = industry
    if box is not None:
        where.append("e.lat BETWEEN :lat0 AND :lat1 AND e.lon BETWEEN :lon0 AND :lon1")
        params.update(lat0=box[0], lat1=box[1], lon0=box[2], lon1=box[3])
    sql = f"""
    WITH done AS (
        SELECT enterprise_id, max(visit_date) AS last_visit FROM visits
        WHERE status = 'completed' AND visit_date <= :today
        GROUP BY enterprise_id
    ), items AS (
        SELECT v.enterprise_id, count(*) AS open_items FROM follow_ups f
        JOIN visits v ON v.id = f.visit_id WHERE f.status = 'open' GROUP BY v.enterprise_id
    ), vp AS (
        SELECT DISTINCT enterprise_id FROM appointments
        WHERE status = 'active' AND start_date <= :today AND end_date >= :today
    ), planned AS (
        SELECT enterprise_id, min(visit_date) AS next_planned FROM visits
        WHERE status = 'planned' AND visit_date >= :today GROUP BY enterprise_id
    ), flagged AS (
        SELECT e.id, e.name, e.name_pinyin, e.uscc, e.district_code, d.name AS district_name,
               e.industry, e.lat, e.lon, e.coord_precision, d.center_lat, d.center_lon,
               done.last_visit, planned.next_planned,
               coalesce(done.last_visit < :year_start, 1) AS never_this_year,
               coalesce(items.open_items, 0) AS open_items,
               (done.last_visit IS NOT NULL AND e.needs_updated_at IS NOT NULL
                AND substr(e.needs_updated_at, 1, 10) > done.last_visit) AS new_needs,
               (vp.enterprise_id IS NOT NULL
                AND coalesce(done.last_visit < :quarter_start, 1))
                   AS vp_no_visit
        FROM enterprises e
        JOIN districts d ON d.adcode = e.district_code
        LEFT JOIN done ON done.enterprise_id = e.id
        LEFT JOIN items ON items.enterprise_id = e.id
        LEFT JOIN vp ON vp.enterprise_id = e.id
        LEFT JOIN planned ON planned.enterprise_id = e.id
        WHERE {" AND ".join(where)}
    )
    SELECT * FROM flagged
    WHERE (never_this_year OR open_items > 0 OR new_needs OR vp_no_visit)
    {"" if include_planned else "AND next_planned IS NULL"}
    ORDER BY (never_this_year + (open_items > 0) + new_needs + vp_no_visit) DESC,
             last_visit IS NOT NULL, last_visit, name_pinyin, id
    """
    return store.conn.execute(sql, params).fetchall()


def industries(store: Store) -> list[str]:
    """The industries enterprises are recorded under, for a filter's choices."""
    rows = store.conn.execute(
        "SELECT DISTINCT industry FROM enterprises WHERE industry <> '' AND archived_at IS NULL"
        " ORDER BY industry"
    ).fetchall()
    return [r[0] for r in rows]


def map_points(store: Store, kind: str) -> list[sqlite3.Row]:
    """Every enterprise or expert (not archived) with what the map draws: coordinates (or the
    district centre), district and a status for colouring."""
    if kind == "enterprises":
        return store.conn.execute(
            "SELECT e.id, e.name, e.district_code, coalesce(e.lat, d.center_lat) AS lat,"
            " coalesce(e.lon, d.center_lon) AS lon,"
            " (e.lat IS NULL OR e.coord_precision = 'district') AS approximate,"
            " EXISTS (SELECT 1 FROM appointments a WHERE a.enterprise_id = e.id"
            "         AND a.status = 'active') AS has_vp"
            " FROM enterprises e JOIN districts d ON d.adcode = e.district_code"
            " WHERE e.archived_at IS NULL ORDER BY e.rowid"
        ).fetchall()
    if kind == "experts":
        return store.conn.execute(
            "SELECT x.id, x.name, x.district_code, coalesce(x.lat, d.center_lat) AS lat,"
            " coalesce(x.lon, d.center_lon) AS lon,"
            " (x.lat IS NULL OR x.coord_precision = 'district') AS approximate,"
            " EXISTS (SELECT 1 FROM appointments a WHERE a.expert_id = x.id"
            "         AND a.status = 'active') AS has_vp"
            " FROM experts x LEFT JOIN districts d ON d.adcode = x.district_code"
            " WHERE x.archived_at IS NULL ORDER BY x.rowid"
        ).fetchall()
    raise KeyError(kind)


def next_planned_day(store: Store, today: date) -> tuple[str, str] | None:
    """(team id, ISO date) of the soonest planned day from ``today`` (the day with the most
    stops when several teams go out that day): where the planning page opens."""
    row = store.conn.execute(
        "SELECT v.team_id, v.visit_date FROM visits v JOIN teams t ON t.id = v.team_id"
        " WHERE v.status = 'planned' AND v.visit_date >= ? AND t.archived_at IS NULL"
        " GROUP BY v.team_id, v.visit_date ORDER BY v.visit_date, count(*) DESC, t.name"
        " LIMIT 1",
        (today.isoformat(),),
    ).fetchone()
    return None if row is None else (row[0], row[1])
