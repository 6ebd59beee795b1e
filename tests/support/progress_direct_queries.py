"""The progress queries as they were before the summaries (migration 0007_progress_summary):
straight over ``visits`` and ``follow_ups`` joined to ``visits``. Kept as the test oracle:
every figure read from the summaries must equal what these compute.

``district`` narrows a query to one district's adcode (``None``: every district).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dispatch_app.progress import definitions as d

if TYPE_CHECKING:
    import sqlite3

    from dispatch_app.store.database import Store


def _scope(column: str, district: str | None, params: list) -> str:
    if district is None:
        return ""
    params.append(district)
    return f" AND {column} = ?"


def counted_visits_by_day(
    store: Store, lo: str, until: str, district: str | None
) -> list[sqlite3.Row]:
    """(district_code, visit_date, n): counted visits per district and day (one index scan;
    the totals, months and the recent window all add up from it)."""
    params: list = [d.VISIT_COUNTED, lo, until]
    where = _scope("district_code", district, params)
    return store.query(
        "SELECT district_code, visit_date, count(*) FROM visits"
        f" WHERE status = ? AND visit_date BETWEEN ? AND ?{where}"
        " GROUP BY district_code, visit_date",
        params,
    )


def enterprises_covered(
    store: Store, lo: str, until: str, district: str | None
) -> tuple[dict[str, int], int]:
    """Distinct enterprises with a counted visit: per district, and in all (each once)."""
    params: list = [d.VISIT_COUNTED, lo, until]
    where = _scope("district_code", district, params)
    rows = store.query(
        "SELECT district_code, enterprise_id FROM visits"
        f" WHERE status = ? AND visit_date BETWEEN ? AND ?{where}"
        " GROUP BY district_code, enterprise_id",
        params,
    )
    per: dict[str, int] = {}
    seen: set[str] = set()
    for code, ent in rows:
        per[code] = per.get(code, 0) + 1
        seen.add(ent)
    return per, len(seen)


def planned_by_month(store: Store, lo: str, hi: str, district: str | None) -> list[sqlite3.Row]:
    """(district_code, month 'YYYY-MM', n): the pipeline of planned visits in the year."""
    params: list = [d.VISIT_PIPELINE, lo, hi]
    where = _scope("district_code", district, params)
    return store.query(
        "SELECT district_code, substr(visit_date, 1, 7), count(*) FROM visits"
        f" WHERE status = ? AND visit_date BETWEEN ? AND ?{where}"
        " GROUP BY 1, 2",
        params,
    )


def appointments_of_batch(store: Store, year: int, district: str | None) -> list[sqlite3.Row]:
    """(district_code, status, start_date, n) of the year's batch (withdrawn ones left out)."""
    params: list = [year, d.APPOINTMENT_NEVER]
    where = _scope("e.district_code", district, params)
    return store.query(
        "SELECT e.district_code, a.status, a.start_date, count(*) FROM appointments a"
        " JOIN enterprises e ON e.id = a.enterprise_id"
        f" WHERE a.batch_year = ? AND a.status != ?{where}"
        " GROUP BY 1, 2, 3",
        params,
    )


def earlier_years_by_month(
    store: Store, first_year: int, last_year: int, district: str | None
) -> list[sqlite3.Row]:
    """(year, month, n) of counted visits in earlier years: what a seasonal curve learns from."""
    params: list = [d.VISIT_COUNTED, f"{first_year:04d}-01-01", f"{last_year:04d}-12-31"]
    where = _scope("district_code", district, params)
    return store.query(
        "SELECT CAST(substr(visit_date, 1, 4) AS INTEGER), CAST(substr(visit_date, 6, 2) AS"
        " INTEGER), count(*) FROM visits"
        f" WHERE status = ? AND visit_date BETWEEN ? AND ?{where} GROUP BY 1, 2",
        params,
    )


def by_enterprise_kind(
    store: Store, lo: str, until: str, district: str | None
) -> list[sqlite3.Row]:
    """(industry, qualifications, visits, enterprises) of counted visits: the enterprises'
    visit counts first (from the index), then one look-up per enterprise visited."""
    params: list = [d.VISIT_COUNTED, lo, until]
    where = _scope("district_code", district, params)
    return store.query(
        "SELECT e.industry, e.qualifications, sum(x.n), count(*) FROM"
        " (SELECT enterprise_id, count(*) AS n FROM visits"
        f"  WHERE status = ? AND visit_date BETWEEN ? AND ?{where} GROUP BY enterprise_id) x"
        " JOIN enterprises e ON e.id = x.enterprise_id GROUP BY 1, 2",
        params,
    )


def by_visit_type(store: Store, lo: str, until: str, district: str | None) -> list[sqlite3.Row]:
    """(visit_type, visits) of counted visits, the most frequent first."""
    params: list = [d.VISIT_COUNTED, lo, until]
    where = _scope("district_code", district, params)
    return store.query(
        "SELECT visit_type, count(*) FROM visits"
        f" WHERE status = ? AND visit_date BETWEEN ? AND ?{where} GROUP BY 1 ORDER BY 2 DESC",
        params,
    )


def follow_up_counts(store: Store, as_of: str, district: str | None) -> list[sqlite3.Row]:
    """(district_code, open, overdue, needs coordination) of the open follow-up items."""
    params: list = [as_of, d.FOLLOW_UP_OPEN]
    where = _scope("v.district_code", district, params)
    return store.query(
        "SELECT v.district_code, count(*), coalesce(sum(f.due_date < ?), 0),"
        " sum(f.needs_coordination) FROM follow_ups f JOIN visits v ON v.id = f.visit_id"
        f" WHERE f.status = ?{where} GROUP BY 1",
        params,
    )


def meeting_items(
    store: Store, as_of: str, district: str | None, limit: int | None
) -> list[sqlite3.Row]:
    """Open items flagged "needs coordination": the progress meeting's list, by district and
    due date (items without a date last)."""
    params: list = [as_of, d.FOLLOW_UP_OPEN]
    where = _scope("v.district_code", district, params)
    tail = ""
    if limit is not None:
        params.append(limit)
        tail = " LIMIT ?"
    return store.query(
        "SELECT f.id, v.district_code, e.name AS enterprise, f.description, f.owner,"
        " f.due_date, v.visit_date, v.id AS visit_id,"
        " (f.due_date IS NOT NULL AND f.due_date < ?) AS overdue"
        " FROM follow_ups f JOIN visits v ON v.id = f.visit_id"
        " JOIN enterprises e ON e.id = v.enterprise_id"
        f" WHERE f.status = ? AND f.needs_coordination = 1{where}"
        f" ORDER BY v.district_code, f.due_date IS NULL, f.due_date, e.name_pinyin{tail}",
        params,
    )


def districts(store: Store) -> list[sqlite3.Row]:
    return store.query("SELECT adcode, name FROM districts ORDER BY adcode")


def stored_targets(store: Store, year: int) -> list[sqlite3.Row]:
    return store.query(
        "SELECT scope, visits_target, appointments_target FROM targets WHERE year = ?", (year,)
    )
